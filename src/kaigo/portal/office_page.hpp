// portal/office_page — each office's own page (マイページ, seed 000 §2(1)②: 「アカウント作成後
// ユーザ情報や各種申請情報を確認できます」): its KJ user IDs and accounts (auth), its certificates
// with their expiry and fee (auth's certificate store; the fee as auth recorded it in fees_due and
// priced by the settings' schedule), its ケアプランデータ連携 licence with its period and fee (the
// care-plan hub's — see CarePlanLicences below), the fees deducted from its 支払決定額通知書 (7513)
// month by month (settlement's fees and office_payments), its 助成金 applications, and the KJ-ID
// letters sent to it.
// Owns: which facts the page shows and how they are put together. Must not: own accounts,
// certificates, licences or fees (auth, careplan and settlement do), or hold SQL.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/auth/certificates.hpp"
#include "kaigo/core/settings.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/portal/application.hpp"
#include "kaigo/settlement/fees.hpp"

namespace kaigo::portal {

// ケアプランデータ連携システム ライセンス as the page shows it (seed 001 §7, seed 000 §1: 21,000 円 a
// year; the フリーパスキャンペーン makes one year free for applications from 2025-06-01 to 2026-05-31).
struct CarePlanLicence {
  std::string office_no;
  Date applied_on;  // 申込日
  Date valid_from;  // 利用期間
  Date valid_to;
  std::optional<Yen> fee;  // ライセンス料; none when free
  std::string note;        // e.g. フリーパスキャンペーン
};

// SEAM — the licences belong to the care-plan hub (DESIGN §2: careplan owns "the hub's mailboxes
// and licences"), which another engineer is building now. Nothing in kaigo implements this yet:
// until the hub provides an implementation, the page is built with none and says the licence
// section is not connected (OfficePage::licences empty with licences_connected false). The fees a
// licence causes still show under the monthly fees (fees.csv / fees_due rows of kind
// careplan_license).
class CarePlanLicences {
 public:
  virtual ~CarePlanLicences() = default;
  virtual std::vector<CarePlanLicence> licences_of(std::string_view office_no) = 0;
};

// A fee recorded for the office: a fees_due row (auth's certificates, later the hub's licences) or
// a row of the fees.csv in force.
struct FeeRecord {
  settlement::DueFee fee;
  std::string source;  // "certificate:<serial>", "fees.csv", …
};

// What settlement decided to pay the office for a review month (office_payments).
struct PaymentRecord {
  YearMonth month;
  Yen transfer, carried_out, billed;
};

// A KJ-ID letter sent (電子請求登録結果に関するお知らせ); never the secrets it printed.
struct LetterRecord {
  std::string batch;
  std::string office_no;
  std::string user_id;
  LocalDateTime issued_at;
  std::string issued_by;
};

// What the page reads from storage (store/portal_store implements it).
class OfficeRecords {
 public:
  virtual ~OfficeRecords() = default;
  virtual std::vector<FeeRecord> fees_of(std::string_view office_no) = 0;
  virtual std::vector<PaymentRecord> payments_of(std::string_view office_no) = 0;
  virtual std::vector<LetterRecord> letters_of(std::string_view office_no) = 0;
  virtual void add_letter(const LetterRecord& letter) = 0;
};

struct CertificateLine {
  std::string serial;
  bool applicant = false;   // this office applied for it (and pays its fee)
  std::size_t offices = 0;  // how many offices it speaks for (代理請求)
  Date applied_on;
  LocalDateTime not_before, not_after;  // 有効期間
  auth::CertificateState state = auth::CertificateState::Valid;
  std::int64_t days_left = 0;          // until not_after (0 once expired)
  std::optional<YearMonth> fee_month;  // the review month its fee is deducted from
  std::optional<Yen> fee;              // 電子証明書発行手数料 (税込)
};

// The fees of one review month as the 7513 deducts them.
struct FeeMonth {
  YearMonth month;
  Yen certificate_fee;  // 電子証明書発行手数料
  Yen license_fee;      // ケアプランデータ連携システム ライセンス料
  std::vector<FeeRecord> charges;
  std::vector<std::string> notes_ja;  // fees settlement does not charge (a second licence, no price)
  bool settled = false;               // the month's 7513 was issued (控除済); else 控除予定
  std::optional<Yen> transfer;        // 振込金額 of that 7513
};

struct ServiceLine {
  std::string service_type;
  std::string service_name;   // from the サービス種類 master when known
  std::string subsidy_class;  // 訪問・通所・短期滞在系 … (empty when none)
};

struct OfficePage {
  std::string office_no;
  std::string name;
  LocalDateTime at;
  std::vector<ServiceLine> services;
  std::vector<auth::AccountSummary> accounts;  // every account acting for the office (own first)
  std::vector<CertificateLine> certificates;
  bool licences_connected = false;  // false: the care-plan hub is not connected yet
  std::vector<CarePlanLicence> licences;
  std::vector<FeeMonth> fees;          // by review month, newest first
  std::vector<Application> subsidies;  // newest first
  std::vector<LetterRecord> letters;
};

struct PageSources {
  const master::OfficeLedger& offices;
  const master::Masters* masters = nullptr;  // service names (optional)
  auth::Accounts& accounts;
  auth::CertificateStore& certificates;
  OfficeRecords& records;
  SubsidyRepository& subsidies;
  const Settings& settings;
  CarePlanLicences* licences = nullptr;  // none until the care-plan hub provides one
};

// The office's own accounts, the 国保連 and administrators.
bool may_view_office(const auth::User& user, std::string_view office_no);

struct PageResult {
  auth::Refusals refusals;  // KH40 not the caller's office (or unknown: the same answer), KH50 unknown office
  std::optional<OfficePage> page;
};
PageResult office_page(PageSources& sources, std::string_view office_no, const auth::User& user,
                       const LocalDateTime& at);

}  // namespace kaigo::portal
