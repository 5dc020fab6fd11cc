// platform — the 介護情報基盤 (DESIGN §2, §3.6; seed 004, seed 003): each insured person's records
// linked daily by municipalities, who may see what under the matrix of seed 004 §3 and 包括同意,
// 本人確認 by offices, the doctors' documents (主治医意見書 with its 請求書, 認定審査会資料), the
// 居宅サービス計画作成依頼届出, and an audit of every read that the person can list.
//
// Platform is the one door: every read of a person's records (view, the committee PDF, the
// invoices) goes through it, which decides, appends the audit row (auth's chain, with the person's
// 保険者番号 and 被保険者番号) in the same transaction as the read, and only then returns the
// records. Every change (linkage, consent, 本人確認, 依頼, 届出, opinion) is written with its audit
// row in one transaction too.
// Owns: the operations and their rules. Must not: hold SQL, know HTTP or the command line, or let
// any read bypass the audit.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/auth/audit.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/core/settings.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/platform/access.hpp"
#include "kaigo/platform/apply.hpp"
#include "kaigo/platform/housing.hpp"
#include "kaigo/platform/repository.hpp"

namespace kaigo::platform {


// The actions that read a person's information (what the person's list shows).
bool is_read_action(std::string_view action);

struct ViewResult {
  Decision decision;
  PersonId person;
  ViewKind kind = ViewKind::Card;
  LocalDateTime at;
  std::vector<Record> records;            // what was shown: current versions (or all, with history)
  std::optional<HousingSummary> housing;  // kind housing
  std::int64_t audit_seq = 0;             // the audit row of this read
};
nlohmann::json to_json(const ViewResult& r);
nlohmann::json to_json(const Record& r);

// An action done, or refused with its rule (rules.tsv).
struct Outcome {
  bool ok = false;
  std::string rule;
  std::string message_ja, message_en;
  nlohmann::json detail = nlohmann::json::object();
};
nlohmann::json to_json(const Outcome& o);

// One row of a person's read log.
struct ReadEntry {
  std::int64_t seq = 0;
  LocalDateTime at;
  std::string actor;
  std::string action;
  nlohmann::json detail;  // role, job, office_no / institution, viewer, kind, rule, allowed, count
};
nlohmann::json to_json(const ReadEntry& e);

enum class IdentifyMethod : std::uint8_t { Card, FourItems };
std::string_view identify_method_name(IdentifyMethod m);  // "card", "four_items"

// The 4 items of the 被保険者証 an office enters without a card reader (seed 004 §8 本人確認 No.2):
// 保険者番号 and 被保険者番号 (the key), 生年月日 and 氏名カナ, checked against the person record.
struct FourItems {
  std::string birth_date;  // YYYYMMDD
  std::string name_kana;
};

struct ConsentInput {
  Date on;            // the day of the consent (the application's 申請日) or of its 撤回
  std::string form;   // "1" 新様式 / "2" 旧様式
  bool revoke = false;
};

struct RequestInput {
  std::string institution;  // 医療機関コード or a facility's 事業所番号
  Date applied_on;          // 要介護認定申請書提出日
  Date requested_on;        // 依頼日
};

// 居宅サービス計画作成依頼届出 (seed 004 §4): 1 居宅サービス計画, 2 介護予防サービス計画, 3 介護予防
// ケアマネジメント; 提出 or 廃止.
struct NotificationInput {
  std::string plan;  // "1" / "2" / "3"
  Date on;           // 提出日
  bool withdraw = false;
};

struct GoLiveAnswer {
  bool stored = false;
  std::vector<GoLive> dates;
  std::vector<LinkageError> errors;  // with line and item
};

class Platform {
 public:
  Platform(Repository& repo, auth::AuditTrail& audit, const master::OfficeLedger& offices, PlatformSettings settings = {});

  // The read (DESIGN §3.6 view). The moment is caller.at; `office_no` is the office an office user
  // acts for (its only one when empty).
  ViewResult view(const auth::User& user, const auth::Caller& caller, const PersonId& person, ViewKind kind,
                  std::string_view office_no = {}, bool history = false);

