#include "kaigo/store/detail/decision_rows.hpp"

#include <charconv>

#include <fmt/format.h>

#include "kaigo/master/ledgers.hpp"

namespace kaigo::store {

using review::ClaimOutcome;
using review::FindingKind;
using review::PlanOutcome;

std::string claim_id(std::int64_t submission, const exchange::DocumentKey& key, std::size_t copy) {
  std::string id = plan_id(submission, key);
  id += '#';
  id += std::to_string(copy);
  return id;
}

namespace {

// A whole decimal number, nothing else.
template <class N>
std::optional<N> whole_number(std::string_view text) {
  N n{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

// The file an id names: the number before its first ':'.
std::optional<std::int64_t> file_of(std::string_view id) {
  const auto colon = id.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return whole_number<std::int64_t>(id.substr(0, colon));
}

// The copy a claim id names: the number after its last '#'.
std::optional<std::size_t> copy_of(std::string_view claim_id) {
  const auto hash = claim_id.rfind('#');
  if (hash == std::string_view::npos) return std::nullopt;
  return whole_number<std::size_t>(claim_id.substr(hash + 1));
}

[[noreturn]] void malformed_claim_id(std::string_view id) {
  throw StoreError(fmt::format("明細書の識別子が不正です / malformed claim id: {}", id));
}

[[noreturn]] void malformed_plan_id(std::string_view id) {
  throw StoreError(fmt::format("給付管理票の識別子が不正です / malformed plan id: {}", id));
}

}  // namespace

std::optional<StoredRef> parse_claim_id(std::string_view id) {
  const auto copy = copy_of(id);
  if (!copy) return std::nullopt;
  auto ref = parse_plan_id(id.substr(0, id.rfind('#')));
  if (!ref) return std::nullopt;
  ref->copy = *copy;
  return ref;
}

std::string plan_id(std::int64_t submission, const exchange::DocumentKey& key) {
  std::string id = std::to_string(submission);
  id += ':';
  key.append_text(id);
  return id;
}

std::optional<StoredRef> parse_plan_id(std::string_view id) {
  const auto submission = file_of(id);
  if (!submission) return std::nullopt;
  auto key = exchange::DocumentKey::from_text(id.substr(id.find(':') + 1));
  if (!key) return std::nullopt;
  return StoredRef{*submission, std::move(*key), 1};
}

StoredRef stored_claim(std::string_view claim_id) {
  auto ref = parse_claim_id(claim_id);
  if (!ref) malformed_claim_id(claim_id);
  return std::move(*ref);
}

StoredRef stored_plan(std::string_view plan_id) {
  auto ref = parse_plan_id(plan_id);
  if (!ref) malformed_plan_id(plan_id);
  return std::move(*ref);
}

FileCopy claim_file_copy(std::string_view claim_id) {
  const auto submission = file_of(claim_id);
  const auto copy = copy_of(claim_id);
  if (!submission || !copy) malformed_claim_id(claim_id);
  return {*submission, *copy};
}

std::int64_t plan_file(std::string_view plan_id) {
  const auto submission = file_of(plan_id);
  if (!submission) malformed_plan_id(plan_id);
  return *submission;
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
    : claim_(c.prepare("INSERT INTO claim_decisions(month, kind, claim_id, submission_id, copy, order_no, "
                       "outcome, released, held_since, form_id, office_no, insurer_no, insured_no, service_month, "
                       "written_units, written_claim, written_burden, written_fund1, written_fund2, written_fund3, "
                       "decided_units, decided_claim, decided_burden, decided_fund1, decided_fund2, decided_fund3, "
                       "packed_rows) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
      finding_(c.prepare("INSERT INTO decision_findings(month, doc_id, seq, kind, code, list_reason, cut, "
                         "service_type, item, found, expected, message_ja, message_en) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {}

// The texts are bound without a copy (bind_static): each one lives in the arguments or in the
// locals below until run() has stepped and cleared the statement.
void DecisionWriter::claim(const std::string& month, std::string_view kind, const billing::StatementKey& key,
                           const review::ClaimDecision& d) {
  const auto ref = claim_file_copy(d.claim_id);
  const auto held_since = d.held_since ? d.held_since->str() : std::string();
  const auto service_month = key.service_month.str();
  claim_.bind_static(1, month).bind_static(2, kind).bind_static(3, d.claim_id).bind(4, ref.submission);
  claim_.bind(5, static_cast<std::int64_t>(ref.copy)).bind(6, static_cast<std::int64_t>(d.order));
  claim_.bind_static(7, review::kClaimOutcomes.code(d.outcome)).bind(8, d.released ? 1 : 0);
  claim_.bind_static(9, held_since);
  claim_.bind_static(10, key.form_id)
      .bind_static(11, key.office_no)
      .bind_static(12, master::normalize_insurer_no(key.insurer_no));
  claim_.bind_static(13, key.insured_no).bind_static(14, service_month);
  bind_amounts(claim_, 15, d.written_total());
  bind_amounts(claim_, 21, d.decided_total());
  const auto rows = pack_rows(d);
  claim_.bind_blob(27, rows);
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
