// master/keys — the typed keys of the ledgers' effective-dated tables, built like billing's keys
// (core/fixed_text): each item in place at its official width, compared as bytes, hashed without
// allocating; text() is the key as a diagnostic names it (items separated by a space).
//   PersonKey         保険者番号 (6; the 8-digit zero-padded writing is the same insurer) × 被保険者番号
//   OfficeServiceKey  事業所番号 × サービス種類コード: one registration of an office
//   SougouCodeKey     保険者番号 × サービスコード (6): a municipality's 総合事業 code
// Owns: the keys and normalize_insurer_no. Must not: look anything up.
#pragma once
#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/fixed_text.hpp"

namespace kaigo::master {

// 証記載保険者番号 as written (8, zero-padded) → the ledger's 6-digit number.
std::string_view normalize_insurer_no(std::string_view insurer_no);

// Whose record: 保険者番号 × 被保険者番号.
class PersonKey {
 public:
  // nullopt when an item is longer than its official width (no ledger row can match it).
  static std::optional<PersonKey> of(std::string_view insurer_no, std::string_view insured_no);

  std::string_view insurer_no() const { return insurer_.view(); }  // 6 digits (or as written)
  std::string_view insured_no() const { return insured_.view(); }
  KeyHasher& hash_into(KeyHasher& h) const { return h.add(insurer_no()).add(insured_no()); }
  std::size_t hash() const {
    KeyHasher h;
    return hash_into(h).value();
  }
  std::string text() const;

  auto operator<=>(const PersonKey&) const = default;
  bool operator==(const PersonKey&) const = default;

 private:
  FixedText<8> insurer_;
  FixedText<10> insured_;
};

// Which registration of an office: 事業所番号 × サービス種類コード.
class OfficeServiceKey {
 public:
  static std::optional<OfficeServiceKey> of(std::string_view office_no, std::string_view service_type);

  std::string_view office_no() const { return office_.view(); }
  std::string_view service_type() const { return type_.view(); }
  std::size_t hash() const { return KeyHasher().add(office_no()).add(service_type()).value(); }
  std::string text() const;

  auto operator<=>(const OfficeServiceKey&) const = default;
  bool operator==(const OfficeServiceKey&) const = default;

 private:
  FixedText<10> office_;
  FixedText<2> type_;
};

// A municipality's 総合事業 サービスコード: 保険者番号 (as PersonKey) × サービスコード (6).
class SougouCodeKey {
 public:
  static std::optional<SougouCodeKey> of(std::string_view insurer_no, std::string_view code6);

  std::string_view insurer_no() const { return insurer_.view(); }
  std::string_view code() const { return code_.view(); }
  std::size_t hash() const { return KeyHasher().add(insurer_no()).add(code()).value(); }
  std::string text() const;

  auto operator<=>(const SougouCodeKey&) const = default;
  bool operator==(const SougouCodeKey&) const = default;

 private:
  FixedText<8> insurer_;
  FixedText<6> code_;
};

}  // namespace kaigo::master
