// Pins the 交換情報 layout tables (src/kaigo/exchange/layouts/*.tsv) to claims-format.md: every form
// of forms.tsv, its data種別 and family, the item count of every record kind, and a sample of exact
// items per layout. A change to a table that is not also a change here is a mistake.
#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "kaigo/exchange/layout.hpp"

namespace kaigo::exchange {
namespace {

using text::CharClass;

struct KindCount {
  const char* kind;  // "" when the form has no record-kind item
  int items;
};

struct FormExpectation {
  const char* code;
  const char* data_type;
  Family family;
  std::vector<KindCount> kinds;
};

// Item counts per layout, from claims-format.md §2, §4–§7.
constexpr int k01 = 56, k02 = 18, k03 = 46, k04 = 23, k10 = 38, k11 = 33, k12 = 12, k13 = 55, k14 = 19,
              k16 = 8;

std::vector<FormExpectation> expected_forms() {
  const std::vector<KindCount> home = {{"01", k01}, {"02", k02}, {"10", k10}, {"12", k12}, {"14", k14}, {"16", k16}};
  const std::vector<KindCount> short_stay = {{"01", k01}, {"02", k02}, {"10", k10},
                                             {"11", k11}, {"12", k12}, {"16", k16}};
  const std::vector<KindCount> roken_short = {{"01", k01}, {"02", k02}, {"03", k03}, {"04", k04},
                                              {"10", k10}, {"11", k11}, {"16", k16}};
  const std::vector<KindCount> medical_short = {{"01", k01}, {"02", k02}, {"04", k04},
                                                {"10", k10}, {"11", k11}, {"16", k16}};
  const std::vector<KindCount> group_home = {{"01", k01}, {"02", k02}, {"10", k10}, {"14", k14}, {"16", k16}};
  const std::vector<KindCount> tokuyo = {{"01", k01}, {"02", k02}, {"10", k10}, {"11", k11},
                                         {"12", k12}, {"14", k14}, {"16", k16}};
  const std::vector<KindCount> roken = {{"01", k01}, {"02", k02}, {"03", k03}, {"04", k04},
                                        {"10", k10}, {"11", k11}, {"13", k13}, {"16", k16}};
  const std::vector<KindCount> iryoin = {{"01", k01}, {"02", k02}, {"04", k04}, {"10", k10},
                                         {"11", k11}, {"13", k13}, {"16", k16}};
  const std::vector<KindCount> kyufu_kettei = {{"H1", 8}, {"D1", 20}, {"T1", 22}};
  const std::vector<KindCount> henrei = {{"H1", 8}, {"D1", 14}};
  const std::vector<KindCount> kago = {{"H1", 8}, {"D1", 13}, {"T1", 8}};
  return {
      {"7111", "711", Family::Invoice, {{"", 18}}},
      {"7113", "71R", Family::Invoice, {{"", 12}}},
      {"7131", "711", Family::Statement, home},
      {"7132", "711", Family::Statement, home},
      {"71R1", "71R", Family::Statement, home},
      {"7143", "711", Family::Statement, short_stay},
      {"7144", "711", Family::Statement, short_stay},
      {"7155", "711", Family::Statement, roken_short},
      {"7156", "711", Family::Statement, roken_short},
      {"7157", "711", Family::Statement, medical_short},
      {"7158", "711", Family::Statement, medical_short},
      {"7164", "711", Family::Statement, medical_short},
      {"7165", "711", Family::Statement, medical_short},
      {"7171", "711", Family::Statement, group_home},
      {"7172", "711", Family::Statement, group_home},
      {"7173", "711", Family::Statement, group_home},
      {"7174", "711", Family::Statement, group_home},
      {"7175", "711", Family::Statement, group_home},
      {"7176", "711", Family::Statement, group_home},
      {"7177", "711", Family::Statement, group_home},
      {"7183", "711", Family::Statement, tokuyo},
      {"7195", "711", Family::Statement, roken},
      {"7196", "711", Family::Statement, iryoin},
      {"71A3", "711", Family::Statement, medical_short},
      {"8171", "71R", Family::Statement, {{"01", k01}, {"02", k02}, {"10", k10}, {"14", k14}}},
      {"8124", "711", Family::CarePlan, {{"", 24}}},
      {"8125", "711", Family::CarePlan, {{"", 24}}},
      {"8222", "821", Family::Plan, {{"", 27}}},
      {"71B2", "71B", Family::Appeal, {{"", 11}}},
      {"7211", "721", Family::Notice, kyufu_kettei},
      {"7221", "722", Family::Notice, kyufu_kettei},
      {"7311", "731", Family::Notice, {{"H1", 10}, {"D1", 12}}},
      {"7411", "741", Family::Notice, henrei},
      {"7421", "742", Family::Notice, henrei},
      {"7513", "751", Family::Notice, {{"H1", 22}}},
      {"7521", "752", Family::Notice, {{"H1", 8}, {"D1", 15}, {"T1", 11}, {"T2", 11}, {"T3", 11}}},
      {"7541", "754", Family::Notice, {{"H1", 8}, {"D1", 15}, {"T1", 11}, {"T2", 11}, {"T3", 11}}},
      {"7611", "761", Family::Notice, kago},
      {"7631", "763", Family::Notice, kago},
      {"7621", "762", Family::Notice, {{"H1", 9}, {"D1", 18}, {"T1", 20}}},
  };
}

const RecordLayout& layout(std::string_view name) {
  const auto* l = Registry::instance().layout(name);
  if (l == nullptr) throw std::runtime_error("no layout " + std::string(name));
  return *l;
}

// One exact item: 項番, name, attribute, bytes, sign.
struct ItemExpectation {
  const char* layout;
  int no;
  const char* name;
  CharClass attr;
  int bytes;
  bool is_signed;
};

void expect_item(const ItemExpectation& e) {
  SCOPED_TRACE(std::string(e.layout) + " item " + std::to_string(e.no));
  const auto& l = layout(e.layout);
  ASSERT_GE(l.count(), e.no);
  const auto& item = l.item(e.no);
  EXPECT_EQ(item.no, e.no);
  EXPECT_EQ(item.name, e.name);
  EXPECT_EQ(item.attr, e.attr);
  EXPECT_EQ(item.max_bytes, e.bytes);
  EXPECT_EQ(item.is_signed, e.is_signed);
}

}  // namespace

TEST(LayoutRegistry, EveryFormHasItsKindsAndItemCounts) {
  const auto& reg = Registry::instance();
  const auto expected = expected_forms();
  EXPECT_EQ(reg.forms().size(), expected.size()) << "forms.tsv has forms the test does not know";
  for (const auto& e : expected) {
    SCOPED_TRACE(e.code);
    const Form* f = reg.form(e.code);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->data_type, e.data_type);
    EXPECT_EQ(f->family, e.family) << enum_code(f->family);
    ASSERT_EQ(f->kinds.size(), e.kinds.size());
    for (std::size_t i = 0; i < e.kinds.size(); ++i) {
      SCOPED_TRACE(std::string("kind ") + e.kinds[i].kind);
      EXPECT_EQ(f->kinds[i].first, e.kinds[i].kind);
      const RecordLayout* l = f->layout_for(e.kinds[i].kind);
      ASSERT_NE(l, nullptr);
      EXPECT_EQ(l->count(), e.kinds[i].items) << l->name;
    }
    EXPECT_EQ(f->has_kinds(), !(e.kinds.size() == 1 && std::string(e.kinds[0].kind).empty()));
  }
}

