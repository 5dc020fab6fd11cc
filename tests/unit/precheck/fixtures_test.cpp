// Every hand-written file a provider sends (tests/fixtures/exchange) passes the pre-check with every
// check on — masters, the fixture ledgers, the processing month — and its 事前チェック情報 is right.
#include <gtest/gtest.h>

#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {
namespace {

YearMonth month_of(const std::string& code) {
  if (code == "71A3") return {2024, 4};  // the form ends 2024-03 (fixtures README)
  if (code == "71B2") return {2026, 6};
  return {2026, 5};
}

class CleanFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(CleanFixture, HasNoError) {
  const std::string code = GetParam();
  auto text = fixture_text(code);
  auto r = check_text(text, world().context(month_of(code)), code + ".CSV");
  EXPECT_EQ(r.error_count, 0u) << dump(r);
  EXPECT_FALSE(r.worst().has_value());
  std::uint64_t data = 0;
  for (const auto& l : lines_of(text)) data += l.rfind("2,", 0) == 0 ? 1 : 0;
  EXPECT_EQ(r.records, data);
  EXPECT_EQ(r.file, code + ".CSV");
  if (code != "71B2") {
    EXPECT_GE(r.statements, 1u);
  }
  for (const auto& d : r.documents) EXPECT_FALSE(d.has_errors) << d.key.text();
}

INSTANTIATE_TEST_SUITE_P(Inbound, CleanFixture,
                         ::testing::Values("7131", "7132", "71R1", "7143", "7144", "7155", "7156", "7157", "7158",
                                           "7164", "7165", "7171", "7172", "7173", "7174", "7175", "7176", "7177",
                                           "7183", "7195", "7196", "71A3", "8124", "8125", "8171", "8222", "71B2"));

TEST(PrecheckFixture, FileInformationAndDocuments) {
  auto r = check_text(fixture_text("7131"), world().context(), "KK260501.CSV");
  EXPECT_EQ(r.data_type, "711");
  EXPECT_EQ(r.office_no, "1370000001");
  EXPECT_EQ(r.processing_month, "202605");
  EXPECT_EQ(r.statements, 2u);  // 明細件数: two 明細書 (the 請求書 row is not one)
  EXPECT_EQ(r.records, 9u);     // レコード件数: data records
  ASSERT_EQ(r.documents.size(), 2u);
  const DocumentRef& d = r.documents[1];
  EXPECT_EQ(d.code, "7131");
  EXPECT_EQ(d.key, exchange::DocumentKey::of({"7131", "7131", "202604", "1370000001", "00131029", "0000023456"}));
  EXPECT_EQ(d.office_no, "1370000001");
  EXPECT_EQ(d.insurer_no, "00131029");
  EXPECT_EQ(d.insured_no, "0000023456");
  EXPECT_EQ(d.service_month, "202604");
  EXPECT_EQ(d.service_types, std::vector<std::string>{"11"});
  EXPECT_EQ(d.copies, 1u);
  EXPECT_FALSE(d.has_errors);
}

TEST(PrecheckFixture, PlansCountAsStatementsAndNameTheirTypes) {
  auto r = check_text(fixture_text("8222"), world().context(), "KY260501.CSV");
  EXPECT_EQ(r.data_type, "821");
  EXPECT_EQ(r.statements, 1u);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].service_types, (std::vector<std::string>{"11", "13"}));
}

TEST(PrecheckFixture, WithoutContextTheChecksThatNeedItAreSkipped) {
  PrecheckContext none;  // no masters, no ledgers, no processing month: the file's own consistency only
  for (const char* code : {"7131", "7143", "7183", "8124", "8222"}) {
    auto r = check_text(fixture_text(code), none, std::string(code) + ".CSV");
    EXPECT_EQ(r.error_count, 0u) << dump(r);
  }
}

}  // namespace
}  // namespace kaigo::precheck::testing
