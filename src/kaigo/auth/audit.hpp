// auth/audit — the audit trail (監査ログ): every login and failure, logout, upload, cancel,
// download, account and certificate change and operator action, with who, when, from where and
// what, and optionally the person concerned (保険者番号 + 被保険者番号: who read whose records).
// Rows are chained by SHA-256: row n's hash covers row n−1's hash and row n's canonical content,
// and a head (row count and last hash) is kept apart, so that an edit, a deletion in the middle
// and a truncation of the tail are each found by verify_audit, which names the first bad row.
// Owns: the row's canonical form and hash, the AuditTrail interface the store implements, and
// verification. Must not: know SQL or HTTP; hold secrets (no password, token or key ever goes
// into a row).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kaigo/auth/refusal.hpp"
#include "kaigo/core/clock.hpp"
#include "kaigo/core/enum_table.hpp"

namespace kaigo::auth {

// 監査ログの操作 — every action the audit trail records, whichever module records it: one table
// (audit_action.enum.tsv) with the word a row stores, its Japanese and English names.
enum class AuditAction : std::uint8_t {
  // accounts, sessions and certificates (auth)
  Login,
  LoginFailed,
  Logout,
  LockedOut,
  UserAdd,
  PasswordSet,
  SecurityCodeSet,
  UserLock,
  UserUnlock,
  ResetRequest,
  ResetDone,
  UserIdReminder,
  CaInit,
  CertIssue,
  CertRevoke,
  // the claims month: reception, the review, the results and their notices
  Upload,
  UploadRefused,
  Cancel,
  CancelRefused,
  MonthClose,
  MonthCloseRefused,
  Review,
  ReviewRefused,
  Results,
  ResultsRefused,
  Load,
  LoadRefused,
  Download,
  View,
  ViewDecisions,
  PageRefused,
  // the care-plan hub (ケアプランデータ連携)
  CareplanDraft,
  CareplanSend,
  CareplanSendRefused,
  CareplanReceive,
  CareplanLicence,
  CareplanLicenceRefused,
  CareplanReconcile,
  CareplanPurge,
  // the platform (介護情報基盤): reads of a person's records first
  PlatformView,
  PlatformViewRefused,
  PlatformPacket,
  PlatformPacketFetch,
  PlatformInvoiceRead,
  PlatformReadLog,
  PlatformLoad,
  PlatformGolive,
  PlatformConsent,
  PlatformRequest,
  PlatformIdentify,
  PlatformNotification,
  PlatformOpinion,
  PlatformCareplan,
  // the portal's subsidies (助成金)
  SubsidyApply,
  SubsidyDecide,
  SubsidyPay,
  SubsidyWithdraw,
  SubsidyNotice,
};
inline constexpr EnumTable<AuditAction, 58> kAuditActions{{{
#include "kaigo/auth/audit_action.enum.inc"
}}};
constexpr const auto& enum_table(AuditAction) { return kAuditActions; }

// Who performs an action, from where, and when: what every audit row begins with.
struct Caller {
  std::string who;   // a user ID, or "cli:<OS user>" for a command run on the server
  std::string from;  // the client address ("127.0.0.1", "::1"), or "cli"
  LocalDateTime at;
};

// What happened, as the caller states it.
struct AuditEvent {
  LocalDateTime at;
  std::string actor;   // a user ID, or "cli:<OS user>" for a command run on the server
  std::string source;  // the client address ("127.0.0.1", "::1"), or "cli"
  std::string action;
  std::string target;  // what it is about: a user ID, a certificate serial, a submission id, …
  nlohmann::json detail = nlohmann::json::object();  // more facts; never a secret
  std::string insurer_no;  // the person concerned, when the event is about one person's records
  std::string insured_no;
};

// One stored row. Texts are kept as given (control characters replaced by '?', at most 256
// bytes each; detail is the compact JSON text, keys sorted), and the hash covers them as stored.
struct AuditRow {
  std::int64_t seq = 0;  // 1, 2, … without gaps
  LocalDateTime at;
  std::string actor, source, action, target, detail, insurer_no, insured_no;
  std::string prev_hash;  // the hash of row seq−1 (kGenesisHash for row 1)
  std::string hash;       // SHA-256 hex of prev_hash and canonical_content(row)
};

inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// The event `by` did: `action` on `target`, with `detail`.
AuditEvent event_of(const Caller& by, AuditAction action, std::string_view target,
                    nlohmann::json detail = nlohmann::json::object());

// The row's fields in a fixed order, each as "name:<byte length>:value\n" after a version line,
// so that no two different rows share a canonical form.
std::string canonical_content(const AuditRow& row);
std::string row_hash(const AuditRow& row);
// The row that `event` becomes as row `seq` after a row whose hash is `prev_hash`.
AuditRow seal(const AuditEvent& event, std::int64_t seq, std::string prev_hash);

// The head kept apart from the rows: how many there are and the hash of the last.
struct AuditHead {
  std::int64_t count = 0;
  std::string last_hash{kGenesisHash};
};

// Which rows to read (empty / unset = any); rows come in seq order.
struct AuditFilter {
  std::string actor;
  std::string action;
  std::string insurer_no;  // with insured_no: the rows about one person (indexed)
  std::string insured_no;
  std::optional<LocalDateTime> from;  // at ≥ from
  std::optional<LocalDateTime> to;    // at ≤ to
};

class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  // Appends `event` as the next row: one writer at a time, the previous hash read inside the same
  // write transaction as the insert and the head update.
  virtual AuditRow append(const AuditEvent& event) = 0;
  // Calls `each` for every row matching `filter` in seq order until it returns false.
  virtual void scan(const AuditFilter& filter, const std::function<bool(const AuditRow&)>& each) = 0;
  virtual AuditHead head() = 0;
};

struct AuditVerification {
  std::int64_t rows = 0;                // rows read
  std::string head_hash;                // the last good row's hash (to keep elsewhere as an anchor)
  std::optional<std::int64_t> bad_seq;  // the first bad row (or the first missing one)
  std::optional<Refusal> problem;       // KA60 altered, KA61 missing, KA62 tail cut, KA63 anchor
  bool ok() const { return !problem; }
};

// Reads the whole chain in order and checks every row's link and hash, the numbering, and the
// head. `anchor`, when given, is a hash recorded earlier (e.g. printed by a previous verify): it
// must still be the hash of one of the rows, which catches a truncation that also rewrote the head.
AuditVerification verify_audit(AuditTrail& trail, std::optional<std::string> anchor = std::nullopt);

// A row as one JSON object (kaigo audit list --format json, the server's audit views).
nlohmann::json to_json(const AuditRow& row);

}  // namespace kaigo::auth
