// The file-name rule of v4.1 (both offices with their service types) and the 202208 names without
// types, parsed into a typed value and built back; malformed names are refused with the reason.
#include <gtest/gtest.h>

#include "kaigo/careplan/file_name.hpp"

namespace kaigo::careplan {
namespace {

FileName parse_ok(std::string_view name) {
  auto p = parse_file_name(name);
  EXPECT_TRUE(p.name) << name << ": " << p.error.detail_ja;
  return p.name ? *p.name : FileName{};
}

TEST(CareplanFileName, TheExamplesOfTheStandard) {
  // layout.txt: 補足 tied to 第1表/第2表 (000000) and to 第6表/第7表.
  FileName a = parse_ok("UPHOSOKU_000000_0300000100_43_0300000005_11_20191025200201.CSV");
  EXPECT_EQ(a.kind->prefix, "UPHOSOKU");
  EXPECT_TRUE(a.zero_month);
  EXPECT_FALSE(a.month);
  EXPECT_EQ(a.sender, (Endpoint{"0300000100", "43"}));
  EXPECT_EQ(a.receiver, (Endpoint{"0300000005", "11"}));
  EXPECT_EQ(a.serial, "20191025200201");
  EXPECT_EQ(a.form, NameForm::V4);
  FileName b = parse_ok("UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.CSV");
  EXPECT_EQ(b.kind->prefix, "UPPLAN");
  EXPECT_EQ(b.month, (YearMonth{2019, 12}));
  EXPECT_FALSE(b.zero_month);
  FileName c = parse_ok("UPKIHON_SUB1_0300000100_43_0300000005_11_20191025200201.CSV");
  EXPECT_EQ(c.kind->prefix, "UPKIHON_SUB1");
  EXPECT_EQ(c.tail(), "0300000100_43_0300000005_11_20191025200201");
  FileName d = parse_ok("UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0002.jpg");
  EXPECT_EQ(d.kind->prefix, "UPKIHON_IMAGE");
  EXPECT_EQ(d.branch, 2);
  EXPECT_EQ(d.tail(), c.tail());  // the image shares its parent's tail
  // The 補足 example of the layout writes the image extension in capitals: accepted.
  EXPECT_TRUE(parse_file_name("UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0001.JPG").name);
  FileName e = parse_ok("UPYOBO_SUB_0300000100_43_0300000005_11_20191025200201.CSV");
  EXPECT_EQ(e.kind->prefix, "UPYOBO_SUB");
  FileName f = parse_ok("DLTJSK_201912_0300000005_11_0300000100_43_20191025200201.CSV");
  EXPECT_EQ(f.kind->from, Side::Provider);
}

TEST(CareplanFileName, The202208NamesWithoutServiceTypesAreRead) {
  FileName a = parse_ok("UPPLAN_201912_0300000100_0300000005_20191025200201.CSV");  // wic-net 9715/19
  EXPECT_EQ(a.form, NameForm::V3);
  EXPECT_EQ(a.sender, (Endpoint{"0300000100", ""}));
  EXPECT_EQ(a.receiver, (Endpoint{"0300000005", ""}));
  EXPECT_EQ(a.str(), "UPPLAN_201912_0300000100_0300000005_20191025200201.CSV");
  FileName b = parse_ok("UP1KYO_0300000100_0300000005_20191025200201.CSV");
  EXPECT_EQ(b.form, NameForm::V3);
  EXPECT_FALSE(b.month);
}

TEST(CareplanFileName, BuiltFromAValue) {
  FileName n;
  n.kind = Registry::instance().kind("UPSIKYU");
  n.month = YearMonth{2025, 6};
  n.sender = {"1310000001", "43"};
  n.receiver = {"1310000002", "17"};
  n.serial = "20250520170000";
  EXPECT_EQ(n.str(), "UPSIKYU_202506_1310000001_43_1310000002_17_20250520170000.CSV");
  EXPECT_EQ(parse_ok(n.str()).str(), n.str());
  n.zero_month = true;
  EXPECT_THROW((void)n.str(), std::invalid_argument);  // UPSIKYU has no 000000
  n.zero_month = false;
  n.serial = "2025052017000";
  EXPECT_THROW((void)n.str(), std::invalid_argument);
  FileName img;
  img.kind = Registry::instance().kind("UPKIHON_IMAGE");
  img.sender = {"1310000001", "46"};
  img.receiver = {"1310000002", "A2"};
  img.serial = "20250520170000";
  img.branch = 12;
  EXPECT_EQ(img.str(), "UPKIHON_IMAGE_1310000001_46_1310000002_A2_20250520170000_0012.jpg");
}

std::string error_of(std::string_view name) {
  auto p = parse_file_name(name);
  EXPECT_FALSE(p.name) << name;
  return std::string(finding_text(p.error.finding).code) + " " + p.error.detail_ja + " / " + p.error.detail_en;
}

TEST(CareplanFileName, MalformedNamesSayWhatIsWrong) {
  // The standard's own §2.4 example uses a 9-digit office number.
  EXPECT_EQ(error_of("UP1KYO_123456789_43_2468135790_11_20191110102233.CSV"),
            "CP01 送信元の事業所番号「123456789」が10桁の半角英数字でない / the sender office number \"123456789\" is not 10 "
            "half-width characters");
  EXPECT_EQ(error_of("UPPLAN_201913_0300000100_43_0300000005_11_20191025200201.CSV"),
            "CP01 年月「201913」が YYYYMM でない / the month \"201913\" is not YYYYMM");
  EXPECT_EQ(error_of("UPPLAN_000000_0300000100_43_0300000005_11_20191025200201.CSV"),
            "CP01 年月「000000」が YYYYMM でない / the month \"000000\" is not YYYYMM");
  EXPECT_EQ(error_of("UPPLAN_201912_0300000100_4_0300000005_11_20191025200201.CSV"),
            "CP01 送信元のサービス種類コード「4」が2桁の半角英数字でない / the sender service type \"4\" is not 2 half-width "
            "characters");
  EXPECT_EQ(error_of("UPPLAN_201912_0300000100_43_0300000005_11_20191025246001.CSV"),
            "CP01 ファイル連番「20191025246001」が YYYYMMDDHHMMSS（14桁）の日時でない / the serial \"20191025246001\" is not a "
            "YYYYMMDDHHMMSS moment");
  EXPECT_EQ(error_of("UPPLAN_201912_0300000100_43_0300000005_11_20191025200201.TXT"),
            "CP01 拡張子が .CSV ではない / the extension is not .CSV");
  EXPECT_EQ(error_of("UPPLAN_201912_0300000100_43_0300000005_11.CSV"),
            "CP01 区切り（_）の数が規約と違う（送信元・種類・送信先・種類・連番） / wrong number of _-separated parts (sender, "
            "type, receiver, type, serial)");
  EXPECT_EQ(error_of("UPKIHON_IMAGE_0300000100_43_0300000005_11_20191025200201_0000.jpg"),
            "CP01 枝番「0000」が 0001～9999 の4桁でない / the branch number \"0000\" is not 0001–9999");
  EXPECT_EQ(error_of("KK260501.CSV"), "CP02 ファイル種類「KK260501」は標準仕様にない / \"KK260501\" is not a file kind of the standard");
  EXPECT_EQ(error_of("README"), "CP01 拡張子がない / no extension");
}

}  // namespace
}  // namespace kaigo::careplan
