// 総合事業 municipal masters in the 国保中央会 layout: the two real files of ../shared/data (when
// present) and small authored rows for the strict checks.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "kaigo/master/masters.hpp"
#include "kaigo/master/sougou.hpp"
#include "unit/master/shared_data.hpp"

namespace kaigo::master {
namespace {

// A real master of ../shared/data/sougou-jigyou-masters (each diagnostic a failure), or nullopt when
// it is absent.
std::optional<LoadResult<SougouMaster>> load_shared_sougou(const std::string& file) {
  auto path = testing::shared_data_file("sougou-jigyou-masters/" + file);
  if (!path) return std::nullopt;
  auto r = load_sougou_master(testing::slurp(*path), path->string());
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  return r;
}

TEST(MasterSougou, LoadsIchinomiyaWhenPresent) {
  auto r = load_shared_sougou("124214_ichinomiya_R8.6.1A2.csv");
  if (!r) GTEST_SKIP() << "shared data absent";
  ASSERT_TRUE(r->ok());
  EXPECT_EQ(r->table->size(), 115u);
  // Three generations of A2 1111 訪問型独自サービスⅠ.
  EXPECT_EQ(r->table->find("124214", "A21111", {2019, 9})->units, Units{1168});
  EXPECT_EQ(r->table->find("124214", "A21111", {2019, 10})->units, Units{1172});
  const auto* now = r->table->find("00124214", "A21111", {2026, 6});
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->units, Units{1176});
  EXPECT_EQ(now->unit_kind, 3);
  EXPECT_TRUE(now->limit_target());
  EXPECT_FALSE(now->valid_to.has_value());
  EXPECT_EQ(r->table->find("124214", "A21111", {2016, 2}), nullptr);
  EXPECT_EQ(r->table->find("122283", "A21111", {2026, 6}), nullptr);  // another municipality
}

TEST(MasterSougou, LoadsYotsukaidoWhenPresent) {
  auto r = load_shared_sougou("122283_yotsukaido_20260601.csv");
  if (!r) GTEST_SKIP() << "shared data absent";
  ASSERT_TRUE(r->ok());
  EXPECT_EQ(r->table->size(), 524u);
  // 定率 訪問型サービスＡⅠ: 給付率 90, 2 回 / 16 limits, 要介護 実施区分 from 2026-06.
  const auto* a3 = r->table->find("122283", "A31001", {2026, 6});
  ASSERT_NE(a3, nullptr);
  EXPECT_EQ(a3->units, Units{191});
  EXPECT_EQ(a3->benefit_rate, 90);
  EXPECT_EQ(a3->limit_count, 2);
  EXPECT_EQ(a3->limit_period, 16);
  EXPECT_EQ(a3->eligible[3], 2);
  EXPECT_EQ(r->table->find("122283", "A31001", {2026, 5})->eligible[3], std::nullopt);
  EXPECT_EQ(r->table->find("122283", "A31001", {2026, 5})->name, "訪問型サービスＡⅠ");
  // 減算 rows carry negative units; 処遇改善 rows are outside the limit.
  EXPECT_EQ(r->table->find("122283", "A2C211", {2026, 6})->units, Units{-12});
  EXPECT_FALSE(r->table->find("122283", "A66100", {2026, 6})->limit_target());
  EXPECT_EQ(r->table->find("122283", "AF1001", {2019, 10})->units, Units{431});
}

TEST(MasterSougou, ShortLayoutAndStrictness) {
  // The published 19-item layout (水上村 style, 01/02/03 算定単位).
  std::string ok = "435074,A2,1111,202404,999999,訪問型独自サービス,1176,03,0,0,3,,,,2,2,2,1,20240401\n";
  auto r = load_sougou_master(ok, "435074.csv");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].to_string();
  const auto* s = r.table->find("435074", "A21111", {2026, 6});
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->unit_kind, 3);
  EXPECT_EQ(s->entrusted, "1");
  EXPECT_EQ(s->created_on, (Date{2024, 4, 1}));

  auto overlap = load_sougou_master(ok + "435074,A2,1111,202501,202512,訪問型独自サービス,1180,03,0,0,3,,,,2,2,2,1,20250101\n",
                                    "435074.csv");
  EXPECT_FALSE(overlap.ok());
  ASSERT_EQ(overlap.diagnostics.size(), 1u);
  EXPECT_EQ(overlap.diagnostics[0].code, "KM08");
  EXPECT_EQ(overlap.diagnostics[0].line, 2u);
  EXPECT_EQ(overlap.diagnostics[0].item_no, 4);

  auto bad_month = load_sougou_master("435074,A2,1111,202413,999999,訪問型,1176,03,0,0,3,,,,2,2,2,1,20240401\n", "x.csv");
  EXPECT_FALSE(bad_month.ok());
  EXPECT_EQ(bad_month.diagnostics[0].code, "KM06");
  EXPECT_EQ(bad_month.diagnostics[0].item_name, "適用開始年月");

  auto short_row = load_sougou_master("435074,A2,1111,202404,999999,訪問型\n", "x.csv");
  EXPECT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.diagnostics[0].code, "KM03");
}