  // The reads of the person's information (and refused attempts), oldest first: for the person
  // (role insured; the listing is itself recorded) …
  std::optional<std::vector<ReadEntry>> own_reads(const auth::User& user, const auth::Caller& caller);
  // … and for an operator at the command line.
  std::vector<ReadEntry> reads_of(const PersonId& person);
  std::vector<ReadEntry> all_reads();

  // 本人確認 by an office user.
  Outcome identify(const auth::User& user, const auth::Caller& caller, const PersonId& person, IdentifyMethod method,
                   const FourItems& items, std::string_view office_no = {});
  // 包括同意 registered (or revoked) by the municipality — `by` is its user, or nullptr for the
  // operator acting for it — or by a care manager of an office that identified the person, once
  // the municipality is live (seed 004 §8 包括同意 No.10, §9 No.2–3).
  Outcome register_consent(const auth::Caller& caller, const auth::User* by, const PersonId& person,
                           const ConsentInput& input, std::string_view office_no = {});
  // 主治医意見書作成依頼 sent by the municipality (`by` as above).
  Outcome record_request(const auth::Caller& caller, const auth::User* by, const PersonId& person, const RequestInput& input);
  // 居宅サービス計画作成依頼届出 filed (提出) or withdrawn (廃止) by a 居宅介護支援事業所 on the
  // person's behalf, after its 本人確認.
  Outcome notify(const auth::User& user, const auth::Caller& caller, const PersonId& person,
                 const NotificationInput& input, std::string_view office_no = {});

  // Go-live dates (DESIGN §3.6 golive: insurer_no,golive_on), all or nothing.
  GoLiveAnswer load_golive(const auth::Caller& caller, std::string_view text, std::string_view file_name);
  // A linkage file; `by` is the municipality user sending it (its rows must be its own), or nullptr.
  LinkageAnswer load_linkage(const auth::Caller& caller, const auth::User* by, std::string_view bytes,
                             std::string_view file_name);

  // 主治医意見書 sent by a doctor (seed 004 §4, docs/platform.md "opinion"): JSON with the 依頼元
  // 保険者番号 (any prefecture) and, optionally, its 請求書.
  Outcome submit_opinion(const auth::User& user, const auth::Caller& caller, const nlohmann::json& opinion,
                         std::string_view office_no = {});
  // The insurer's 請求書 registered from..to as CSV (docs/platform.md "invoices"); each person's
  // row is a read in their log. nullopt with `refusal` when the user may not have them.
  std::optional<std::string> invoices_csv(const auth::User* user, const auth::Caller& caller, std::string_view insurer_no,
                                          Date from, Date to, Outcome* refusal = nullptr);

  // 認定審査会資料: the municipality puts the person's 認定調査票, 主治医意見書 and progress of one
  // application into one PDF for the committee `members` (accounts of the same municipality).
  Outcome send_packet(const auth::User& user, const auth::Caller& caller, const PersonId& person, Date applied_on,
                      std::span<const auth::User> members);
  // The PDF of packet `id` for one of its members (or its maker); nullopt with `refusal` otherwise.
  std::optional<std::string> fetch_packet(const auth::User& user, const auth::Caller& caller, std::int64_t id,
                                          Outcome* refusal = nullptr);

  Repository& repository() { return repo_; }

 private:
  // Everything a decision about one person rests on.
  struct Gathered {
    std::vector<Record> records;  // every version of the person's records
    AccessFacts facts;
  };
  Gathered gather(const auth::User& user, const PersonId& person, ViewKind kind, Date day, const LocalDateTime& at,
                  std::string_view office_no);
  std::string acting_office(const auth::User& user, std::string_view office_no) const;
  std::optional<Viewer> office_column(std::string_view office_no, Date day) const;

  Repository& repo_;
  auth::AuditTrail& audit_;
  const master::OfficeLedger& offices_;
  PlatformSettings settings_;
};

}  // namespace kaigo::platform
