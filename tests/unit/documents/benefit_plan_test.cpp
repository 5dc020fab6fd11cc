// 給付管理票 (8222) read back: the codes held in place at their items' widths come back as written,
// and an item longer than its width is reported by the reader (naming the item and its value) and
// reads as empty — never a crash, never a truncated number.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"

namespace kaigo::documents {
namespace {

billing::BenefitPlan plan() {
  billing::BenefitPlan p;
  p.service_month = {2026, 4};
  p.insurer_no = "00131016";
  p.support_office_no = "1370000099";
  p.created_on = Date{2026, 4, 30};
  p.insured_no = "0000000001";
  p.birth_date = Date{1940, 1, 1};
  p.sex = 2;
  p.care_level = "23";
  p.limit_from = YearMonth{2025, 4};
  p.limit_to = YearMonth{2027, 3};
  p.limit_units = Units{27048};
  p.lines = {{"1370000001", 1, "11", Units{1500}}, {"1370000002", 1, "15", Units{6000}}};
  p.total_units = Units{7500};
  p.care_manager_no = "13000001";
  return p;
}

std::string written(const billing::BenefitPlan& p) {
  exchange::ControlFields c;
  c.data_type = "821";
  c.office_no = p.support_office_no.str();
  c.processing_month = "202605";
  exchange::Writer w(c);
  write_plan(p, w);
  return w.finish_to_string();
}

struct Plans : exchange::Sink {
  std::vector<billing::BenefitPlan> plans;
  std::vector<Diagnostic> diagnostics;
  void on_document(const exchange::Document& d) override {
    if (d.form && d.form->family == exchange::Family::Plan) plans.push_back(to_plan(d));
  }
  void on_diagnostic(const Diagnostic& d) override { diagnostics.push_back(d); }
};

Plans read(const std::string& bytes) {
  Plans sink;
  exchange::read_bytes("KY260501.CSV", bytes, sink);
  return sink;
}

TEST(BenefitPlan, ReadsBackWhatWasWritten) {
  const auto got = read(written(plan()));
  ASSERT_TRUE(got.diagnostics.empty()) << got.diagnostics.front().to_string();
  ASSERT_EQ(got.plans.size(), 1u);
  const auto& p = got.plans[0];
  EXPECT_EQ(p.insurer_no, "00131016");
  EXPECT_EQ(p.support_office_no, "1370000099");
  EXPECT_EQ(p.insured_no, "0000000001");
  EXPECT_EQ(p.care_level, "23");
  EXPECT_EQ(p.care_manager_no, "13000001");
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(p.lines[1].office_no, "1370000002");
  EXPECT_EQ(p.lines[1].service_type, "15");
  EXPECT_EQ(p.lines[1].plan_units, Units{6000});
  EXPECT_EQ(p.total_units, Units{7500});
}

TEST(BenefitPlan, AnItemLongerThanItsWidthIsReportedAndReadsAsEmpty) {
  auto bytes = written(plan());
  // The 被保険者番号 (10 bytes) of every record one byte longer.
  std::size_t replaced = 0;
  for (std::size_t at = 0; (at = bytes.find(",0000000001,", at)) != std::string::npos; at += 13, ++replaced) {
    bytes.replace(at, 12, ",00000000012,");
  }
  ASSERT_EQ(replaced, 3u);  // two lines and the 99 record
  const auto got = read(bytes);
  ASSERT_FALSE(got.diagnostics.empty());
  const auto& d = got.diagnostics.front();
  EXPECT_EQ(d.item_name, "被保険者番号");
  EXPECT_EQ(d.item_no, 9);
  EXPECT_EQ(d.value, "00000000012");
  EXPECT_EQ(d.line, 2u);
  ASSERT_EQ(got.plans.size(), 1u);
  EXPECT_TRUE(got.plans[0].insured_no.empty());
  EXPECT_EQ(got.plans[0].insurer_no, "00131016");  // the other items as written
}

}  // namespace
}  // namespace kaigo::documents
