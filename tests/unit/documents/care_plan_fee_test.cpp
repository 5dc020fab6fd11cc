// 様式第七 (8124) read back: the fields as written, the written totals kept, and as a 明細書 value
// it recomputes to exactly what it says (居宅介護支援費: 10割, no 利用者負担); a wrong 請求金額 shows.
#include <gtest/gtest.h>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"

namespace kaigo::documents {
namespace {

CarePlanFeeStatement fee() {
  CarePlanFeeStatement f;
  f.office_no = "1370000043";
  f.service_month = {2026, 3};
  f.insurer_no = "131016";
  f.unit_price = UnitPrice{1140};
  f.insured_no = "0000000001";
  f.birth_date = {1940, 1, 1};
  f.sex = 2;
  f.care_level = "23";
  f.cert_from = {2025, 4, 1};
  f.cert_to = {2027, 3, 31};
  f.notified_on = {2025, 4, 1};
  f.lines = {{"432211", Units{1411}, 1}, {"434001", Units{300}, 1}};
  f.care_manager_no = "13000001";
  return f;
}

struct Fees : exchange::Sink {
  std::vector<CarePlanFeeStatement> fees;
  void on_document(const exchange::Document& d) override {
    if (d.form && d.form->family == exchange::Family::CarePlan) fees.push_back(to_care_plan_fee(d));
  }
};

CarePlanFeeStatement round_trip(const CarePlanFeeStatement& f) {
  exchange::ControlFields c;
  c.data_type = "711";
  c.office_no = f.office_no;
  c.processing_month = "202604";
  exchange::Writer w(c);
  write_care_plan_fee(f, w);
  Fees sink;
  exchange::read_bytes("KK260401.CSV", w.finish_to_string(), sink);
  EXPECT_EQ(sink.fees.size(), 1u);
  return sink.fees.at(0);
}

billing::StatementTerms terms() {
  billing::StatementTerms t;
  t.types.push_back({"43", UnitPrice{1140}, std::nullopt});
  t.insurance_rate = 100;
  t.plan_from_claim = true;
  return t;
}

TEST(CarePlanFee, ReadsBackWhatWasWritten) {
  auto f = round_trip(fee());
  EXPECT_EQ(f.form_id, "8124");
  EXPECT_EQ(f.office_no, "1370000043");
  EXPECT_EQ(f.service_month, (YearMonth{2026, 3}));
  EXPECT_EQ(f.insurer_no, "131016");
  EXPECT_EQ(f.unit_price.x100, 1140);
  EXPECT_EQ(f.birth_date, (Date{1940, 1, 1}));
  EXPECT_EQ(f.sex, 2);
  EXPECT_EQ(f.care_level, "23");
  ASSERT_EQ(f.lines.size(), 2u);
  EXPECT_EQ(f.lines[1].service_code, "434001");
  EXPECT_EQ(f.written_line_units, (std::vector<Units>{Units{1411}, Units{300}}));
  EXPECT_EQ(f.written_total_units, Units{1711});
  EXPECT_EQ(f.written_claim, Yen{19505});  // floor(1,711 × 11.40)
  EXPECT_EQ(f.care_manager_no, "13000001");
}

TEST(CarePlanFee, AsAStatementItRecomputesToWhatItSays) {
  auto st = as_statement(round_trip(fee()));
  EXPECT_EQ(st.key.form_id, "8124");
  ASSERT_EQ(st.aggregates.size(), 1u);
  EXPECT_EQ(st.aggregates[0].service_type, "43");
  EXPECT_EQ(st.aggregates[0].insurance_claim, Yen{19505});
  EXPECT_EQ(st.aggregates[0].user_burden, Yen{0});
  EXPECT_EQ(st.basic.insurance.claim, Yen{19505});
  auto computed = billing::compute(st, terms());
  EXPECT_TRUE(billing::compare(st, computed.statement).empty());

  auto wrong = fee();
  wrong.written_claim = Yen{19600};
  auto diffs = billing::compare(as_statement(wrong), billing::compute(as_statement(wrong), terms()).statement);
  ASSERT_FALSE(diffs.empty());
  EXPECT_EQ(diffs[0].item_name, "保険請求額");
  EXPECT_EQ(diffs[0].written, 19600);
  EXPECT_EQ(diffs[0].computed, 19505);
}

}  // namespace
}  // namespace kaigo::documents
