// platform/access — the decision whether one user may see one kind of one person's records on one
// day, from facts gathered beforehand (the reader gathers them): the matrix cell of the user's
// column and job, its date, the municipality's go-live, what the cell rests on (the person's own;
// the municipality's own people; an office's 本人確認 and continued service judged from the
// 明細書 kaigo holds, within [platform] serving_months of the latest of both; an institution's
// 主治医意見書作成依頼, within the note's days of the 申請書提出日), and 包括同意 for hatched cells.
// The checks run in that order and the first that fails names the refusal's rule.
// Owns: the decision and its words. Must not: read storage, write the audit (reader does).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/auth/user.hpp"
#include "kaigo/platform/consent.hpp"
#include "kaigo/platform/matrix.hpp"
#include "kaigo/platform/repository.hpp"

namespace kaigo::platform {

// 介護情報基盤稼働 (seed 004 §3: ▲介護情報基盤稼働 R8.4.1); nothing is visible before it.
inline constexpr Date kPlatformStart{2026, 4, 1};

// A 主治医意見書作成依頼 as the decision uses it.
struct RequestFact {
  std::string institution;  // 医療機関コード or the facility's 事業所番号
  Date applied_on;          // 要介護認定申請書提出日
  Date requested_on;        // 依頼日
};

struct AccessFacts {
  const auth::User* user = nullptr;
  PersonId person;
  ViewKind kind = ViewKind::Card;
  Date day;
  std::string office_no;                // the office an office user acts for
  std::optional<Viewer> office_column;  // its column by the office ledger; nullopt when unknown
  std::optional<Date> golive;           // the person's municipality's go-live
  ConsentState consent;
  std::optional<Identification> identification;  // by office_no, latest up to the moment
  std::optional<YearMonth> latest_claim;         // by office_no
  std::vector<RequestFact> requests;             // of the person, requested on or before `day`
  int serving_months = 3;                        // [platform] serving_months
};

struct Decision {
  bool allowed = false;
  std::string rule;  // rules.tsv id ("cell" when allowed by the cell)
  std::string note;  // the cell's ※n, if any
  std::optional<Viewer> viewer;
  std::string message_ja, message_en;
  nlohmann::json facts = nlohmann::json::object();  // the dates the rule applied to
};

Decision decide(const AccessFacts& facts);

// The last day an office may see a person: the end of the month `serving_months` after the later
// of its 本人確認 and its latest 明細書's サービス提供年月.
Date serving_until(const Identification& identification, std::optional<YearMonth> latest_claim, int serving_months);

nlohmann::json to_json(const Decision& d);

}  // namespace kaigo::platform
