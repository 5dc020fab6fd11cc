// careplan/licence — who may use the hub: a ケアプランデータ連携システム ライセンス per 事業所番号
// (seed 001 §7: 1事業所番号ごと, 1年間 from the 申込日, 21,000 円 a year; seed 000 §1: the
// フリーパスキャンペーン makes applications from 2025-06-01 to 2026-05-31 free for one year). The
// terms (periods, campaigns) are data, licence_terms.tsv; the fee is the settings' dated schedule
// ([settlement] fees careplan_license); a licence that is not free records a fee due, deducted
// from the office's 7513 in the review month open on the later of its 申込日 and its recording.
// Owns: the terms, the period of a licence, whether one is in force, the refusals (CH01–CH06).
// Must not: hold SQL (LicenceRepository, store/careplan_store) or price a fee (settings do).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/auth/refusal.hpp"
#include "kaigo/core/clock.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/settings.hpp"

namespace kaigo::master {
class OfficeLedger;
}

namespace kaigo::careplan {

// One row of licence_terms.tsv: applications made from `from` to `to` (inclusive) get a licence
// of `months` months; `free` ones cost nothing (a campaign).
struct LicenceTerms {
  std::string name;   // standard, free_pass
  std::string title;  // ライセンス（年間）, フリーパスキャンペーン
  Date from;
  std::optional<Date> to;
  int months = 12;
  bool free = false;
  std::string source;
};

const std::vector<LicenceTerms>& licence_terms();
// The terms for an application made on `applied_on`: a free campaign open that day first, else the
// latest standard terms from on or before it; nullptr before the system existed.
const LicenceTerms* terms_for(Date applied_on);

// ケアプランデータ連携システム ライセンス — one year (or a campaign's period) for one 事業所番号.
struct Licence {
  std::int64_t id = 0;
  std::string office_no;
  Date applied_on;  // 申込日
  Date valid_from;  // 利用期間 (from the 申込日)
  Date valid_to;    // … to the day before the same day `months` later
  std::string terms;  // LicenceTerms::name
  bool free = false;
  std::optional<YearMonth> fee_month;  // review month whose 7513 deducts the fee (none when free)
  LocalDateTime recorded_at;
  std::string recorded_by;  // the account that recorded it ('' from the command line)
};

// The last day of a licence of `months` months from `from`: the day before the same day that many
// months later (a 2025-06-10 application runs to 2026-06-09; from a 31st, to the month's end).
Date licence_end(Date from, int months);

class LicenceRepository {
 public:
  virtual ~LicenceRepository() = default;
  virtual std::vector<Licence> licences_of(std::string_view office_no) = 0;
  // Keeps the licence and, when fee_month is set, its fee due (fees_due, kind careplan_license)
  // in one transaction; returns its id.
  virtual std::int64_t add_licence(const Licence& licence) = 0;
};

struct LicenceResult {
  auth::Refusals refusals;
  std::optional<Licence> licence;
};

// Records an application of `office_no` made on `applied_on`: the office must be in the 事業所台帳
// (CH05), terms must exist for the day (CH06), and the period must not overlap a licence it
// already has (CH04: a renewal applies on the day after the last one ends).
LicenceResult apply_licence(LicenceRepository& repo, const master::OfficeLedger& offices, std::string_view office_no,
                            Date applied_on, const LocalDateTime& at, std::string_view by, const Settings& settings);

// Whether the office may use the hub on `day`: CH01 no licence, CH02 expired, CH03 not yet begun.
std::optional<auth::Refusal> licence_refusal(std::span<const Licence> licences, std::string_view office_no, Date day);

}  // namespace kaigo::careplan
