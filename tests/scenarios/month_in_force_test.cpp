// Decisions in force across months, through the store as the CLI runs them (issue 6):
//  - a 明細書 cut in May (増減 B) is decided again in June when its 給付管理票 is corrected (修正);
//    `kaigo results` of June keeps the new decision, so a 過誤 in July withdraws the amount June
//    restored, not the cut one — and a second 過誤 in August finds nothing left to withdraw;
//  - a 明細書 withdrawn (通常過誤) in June and claimed again in July: a 過誤 in August withdraws the
//    July re-claim, never the May original that no longer stands; in September nothing stands.
// Re-running `kaigo results` of a month decides its 再審査 again from the same decisions in force.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/writer.hpp"
#include "kaigo/report/results_dir.hpp"
#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/settlement/kago.hpp"
#include "kaigo/settlement/settle.hpp"
#include "kaigo/store/kago_store.hpp"
#include "kaigo/store/review_store.hpp"
#include "kaigo/store/settlement_store.hpp"
#include "kaigo/store/detail/decision_rows.hpp"
#include "kaigo/store/detail/packed_rows.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_documents.hpp"
#include "support/reception_world.hpp"

namespace kaigo::testing {
namespace {

// The file sent again in another processing month (処理対象年月 of the control record).
std::string for_month(std::string bytes, YearMonth from, YearMonth to) {
  auto eol = bytes.find("\r\n");
  auto at = bytes.rfind("," + from.str() + ",", eol);
  if (at == std::string::npos) throw std::logic_error("no processing month in the control record");
  bytes.replace(at + 1, 6, to.str());
  return bytes;
}

class Months {
 public:
  explicit Months(double errors) : w_(errors, 12, 400) {
    for (const auto& f : w_.files()) w_.submit(f, "2026-05-04T12:00:00");
    ledgers_ = store::load_tables_in_force(w_.db());
    review({2026, 5});
  }

  ReceptionWorld& world() { return w_; }
  store::Database& db() { return w_.db(); }
  review::ReviewContext context() {
    return {ledgers_.masters, ledgers_.offices, ledgers_.insurers, ledgers_.recipients,
            review::config_of(db().settings().review)};
  }

  void review(YearMonth month) {
    w_.review(month, fmt::format("{:04d}-{:02d}-11T01:00:00", month.year, month.month).c_str(), context());
  }

  // The first 7131 明細書 paid in May (in the order of acceptance): the one a 過誤 or a 取消 names.
  struct PaidClaim {
    std::string claim_id, office_no, insurer_no, insured_no;
    std::int64_t submission_id = 0;
  };
  PaidClaim first_paid_in_may() {
    auto st = db().connection().prepare(
        "SELECT claim_id, office_no, insurer_no, insured_no, submission_id FROM claim_decisions WHERE month = "
        "'202605' AND outcome = 'paid' AND form_id = '7131' ORDER BY order_no LIMIT 1");
    if (!st.step()) throw std::logic_error("no 7131 明細書 was paid in May");
    // Read whole before the statement ends: one left on a row keeps its read snapshot, and the
    // review's last commit needs a fresh one.
    return {st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4)};
  }

  void kago(YearMonth month, const std::string& line) {
    auto k = settlement::load_kago(
        "insurer_no,office_no,insured_no,service_month,form_no,kago_code,filed_on\n" + line + "\n", "kago.csv");
    ASSERT_TRUE(k.ok()) << k.diagnostics[0].to_string();
    store::store_kago(db(), month, "kago.csv", *k.table, jst("2026-05-01T09:00:00"));
  }

  // `kaigo results` of the month: settled part by part (a few offices each, as the CLI cuts a large
  // month), balanced, official files written, kept in the store.
  settlement::MonthSettlement settle(YearMonth month, const std::filesystem::path& out) {
    auto settings = db().settings();
    settlement::MonthSettlement s;
    s.month = month;
    withdrawals_.clear();
    unmatched_.clear();
    for (const auto& part : store::settlement_parts(db(), month, 60)) {
      auto source = store::load_settlement_input(db(), month, part);
      auto settled = settlement::settle_month(source->input, context(), settings.settlement);
      EXPECT_TRUE(settlement::check_balance(source->input, settled).empty());
      for (auto& w : source->input.withdrawals) withdrawals_.push_back(std::move(w));
      for (auto& u : source->unmatched_kago) unmatched_.push_back(std::move(u));
      settlement::merge(s, std::move(settled));
    }
    auto next = month.plus_months(1);
    report::write_results(
        out, s, report::issue_info(settings, {month.year, month.month, month.days()}, {next.year, next.month, 26}));
    store::store_settlement(db(), s);
    return s;
  }
  // The 過誤 and the set-aside requests of the last month settled.
  const std::vector<settlement::KagoWithdrawal>& withdrawals() const { return withdrawals_; }
  const std::vector<settlement::UnmatchedKago>& unmatched() const { return unmatched_; }

