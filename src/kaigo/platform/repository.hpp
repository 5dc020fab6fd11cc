// platform/repository — what the platform needs from storage, declared here and implemented by
// store/platform_store on SQLite: records as chains of versions, the cross-municipality link of
// each person (PMH), received linkage files (their answers, never their bytes: they hold My
// Numbers), go-live dates, 本人確認 by offices, the 明細書 the claims store holds (to tell
// whether an office still serves a person), 主治医意見書 請求書 and 認定審査会資料.
// Callers run a change and its audit row in one atomically() step: the audit trail they use must be
// on the same database (store::PlatformStore and store::AuthStore over one store::Database are).
// Owns: the records and the interface. Must not: hold SQL.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/date.hpp"
#include "kaigo/core/money.hpp"
#include "kaigo/platform/record.hpp"

namespace kaigo::platform {

// The latest version of one record, as the linkage compares a new row with it.
struct LatestVersion {
  std::int64_t id = 0;
  int version = 0;
  UpdateKind update = UpdateKind::New;
  Date effective_on;
  std::string data;
};

// How one registration of a person is linked to the same person elsewhere (seed 004 §7): by the
// PMH key, or not at all while the PMH error stands.
struct PersonLink {
  std::string pmh_key;    // empty while not linked
  std::string pmh_error;  // PL41 / PL42 while not linked
};

// A municipality's 介護情報基盤利用開始日.
struct GoLive {
  std::string insurer_no;
  Date golive_on;
};

// 本人確認 of a person by an office (seed 004 §8 本人確認: マイナンバーカード or the 4 items of the
// 被保険者証).
struct Identification {
  std::string office_no;
  PersonId person;
  LocalDateTime at;
  std::string method;  // "card" / "four_items"
  std::string by;      // the user who did it
};

// 主治医意見書の請求書 (seed 004 §4 請求書作成): what the insurer receives as CSV.
struct Invoice {
  std::int64_t id = 0;
  PersonId person;              // 依頼元保険者番号 + 被保険者番号
  std::string opinion_record;    // the opinion's record_id
  std::string institution_code;  // 医療機関コード (or the facility's 事業所番号)
  std::string doctor_name;
  Date requested_on;  // 作成依頼日
  Date registered_on;  // 請求書登録日
  Yen opinion_fee;          // 意見書作成料
  std::int64_t first_visit_points = 0;  // 診察・検査費用（初診・点数）
  std::string by;           // the doctor's user ID
};

// 認定審査会資料: one PDF for the committee, behind a link its members open with their accounts.
struct Packet {
  std::int64_t id = 0;
  PersonId person;
  Date applied_on;
  std::string created_by;
  LocalDateTime created_at;
  std::vector<std::string> members;  // user IDs that may open it
  std::string sha256;
  std::int64_t pages = 0;
  std::string pdf;  // bytes (read only by packet_pdf)
};

// What kaigo keeps of a received linkage file: the answer, not the bytes.
struct LinkageFileRecord {
  std::int64_t id = 0;
  std::string file_name;
  std::string sha256;
  LocalDateTime received_at;
  std::string by;
  std::string insurer_no;  // the insurer the sender spoke for (empty: the operator)
  std::string answer;      // the answer as JSON text
};

class Repository {
 public:
  virtual ~Repository() = default;
  // Runs `step` in one write transaction: all of it or nothing.
  virtual void atomically(const std::function<void()>& step) = 0;

  // Records.
  virtual std::optional<LatestVersion> latest(const PersonId& person, std::string_view kind, std::string_view record_id) = 0;
  // Stores a version (its id is given by the store and returned).
  virtual std::int64_t add_version(const Record& record) = 0;
  // Every version of every record of the person, in id order.
  virtual std::vector<Record> records(const PersonId& person) = 0;
  // A fresh record id for records the platform itself creates: prefix + a number.
  virtual std::string next_record_id(std::string_view prefix) = 0;

  // Cross-municipality link (PMH).
  virtual std::optional<PersonLink> link(const PersonId& person) = 0;
  virtual void set_link(const PersonId& person, const PersonLink& link, const LocalDateTime& at) = 0;
  // Every registration linked by `pmh_key` (the person's own included).
  virtual std::vector<PersonId> linked_with(std::string_view pmh_key) = 0;
  // The database's secret salt of the PMH key (made on first use).
  virtual std::string key_salt() = 0;

  // Linkage files.
  virtual std::int64_t add_linkage_file(const LinkageFileRecord& file) = 0;
  virtual void set_linkage_answer(std::int64_t id, std::string_view answer) = 0;
  virtual std::optional<LinkageFileRecord> linkage_file(std::int64_t id) = 0;

  // Go-live dates: the latest load of each insurer is in force; earlier ones stay as history.
  virtual std::optional<Date> golive(std::string_view insurer_no) = 0;
  virtual void set_golive(std::span<const GoLive> dates, std::string_view file_name, const LocalDateTime& at) = 0;
  virtual std::vector<GoLive> golives() = 0;

  // 本人確認.
  virtual void add_identification(const Identification& identification) = 0;
  // The latest 本人確認 of the person by the office made at or before `at`.
  virtual std::optional<Identification> identification(std::string_view office_no, const PersonId& person,
                                                       const LocalDateTime& at) = 0;

  // The latest サービス提供年月 of a 明細書 from `office_no` for the person that kaigo received by
  // `at` (accepted, not cancelled, without errors): the claims that show the office still serves
  // the person (seed 004 §3, §8 本人確認 No.1).
  virtual std::optional<YearMonth> latest_claim_month(std::string_view office_no, const PersonId& person,
                                                      const LocalDateTime& at) = 0;

  // 主治医意見書の請求書.
  virtual std::int64_t add_invoice(const Invoice& invoice) = 0;
  // The insurer's invoices registered from..to (inclusive), in id order.
  virtual std::vector<Invoice> invoices(std::string_view insurer_no, Date from, Date to) = 0;

  // 認定審査会資料.
  virtual std::int64_t add_packet(const Packet& packet) = 0;
  virtual std::optional<Packet> packet(std::int64_t id) = 0;
};

}  // namespace kaigo::platform