// One row of the 19-item layout: 保険者, 種類, 項目, units, 単価, 給付率, 利用者負担額.
std::string sougou_csv_row(const char* insurer, const char* type, const char* item, int units, const char* price = "",
                       const char* rate = "", const char* burden = "") {
  return fmt::format("{},{},{},201504,999999,サービス{},{},1,,,3,{},{},{},2,2,2,1,20150401\n", insurer, type, item, item,
                     units, price, rate, burden);
}

TEST(MasterSougou, OnlyTheTotalSupportTypesAndTheirItems) {
  auto r = load_sougou_master(sougou_csv_row("300000", "A4", "1001", 250, "1050", "", "300") +
                                  sougou_csv_row("300000", "11", "1111", 100) + sougou_csv_row("300000", "A2", "1111", 1176, "0"),
                              "sougou.csv", &testing::bundled().service_types);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "sougou.csv:2: [KM07] サービス種類コード(項番2)=\"11\": 総合事業のサービス種類コード（A2〜AF）ではありません / not a "
            "総合事業 service type (A2–AF) (column service_type)");
  auto ok = load_sougou_master(sougou_csv_row("300000", "A4", "1001", 250, "1050", "", "300") +
                                   sougou_csv_row("300000", "A2", "1111", 1176, "0"),
                               "sougou.csv", &testing::bundled().service_types);
  ASSERT_TRUE(ok.ok());
  const auto* fixed = ok.table->find("300000", "A41001", {2026, 5});
  ASSERT_NE(fixed, nullptr);
  EXPECT_EQ(fixed->unit_price, UnitPrice{1050});
  EXPECT_EQ(fixed->user_burden, Yen{300});
  EXPECT_TRUE(fixed->fixed_burden());
  EXPECT_EQ(fixed->as_service_code.units, Units{250});
  EXPECT_EQ(fixed->as_service_code.code(), "A41001");
  EXPECT_EQ(ok.table->find("300000", "A21111", {2026, 5})->unit_price, std::nullopt);  // 0 = none
  EXPECT_EQ(ok.table->insurers(), std::vector<std::string>{"300000"});
}

// Loading one municipality's file replaces that municipality's codes only.
TEST(MasterSougou, EachInsurerFromTheNewestFileThatListsIt) {
  auto older = *load_sougou_master(sougou_csv_row("300000", "A2", "1111", 1000) + sougou_csv_row("300001", "A2", "1111", 900) +
                                       sougou_csv_row("300001", "A6", "1111", 400),
                                   "older.csv").table;
  auto newer = *load_sougou_master(sougou_csv_row("300000", "A2", "1111", 1200), "newer.csv").table;
  auto m = SougouMaster::per_insurer({&newer, &older});
  EXPECT_EQ(m.insurers(), (std::vector<std::string>{"300000", "300001"}));
  EXPECT_EQ(m.find("300000", "A21111", {2026, 5})->units, Units{1200});
  EXPECT_EQ(m.find("300001", "A21111", {2026, 5})->units, Units{900});
  EXPECT_EQ(m.find("300001", "A61111", {2026, 5})->units, Units{400});
  EXPECT_EQ(m.size(), 3u);
  EXPECT_TRUE(m.governs("00300001"));
  EXPECT_FALSE(m.governs("300002"));
}

// A 総合事業 code of an insurer with its own master comes from it (a code it lacks is unknown);
// everything else, and every insurer without one, from the national services.csv.
TEST(MasterSougou, WhichMasterPricesALine) {
  Masters m = testing::bundled();
  m.sougou = *load_sougou_master(sougou_csv_row("300000", "A2", "1111", 1176), "sougou.csv", &m.service_types).table;
  const YearMonth may{2026, 5};
  ASSERT_NE(m.service_code("00300000", "A2", "1111", may), nullptr);
  EXPECT_EQ(m.service_code("00300000", "A2", "1111", may)->units, Units{1176});
  EXPECT_EQ(m.service_code("300000", "A2", "9999", may), nullptr);
  EXPECT_EQ(m.own_code("300000", "A2", "1111", may)->units, Units{1176});
  EXPECT_EQ(m.own_code("300001", "A2", "1111", may), nullptr);
  EXPECT_EQ(m.service_code("300001", "A2", "1111", may), m.service_codes.find("A2", "1111", may));
  // The national codes of a governed insurer stay national.
  const auto* national = m.service_codes.find("11", "1111", may);
  ASSERT_NE(national, nullptr);
  EXPECT_EQ(m.service_code("300000", "11", "1111", may), national);
}

}  // namespace
}  // namespace kaigo::master
