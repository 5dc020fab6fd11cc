// A whole `kaigo gen --errors` month, read back as reception hands it over (the exchange reader,
// documents::to_statement / to_plan / to_care_plan_fee / to_invoice_row), reviewed, then settled
// with 過誤, 再審査, fees and a carried shortfall added the way the store would add them:
//  - the money balances per office and in total (check_balance), and the totals agree with the
//    decisions themselves;
//  - the 請求差 of every office is −返戻 −保留 − the 明細書 the reader refused, as seed 002 §5(1)
//    says (the generated 請求書 are correct);
//  - every notice of every office reads back from its official bytes (widths, character classes);
//  - settling again, with every input list in another order, gives byte-identical files.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/gen/generator.hpp"
#include "kaigo/report/notice_file.hpp"
#include "kaigo/report/results_dir.hpp"
#include "kaigo/settlement/kago.hpp"
#include "kaigo/settlement/settle.hpp"
#include "support/accepted_documents.hpp"
#include "support/generated_ledgers.hpp"
#include "support/settle_support.hpp"
#include "support/test_support.hpp"

namespace kaigo::settlement {
namespace {

using testing::read_file;
using testing::TempDir;
using Lines = std::vector<std::string>;

constexpr YearMonth kMonth{2026, 5};

using Accepted = testing::AcceptedDocuments;

struct GeneratedMonth : testing::GeneratedLedgers {
  Accepted accepted;
  review::MonthOutcome outcome;

  GeneratedMonth() : GeneratedLedgers(kMonth, 40, 1000, 23, 0.2) {
    read_submissions(accepted);
    outcome = review::review_month({kMonth, accepted.plans, accepted.claims, {}}, context());
  }

