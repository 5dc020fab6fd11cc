// 総合事業 in a generated month (kaigo gen --all-mistakes, seed 002 §11, issue 18 item 7): the
// 要支援 people's 明細書 of the 総合事業 offices (A2 独自, A3 定率, A6 独自, A8 定額) are decided with
// exactly the units and yen their municipality's own codes in the month's sougou.csv give — the
// expected figures are worked out here from the sougou.csv rows, the office's 地域区分 and the
// ledger's 給付率, not by the calculator — the unknown_sougou_code ones (item 9999) are returned,
// and the settlement pays the rest as 総合事業費 (7541, 7513 item 16), apart from 介護給付費.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "kaigo/core/strings.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/master/keys.hpp"
#include "kaigo/review/review.hpp"
#include "kaigo/settlement/settle.hpp"
#include "support/accepted_documents.hpp"
#include "support/generated_ledgers.hpp"
#include "support/test_support.hpp"

namespace kaigo::gen_sougou {
namespace {

using testing::read_file;

constexpr YearMonth kSougouMonth{2026, 5};  // 処理年月; the services are of 2026-04

using SougouAccepted = testing::AcceptedDocuments;

// One row of sougou.csv as written (国保中央会 24-item layout: 単位数 item 7, 単価 12, 給付率 13,
// 利用者負担額 14).
struct MunicipalCode {
  std::int64_t units = 0;
  std::int64_t price = 0;   // ×100; 0 = none (the office's 地域区分 単価)
  std::int64_t rate = 0;    // 0 = none (the ledger's 給付率)
  std::int64_t burden = 0;  // 円 per 回; 0 = none (not 定額)
};

std::int64_t number_or_zero(std::string_view s) { return s.empty() ? 0 : std::stoll(std::string(s)); }

// The municipality's code: 保険者番号 × サービスコード (サービス種類 2 + 項目 4).
master::SougouCodeKey code_key(std::string_view insurer_no, std::string_view type, std::string_view item) {
  return *master::SougouCodeKey::of(insurer_no, std::string(type) + std::string(item));
}

struct SougouMonth : testing::GeneratedLedgers {
  SougouAccepted accepted;
  review::MonthOutcome outcome;
  std::map<master::SougouCodeKey, MunicipalCode> codes;
  std::multiset<std::pair<std::string, std::string>> listed_unknown;  // (office, insured) of unknown_sougou_code lines

  SougouMonth() : GeneratedLedgers(kSougouMonth, 60, 1500, 11, 0.2, true) {
    const std::string sougou_csv = read_file(dir / "sougou.csv");
    for (auto line : lines(sougou_csv)) {
      auto f = split(line, ',');
      codes[code_key(f[0], f[1], f[2])] = {std::stoll(std::string(f[6])), number_or_zero(f[11]), number_or_zero(f[12]),
                                           number_or_zero(f[13])};
    }
    const std::string manifest = read_file(dir / "expected_errors.csv");
    for (auto line : lines(manifest)) {
      auto f = split(line, ',');
      if (f[0] != "unknown_sougou_code") continue;
      EXPECT_EQ(f[2], "71R1");
      EXPECT_EQ(f[7], "KP27");
      EXPECT_EQ(f[8], "返戻");
      listed_unknown.emplace(f[1], f[5]);
    }
    read_submissions(accepted);
    outcome = review::review_month({month, accepted.plans, accepted.claims, {}}, context());
  }

