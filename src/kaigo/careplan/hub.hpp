// careplan/hub — the care-plan hub (ケアプランデータ連携システム, seed 001 §3–5, reference A.6):
// an office sends a set of files (送信: CSV files of the standard, PDF attachments such as 第3表,
// and a message — the FAX 頭紙 of seed 001 §5) or keeps it as a draft (一時保存); each CSV file
// goes to the 送信先 of its name, which must be in the 事業所台帳 with that サービス種類; the
// receiver's mailbox (受信一覧) lists what arrived and marks it received when it is downloaded,
// and the sender sees that; a delete file (DLT*) withdraws, person by person, what the same
// sender sent the same receiver earlier (withdrawals.tsv); files are kept byte for byte with their
// SHA-256, sealed (sealed.hpp), and removed after the retention period ([careplan]
// retention_days). Both offices need a licence in force (licence.hpp). Every refusal is an
// auth::Refusal with its CHnn code and rule (docs/careplan.md "The hub").
// Owns: those rules. Must not: hold SQL (HubRepository, store/careplan_store), print, or know HTTP.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/auth/user.hpp"
#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/file_name.hpp"
#include "kaigo/careplan/licence.hpp"
#include "kaigo/careplan/sealed.hpp"
#include "kaigo/careplan/values.hpp"

namespace kaigo::master {
class OfficeLedger;
}

namespace kaigo::careplan {

// A file as given to the hub (its base name and bytes).
struct Upload {
  std::string name;
  std::string bytes;
};

inline constexpr std::string_view kAttachmentKind = "PDF";

// One file of a 送信.
struct ParcelFile {
  std::int64_t id = 0;
  int seq = 0;               // order within the set
  std::string name;          // as sent
  std::string kind;          // prefix of the standard (UPPLAN …), or "PDF" for an attachment
  std::string month;         // YYYYMM (or 000000) of the name; empty when the kind has none
  Endpoint sender;           // 送信元 of the name (the parcel's office for an attachment)
  Endpoint receiver;         // 送信先; empty for an attachment (every receiver of the set gets it)
  std::string sha256;        // of the bytes as sent
  std::int64_t size = 0;
  int persons = 0;           // person keys it holds
  int withdrawn_persons = 0; // … withdrawn by later DLT files
  std::optional<LocalDateTime> purged_at;  // the retention period removed its bytes

  bool withdrawn() const { return persons > 0 && withdrawn_persons == persons; }
  bool attachment() const { return kind == kAttachmentKind; }
};

enum class ParcelState { Draft, Sent };  // 一時保存 / 送信済
std::string_view parcel_state_name(ParcelState s);  // "draft" / "sent"

// 受信 of one receiver office: when it downloaded the set (受信済), or not yet (未受信).
struct Receipt {
  std::string office_no;
  std::optional<LocalDateTime> received_at;
  std::string received_by;
};

// 送信 — a set of files from one office with its message.
struct Parcel {
  std::int64_t id = 0;
  ParcelState state = ParcelState::Draft;
  std::string sender_office;
  std::string sender_user;  // KJ user ID ('' from the command line acting as nobody)
  std::string message;      // メッセージ (FAX の頭紙)
  LocalDateTime created_at;
  std::optional<LocalDateTime> sent_at;
  std::vector<ParcelFile> files;
  std::vector<Receipt> receipts;  // one per receiver office once sent