  review::ReviewContext context() const { return {masters, offices, insurers, recipients, review::default_config()}; }
};

// What the store would hand settlement for the month: the decisions with their 明細書, the plans,
// the 請求書; 過誤 of some 明細書 decided in April; a 修正 for every cut one (the plan line raised to
// the claim); fees for some offices; a shortfall carried into one office.
SettlementInput month_input(const GeneratedMonth& g) {
  SettlementInput in;
  in.month = kMonth;
  std::map<std::string, const review::SubmittedClaim*> claims;
  for (const auto& c : g.accepted.claims) claims[c.id] = &c;
  for (const auto& d : g.outcome.claim_decisions) in.claims.push_back({claims.at(d.claim_id)->statement, d, kMonth});
  for (std::size_t i = 0; i < g.outcome.plan_decisions.size(); ++i)
    in.plans.push_back({g.accepted.plans[i].id, g.accepted.plans[i].plan, g.outcome.plan_decisions[i]});
  in.invoices = g.accepted.invoices;
  std::size_t paid = 0;
  for (const auto& c : in.claims) {
    if (c.decision.outcome != review::ClaimOutcome::Paid || ++paid % 25 != 0) continue;
    SettledClaim earlier = c;  // the same 明細書 decided in April, withdrawn now
    earlier.decision.claim_id = "april:" + c.decision.claim_id;
    earlier.decided_in = {2026, 4};
    const auto* form = kago_form_for(c.statement.key.form_id);
    in.withdrawals.push_back({form->kago_form + (paid % 50 == 0 ? "12" : "02"), paid % 50 == 0, earlier});
  }
  for (const auto& c : in.claims) {
    if (c.decision.outcome != review::ClaimOutcome::Cut) continue;
    const auto& k = c.statement.key;
    for (const auto& p : in.plans) {
      if (p.plan.insured_no != k.insured_no || p.plan.service_month != k.service_month) continue;
      billing::BenefitPlan fixed = p.plan;
      fixed.create_kind = 2;
      for (auto& line : fixed.lines) {
        if (line.office_no == k.office_no) line.plan_units = c.statement.aggregate(line.service_type)->insurance_units;
      }
      in.rereviews.push_back({p.plan_id + ":fix", fixed, c});
    }
  }
  std::set<std::string> office_nos;
  for (const auto& c : in.claims) office_nos.insert(c.statement.key.office_no);
  auto it = office_nos.begin();
  const std::string first = *it++, second = *it++, third = *it++;
  in.charges = {{FeeKind::Certificate, first, {2026, 3, 31}},
                {FeeKind::Certificate, second, {2026, 4, 1}},
                {FeeKind::CarePlanLicense, second, {2026, 4, 15}},
                {FeeKind::CarePlanLicense, second, {2026, 4, 20}}};
  in.carried_in[third] = Yen{100'000'000};
  return in;
}

TEST(SettlementGeneratedMonth, MoneyBalancesPerOfficeAndInTotal) {
  GeneratedMonth g;
  const auto in = month_input(g);
  ASSERT_GT(in.claims.size(), 500u);
  ASSERT_GT(in.withdrawals.size(), 5u);
  ASSERT_FALSE(in.rereviews.empty());
  const auto s = settle_month(in, g.context(), SettlementSettings{});
  EXPECT_EQ(check_balance(in, s), Lines{});

  // The totals straight from the decisions.
  Yen paid, withdrawn;
  for (const auto& c : in.claims) {
    if (c.decision.outcome != review::ClaimOutcome::Paid && c.decision.outcome != review::ClaimOutcome::Cut) continue;
    const auto t = c.decision.decided_total();
    paid += t.insurance_claim + t.fund_claims[0] + t.fund_claims[1] + t.fund_claims[2];
  }
  for (const auto& w : in.withdrawals) {
    const auto t = w.claim.decision.decided_total();
    withdrawn += t.insurance_claim + t.fund_claims[0] + t.fund_claims[1] + t.fund_claims[2];
  }
  const auto& t = s.totals;
  EXPECT_EQ(t.care.decided, paid);
  EXPECT_EQ(t.care.withdrawn, withdrawn);
  EXPECT_GT(t.care.restored, Yen{0});  // every 修正 raised the plan to the claim
  EXPECT_EQ(t.certificate_fee, Yen{13200 + 7800});  // by the application date (seed 000 §3(1))
  EXPECT_EQ(t.license_fee, Yen{21000});             // once per office number (seed 001 §7)
  ASSERT_EQ(s.notes.size(), 1u);
  EXPECT_EQ(t.carried_in, Yen{100'000'000});
  EXPECT_GT(t.carried_out, Yen{0});
  EXPECT_EQ(t.transfer - t.carried_out - t.billed,
            paid - withdrawn + t.care.restored - t.certificate_fee - t.license_fee - t.carried_in);
  // Every cut 明細書 restored in full: 02 全部増点 on its 7621 line.
  for (const auto& r : s.rereviewed) EXPECT_EQ(r.after.outcome, review::ClaimOutcome::Paid) << r.before.claim_id;
}

TEST(SettlementGeneratedMonth, ClaimDifferenceIsReturnsHoldsAndRefusedDocuments) {
  GeneratedMonth g;
  const auto in = month_input(g);
  const auto s = settle_month(in, g.context(), SettlementSettings{});
  std::map<std::string, std::int64_t> accepted, invoiced;
  for (const auto& c : g.accepted.claims) accepted[c.statement.key.office_no] += !c.statement.key.welfare_only();
  for (const auto& r : g.accepted.invoices) invoiced[r.office_no] += r.payer_kind == 1 ? r.count : 0;
  int checked = 0, with_errors = 0;
  for (const auto& o : s.offices) {
    const auto& t = o.care_adjustments;
    if (!t.present) continue;
    const auto& no = o.office.office_no;
    const std::int64_t refused = g.accepted.refused.count(no) ? g.accepted.refused.at(no) : 0;
    // The generated 請求書 counts every 明細書 written, including the refused ones.
    ASSERT_EQ(invoiced[no], accepted[no] + refused) << no;
    EXPECT_EQ(t.difference.count, -t.total.returned.count - t.total.held.count - refused) << no;
    ++checked;
    with_errors += t.difference.count != 0;
  }
  EXPECT_GT(checked, 20);
  EXPECT_GT(with_errors, 5);
}

std::map<std::string, std::string> result_files(const MonthSettlement& s, const report::IssueInfo& issue) {
  TempDir out;
  std::map<std::string, std::string> files;
  for (const auto& path : report::write_results(out.path(), s, issue)) {
    files[std::filesystem::relative(path, out.path()).string()] = read_file(path);
  }
  return files;
}

TEST(SettlementGeneratedMonth, EveryNoticeReadsBackAndARerunIsByteIdentical) {
  GeneratedMonth g;
  auto in = month_input(g);
  const auto issue = testing::seed_issue();
  const auto first = settle_month(in, g.context(), SettlementSettings{});
  const auto files = result_files(first, issue);
  std::set<std::string> forms;
  for (const auto& [name, bytes] : files) {
    if (!name.ends_with(".CSV")) continue;  // summary.json, print values
    const auto n = report::read_notice_bytes(name, bytes);  // throws on any format error
    forms.insert(n.form);
  }
  EXPECT_EQ(forms, (std::set<std::string>{"7211", "7311", "7411", "7513", "7521", "7611", "7621"}));

  std::reverse(in.claims.begin(), in.claims.end());
  std::reverse(in.plans.begin(), in.plans.end());
  std::reverse(in.invoices.begin(), in.invoices.end());
  std::reverse(in.withdrawals.begin(), in.withdrawals.end());
  std::reverse(in.rereviews.begin(), in.rereviews.end());
  std::reverse(in.charges.begin(), in.charges.end());
  const auto again = result_files(settle_month(in, g.context(), SettlementSettings{}), issue);
  ASSERT_EQ(again.size(), files.size());
  for (const auto& [name, bytes] : files) EXPECT_TRUE(again.count(name) && again.at(name) == bytes) << name;
}

}  // namespace
}  // namespace kaigo::settlement