  review::ReviewContext context() const {
    review::ReviewContext ctx{masters, offices, insurers, recipients, review::default_config()};
    ctx.funds = funds ? &*funds : nullptr;
    return ctx;
  }
};

// What the municipality's code gives for the one line of a 総合事業 明細書: 単位数 × 回数, at its 単価
// or the office's 地域区分 単価, then 定額 (利用者負担額 × 回数, 保険 the rest) or 定率 (its 給付率,
// else the ledger's).
review::Amounts expected_amounts(const SougouMonth& m, const billing::ClaimStatement& st, const MunicipalCode& c) {
  const auto& d = st.details.front();
  const YearMonth sm = st.key.service_month;
  review::Amounts a;
  a.units = Units{c.units * d.count};
  std::int64_t price = c.price;
  if (price == 0) price = m.masters.unit_price(m.offices.find(st.key.office_no, d.service_type, sm)->region_class, d.service_type, sm)->x100;
  const Yen cost{a.units.value * price / 100};
  if (c.burden > 0) {
    a.user_burden = Yen{std::min(c.burden * d.count, cost.value)};
    a.insurance_claim = cost - a.user_burden;
  } else {
    const std::int64_t rate =
        c.rate > 0 ? c.rate : *m.recipients.at(st.key.insurer_no, st.key.insured_no, Date{sm.year, sm.month, 1})->benefit_rate;
    a.insurance_claim = Yen{cost.value * rate / 100};
    a.user_burden = cost - a.insurance_claim;
  }
  return a;
}

TEST(SougouGeneratedMonth, StatementsAreDecidedWithTheMunicipalitysUnitsAndYen) {
  SougouMonth m;
  ASSERT_EQ(m.codes.size(), 4u);  // one municipality (さくら市 131013) at 1,500 people, four codes
  std::map<std::string, const billing::ClaimStatement*> by_id;
  for (const auto& c : m.accepted.claims) by_id[c.id] = &c.statement;
  std::map<std::string, int> decided;  // per type
  std::multiset<std::pair<std::string, std::string>> returned_unknown;
  for (const auto& d : m.outcome.claim_decisions) {
    const auto& st = *by_id.at(d.claim_id);
    if (st.key.form_id != "71R1") continue;
    ASSERT_EQ(st.details.size(), 1u) << d.claim_id;
    const auto& line = st.details.front();
    EXPECT_TRUE(st.basic.care_level == "12" || st.basic.care_level == "13") << d.claim_id;
    if (line.item_code == "9999") {
      EXPECT_EQ(d.outcome, review::ClaimOutcome::Returned) << d.claim_id;
      returned_unknown.emplace(st.key.office_no, st.key.insured_no);
      continue;
    }
    const auto& code = m.codes.at(code_key(st.key.insurer_no, line.service_type, line.item_code));
    ASSERT_EQ(d.outcome, review::ClaimOutcome::Paid) << d.claim_id;
    ASSERT_EQ(d.rows.size(), 1u);
    const auto want = expected_amounts(m, st, code);
    EXPECT_EQ(d.rows[0].decided.units, want.units) << d.claim_id;
    EXPECT_EQ(d.rows[0].decided.insurance_claim, want.insurance_claim) << d.claim_id;
    EXPECT_EQ(d.rows[0].decided.user_burden, want.user_burden) << d.claim_id;
    EXPECT_EQ(d.rows[0].decided, d.rows[0].written) << d.claim_id;  // the office priced it so too
    ++decided[line.service_type];
  }
  EXPECT_GT(decided["A2"], 0);
  EXPECT_GT(decided["A3"], 0);  // 定率
  EXPECT_GT(decided["A6"], 0);
  EXPECT_GT(decided["A8"], 0);  // 定額
  EXPECT_FALSE(m.listed_unknown.empty());
  EXPECT_EQ(returned_unknown, m.listed_unknown);
}

// One person of each: the A3 (定率) and A8 (定額) 明細書 worked out by hand from the generated rows.
TEST(SougouGeneratedMonth, OneFixedRateAndOneFixedBurdenPersonByHand) {
  SougouMonth m;
  const auto& a3 = m.codes.at(code_key("131013", "A3", "1001"));
  const auto& a8 = m.codes.at(code_key("131013", "A8", "1001"));
  ASSERT_GT(a3.rate, 0);
  ASSERT_GT(a3.price, 0);
  ASSERT_GT(a8.burden, 0);
  ASSERT_GT(a8.price, 0);
  std::map<std::string, const billing::ClaimStatement*> by_id;
  for (const auto& c : m.accepted.claims) by_id[c.id] = &c.statement;
  bool fixed_rate = false, fixed_burden = false;
  for (const auto& d : m.outcome.claim_decisions) {
    const auto& st = *by_id.at(d.claim_id);
    if (st.key.form_id != "71R1" || d.outcome != review::ClaimOutcome::Paid) continue;
    const auto& line = st.details.front();
    const std::int64_t n = line.count;
    if (line.service_type == "A3" && !fixed_rate) {
      const std::int64_t cost = a3.units * n * a3.price / 100;
      EXPECT_EQ(d.rows[0].decided.units, Units{a3.units * n});
      EXPECT_EQ(d.rows[0].decided.insurance_claim, Yen{cost * a3.rate / 100});
      EXPECT_EQ(st.basic.insurance_rate, a3.rate);  // the code's 給付率, not the ledger's
      fixed_rate = true;
    }
    if (line.service_type == "A8" && !fixed_burden) {
      const std::int64_t cost = a8.units * n * a8.price / 100;
      EXPECT_EQ(d.rows[0].decided.units, Units{a8.units * n});
      EXPECT_EQ(d.rows[0].decided.user_burden, Yen{a8.burden * n});
      EXPECT_EQ(d.rows[0].decided.insurance_claim, Yen{cost - a8.burden * n});
      fixed_burden = true;
    }
  }
  EXPECT_TRUE(fixed_rate);
  EXPECT_TRUE(fixed_burden);
}

// Settled: the 総合事業 明細書 paid are 総合事業費 (7541 T3, 7513 item 16), the others 介護給付費.
TEST(SougouGeneratedMonth, SettlementPaysThemAsSougouHi) {
  SougouMonth m;
  settlement::SettlementInput in;
  in.month = m.month;
  std::map<std::string, const review::SubmittedClaim*> claims;
  for (const auto& c : m.accepted.claims) claims[c.id] = &c;
  Yen sougou, care;
  std::map<std::string, Yen> sougou_of;  // 事業所番号 → 総合事業費
  for (const auto& d : m.outcome.claim_decisions) {
    const auto& st = claims.at(d.claim_id)->statement;
    in.claims.push_back({st, d, m.month});
    if (d.outcome != review::ClaimOutcome::Paid && d.outcome != review::ClaimOutcome::Cut) continue;
    const auto t = d.decided_total();
    const Yen paid = t.insurance_claim + t.fund_claims[0] + t.fund_claims[1] + t.fund_claims[2];
    if (st.key.form_id == "71R1") {
      // Paid exactly as the municipality's code gives (checked above): its insurance claim.
      const auto& line = st.details.front();
      const auto want = expected_amounts(m, st, m.codes.at(code_key(st.key.insurer_no, line.service_type, line.item_code)));
      EXPECT_EQ(paid, want.insurance_claim) << d.claim_id;
      sougou += paid;
      sougou_of[st.key.office_no] += paid;
    } else {
      care += paid;
    }
  }
  ASSERT_EQ(m.outcome.plan_decisions.size(), m.accepted.plans.size());
  for (std::size_t i = 0; i < m.outcome.plan_decisions.size(); ++i)
    in.plans.push_back({m.accepted.plans[i].id, m.accepted.plans[i].plan, m.outcome.plan_decisions[i]});
  in.invoices = m.accepted.invoices;
  const auto s = settlement::settle_month(in, m.context(), SettlementSettings{});
  EXPECT_GT(sougou, Yen{0});
  EXPECT_EQ(s.totals.sougou.decided, sougou);
  EXPECT_EQ(s.totals.care.decided, care);
  ASSERT_EQ(sougou_of.size(), 4u);  // 13A0000001–13A0000004
  for (const auto& o : s.offices) {
    if (!sougou_of.count(o.office.office_no)) {
      EXPECT_EQ(o.payment.sougou.decided, Yen{0}) << o.office.office_no;
      continue;
    }
    EXPECT_EQ(o.payment.sougou.decided, sougou_of.at(o.office.office_no)) << o.office.office_no;
    EXPECT_EQ(o.payment.care.decided, Yen{0}) << o.office.office_no;
    ASSERT_TRUE(o.sougou_breakdown.present()) << o.office.office_no;
    EXPECT_EQ(o.sougou_breakdown.decided.service.benefit, sougou_of.at(o.office.office_no)) << o.office.office_no;
    EXPECT_FALSE(o.care_breakdown.present()) << o.office.office_no;
  }
}

}  // namespace
}  // namespace kaigo::gen_sougou