  std::int64_t scalar(const std::string& sql, const std::string& arg = {}) {
    auto st = db().connection().prepare(sql);
    if (!arg.empty()) st.bind(1, arg);
    if (!st.step()) throw std::logic_error("no row: " + sql);
    return st.integer(0);
  }

 private:
  ReceptionWorld w_;
  store::TablesInForce ledgers_;
  std::vector<settlement::KagoWithdrawal> withdrawals_;
  std::vector<settlement::UnmatchedKago> unmatched_;
};

// 保険者負担 of a decision: 保険請求額 + 公費請求額.
std::int64_t payable(const review::Amounts& a) {
  std::int64_t y = a.insurance_claim.value;
  for (const auto& f : a.fund_claims) y += f.value;
  return y;
}

const settlement::OfficeResult& office_of(const settlement::MonthSettlement& s, const std::string& no) {
  for (const auto& o : s.offices) {
    if (o.office.office_no == no) return o;
  }
  throw std::logic_error("no office " + no);
}

struct CutClaim {
  std::string id, office, insurer, insured, form, type;
  std::int64_t written = 0, decided = 0, written_units = 0;
};

// A 明細書 of May cut only because its 給付管理票 planned fewer units (増減 B, nothing else).
CutClaim a_cut_claim(Months& m) {
  auto st = m.db().connection().prepare(
      "SELECT d.claim_id, d.office_no, d.insurer_no, d.insured_no, d.form_id, d.packed_rows, "
      "d.written_claim + d.written_fund1 + d.written_fund2 + d.written_fund3, "
      "d.decided_claim + d.decided_fund1 + d.decided_fund2 + d.decided_fund3 "
      "FROM claim_decisions d "
      "WHERE d.month = '202605' AND d.outcome = 'cut' AND NOT EXISTS (SELECT 1 FROM decision_findings f WHERE "
      "f.month = d.month AND f.doc_id = d.claim_id AND f.kind <> 'cut') ORDER BY d.order_no");
  review::ClaimDecision packed;
  while (st.step()) {
    store::unpack_rows(st.blob(5), packed);
    for (const auto& r : packed.rows) {
      if (r.cut != review::CutReason::OverPlan) continue;
      return {st.text(0),     st.text(1),    st.text(2),    st.text(3),         st.text(4),
              r.service_type, st.integer(6), st.integer(7), r.written.units.value};
    }
  }
  throw std::logic_error("the generated May has no 増減 B claim");
}

// The person's May 給付管理票 sent again in June as `create_kind` (2 修正, 3 取消), its lines changed by `edit`.
std::string plan_file(Months& m, const std::string& insured, int create_kind,
                      const std::function<void(billing::BenefitPlanLine&)>& edit) {
  auto st = m.db().connection().prepare(
      "SELECT plan_id FROM plan_decisions WHERE month = '202605' AND outcome = 'registered' AND "
      "insured_no = ?");
  st.bind(1, insured);
  if (!st.step()) throw std::logic_error("no May plan for " + insured);
  std::vector<store::StoredRef> refs{store::stored_plan(st.text(0))};
  billing::BenefitPlan plan;
  store::for_each_stored(m.db(), refs, [&](std::size_t, const exchange::Document& d) { plan = documents::to_plan(d); });
  plan.create_kind = create_kind;
  plan.created_on = Date{2026, 6, 1};
  plan.total_units = Units{};
  for (auto& line : plan.lines) {
    edit(line);
    plan.total_units += line.plan_units;
  }
  exchange::ControlFields control;
  control.data_type = "821";
  control.office_no = plan.support_office_no;
  control.processing_month = "202606";
  exchange::Writer w(control);
  documents::write_plan(plan, w);
  return w.finish_to_string();
}

// The 修正 that plans for the cut office what it claimed.
std::string correction_file(Months& m, const CutClaim& c) {
  return plan_file(m, c.insured, 2, [&](billing::BenefitPlanLine& line) {
    if (line.office_no == c.office && line.service_type == c.type) line.plan_units = Units{c.written_units};
  });
}

TEST(MonthInForce, ARereviewedClaimIsWithdrawnAtTheAmountItWasRestoredTo) {
  Months m(0.2);
  const auto c = a_cut_claim(m);
  ASSERT_LT(c.decided, c.written);

  // June: the 修正 arrives; the review links the cut claim for 再審査; results decide it again.
  auto fix = m.world().submit_bytes("KY260601.CSV", correction_file(m, c), "2026-06-02T09:00:00");
  ASSERT_EQ(fix.state, reception::FileState::Accepted) << (fix.errors.empty() ? "" : fix.errors[0].code);
  m.review({2026, 6});
  ASSERT_EQ(
      m.scalar("SELECT COUNT(*) FROM plan_links WHERE month = '202606' AND kind = 'rereview' AND claim_id = ?", c.id),
      1);
  TempDir june, june_again;
  auto s = m.settle({2026, 6}, june.path());
  ASSERT_EQ(s.rereviewed.size(), 1u);
  const auto& after = s.rereviewed.front().after;
  EXPECT_EQ(after.claim_id, c.id);
  EXPECT_EQ(after.outcome, review::ClaimOutcome::Paid);
  EXPECT_EQ(payable(after.decided_total()), c.written);
  EXPECT_EQ(office_of(s, c.office).payment.care.restored.value, c.written - c.decided);

  // The new decision is the claim's decision in force from June.
  EXPECT_EQ(m.scalar("SELECT decided_claim + decided_fund1 + decided_fund2 + decided_fund3 FROM claim_decisions "
                     "WHERE month = '202606' AND kind = 'rereview' AND claim_id = ?",
                     c.id),
            c.written);
  auto rereview = m.db().connection().prepare(
      "SELECT packed_rows FROM claim_decisions WHERE month = '202606' AND kind = 'rereview' AND claim_id = ?");
  rereview.bind(1, c.id);
  ASSERT_TRUE(rereview.step());
  review::ClaimDecision restored;
  store::unpack_rows(rereview.blob(0), restored);
  ASSERT_FALSE(restored.rows.empty());
  for (const auto& r : restored.rows) EXPECT_EQ(r.cut, review::CutReason::None) << r.service_type;
  rereview.reset();

  // Results of June again: the same 再審査 from the same standing decision, the same files.
  auto again = m.settle({2026, 6}, june_again.path());
  ASSERT_EQ(again.rereviewed.size(), 1u);
  EXPECT_EQ(payable(again.rereviewed.front().before.decided_total()), c.decided);
  EXPECT_EQ(m.scalar("SELECT COUNT(*) FROM claim_decisions WHERE kind = 'rereview'"), 1);
  for (const auto& e : std::filesystem::recursive_directory_iterator(june.path())) {
    if (!e.is_regular_file()) continue;
    auto rel = std::filesystem::relative(e.path(), june.path());
    EXPECT_EQ(read_file(e.path()), read_file(june_again / rel.string())) << rel;
  }

  // July: the insurer withdraws the claim (通常過誤): the restored amount is recovered.
  const auto* kago_form = settlement::kago_form_for(c.form);
  ASSERT_NE(kago_form, nullptr) << c.form;
  const auto kago_line =
      fmt::format("{},{},{},202604,{},{}02,20260701", c.insurer, c.office, c.insured, c.form, kago_form->kago_form);
  m.kago({2026, 7}, kago_line);
  m.review({2026, 7});
  TempDir july;
  auto jul = m.settle({2026, 7}, july.path());
  ASSERT_EQ(m.withdrawals().size(), 1u);
  EXPECT_EQ(payable(m.withdrawals().front().claim.decision.decided_total()), c.written);
  EXPECT_EQ(office_of(jul, c.office).payment.care.withdrawn.value, c.written);
  ASSERT_EQ(jul.withdrawn.size(), 1u);
  EXPECT_EQ(jul.withdrawn.front().claim_id, c.id);

  // August: the same request again finds no decision standing.
  m.kago({2026, 8}, kago_line);
  m.review({2026, 8});
  TempDir august;
  m.settle({2026, 8}, august.path());
  EXPECT_TRUE(m.withdrawals().empty());
  ASSERT_EQ(m.unmatched().size(), 1u);
}

TEST(MonthInForce, AKagoAfterAReclaimWithdrawsTheReclaim) {
  Months m(0.0);
  const auto paid = m.first_paid_in_may();
  const std::string &original = paid.claim_id, &office = paid.office_no, &insurer = paid.insurer_no,
                    &insured = paid.insured_no;
  const auto file = m.db().bytes(paid.submission_id);
  const auto kago_line = fmt::format("{},{},{},202604,7131,1002,20260601", insurer, office, insured);

  m.kago({2026, 6}, kago_line);
  m.review({2026, 6});
  TempDir june, july, august;
  auto jun = m.settle({2026, 6}, june.path());
  ASSERT_EQ(jun.withdrawn.size(), 1u);
  EXPECT_EQ(jun.withdrawn.front().claim_id, original);

  // July: the office claims again (the rest of its file is ANN4); the re-claim is paid.
  auto resent = m.world().submit_bytes("KK260701.CSV", for_month(file, {2026, 5}, {2026, 7}), "2026-07-02T09:00:00");
  ASSERT_EQ(resent.state, reception::FileState::Accepted);
  m.review({2026, 7});
  auto reclaim = m.db().connection().prepare(
      "SELECT claim_id FROM claim_decisions WHERE month = '202607' AND outcome = 'paid' AND office_no = ? AND "
      "insured_no = ?");
  reclaim.bind(1, office).bind(2, insured);
  ASSERT_TRUE(reclaim.step());
  const std::string reclaimed = reclaim.text(0);
  reclaim.reset();
  ASSERT_NE(reclaimed, original);
  m.settle({2026, 7}, july.path());

  // August: a second 過誤 withdraws the re-claim.
  m.kago({2026, 8}, kago_line);
  m.review({2026, 8});
  m.settle({2026, 8}, august.path());
  ASSERT_EQ(m.withdrawals().size(), 1u);
  EXPECT_EQ(m.withdrawals().front().claim.decision.claim_id, reclaimed);
  EXPECT_TRUE(m.unmatched().empty());

  // September: both are withdrawn; a third 過誤 has nothing to take back.
  TempDir september;
  m.kago({2026, 9}, kago_line);
  m.review({2026, 9});
  m.settle({2026, 9}, september.path());
  EXPECT_TRUE(m.withdrawals().empty());
  EXPECT_EQ(m.unmatched().size(), 1u);
}

}  // namespace
}  // namespace kaigo::testing

