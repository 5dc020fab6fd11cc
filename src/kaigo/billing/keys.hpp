// billing/keys — the identities documents are matched by (review-rules §5), as types:
//   ClaimKey        a 明細書: 交換情報識別番号, サービス提供年月, 事業所番号, 証記載保険者番号,
//                   被保険者番号 [INF: the 様式 belongs to the key] — ANN2, ANN4, ANN7, 過誤;
//   PersonMonthKey  a person's month: 証記載保険者番号, 被保険者番号, サービス提供年月 (対象年月) —
//                   the 給付管理票 of a 明細書, ANN0 / ANNJ.
// The 証記載保険者番号 is held in its 6-digit form (master::normalize_insurer_no: the 8-digit
// zero-padded writing is the same insurer); the person is master::PersonKey, the key of the
// 受給者台帳. Each item is kept in place at its official width (core/fixed_text), so that a key is
// small, compares as bytes and hashes without allocating.
// Owns: building, comparing and hashing the keys. Must not: look anything up.
#pragma once
#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/billing/types.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/fixed_text.hpp"
#include "kaigo/master/keys.hpp"

namespace kaigo::billing {

// 被保険者 × 月: whose 給付管理票 a 明細書 needs.
class PersonMonthKey {
 public:
  // nullopt when an item is longer than its official width (a document the reader refused).
  static std::optional<PersonMonthKey> of(std::string_view insurer_no, std::string_view insured_no, YearMonth month);
  static std::optional<PersonMonthKey> of(const StatementKey& k) { return of(k.insurer_no, k.insured_no, k.service_month); }
  static std::optional<PersonMonthKey> of(const BenefitPlan& p) { return of(p.insurer_no, p.insured_no, p.service_month); }
  // The same, for values that passed the reader: throws std::invalid_argument (Japanese /
  // English) when an item is too long.
  static PersonMonthKey from(const StatementKey& k);
  static PersonMonthKey from(const BenefitPlan& p);

  std::string_view insurer_no() const { return person_.insurer_no(); }  // 6 digits (or as written)
  std::string_view insured_no() const { return person_.insured_no(); }
  const master::PersonKey& person() const { return person_; }
  YearMonth month() const { return month_; }
  std::size_t hash() const;

  auto operator<=>(const PersonMonthKey&) const = default;
  bool operator==(const PersonMonthKey&) const = default;

 private:
  master::PersonKey person_;
  YearMonth month_;
};

// 明細書 identity.
class ClaimKey {
 public:
  static std::optional<ClaimKey> of(const StatementKey& k);
  // Throws std::invalid_argument (Japanese / English) when an item is too long.
  static ClaimKey from(const StatementKey& k);

  std::string_view form_id() const { return form_.view(); }
  YearMonth service_month() const { return person_.month(); }
  std::string_view office_no() const { return office_.view(); }
  std::string_view insurer_no() const { return person_.insurer_no(); }
  std::string_view insured_no() const { return person_.insured_no(); }
  const PersonMonthKey& person_month() const { return person_; }
  std::size_t hash() const;

  auto operator<=>(const ClaimKey&) const = default;
  bool operator==(const ClaimKey&) const = default;

 private:
  FixedText<4> form_;
  FixedText<10> office_;
  PersonMonthKey person_;
};

}  // namespace kaigo::billing

template <>
struct std::hash<kaigo::billing::PersonMonthKey> {
  std::size_t operator()(const kaigo::billing::PersonMonthKey& k) const noexcept { return k.hash(); }
};
template <>
struct std::hash<kaigo::billing::ClaimKey> {
  std::size_t operator()(const kaigo::billing::ClaimKey& k) const noexcept { return k.hash(); }
};