TEST(LayoutRegistry, LayoutCountsByName) {
  const std::map<std::string, int> counts = {
      {"control", 12},        {"statement-01", 56},   {"statement-02", 18},   {"statement-03", 46},
      {"statement-04", 23},   {"statement-10", 38},   {"statement-11", 33},   {"statement-12", 12},
      {"statement-13", 55},   {"statement-14", 19},   {"statement-16", 8},    {"invoice-7111", 18},
      {"invoice-7113", 12},   {"careplan-8124", 24},  {"plan-8222", 27},      {"appeal-71B2", 11},
      {"notice-7211-H1", 8},  {"notice-7211-D1", 20}, {"notice-7211-T1", 22}, {"notice-7311-H1", 10},
      {"notice-7311-D1", 12}, {"notice-7411-H1", 8},  {"notice-7411-D1", 14}, {"notice-7513-H1", 22},
      {"notice-7521-H1", 8},  {"notice-7521-D1", 15}, {"notice-7521-T", 11},  {"notice-7541-D1", 15},
      {"notice-7541-T", 11},  {"notice-7611-H1", 8},  {"notice-7611-D1", 13}, {"notice-7611-T1", 8},
      {"notice-7621-H1", 9},  {"notice-7621-D1", 18}, {"notice-7621-T1", 20},
  };
  for (const auto& [name, n] : counts) {
    SCOPED_TRACE(name);
    EXPECT_EQ(layout(name).count(), n);
  }
  EXPECT_EQ(Registry::instance().control().count(), 12);
}

