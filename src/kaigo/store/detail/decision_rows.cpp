#include "kaigo/store/detail/decision_rows.hpp"

#include <fmt/format.h>

#include "kaigo/master/ledgers.hpp"

namespace kaigo::store {

using review::ClaimOutcome;
using review::FindingKind;
using review::PlanOutcome;

std::string claim_id(std::int64_t submission, std::string_view key, std::size_t copy) {
  return fmt::format("{}:{}#{}", submission, key, copy);
}

std::optional<ClaimRef> parse_claim_id(std::string_view id) {
  auto colon = id.find(':');
  auto hash = id.rfind('#');
  if (colon == std::string_view::npos || hash == std::string_view::npos || hash < colon) return std::nullopt;
  try {
    ClaimRef r;
    r.submission = std::stoll(std::string(id.substr(0, colon)));
    r.doc_key = std::string(id.substr(colon + 1, hash - colon - 1));
    r.copy = static_cast<std::size_t>(std::stoull(std::string(id.substr(hash + 1))));
    return r;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void bind_amounts(Statement& st, int col, const review::Amounts& a) {
  st.bind(col, a.units.value).bind(col + 1, a.insurance_claim.value).bind(col + 2, a.user_burden.value);
  for (int k = 0; k < 3; ++k) st.bind(col + 3 + k, a.fund_claims[static_cast<std::size_t>(k)].value);
}

review::Amounts amounts_at(const Statement& st, int col) {
  review::Amounts a;
  a.units = Units{st.integer(col)};
  a.insurance_claim = Yen{st.integer(col + 1)};
  a.user_burden = Yen{st.integer(col + 2)};
  for (int k = 0; k < 3; ++k) a.fund_claims[static_cast<std::size_t>(k)] = Yen{st.integer(col + 3 + k)};
  return a;
}

DecisionWriter::DecisionWriter(Connection& c)
    : claim_(c.prepare("INSERT INTO claim_decisions(month, kind, claim_id, submission_id, doc_key, copy, order_no, "
                       "outcome, released, held_since, form_id, office_no, insurer_no, insured_no, service_month, "
                       "written_units, written_claim, written_burden, written_fund1, written_fund2, written_fund3, "
                       "decided_units, decided_claim, decided_burden, decided_fund1, decided_fund2, decided_fund3, "
                       "packed_rows) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      finding_(c.prepare("INSERT INTO decision_findings(month, doc_id, seq, kind, code, list_reason, cut, "
                         "service_type, item, found, expected, message_ja, message_en) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}

// The texts are bound without a copy (bind_static): each one lives in the arguments or in the
// locals below until run() has stepped and cleared the statement.
void DecisionWriter::claim(const std::string& month, std::string_view kind, const billing::StatementKey& key,
                           const review::ClaimDecision& d) {
  auto ref = parse_claim_id(d.claim_id);
  if (!ref) throw StoreError("明細書の識別子が不正です / malformed claim id: " + d.claim_id);
  const auto held_since = d.held_since ? d.held_since->str() : std::string();
  const auto service_month = key.service_month.str();
  claim_.bind_static(1, month).bind_static(2, kind).bind_static(3, d.claim_id).bind(4, ref->submission);
  claim_.bind_static(5, ref->doc_key);
  claim_.bind(6, static_cast<std::int64_t>(ref->copy)).bind(7, static_cast<std::int64_t>(d.order));
  claim_.bind_static(8, review::kClaimOutcomes.code(d.outcome)).bind(9, d.released ? 1 : 0);
  claim_.bind_static(10, held_since);
  claim_.bind_static(11, key.form_id)
      .bind_static(12, key.office_no)
      .bind_static(13, master::normalize_insurer_no(key.insurer_no));
  claim_.bind_static(14, key.insured_no).bind_static(15, service_month);
  bind_amounts(claim_, 16, d.written_total());
  bind_amounts(claim_, 22, d.decided_total());
  const auto rows = pack_rows(d);
  claim_.bind_blob(28, rows);
  claim_.run();
  findings(month, d.claim_id, d.findings);
}

void DecisionWriter::findings(const std::string& month, const std::string& doc_id,
                              const std::vector<review::Finding>& list) {
  int seq = 0;
  for (const auto& f : list) {
    finding_.bind_static(1, month).bind_static(2, doc_id).bind(3, ++seq);
    finding_.bind_static(4, review::kFindingKinds.code(f.kind)).bind_static(5, f.code);
    finding_.bind_static(6, std::string_view(&f.list_reason, f.list_reason ? 1 : 0));
    finding_.bind_static(7, review::kCutReasons.code(f.cut)).bind_static(8, f.service_type).bind_static(9, f.item);
    finding_.bind_static(10, f.found).bind_static(11, f.expected);
    finding_.bind_static(12, f.message_ja).bind_static(13, f.message_en);
    finding_.run();
  }
}

}  // namespace kaigo::store
