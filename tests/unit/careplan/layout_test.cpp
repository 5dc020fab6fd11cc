// The care-plan tables load, hold every file kind of v4.1 with the item counts of the standard,
// and say which CSV version applies to which service month.
#include <gtest/gtest.h>

#include "kaigo/careplan/codes.hpp"
#include "kaigo/careplan/layout.hpp"
#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::careplan {
namespace {

TEST(CareplanLayout, EveryKindOfTheStandardWithItsItemCount) {
  const auto& reg = Registry::instance();
  const std::vector<std::pair<std::string, int>> expected{
      {"UPHOSOKU", 63}, {"UP1KYO", 28},      {"DLT1KYO", 4},       {"UP2KYO", 22},   {"UP3KYO", 13},
      {"UPPLAN", 25},   {"DLTPLAN", 4},      {"UPJSK", 25},        {"DLTJSK", 6},    {"UPSIKYU", 37},
      {"UPKIHON", 71},  {"UPKIHON_SUB1", 7}, {"UPKIHON_SUB2", 11}, {"DLTKIHON", 4},  {"UPYOBO", 57},
      {"UPYOBO_SUB", 17}, {"DLTYOBO", 4}};
  for (const auto& [prefix, count] : expected) {
    const FileKind* k = reg.kind(prefix);
    ASSERT_NE(k, nullptr) << prefix;
    ASSERT_NE(k->layout, nullptr) << prefix;
    EXPECT_EQ(k->layout->count(), count) << prefix;
    EXPECT_EQ(k->layout->item(1).name, "CSVバージョン") << prefix;
    EXPECT_EQ(k->layout->item(1).format, ItemFormat::Version) << prefix;
  }
  const FileKind* image = reg.kind("UPKIHON_IMAGE");
  ASSERT_NE(image, nullptr);
  EXPECT_TRUE(image->image);
  EXPECT_EQ(image->layout, nullptr);
  EXPECT_EQ(reg.kinds().size(), expected.size() + 1);
  // UPPLAN and UPJSK share the 第6表 layout; 実績 comes from the service office.
  EXPECT_EQ(reg.kind("UPPLAN")->layout, reg.kind("UPJSK")->layout);
  EXPECT_EQ(reg.kind("UPJSK")->from, Side::Provider);
  EXPECT_EQ(reg.kind("UPPLAN")->from, Side::CareManager);
  EXPECT_EQ(reg.kinds_longest_first().front()->prefix.size(), std::string("UPKIHON_IMAGE").size());
}

TEST(CareplanLayout, EveryLayoutTableIsUsedByAKind) {
  const std::string dir = "src/kaigo/careplan/layouts/";
  int tables = 0;
  for (const auto& f : embedded::files()) {
    if (!starts_with(f.path, dir) || f.path.substr(f.path.size() - 4) != ".tsv") continue;
    std::string name(f.path.substr(dir.size(), f.path.size() - dir.size() - 4));
    if (name == "kinds" || name == "versions" || name == "codes" || name == "service_types") continue;
    ++tables;
    EXPECT_NE(Registry::instance().layout(name), nullptr) << name << ".tsv is no kind's layout";
  }
  EXPECT_EQ(tables, 16);
}

TEST(CareplanLayout, ItemsCarryFormatLengthRequirementAndCertainty) {
  const Layout& l = *Registry::instance().layout("riyohyo");
  const ItemSpec& date = l.item(10);
  EXPECT_EQ(date.name, "サービス利用日");
  EXPECT_EQ(date.format, ItemFormat::Date);
  EXPECT_EQ(date.len, 8);
  EXPECT_TRUE(date.required);
  EXPECT_EQ(l.item(12).format, ItemFormat::TimeOr9999);
  EXPECT_EQ(l.item(11).format, ItemFormat::DayBitmap);
  EXPECT_EQ(l.item(23).codes->name, "flag10");
  const Layout& sheet = *Registry::instance().layout("beppyo");
  EXPECT_EQ(sheet.item(16).name, "回数／日数");
  EXPECT_EQ(sheet.item(16).len, 3);  // 2 → 3 in v4
  EXPECT_EQ(sheet.item(30).len, 5);  // the v3.2 fix; the OCR shows 2
  EXPECT_EQ(sheet.item(30).certainty, Certainty::Inferred);
  EXPECT_EQ(sheet.item(23).format, ItemFormat::Decimal);
  const Layout& hosoku = *Registry::instance().layout("hosoku");
  EXPECT_EQ(hosoku.item(4).format, ItemFormat::DateOrZero);
  EXPECT_EQ(hosoku.item(63).format, ItemFormat::YearMonthOrZero);
  EXPECT_EQ(hosoku.item(52).name, "９サービス種類コード");
  const CodeList* levels = Registry::instance().codes("care_level");
  ASSERT_NE(levels, nullptr);
  EXPECT_TRUE(levels->contains("06"));
  EXPECT_TRUE(levels->contains("25"));
  EXPECT_FALSE(levels->contains("01"));
}

TEST(CareplanLayout, CsvVersionByServiceMonth) {
  const auto& reg = Registry::instance();
  EXPECT_EQ(reg.current_version().value, "202407");
  EXPECT_EQ(reg.version_for({2025, 4})->value, "202407");
  EXPECT_EQ(reg.version_for({2026, 9})->value, "202407");
  EXPECT_EQ(reg.version_for({2025, 3})->value, "202208");
  EXPECT_EQ(reg.version_for({2023, 1})->value, "202208");
  EXPECT_EQ(reg.version_for({2022, 12})->value, "202003");
  EXPECT_EQ(reg.version_for({2020, 3})->value, "201910");
  EXPECT_EQ(reg.version_for({2020, 2}), nullptr);
  const CsvVersion* v40 = reg.version("202504");
  ASSERT_NE(v40, nullptr);
  EXPECT_TRUE(v40->superseded);
  EXPECT_TRUE(v40->has_layouts);
  EXPECT_FALSE(reg.version("202208")->has_layouts);
  EXPECT_EQ(reg.kind("UP3KYO")->since->value, "202504");
}

TEST(CareplanLayout, ServiceTypesOfTheStandard) {
  const auto& reg = Registry::instance();
  EXPECT_TRUE(reg.has_role("11", ServiceRole::Linked));
  EXPECT_TRUE(reg.has_role("2A", ServiceRole::Linked));
  EXPECT_TRUE(reg.has_role("A8", ServiceRole::Linked));
  EXPECT_FALSE(reg.has_role("33", ServiceRole::Linked));  // 特定施設: 対象外
  EXPECT_FALSE(reg.has_role("51", ServiceRole::Linked));
  EXPECT_TRUE(reg.has_role("43", ServiceRole::Care));
  EXPECT_TRUE(reg.has_role("17", ServiceRole::Rental));
  EXPECT_TRUE(reg.has_role("67", ServiceRole::Rental));
}

TEST(CareplanLayout, EveryFindingHasItsRow) {
  EXPECT_EQ(finding_text(Finding::BadName).code, "CP01");
  EXPECT_EQ(finding_text(Finding::NotJpeg).code, "CP70");
  EXPECT_EQ(finding_text(Finding::LfLineEnd).severity, Severity::Warning);
  EXPECT_EQ(finding_text(Finding::Utf8).severity, Severity::Error);
  EXPECT_EQ(finding_texts().size(), 48u);
  for (const auto& t : finding_texts()) {
    EXPECT_FALSE(t.title_ja.empty() || t.title_en.empty() || t.cause_ja.empty() || t.action_ja.empty() ||
                 t.cause_en.empty() || t.action_en.empty() || t.source.empty())
        << t.code;
  }
}

std::vector<std::pair<std::string, std::string_view>> minimal_tables(std::string_view kinds, std::string_view layout) {
  return {{"codes", "list\tcode\tmeaning\tsource\nsex\t1\t男性\tV\n"},
          {"versions", "version\tapplies_from\tedition\tlayouts\tstatus\tsource\n202407\t202504\t4.1\tv4\tcurrent\tV\n"},
          {"service_types", "type\trole\tname\tsource\n11\tlinked\t訪問介護\tV\n"},
          {"kinds", kinds},
          {"one", layout}};
}

constexpr std::string_view kKindsHeader =
    "kind\ttitle\tlayout\tmonth\tfrom\tset\tkey\tunique\tmonth_item\tsince\text\tsource\n";

TEST(CareplanLayout, MalformedTablesAreRefusedNamingTableLineAndColumn) {
  std::string kinds = std::string(kKindsHeader) + "UPX\tX\tone\tnone\tcare\tx\t2\t-\t-\t202407\tCSV\tV\n";
  std::string good = "no\tname\tlen\treq\tformat\tsource\tnote\n1\tCSVバージョン\t6\t○\tversion\tV\t\n2\t性別\t1\t-\tcode=sex\tV\t\n";
  EXPECT_NO_THROW(Registry::parse(minimal_tables(kinds, good)));
  auto message = [&](std::string_view layout, std::string_view k) {
    try {
      Registry::parse(minimal_tables(k, layout));
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("no\tname\tlen\treq\tformat\tsource\tnote\n1\tCSVバージョン\t6\t○\tversion\tV\t\n2\t性別\t1\t-\tcode=nope\tV\t\n", kinds),
            "careplan/layouts/one.tsv:3: 列5 コード表がない: nope / care-plan table error");
  EXPECT_EQ(message("no\tname\tlen\treq\tformat\tsource\tnote\n1\tCSVバージョン\t7\t○\tversion\tV\t\n", kinds),
            "careplan/layouts/one.tsv:2: 列3 version の項目長は 6 / care-plan table error");
  EXPECT_EQ(message("no\tname\tlen\treq\tformat\tsource\tnote\n2\tCSVバージョン\t6\t○\tversion\tV\t\n", kinds),
            "careplan/layouts/one.tsv:2: 列1 No. が連続していない / care-plan table error");
  EXPECT_EQ(message(good, std::string(kKindsHeader) + "UPX\tX\tone\tnone\tcare\tx\t9\t-\t-\t202407\tCSV\tV\n"),
            "careplan/layouts/kinds.tsv:2: 列7 key の項番がレイアウトにない / care-plan table error");
  EXPECT_EQ(message(good, std::string(kKindsHeader) + "UPX\tX\tone\tmonth\tcare\tx\t2\t-\t-\t202407\tCSV\tV\n"),
            "careplan/layouts/kinds.tsv:2: 列9 month と month_item が合わない / care-plan table error");
}

}  // namespace
}  // namespace kaigo::careplan
