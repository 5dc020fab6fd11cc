// 過誤申立 (kago.csv, DESIGN §3.2) against the code tables of seed 002 §7(3): the seed's examples,
// 同月 reasons, alphanumeric reasons, and every refusal with its line and column.
#include <gtest/gtest.h>

#include "kaigo/settlement/kago.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::settlement {
namespace {

constexpr const char* kHeader = "insurer_no,office_no,insured_no,service_month,form_no,kago_code,filed_on\n";

master::LoadResult<std::vector<KagoRequest>> load(const std::string& rows) {
  return load_kago(std::string(kHeader) + rows, "kago.csv");
}

TEST(Kago, SeedExamplesOfTheCodeTable) {
  // seed 002 §7(3) 例: 訪問介護 請求誤り 1002; 予防通所リハ 同月過誤 1112; 居宅支援 4002; 総合事業 訪問型 1002.
  auto r = load(
      "131001,1370000001,0000000001,202609,,1002,20241001\n"
      "131001,1370000001,0000000002,202609,,1112,20241001\n"
      "131001,1370000002,0000000001,202609,,4002,20241001\n"
      "131001,1370000003,0000000001,202609,71R1,1002,20241001\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].to_string();
  const auto& k = *r.table;
  ASSERT_EQ(k.size(), 4u);
  EXPECT_EQ(k[0].key.form_id, "7131");
  EXPECT_FALSE(k[0].same_month);
  EXPECT_EQ(k[0].reason_name, "請求誤りによる給付実績の取下げ");
  EXPECT_EQ(k[1].key.form_id, "7132");
  EXPECT_TRUE(k[1].same_month);
  EXPECT_EQ(k[2].key.form_id, "8124");
  EXPECT_EQ(k[3].key.form_id, "71R1");  // the 総合事業 form shares 様式番号 10
  EXPECT_EQ(k[3].line, 5u);
}

TEST(Kago, SameMonthReasonsOfDesign) {
  for (const char* reason : {"12", "49", "4A", "4B", "4C", "4D", "4E", "59", "69"}) {
    const auto* r = find_kago_reason(reason);
    ASSERT_NE(r, nullptr) << reason;
    EXPECT_TRUE(r->same_month) << reason;
  }
  for (const char* reason : {"02", "09", "29", "42", "43", "44", "45", "46", "47", "52", "62", "99"}) {
    const auto* r = find_kago_reason(reason);
    ASSERT_NE(r, nullptr) << reason;
    EXPECT_FALSE(r->same_month) << reason;
  }
  EXPECT_EQ(find_kago_reason("03"), nullptr);
}

TEST(Kago, ShortNamesFitThe7611Item) {
  // 7611 D1 item 11 過誤申立事由 is 漢字 28 bytes (claims-format §7.6): 14 全角 characters.
  for (const char* reason : {"02", "09", "12", "29", "32", "42", "43", "44", "45", "46", "47", "49", "4A", "4B",
                             "4C", "4D", "4E", "52", "59", "62", "69", "99"}) {
    const auto* r = find_kago_reason(reason);
    ASSERT_NE(r, nullptr) << reason;
    EXPECT_FALSE(r->short_name.empty()) << reason;
    EXPECT_LE(text::to_cp932(r->short_name).size(), 28u) << reason << " " << r->short_name;
  }
  const auto* cancel = find_kago_reason("32");
  EXPECT_EQ(cancel->name, "給付管理票取消による実績の取下げ");
  EXPECT_FALSE(cancel->same_month);
  EXPECT_EQ(find_kago_reason("02")->short_name, "請求誤りによる実績の取下げ");
}

struct BadKago {
  const char* row;
  const char* code;
  int item_no;
};

class KagoRefuses : public ::testing::TestWithParam<BadKago> {};

TEST_P(KagoRefuses, WholeFileWithLineAndColumn) {
  auto r = load(std::string("131001,1370000001,0000000009,202609,,1002,20241001\n") + GetParam().row);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, GetParam().code);
  EXPECT_EQ(r.diagnostics[0].line, 3u);
  EXPECT_EQ(r.diagnostics[0].item_no, GetParam().item_no);
  EXPECT_EQ(r.diagnostics[0].file, "kago.csv");
}

INSTANTIATE_TEST_SUITE_P(
    Rows, KagoRefuses,
    ::testing::Values(BadKago{"131001,1370000001,0000000001,202609,,9902,20241001\n", "KG01", 6},
                      BadKago{"131001,1370000001,0000000001,202609,,1003,20241001\n", "KG02", 6},
                      BadKago{"131001,1370000001,0000000001,202609,7143,1002,20241001\n", "KG03", 5},
                      BadKago{"131001,1370000001,0000000009,202609,7131,1012,20241002\n", "KG04", 3},
                      BadKago{"131001,1370000001,0000000001,202613,,1002,20241001\n", "KM06", 4},
                      BadKago{"131001,1370000001,0000000001,202609,,10,20241001\n", "KM07", 6},
                      BadKago{"131001,1370000001,,202609,,1002,20241001\n", "KM04", 3}));

}  // namespace
}  // namespace kaigo::settlement
