// gen/platform_month — a generated 介護情報基盤 month beside the claims month of `kaigo gen`, read
// back from the ledgers that month wrote (recipients.csv, insurers.csv), so that the demo shows the
// platform on the same people: the municipalities' go-live dates (one live since 2026-04-01 or the
// first of the month, one not yet), an initial linkage file (証, 負担割合証, 認定申請書 with 包括同意
// in each of the three periods of seed 004 §3 and without, 進捗, 認定調査票, paper 主治医意見書 and
// their 依頼, LIFE, ケアプラン, 住宅改修, 福祉用具購入), PMH errors (住所地特例 without a My Number,
// people outside medical insurance), a daily file of 更新/削除/新規 that fixes half of the PMH
// errors, and 主治医意見書 JSON with 請求書 for the clinic's doctor to send.
// Owns: those files. Must not: be used for anything but tests, demos and benchmarks.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "kaigo/core/date.hpp"

namespace kaigo::gen {

struct PlatformMonthOptions {
  YearMonth processing_month;
  std::uint64_t seed = 1;
  int people = 2000;  // at most this many people of recipients.csv get platform records
};

struct PlatformMonthReport {
  int people = 0;
  int insurers = 0;
  std::int64_t initial_rows = 0;
  std::int64_t daily_rows = 0;
  int consent_before_april_2026 = 0;  // period ①
  int consent_before_golive = 0;      // period ② (new form, municipality not yet live)
  int consent_after_golive = 0;       // period ③
  int consent_old_form = 0;           // 旧様式 after 2026-04-01
  int no_consent = 0;
  int pmh_errors = 0;
  int opinions = 0;
};

// The clinic every generated 主治医意見書作成依頼 goes to (a doctor account of it sends the opinions).
inline constexpr const char* kGeneratedClinic = "1310000001";

// One person's keys and certification, as the platform month uses them.
struct PlatformPerson {
  std::string insurer_no, insured_no, name_kana;
  Date birth;
  int sex = 1;
  std::string care_level;
  Date cert_from, cert_to;
  std::string support_office_no;
};

// The initial linkage rows of person number `index` (deterministic from the seed); `golive` is its
// municipality's go-live. Appends to `out`; returns the number of rows.
int append_person_rows(std::string& out, const PlatformPerson& p, int index, std::uint64_t seed, Date golive);

// Writes `dir`/platform/ (golive.csv, linkage-initial.csv, linkage-daily.csv, opinions/*.json) from
// `dir`/recipients.csv and `dir`/insurers.csv; throws std::runtime_error on I/O failure.
PlatformMonthReport generate_platform_month(const std::filesystem::path& dir, const PlatformMonthOptions& options);

}  // namespace kaigo::gen
