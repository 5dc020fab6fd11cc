// core/settings — the 国保連's settings (DESIGN §3.3 `kokuhoren.toml`): the reception window and
// cancel cut-off, the review's plan-mismatch policy and hold schedule, and the settlement's
// deductions (手数料), negative-payment policy and notice texts. Values the seeds date (the
// 1-month hold from the 2026-04 review, the 電子証明書発行手数料 from 2026-04-01 applications)
// are schedules here, not constants in code.
// Owns: the values, their defaults and strict parsing of the TOML text. Must not: read files or
// apply the rules (reception and review do).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/diagnostic.hpp"
#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/money.hpp"

namespace kaigo {

// 受付期間: from the 1st 00:00 to deadline_day at deadline_time (that minute included).
struct ReceptionSettings {
  int deadline_day = 10;
  ClockTime deadline_time{23, 59};
  ClockTime cancel_cutoff{23, 30};  // 取消 possible until this minute of the deadline day, included
};

// 保留期間 — one entry of the hold schedule: from review month `from` on, a 明細書 without its
// 給付管理票 is returned once it has waited `months` review months (0: returned in the month it
// arrives; review-rules §4.5).
struct HoldRule {
  YearMonth from;
  int months = 0;
};

// What to do when a 明細書 disagrees with its 給付管理票 (review-rules §4.3: 「査定」 or, at some
// 国保連, 「返戻（査定でエラーがある場合）」).
enum class PlanMismatch { Cut, Return };  // 増減 (査定) or 返戻
inline constexpr EnumTable<PlanMismatch, 2> kPlanMismatches{{{
#include "kaigo/core/plan_mismatch.enum.inc"
}}};
constexpr const auto& enum_table(PlanMismatch) { return kPlanMismatches; }

struct ReviewSettings {
  PlanMismatch plan_mismatch = PlanMismatch::Cut;
  // seed 002 (2–3 months before) and seed 000 §4 (1 month from the April 2026 review). Any order.
  std::vector<HoldRule> hold{{{2000, 4}, 3}, {{2026, 4}, 1}};
  // hold(R) of DESIGN §3.3: the months of the entry in force for review month R (the one with the
  // latest `from` ≤ R); nullopt before the first entry.
  std::optional<int> hold_months(YearMonth review_month) const;
};

// 手数料 deducted from an office's payment (seed 000 §3(1), seed 001 §7).
enum class FeeKind : std::uint8_t {
  Certificate,      // 電子証明書発行手数料 (介護保険証明書発行手数料), per application
  CarePlanLicense,  // ケアプランデータ連携システム ライセンス料, per office number and year
};

// The TOML names and the Japanese names of the fees.
inline constexpr EnumTable<FeeKind, 2> kFeeKinds{{{
#include "kaigo/core/fee_kind.enum.inc"
}}};
constexpr const auto& enum_table(FeeKind) { return kFeeKinds; }

// One entry of the fee schedule: applications made on or after `from` cost `amount` (税込).
struct FeeRule {
  FeeKind kind = FeeKind::Certificate;
  Date from;
  Yen amount;
};

// What to do when an office's month nets below zero (review-rules §6.3 [INF]).
enum class NegativePayment {
  Carry,  // 繰越: nothing is paid; the shortfall is deducted from the next month's payment
  Bill,   // 返納請求: nothing is paid; the shortfall is billed to the office
};
inline constexpr EnumTable<NegativePayment, 2> kNegativePayments{{{
#include "kaigo/core/negative_payment.enum.inc"
}}};
constexpr const auto& enum_table(NegativePayment) { return kNegativePayments; }

struct SettlementSettings {
  NegativePayment negative = NegativePayment::Carry;
  // seed 000 §3(1): 13,200 円 (現行; the start is not stated [INF]), 7,800 円 for applications
  // from 2026-04-01; seed 001 §7: 21,000 円 per office number and year (the system's start,
  // 2023-04, is [INF]).
  std::vector<FeeRule> fees{{FeeKind::Certificate, {2000, 4, 1}, Yen{13200}},
                            {FeeKind::Certificate, {2026, 4, 1}, Yen{7800}},
                            {FeeKind::CarePlanLicense, {2023, 4, 1}, Yen{21000}}};
  std::string committee = "介護給付費等審査委員会";  // 審査委員会名 (7311, 7621)
  std::string message;                               // 連絡事項 of the 7311 (empty: none)
  // The fee of an application made on `applied_on` (the latest rule of its kind with from ≤ the
  // day); nullopt before the first rule.
  std::optional<Yen> fee(FeeKind kind, Date applied_on) const;
};

// Accounts, sessions, reset mail and certificates (`[auth]`, docs/auth.md). The seeds fix two of
// these: 代理請求 covers at most 100 offices with one certificate, and a certificate is valid for
// 3 years (seed 001); the rest are this project's choices.
struct AuthSettings {
  // Passwords (and security codes): Argon2id through libsodium, 2 passes over 32 MiB (above
  // OWASP's 19 MiB × 2 minimum): ~21 ms of CPU per hash here, a login under 100 ms even on a
  // loaded machine (docs/performance.md "auth"). min_length counts characters (code points).
  int password_min_length = 12;
  int security_code_min_length = 8;       // セキュリティコード (seed 000 §3(2))
  std::int64_t password_ops = 2;          // crypto_pwhash opslimit
  std::int64_t password_mem_kib = 32768;  // crypto_pwhash memlimit in KiB (32 MiB)
  // Lockout: this many wrong passwords in a row lock the account for lock_minutes.
  int max_failed_logins = 5;
  int lock_minutes = 30;
  // Sessions end after idle_minutes without a request, and in any case max_hours after login.
  int session_idle_minutes = 30;
  int session_max_hours = 8;
  // Reset by security e-mail (seed 000 §3(2)): the one-time link's life and where it points.
  int reset_minutes = 30;
  std::string reset_base_url = "https://127.0.0.1:8443";
  // The SMTP relay the reset mail goes through ("host:port"; plain SMTP unless starttls).
  std::string mail_relay = "127.0.0.1:25";
  std::string mail_from = "kaigo@localhost";
  bool mail_starttls = false;
  int mail_timeout_seconds = 10;
  // Certificates: office client certificates (3 years, seed 001), the CA, the server's own.
  int certificate_days = 1095;
  int ca_days = 7300;
  int server_certificate_days = 825;
  int max_offices = 100;  // 代理請求: 1つの電子証明書で100事業所まで (seed 001)
};

// [files]: who may read what kaigo writes (the database, results, logs). They hold names, birth
// dates and bank accounts: the owner only (0600 / 0700) unless a 国保連 shares them with a group.
struct FilesSettings {
  bool group_readable = false;  // 0640 / 0750
};

// [platform]: the 介護情報基盤 (docs/platform.md). An office sees a person while it serves them,
// judged from its 明細書 (seed 004 §3: 「サービス提供のレセプトの継続的な発生により識別」; §8 本人確認
// No.1: 「一定期間の閲覧有効期限」, not stated): for serving_months after the later of its 本人確認
// and the サービス提供年月 of its latest 明細書 for the person.
struct PlatformSettings {
  int serving_months = 3;
};

// [careplan]: the care-plan hub (ケアプランデータ連携, docs/careplan.md "The hub"). How long the hub
// keeps a file is not public (careplan-and-platform.md A.6 [NF]): a setting, 90 days by default.
// The key that encrypts files at rest is read from key_file (never from the database); empty: the
// file `<database>.careplan-key` beside the database, made (0600) on first use.
struct CarePlanSettings {
  int retention_days = 90;
  std::string key_file;
};

struct Settings {
  std::string name = "国民健康保険団体連合会";
  ReceptionSettings reception;
  ReviewSettings review;
  SettlementSettings settlement;
  AuthSettings auth;
  FilesSettings files;
  PlatformSettings platform;
  CarePlanSettings careplan;
};

struct SettingsResult {
  std::optional<Settings> settings;  // set unless an error was found
  Diagnostics diagnostics;           // errors (KS01 syntax, KS02 value) and warnings (KS03 unknown key)
};

// Parses kokuhoren.toml text; keys left out keep their defaults.
SettingsResult parse_settings(std::string_view toml_text, const std::string& file_name);

}  // namespace kaigo