TEST(LayoutRegistry, ItemNumbersAreConsecutive) {
  for (const auto& f : Registry::instance().forms()) {
    for (const auto& [kind, l] : f.kinds) {
      for (int i = 1; i <= l->count(); ++i) EXPECT_EQ(l->item(i).no, i) << l->name;
    }
  }
}

TEST(LayoutRegistry, StatementsShareTheCommonItems) {
  const auto& base = layout("statement-01");
  for (const char* name : {"statement-02", "statement-03", "statement-04", "statement-10", "statement-11",
                           "statement-12", "statement-13", "statement-14", "statement-16"}) {
    SCOPED_TRACE(name);
    const auto& l = layout(name);
    for (int i = 1; i <= 6; ++i) {
      EXPECT_EQ(l.item(i).name, base.item(i).name);
      EXPECT_EQ(l.item(i).attr, base.item(i).attr);
      EXPECT_EQ(l.item(i).max_bytes, base.item(i).max_bytes);
      EXPECT_EQ(l.item(i).req, Requirement::Always);
      EXPECT_EQ(l.item(i).format, base.item(i).format);
    }
  }
}

TEST(LayoutRegistry, NoticesStartWithCodeAndRecordKind) {
  for (const auto& f : Registry::instance().forms()) {
    if (f.family != Family::Notice) continue;
    for (const auto& [kind, l] : f.kinds) {
      SCOPED_TRACE(l->name);
      EXPECT_EQ(kind.size(), 2U);
      EXPECT_EQ(l->item(1).name, "交換情報識別番号");
      EXPECT_EQ(l->item(1).max_bytes, 4);
      EXPECT_EQ(l->item(2).name, "帳票レコード種別");
      EXPECT_EQ(l->item(2).attr, CharClass::Alnum);
      EXPECT_EQ(l->item(2).max_bytes, 2);
      EXPECT_EQ(l->item(2).req, Requirement::Always);
    }
  }
}