  // What `office` receives of it: its CSV files and every attachment.
  std::vector<ParcelFile> files_for(std::string_view office) const;
  const Receipt* receipt_of(std::string_view office) const;
};

// A person key of a file: 保険者番号, 被保険者番号 and the item that ties records to their parent
// (対象年月, 計画作成日 …; withdrawals.tsv key_item) as written.
struct FilePerson {
  std::string insurer_no;
  std::string insured_no;
  std::string key;
  auto operator<=>(const FilePerson&) const = default;
};

// What a DLT file withdraws: the persons, among the files of `kinds` that `sender` sent `receiver`.
struct WithdrawRequest {
  std::int64_t by_file = 0;
  std::string sender_office;
  std::string receiver_office;
  std::vector<std::string> kinds;
  std::vector<FilePerson> persons;
  LocalDateTime at;
};

// A file kept for the reconcile: the sealed bytes with what opens them.
struct KeptFile {
  ParcelFile file;
  std::int64_t parcel_id = 0;
  LocalDateTime sent_at;
  std::string sealed;
  std::vector<FilePerson> withdrawn;  // persons later DLT files withdrew
};

class HubRepository : public LicenceRepository {
 public:
  virtual void atomically(const std::function<void()>& step) = 0;
  virtual std::int64_t add_parcel(const Parcel& parcel) = 0;  // without files; returns its id
  virtual std::int64_t add_file(std::int64_t parcel_id, const ParcelFile& file, std::string_view sealed,
                                std::span<const FilePerson> persons) = 0;
  virtual void set_message(std::int64_t parcel_id, std::string_view message) = 0;
  virtual void mark_sent(std::int64_t parcel_id, const LocalDateTime& at, std::span<const std::string> receivers) = 0;
  virtual std::optional<Parcel> parcel(std::int64_t id) = 0;
  // Sets (drafts and sent) from these offices, newest first.
  virtual std::vector<Parcel> parcels_from(std::span<const std::string> offices) = 0;
  // Sent sets with a receipt for one of these offices, newest first.
  virtual std::vector<Parcel> parcels_to(std::span<const std::string> offices) = 0;
  virtual std::optional<std::string> sealed(std::int64_t file_id) = 0;  // nullopt once purged
  virtual void mark_received(std::int64_t parcel_id, std::string_view office, const LocalDateTime& at,
                             std::string_view by) = 0;
  // Withdraws the persons not yet withdrawn; returns how many person rows it withdrew.
  virtual int withdraw(const WithdrawRequest& request) = 0;
  // Removes the bytes of every file of a set sent (or, for a draft, made) before `cutoff`; the rows
  // stay with purged_at. Returns the ids of the files purged.
  virtual std::vector<std::int64_t> purge_before(const LocalDateTime& cutoff, const LocalDateTime& at) = 0;
  // Sent, unpurged files of a kind and month, one at a time in the order they were sent: a month's
  // files together are the size of the month (a gigabyte for 100,000 persons), one is not.
  virtual void for_each_kept_file(std::string_view kind, YearMonth month, const std::function<void(KeptFile&&)>& fn) = 0;
};

struct Hub {
  HubRepository& repo;
  const master::OfficeLedger& offices;
  const SealingKey& key;
  const Settings& settings;
};

struct SendResult {
  auth::Refusals refusals;          // empty when kept (draft) or sent
  std::vector<FileCheck> checks;    // the check of every CSV file (its errors refuse the set, CH15)
  std::optional<Parcel> parcel;
  int withdrawn = 0;                // person rows the set's DLT files withdrew
};

// Sends the files (or keeps them as a draft when `draft`) for `user`, who must act for the 送信元
// of every CSV file; attachments go with the CSV files to each of their receivers.
SendResult send(Hub& hub, const auth::User& user, std::span<const Upload> files, std::string_view message, bool draft,
                const LocalDateTime& at);
// Sends a draft of the user's offices, checking it again as it is now.
SendResult send_draft(Hub& hub, const auth::User& user, std::int64_t draft_id, const LocalDateTime& at);

// 受信一覧: sent sets addressed to the user's offices, each with only what that office receives.
struct InboxEntry {
  Parcel parcel;  // files: those for `office`; receipts: its own
  std::string office;
};
std::vector<InboxEntry> inbox(Hub& hub, const auth::User& user);
// 送信一覧: the sets and drafts of the user's offices, with every receiver's receipt.
std::vector<Parcel> outbox(Hub& hub, const auth::User& user);

struct FetchResult {
  auth::Refusals refusals;  // CH40 not addressed to the user (or unknown: the same answer), CH41 purged
  std::optional<InboxEntry> entry;
  std::vector<Upload> files;  // the bytes as sent, checked against their SHA-256
};
// Downloads a set for one of the user's offices (`office` empty: the only one it can be) and marks
// it received (受信済) for that office.
FetchResult fetch(Hub& hub, const auth::User& user, std::int64_t parcel_id, std::string_view office,
                  const LocalDateTime& at);

// Removes the files whose retention period ended before `at`; returns their ids.
std::vector<std::int64_t> purge_expired(Hub& hub, const LocalDateTime& at);

// The 第6表 of a service month as the hub holds them: per person, the latest 予定 sent by a
// care-management office and, per service office, its latest 実績 — persons a DLT withdrew left out,
// each sheet folded to one line per office × サービスコード (UsageSheet::folded).
struct MonthSheets {
  std::vector<UsageSheet> plans;    // 予定 (UPPLAN)
  std::vector<UsageSheet> actuals;  // 実績 (UPJSK), one per person × sending office
  std::vector<FileCheck> problems;  // files that no longer open or check cleanly
};
MonthSheets month_sheets(Hub& hub, YearMonth service_month);

}  // namespace kaigo::careplan
