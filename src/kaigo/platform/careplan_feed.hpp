// platform/careplan_feed — the seam through which care plans reach the platform's records. Today
// municipalities send them in the linkage file (kind careplan, docs/platform.md); the care-plan hub
// (ケアプランデータ連携, issue 15) is to feed the 居宅 第1・2・3・6・7表 it routes through the same
// door when it exists (seed 004 §8 ケアプランデータ連携システム: the hub joins the platform in
// 令和8年度下期). Either way a plan becomes a record of kind careplan with its versions, visible
// under the matrix like any other.
// Owns: the plan as the platform keeps it and the feed. Must not: parse v4.1 files (careplan does).
#pragma once
#include <optional>
#include <string>

#include "kaigo/auth/audit.hpp"
#include "kaigo/platform/apply.hpp"
#include "kaigo/platform/repository.hpp"

namespace kaigo::platform {

// One table of a care plan (seed 004 §3 ケアプラン ①〜⑧).
struct CarePlanTable {
  PersonId person;
  std::string record_id;                   // the sender's id, the same across versions
  UpdateKind update = UpdateKind::New;
  std::string plan_kind;                   // "1" 居宅サービス計画, "2" 施設サービス計画
  std::string table;                       // "1", "2", "3", "6", "7" (施設: 1–3)
  std::string office_no;                   // 作成した事業所番号
  Date created_on;                         // 作成日 (effective_on)
  std::optional<YearMonth> service_month;  // 第6表・第7表
  std::string content;                     // the table's content as text
};

// Where care plans come in. The hub implements nothing: it calls a feed.
class CarePlanFeed {
 public:
  virtual ~CarePlanFeed() = default;
  virtual PutOutcome put(const CarePlanTable& table, const auth::Caller& by) = 0;
};

// The feed into the platform's records (each put in one transaction with its audit row).
class RecordsCarePlanFeed : public CarePlanFeed {
 public:
  RecordsCarePlanFeed(Repository& repo, auth::AuditTrail& audit) : repo_(repo), audit_(audit) {}
  PutOutcome put(const CarePlanTable& table, const auth::Caller& by) override;

 private:
  Repository& repo_;
  auth::AuditTrail& audit_;
};

}  // namespace kaigo::platform
