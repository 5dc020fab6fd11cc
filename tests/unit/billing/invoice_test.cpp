// 請求書 (7111/7113) totals as sums of computed 明細書 (claims-format §6.1): 保険 rows per
// 請求情報区分, 公費 rows per 法別番号, 生保単独 only on the 公費 row, 特定入所者 items.
#include <gtest/gtest.h>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/invoice.hpp"

namespace kaigo::billing {
namespace {

ClaimStatement statement(const char* form, const char* insured, const char* type, const char* item,
                         std::int64_t units, int count) {
  ClaimStatement s;
  s.key = {form, {2026, 6}, "1310000001", "00131016", insured};
  s.basic.insurance_rate = 90;
  DetailLine d;
  d.service_type = type;
  d.item_code = item;
  d.unit_units = Units{units};
  d.count = count;
  s.details = {d};
  return s;
}

ClaimStatement computed(ClaimStatement s, int rate = 90) {
  StatementTerms t;
  t.types = {{s.details[0].service_type, UnitPrice{1140}, std::nullopt}};
  t.insurance_rate = rate;
  return compute(s, t).statement;
}

ClaimStatement with_welfare_fund(ClaimStatement s) {
  s.basic.funds[0] = {"12131016", "1234567", 100};
  s.details[0].fund_counts[0] = s.details[0].count;
  return s;
}

TEST(BillingInvoice, ClassesOfForms) {
  EXPECT_EQ(invoice_class_of("7131").claim_class, "01");
  EXPECT_EQ(invoice_class_of("7183").invoice_form, "7111");
  EXPECT_EQ(invoice_class_of("8124").claim_class, "02");
  EXPECT_EQ(invoice_class_of("8125").claim_class, "02");
  EXPECT_EQ(invoice_class_of("71R1").invoice_form, "7113");
  EXPECT_EQ(invoice_class_of("71R1").claim_class, "05");
  EXPECT_EQ(invoice_class_of("8171").claim_class, "06");
}

// The amounts of one 請求書 row, in the order of its items.
struct RowAmounts {
  std::int64_t count;  // 件数
  Units units;         // 単位数
  Yen insurance;       // 保険請求額
  Yen public_claim;    // 公費請求額
  Yen burden;          // 利用者負担
  Yen cost;            // 費用合計
};

void expect_amounts(const InvoiceRow& r, const RowAmounts& e) {
  EXPECT_EQ(r.count, e.count);
  EXPECT_EQ(r.units, e.units);
  EXPECT_EQ(r.insurance_claim, e.insurance);
  EXPECT_EQ(r.public_claim, e.public_claim);
  EXPECT_EQ(r.user_burden, e.burden);
  EXPECT_EQ(r.cost_total, e.cost);
}

TEST(BillingInvoice, SumsPerPayerAndClass) {
  // 身体介護１ ×4 + … kept simple: 1,750 units of 訪問介護 at 11.40円.
  auto s1 = computed(statement("7131", "0000000001", "11", "1111", 875, 2));
  auto s2 = computed(with_welfare_fund(statement("7131", "0000000002", "11", "1111", 875, 2)));
  auto h = statement("7131", "H000000003", "11", "1111", 875, 2);
  h.basic.insurance_rate.reset();
  auto s3 = computed(with_welfare_fund(h));
  auto s4 = computed(statement("8124", "0000000001", "43", "2111", 1086, 1), 100);
  ASSERT_EQ(s1.basic.insurance.claim, Yen{17955});
  ASSERT_EQ(s2.basic.fund_totals[0].claim, Yen{1995});
  ASSERT_EQ(s3.basic.fund_totals[0].claim, Yen{19950});
  ASSERT_EQ(s4.basic.insurance.claim, Yen{12380});  // floor(1086 × 11.40), 10割

  std::vector<ClaimStatement> all{s1, s2, s3, s4};
  Invoice inv = build_invoice(all);
  ASSERT_EQ(inv.rows.size(), 3u);

  const InvoiceRow* ins01 = inv.find(1, "00", "01");
  ASSERT_NE(ins01, nullptr);
  EXPECT_EQ(ins01->form_id, "7111");
  expect_amounts(*ins01, {2, Units{3500}, Yen{35910}, Yen{1995}, Yen{1995}, Yen{39900}});

  const InvoiceRow* ins02 = inv.find(1, "00", "02");  // 10割: the 保険 pays it all
  ASSERT_NE(ins02, nullptr);
  expect_amounts(*ins02, {1, Units{1086}, Yen{12380}, Yen{0}, Yen{0}, Yen{12380}});

  const InvoiceRow* pub = inv.find(2, "12", "01");
  ASSERT_NE(pub, nullptr);
  expect_amounts(*pub, {2, Units{3500}, Yen{0}, Yen{21945}, Yen{0}, Yen{21945}});
}

TEST(BillingInvoice, FacilityItems) {
  auto s = statement("7183", "0000000009", "51", "1111", 700, 30);
  FacilityCostLine food;
  food.service_type = "59";
  food.item_code = "5111";
  food.unit_cost = Yen{1445};
  food.burden_limit = Yen{390};
  food.days = 30;
  s.facility_costs = {food};
  auto c = computed(s);
  std::vector<ClaimStatement> all{c};
  Invoice inv = build_invoice(all);
  const InvoiceRow* r = inv.find(1, "00", "01");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->facility_count, 1);
  EXPECT_EQ(r->facility_cost_total, Yen{43350});
  EXPECT_EQ(r->facility_insurance_claim, Yen{31650});
  EXPECT_EQ(r->facility_user_burden, Yen{11700});
  EXPECT_EQ(r->insurance_claim, Yen{215460});  // floor(21000 × 11.40 × 0.9) = 215460
}

TEST(BillingInvoice, CompareNamesDifferingAndMissingRows) {
  auto s1 = computed(statement("7131", "0000000001", "11", "1111", 875, 2));
  std::vector<ClaimStatement> all{s1};
  Invoice computed_inv = build_invoice(all);
  Invoice written = computed_inv;
  EXPECT_TRUE(compare_invoice(written, computed_inv).empty());
  written.rows[0].insurance_claim = Yen{18000};
  InvoiceRow extra = written.rows[0];
  extra.payer_kind = 2;
  extra.law_no = "54";
  extra.claim_class = "00";
  written.rows.push_back(extra);
  auto diffs = compare_invoice(written, computed_inv);
  ASSERT_EQ(diffs.size(), 2u);
  EXPECT_EQ(diffs[0].written->insurance_claim, Yen{18000});
  EXPECT_EQ(diffs[0].computed->insurance_claim, Yen{17955});
  EXPECT_EQ(diffs[1].computed, nullptr);
  EXPECT_EQ(diffs[1].written->law_no, "54");
}

}  // namespace
}  // namespace kaigo::billing
