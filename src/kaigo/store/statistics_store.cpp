#include "kaigo/store/statistics_store.hpp"

#include <algorithm>
#include <unordered_map>

#include "kaigo/master/keys.hpp"
#include "kaigo/store/detail/packed_rows.hpp"
#include "kaigo/store/detail/sqlite.hpp"

namespace kaigo::store {
namespace {

// A decided 明細書 (decision id > 0: its 集計 rows name its サービス種類) or 給付管理票 (0: none).
struct DecidedDocument {
  std::int64_t id = 0;
  std::string office_no;  // the 居宅介護支援事業所 of a 給付管理票
  std::string insurer_no;
};

void month_reasons(Connection& c, YearMonth month, std::vector<review::DecidedReason>& out) {
  std::unordered_map<std::string, DecidedDocument> claims;
  auto d = c.prepare(
      "SELECT id, claim_id, office_no, insurer_no FROM claim_decisions WHERE month = ? AND kind = 'review'");
  d.bind(1, month.str());
  while (d.step()) {
    claims[d.text(1)] = {d.integer(0), d.text(2), std::string(master::normalize_insurer_no(d.text(3)))};
  }
  auto p = c.prepare("SELECT plan_id, support_office_no, insurer_no FROM plan_decisions WHERE month = ?");
  p.bind(1, month.str());
  while (p.step()) claims[p.text(0)] = {0, p.text(1), std::string(master::normalize_insurer_no(p.text(2)))};
  auto rows = c.prepare("SELECT packed_rows FROM claim_decisions WHERE id = ?");
  review::ClaimDecision packed;
  auto f = c.prepare(
      "SELECT doc_id, kind, code, cut, service_type FROM decision_findings WHERE month = ? AND kind IN ('error', 'cut') "
      "ORDER BY doc_id, seq");
  f.bind(1, month.str());
  while (f.step()) {
    auto claim = claims.find(f.text(0));
    if (claim == claims.end()) continue;
    review::DecidedReason r;
    r.month = month;
    r.claim_id = claim->first;
    r.office_no = claim->second.office_no;
    r.insurer_no = claim->second.insurer_no;
    if (f.text(1) == "cut") {
      r.kind = review::ReasonKind::Cut;
      r.code = f.text(3);
      r.service_types = {f.text(4)};
    } else {
      r.kind = review::ReasonKind::Return;
      r.code = f.text(2);
      if (claim->second.id == 0) {
        out.push_back(std::move(r));
        continue;
      }
      rows.bind(1, claim->second.id);
      unpack_rows(rows.step() ? rows.blob(0) : std::string(), packed);
      rows.reset();
      for (const auto& row : packed.rows) {
        if (!row.service_type.empty()) r.service_types.push_back(row.service_type);
      }
      std::sort(r.service_types.begin(), r.service_types.end());
      r.service_types.erase(std::unique(r.service_types.begin(), r.service_types.end()), r.service_types.end());
    }
    out.push_back(std::move(r));
  }
}

}  // namespace

std::vector<review::DecidedReason> decided_reasons(Database& db, YearMonth from, YearMonth to) {
  auto& c = db.connection();
  ReadTransaction read(c);
  std::vector<review::DecidedReason> out;
  for (auto m = from; m <= to; m = m.plus_months(1)) month_reasons(c, m, out);
  return out;
}

}  // namespace kaigo::store