TEST(LayoutRegistry, ExactItems) {
  const std::vector<ItemExpectation> items = {
      // control, 01, 02, 10, 7111, 8222 (already pinned elsewhere; spot checks)
      {"control", 5, "データ種別", CharClass::Alnum, 3, false},
      {"statement-01", 34, "合計 保険 請求額", CharClass::Digits, 9, true},
      {"statement-01", 13, "被保険者情報 生年月日", CharClass::Digits, 8, false},
      {"statement-02", 14, "サービス単位数", CharClass::Digits, 6, true},
      {"statement-10", 15, "保険 単位数単価", CharClass::Digits, 4, false},
      {"statement-10", 16, "保険 請求額", CharClass::Digits, 9, true},
      {"invoice-7111", 10, "サービス費用 保険請求額", CharClass::Digits, 12, true},
      {"plan-8222", 20, "給付計画単位数／日数", CharClass::Digits, 6, false},
      // 03 緊急時施設療養
      {"statement-03", 7, "順次番号", CharClass::Digits, 2, false},
      {"statement-03", 8, "緊急時傷病名1", CharClass::Kanji, 40, false},
      {"statement-03", 20, "緊急時治療管理小計", CharClass::Digits, 7, true},
      {"statement-03", 45, "摘要20", CharClass::Kanji, 64, false},
      {"statement-03", 46, "緊急時施設療養費合計点数", CharClass::Digits, 8, true},
      // 04 特定診療費・特別療養費
      {"statement-04", 8, "傷病名", CharClass::Kanji, 100, false},
      {"statement-04", 9, "識別番号", CharClass::Digits, 2, false},
      {"statement-04", 12, "保険 サービス単位数", CharClass::Digits, 6, true},
      {"statement-04", 13, "保険 合計単位数", CharClass::Digits, 8, true},
      {"statement-04", 22, "公費3 合計単位数", CharClass::Digits, 8, true},
      {"statement-04", 23, "摘要", CharClass::Kanji, 100, false},
      // 11 特定入所者介護サービス費用
      {"statement-11", 7, "順次番号", CharClass::Digits, 2, false},
      {"statement-11", 10, "費用単価", CharClass::Digits, 4, true},
      {"statement-11", 16, "費用額", CharClass::Digits, 6, true},
      {"statement-11", 21, "利用者負担額", CharClass::Digits, 5, true},
      {"statement-11", 23, "保険分請求額合計", CharClass::Digits, 6, true},
      {"statement-11", 33, "公費3 本人負担月額", CharClass::Digits, 5, true},
      // 12 社会福祉法人軽減額
      {"statement-12", 7, "軽減率", CharClass::Digits, 4, false},
      {"statement-12", 10, "軽減額", CharClass::Digits, 8, true},
      {"statement-12", 12, "備考", CharClass::Alnum, 20, false},
      // 13 所定疾患施設療養費等
      {"statement-13", 46, "緊急時施設療養費合計点数", CharClass::Digits, 8, true},
      {"statement-13", 47, "所定疾患施設療養費傷病名1", CharClass::Kanji, 40, false},
      {"statement-13", 52, "所定疾患施設療養費開始年月日3", CharClass::Digits, 8, false},
      {"statement-13", 55, "所定疾患施設療養費小計", CharClass::Digits, 7, true},
      // 14 明細（住所地特例）, 16 基本摘要
      {"statement-14", 14, "サービス単位数", CharClass::Digits, 6, true},
      {"statement-14", 18, "施設所在保険者番号", CharClass::Digits, 6, false},
      {"statement-14", 19, "摘要", CharClass::Alnum, 20, false},
      {"statement-16", 7, "摘要種類コード", CharClass::Digits, 2, false},
      {"statement-16", 8, "内容", CharClass::Alnum, 20, false},
      // 7113, 8124, 71B2
      {"invoice-7113", 10, "サービス費用 事業費請求額", CharClass::Digits, 12, true},
      {"invoice-7113", 12, "サービス費用 利用者負担", CharClass::Digits, 12, true},
      {"careplan-8124", 6, "単位数単価", CharClass::Digits, 4, false},
      {"careplan-8124", 16, "サービス計画費明細行番号", CharClass::Digits, 2, false},
      {"careplan-8124", 18, "単位数", CharClass::Digits, 0, true},
      {"careplan-8124", 20, "サービス単位数", CharClass::Digits, 0, true},
      {"careplan-8124", 22, "請求金額", CharClass::Digits, 6, false},
      {"careplan-8124", 24, "摘要", CharClass::Alnum, 0, false},
      {"appeal-71B2", 10, "申立単位数", CharClass::Digits, 8, true},
      {"appeal-71B2", 11, "再審査申立事由コード", CharClass::Alnum, 4, false},
      // 帳票
      {"notice-7211-H1", 4, "事業所名", CharClass::Kanji, 40, false},
      {"notice-7211-H1", 8, "国保連合会名", CharClass::Kanji, 30, false},
      {"notice-7211-D1", 7, "返戻 単位数（介護）", CharClass::Digits, 9, true},
      {"notice-7211-D1", 11, "査定増減 単位数（介護）", CharClass::Digits, 10, true},
      {"notice-7211-D1", 20, "保留復活分 特定入所者介護サービス費等", CharClass::Digits, 9, true},
      {"notice-7211-T1", 5, "請求差 金額（介護）", CharClass::Digits, 9, true},
      {"notice-7211-T1", 14, "査定増減 特定入所者介護サービス費等", CharClass::Digits, 10, true},
      {"notice-7311-H1", 10, "連絡事項", CharClass::Kanji, 1024, false},
      {"notice-7311-D1", 5, "被保険者カナ氏名", CharClass::HalfKana, 25, false},
      {"notice-7311-D1", 9, "増減単位数", CharClass::Digits, 10, true},
      {"notice-7311-D1", 12, "内容2（査定事由）", CharClass::Kanji, 48, false},
      {"notice-7411-D1", 7, "種別", CharClass::Kanji, 2, false},
      {"notice-7411-D1", 10, "単位数", CharClass::Digits, 8, true},
      {"notice-7411-D1", 12, "内容", CharClass::Kanji, 210, false},
      {"notice-7411-D1", 13, "備考", CharClass::Kanji, 8, false},
      {"notice-7411-D1", 14, "サービス項目コード等", CharClass::Alnum, 4, false},
      {"notice-7513-H1", 6, "住所", CharClass::Kanji, 128, false},
      {"notice-7513-H1", 10, "振込金額", CharClass::Digits, 12, true},
      {"notice-7513-H1", 18, "合計金額", CharClass::Digits, 12, true},
      {"notice-7513-H1", 21, "作成年月日", CharClass::Digits, 8, false},
      {"notice-7521-D1", 6, "サービス種類名", CharClass::Kanji, 24, false},
      {"notice-7521-D1", 9, "介護サービス単位数", CharClass::Digits, 11, true},
      {"notice-7521-D1", 15, "介護給付費（特定入所者介護サービス費等）", CharClass::Digits, 12, true},
      {"notice-7521-T", 5, "介護サービス単位数", CharClass::Digits, 12, true},
      {"notice-7521-T", 11, "特定入所者介護サービス費等請求額", CharClass::Digits, 13, true},
      {"notice-7541-D1", 11, "総合事業費", CharClass::Digits, 12, true},
      {"notice-7541-D1", 15, "予備4", CharClass::Digits, 12, false},
      {"notice-7541-T", 7, "総合事業費負担額", CharClass::Digits, 13, true},
      {"notice-7611-H1", 3, "取扱年月", CharClass::Digits, 6, false},
      {"notice-7611-D1", 6, "被保険者カナ氏名", CharClass::HalfKana, 25, false},
      {"notice-7611-D1", 10, "過誤申立事由コード", CharClass::Alnum, 4, false},
      {"notice-7611-D1", 12, "単位数（特定入所者は金額）", CharClass::Digits, 13, true},
      {"notice-7611-T1", 7, "特定入所者介護サービス費等 費用額", CharClass::Digits, 13, true},
      {"notice-7621-H1", 9, "審査委員会名", CharClass::Kanji, 30, false},
      {"notice-7621-D1", 12, "再審査結果コード", CharClass::Alnum, 2, false},
      {"notice-7621-D1", 17, "調整単位数", CharClass::Digits, 13, true},
      {"notice-7621-T1", 10, "介護給付費 調整 単位数", CharClass::Digits, 13, true},
      {"notice-7621-T1", 20, "予備（高額介護サービス費 調整 保険者負担額）", CharClass::Digits, 13, false},
  };
  for (const auto& e : items) expect_item(e);
}