namespace kaigo::testing {
namespace {

// seed 002 §7 / review-rules §4.4: a 給付管理票 取消 in June withdraws the person's 明細書 paid in
// May (過誤, 申立理由 32), and June's payment to the office is reduced by exactly their amount.
TEST(MonthInForce, APlanCancelWithdrawsThePersonsPaidClaims) {
  Months m(0.0);
  const std::string insured = m.first_paid_in_may().insured_no;
  std::map<std::string, std::int64_t> paid;  // 事業所 → 保険者負担 of the person's May 明細書
  std::set<std::string> ids;
  auto claims = m.db().connection().prepare(
      "SELECT claim_id, office_no, decided_claim + decided_fund1 + decided_fund2 + decided_fund3 FROM "
      "claim_decisions WHERE month = '202605' AND outcome = 'paid' AND insured_no = ?");
  claims.bind(1, insured);
  while (claims.step()) {
    ids.insert(claims.text(0));
    paid[claims.text(1)] += claims.integer(2);
  }
  ASSERT_FALSE(ids.empty());

  auto cancel = m.world().submit_bytes("KY260601.CSV", plan_file(m, insured, 3, [](billing::BenefitPlanLine&) {}),
                                       "2026-06-02T09:00:00");
  ASSERT_EQ(cancel.state, reception::FileState::Accepted) << (cancel.errors.empty() ? "" : cancel.errors[0].code);
  m.review({2026, 6});
  EXPECT_EQ(m.scalar("SELECT COUNT(*) FROM plan_decisions WHERE month = '202606' AND outcome = 'withdrawn'"), 1);
  TempDir june;
  auto s = m.settle({2026, 6}, june.path());
  std::set<std::string> withdrawn;
  for (const auto& w : s.withdrawn) {
    withdrawn.insert(w.claim_id);
    EXPECT_EQ(w.kago_code.substr(2), "32") << w.claim_id;
  }
  EXPECT_EQ(withdrawn, ids);
  // Loaded one office at a time, each office gets the 過誤 of its own 明細書 only, whoever made the plan.
  std::size_t across_parts = 0;
  for (const auto& [office, yen] : paid) {
    auto part = store::load_settlement_input(m.db(), {2026, 6}, {office, office + '\x01'});
    for (const auto& w : part->input.withdrawals) EXPECT_EQ(w.claim.statement.key.office_no, office);
    across_parts += part->input.withdrawals.size();
  }
  EXPECT_EQ(across_parts, ids.size());
  for (const auto& [office, yen] : paid) {
    const auto& p = office_of(s, office).payment;
    EXPECT_EQ(p.care.withdrawn.value + p.sougou.withdrawn.value, yen) << office;
    EXPECT_EQ(p.net.value, -yen) << office;  // nothing else of June for a generated May
  }
}

}  // namespace
}  // namespace kaigo::testing
