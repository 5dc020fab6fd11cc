// master/keys — the typed keys of the ledgers' effective-dated tables, built like billing's keys
// (core/fixed_text): each item in place at its official width, compared as bytes, hashed without
// allocating; text() is the key as a diagnostic names it (items separated by a space).
//   PersonKey         保険者番号 (6; the zero-padded writing is the same insurer) × 被保険者番号
//   OfficeServiceKey  事業所番号 × サービス種類コード: one registration of an office
//   FundRecipientKey  公費負担者番号 (8) × 公費受給者番号 (7): one 公費 recipient
//   SougouCodeKey     保険者番号 × サービスコード (6): a municipality's 総合事業 code
// and PersonId, the same person's two numbers as someone outside wrote them (a care-plan file, a
// platform request), before they are checked: key() is the ledger's PersonKey when both fit.
// Owns: the keys and normalize_insurer_no. Must not: look anything up.
#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/core/fixed_text.hpp"

namespace kaigo::master {

// 証記載保険者番号 as written → the ledger's 6-digit number: a 保険者番号 is 6 digits, and senders
// pad it on the left with 0 to 8 (or 7); a longer number with any other leading digit is kept as
// written (it is no insurer's). store/detail/claim_sql.hpp normalized_insurer is this rule in SQL.
std::string_view normalize_insurer_no(std::string_view insurer_no);

// Whose record: 保険者番号 × 被保険者番号. `of` is nullopt when an item is longer than its width.
class PersonKey : public PairKey<PersonKey, 8, 10> {
 public:
  static std::optional<PersonKey> of(std::string_view insurer_no, std::string_view insured_no) {
    return make(normalize_insurer_no(insurer_no), insured_no);
  }
  std::string_view insurer_no() const { return first(); }  // 6 digits (or as written)
  std::string_view insured_no() const { return second(); }
};

// 保険者番号 + 被保険者番号 as written (利用者 of a care-plan file, the person a platform request
// names): one type for every module that receives a person from outside.
struct PersonId {
  std::string insurer_no;  // 保険者番号 (6 digits)
  std::string insured_no;  // 被保険者番号 (10 of 0-9 A-Z; H + 9 digits for 生保単独)
  auto operator<=>(const PersonId&) const = default;
  bool operator==(const PersonId&) const = default;
  std::string str() const { return insurer_no + ":" + insured_no; }
  std::optional<PersonKey> key() const { return PersonKey::of(insurer_no, insured_no); }
};

// Which registration of an office: 事業所番号 × サービス種類コード.
class OfficeServiceKey : public PairKey<OfficeServiceKey, 10, 2> {
 public:
  static std::optional<OfficeServiceKey> of(std::string_view office_no, std::string_view service_type) {
    return make(office_no, service_type);
  }
  std::string_view office_no() const { return first(); }
  std::string_view service_type() const { return second(); }
};

// Which 公費 recipient: 公費負担者番号 (8; the first 2 digits are the 法別番号) × 公費受給者番号 (7).
class FundRecipientKey : public PairKey<FundRecipientKey, 8, 7> {
 public:
  static std::optional<FundRecipientKey> of(std::string_view payer_no, std::string_view recipient_no) {
    return make(payer_no, recipient_no);
  }
  std::string_view payer_no() const { return first(); }
  std::string_view recipient_no() const { return second(); }
};

// A municipality's 総合事業 サービスコード: 保険者番号 (as in PersonKey) × サービスコード (6).
class SougouCodeKey : public PairKey<SougouCodeKey, 8, 6> {
 public:
  static std::optional<SougouCodeKey> of(std::string_view insurer_no, std::string_view code6) {
    return make(normalize_insurer_no(insurer_no), code6);
  }
  std::string_view insurer_no() const { return first(); }
  std::string_view code() const { return second(); }
};

}  // namespace kaigo::master