TEST(LayoutRegistry, FormatsAndRequirements) {
  EXPECT_EQ(layout("statement-03").item(11).format, ItemFormat::Date);
  EXPECT_EQ(layout("statement-11").item(7).format, ItemFormat::Code);
  EXPECT_EQ(layout("statement-11").item(7).req, Requirement::Always);
  EXPECT_EQ(layout("careplan-8124").item(4).format, ItemFormat::YearMonth);
  EXPECT_EQ(layout("careplan-8124").item(16).req, Requirement::Always);
  EXPECT_EQ(layout("appeal-71B2").item(2).format, ItemFormat::Date);
  EXPECT_EQ(layout("notice-7211-H1").item(5).format, ItemFormat::YearMonth);
  EXPECT_EQ(layout("notice-7211-H1").item(6).format, ItemFormat::Date);
  EXPECT_EQ(layout("notice-7211-H1").item(3).req, Requirement::Optional);
  EXPECT_EQ(layout("notice-7611-D1").item(7).format, ItemFormat::YearMonth);
}

// --- malformed tables --------------------------------------------------------------------------

namespace {

constexpr std::string_view kHeader = "no\tname\tattr\tbytes\tsign\treq\tformat\tfield\tnote\n";
constexpr std::string_view kFormsHeader = "code\ttitle\tdirection\tdata_type\tfamily\tkinds\tlayout\tkey\tvalid\n";

std::string control_tsv() {
  std::string s(kHeader);
  s += "1\tレコード種別\t数字\t1\t-\t◎\tconst=1\t-\t-\n";
  return s;
}

// Parses a forms table whose single form uses `statement-x`, and returns the error message ("" if
// the tables were accepted).
std::string parse_error(std::string_view statement_x,
                        std::string forms = std::string(kFormsHeader) +
                                            "9999\tテスト\tin\t999\tstatement\t01:statement-x\t-\t1\t-\n") {
  const std::string control = control_tsv();
  const std::vector<std::pair<std::string, std::string_view>> layouts = {{"control", control},
                                                                          {"statement-x", statement_x}};
  try {
    Registry::parse(forms, layouts);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

// The header, a good item 1, and `second_row` as item 2.
std::string rows_with_second(std::string_view second_row) {
  std::string s(kHeader);
  s += "1\t交換情報識別番号\t英数\t4\t-\t◎\tcode\t-\t§4.3\n";
  s += second_row;
  return s;
}

std::string good_rows() { return rows_with_second("2\tレコード種別コード\t数字\t2\t-\t◎\tcode\t-\t§4.1\n"); }

// A refusal's message names the place (file:line) and, when one is given, the word of the defect.
void expect_names(const std::string& msg, std::string_view place, std::string_view word = {}) {
  EXPECT_NE(msg.find(place), std::string::npos) << msg;
  if (!word.empty()) {
    EXPECT_NE(msg.find(word), std::string::npos) << msg;
  }
}

}  // namespace

TEST(LayoutParse, AcceptsAWellFormedTable) {
  EXPECT_EQ(parse_error(good_rows() + "3\tサービス提供年月\t数字\t6\t-\t◎\tym\t-\t§4.3\n"), "");
}

TEST(LayoutParse, RejectsAMissingColumn) {
  expect_names(parse_error(good_rows() + "3\tサービス提供年月\t数字\t6\t-\t◎\tym\t-\n"), "statement-x.tsv:4", "列数");
}

TEST(LayoutParse, RejectsAColumnCountErrorOnLineThree) {
  expect_names(parse_error(rows_with_second("2\tレコード種別コード\t数字\t2\t-\t◎\tcode\t-\n")), "statement-x.tsv:3");
}

TEST(LayoutParse, RejectsNonConsecutiveItemNumbers) {
  expect_names(parse_error(good_rows() + "4\tサービス提供年月\t数字\t6\t-\t◎\tym\t-\t§4.3\n"), "statement-x.tsv:4",
               "項番");
}

TEST(LayoutParse, RejectsUnknownAttribute) {
  expect_names(parse_error(rows_with_second("2\tレコード種別コード\t全角\t2\t-\t◎\tcode\t-\t§4.1\n")),
               "statement-x.tsv:3", "全角");
}

TEST(LayoutParse, RejectsBadBytesSignRequirementAndFormat) {
  for (const char* row : {"3\t年月\t数字\tsix\t-\t◎\tym\t-\t-\n", "3\t年月\t数字\t6\t+\t◎\tym\t-\t-\n",
                          "3\t年月\t数字\t6\t-\t*\tym\t-\t-\n", "3\t年月\t数字\t6\t-\t◎\tyyyymm\t-\t-\n"}) {
    SCOPED_TRACE(row);
    expect_names(parse_error(good_rows() + row), "statement-x.tsv:4");
  }
}

TEST(LayoutParse, RejectsFormsErrors) {
  const std::string head(kFormsHeader);
  expect_names(parse_error(good_rows(), head + "9999\tテスト\tin\t999\tstatement\t01:statement-y\t-\t1\t-\n"),
               "forms.tsv:2", "statement-y");
  // key item 3 beyond a 2-item layout
  expect_names(parse_error(good_rows(), head + "9999\tテスト\tin\t999\tstatement\t01:statement-x\t-\t3\t-\n"),
               "forms.tsv:2");
  expect_names(parse_error(good_rows(), head + "9999\tテスト\tsideways\t999\tstatement\t01:statement-x\t-\t1\t-\n"),
               "forms.tsv:2");
  // more key items than a DocumentKey holds (the code and 15)
  expect_names(parse_error(good_rows(), head + "9999\tテスト\tin\t999\tstatement\t01:statement-x\t-\t" +
                                            "1,2,1,2,1,2,1,2,1,2,1,2,1,2,1,2\t-\n"),
               "forms.tsv:2", "15個まで");
  // duplicate code
  expect_names(parse_error(good_rows(), head + "9999\tテスト\tin\t999\tstatement\t01:statement-x\t-\t1\t-\n" +
                                            "9999\tテスト\tin\t999\tstatement\t01:statement-x\t-\t1\t-\n"),
               "forms.tsv:3");
}

}  // namespace kaigo::exchange
