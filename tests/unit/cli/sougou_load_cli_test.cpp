// `kaigo load --db DB sougou FILE`: a municipality's own 総合事業 service-code master, stored whole
// or not at all, each municipality's codes in force from the newest file that lists it.
#include <gtest/gtest.h>

#include "kaigo/store/tables.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

constexpr const char* kYotsukaidoStyle =
    "300000,A3,1001,201504,999999,訪問型サービスＡⅠ,191,1,2,16,3,,90,,2,2,2,1,20150401\n"
    "300000,A4,1001,201504,999999,訪問型サービス（定額）,250,1,,,3,1050,,300,2,2,2,1,20150401\n";

TEST(CliSougouLoad, ABadFileIsRefusedNamingFileLineAndItem) {
  TempDir dir;
  auto db = (dir / "k.db").string();
  ASSERT_EQ(run_kaigo("init --db " + db).exit_code, 0);
  const auto file = (dir / "sougou.csv").string();
  write_file(file,
             std::string(kYotsukaidoStyle) +
                 "300000,A2,1111,201504,999999,訪問型,abc,1,,,3,,,,2,2,2,1,20150401\n"
                 "300000,11,1111,201504,999999,訪問介護,100,1,,,3,,,,2,2,2,1,20150401\n"
                 "300000,A6,1111,202604,202504,通所型,300,1,,,3,,,,2,2,2,1,20150401\n");
  auto r = run_kaigo("load --db " + db + " sougou " + file);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            file + ":3: [KM05] 単位数(項番7)=\"abc\": 単位数は-999999〜999999の整数でなければなりません / must be an "
                   "integer in -999999..999999 (column units)\n" +
                file + ":4: [KM07] サービス種類コード(項番2)=\"11\": 総合事業のサービス種類コード（A2〜AF）ではありません / "
                       "not a 総合事業 service type (A2–AF) (column service_type)\n" +
                file + ":5: [KM09] 適用終了年月(項番5)=\"202504\": 適用終了年月が適用開始年月より前です / valid_to is "
                       "before valid_from (column valid_to)\n" +
                file + " に誤りがあるため何も取り込みませんでした（3 件）/ " + file + " has errors; nothing was stored\n");
  EXPECT_EQ(r.out, "");
  auto w = store::load_tables_in_force(*store::Database::open(db), store::Recipients::Skip);
  EXPECT_TRUE(w.masters.sougou.insurers().empty());  // nothing of the file was stored
}

// A second municipality's file adds its codes; a municipality's new file replaces its own only.
TEST(CliSougouLoad, EachMunicipalityFromItsNewestFile) {
  TempDir dir;
  auto db = (dir / "k.db").string();
  ASSERT_EQ(run_kaigo("init --db " + db).exit_code, 0);
  write_file(dir / "300000.csv", kYotsukaidoStyle);
  write_file(dir / "300001.csv", "300001,A2,1111,201504,999999,訪問型サービス１１,1176,3,,,3,,,,2,2,2,1,20150401\n");
  write_file(dir / "300000b.csv", "300000,A3,1001,201504,999999,訪問型サービスＡⅠ,200,1,2,16,3,,90,,2,2,2,1,20150401\n");
  for (const char* f : {"300000.csv", "300001.csv", "300000b.csv"}) {
    auto r = run_kaigo("load --db " + db + " sougou " + (dir / f).string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  auto r = run_kaigo("load --db " + db + " sougou " + (dir / "300001.csv").string());
  EXPECT_EQ(r.out, (dir / "300001.csv").string() + " を sougou として取り込みました: 1 行 / loaded 1 rows\n");
  auto w = store::load_tables_in_force(*store::Database::open(db), store::Recipients::Skip);
  const auto& m = w.masters.sougou;
  EXPECT_EQ(m.insurers(), (std::vector<std::string>{"300000", "300001"}));
  EXPECT_EQ(m.find("300000", "A31001", {2026, 5})->units, Units{200});
  EXPECT_EQ(m.find("300000", "A41001", {2026, 5}), nullptr);  // not in 300000's newest file
  EXPECT_EQ(m.find("300001", "A21111", {2026, 5})->units, Units{1176});
}

}  // namespace
}  // namespace kaigo::testing
