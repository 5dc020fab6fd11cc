// report/kanji and notice_records: texts made to fit the 漢字 / 半角カナ items of a result file.
#include <gtest/gtest.h>

#include "kaigo/report/kanji.hpp"
#include "kaigo/report/notice_records.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::report {
namespace {

TEST(Kanji, FullWidthCodesNumbersAndKana) {
  EXPECT_EQ(to_full_width("12P0"), "１２Ｐ０");  // 7411 備考 (the fixture's form)
  EXPECT_EQ(to_full_width("ANN4"), "ＡＮＮ４");
  EXPECT_EQ(to_full_width("事業所3070000000"), "事業所３０７０００００００");
  EXPECT_EQ(to_full_width("a b"), "ａ　ｂ");
  EXPECT_EQ(to_full_width("ｶﾞｲｺﾞ ﾊﾟﾝ ｳﾞｧ"), "ガイゴ　パン　ヴァ");
  EXPECT_EQ(to_full_width("ﾂﾞ ﾄﾞ ｯ"), "ヅ　ド　ッ");
  EXPECT_EQ(to_full_width("保留"), "保留");
}

TEST(Kanji, HalfWidthForKanaNames) {
  EXPECT_EQ(to_half_width("カイゴ　ジロウ"), "ｶｲｺﾞ ｼﾞﾛｳ");
  EXPECT_EQ(to_half_width("パン・ヴァ・ヅ・ッ・ー"), "ﾊﾟﾝ･ｳﾞｧ･ﾂﾞ･ｯ･ｰ");
  EXPECT_EQ(to_half_width("ＡＢ１"), "AB1");
  EXPECT_EQ(to_half_width("ｶｲｺﾞ ﾀﾛｳ"), "ｶｲｺﾞ ﾀﾛｳ");
  EXPECT_EQ(to_full_width(to_half_width("ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ")),
            "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ");
}

TEST(Kanji, EveryPrintableAsciiHasAFullWidthCp932Form) {
  std::string ascii;
  for (char c = 0x20; c < 0x7F; ++c) ascii.push_back(c);
  const auto wide = to_full_width(ascii);
  const auto cp932 = text::to_cp932(wide);  // throws for a character with no CP932 form
  EXPECT_EQ(cp932.size(), 2 * ascii.size());
}

TEST(Kanji, FitCutsAtACharacterNeverInside) {
  EXPECT_EQ(fit_bytes("請求誤りによる給付実績の取下げ", 28), "請求誤りによる給付実績の取下");
  EXPECT_EQ(fit_bytes("ｶｲｺﾞ ﾀﾛｳ", 5), "ｶｲｺﾞ ");
  EXPECT_EQ(fit_bytes("あいう", 5), "あい");
  EXPECT_EQ(fit_bytes("あいう", 0), "あいう");
}

TEST(NoticeRecords, EachItemIsWrittenInTheFormOfItsLayout) {
  settlement::ReturnLine l;
  l.payer_no = "00300000";
  l.payer_name = "△△市";
  l.name_kana = "カイゴ　タロウ";  // 半角カナ 25: written in half width
  l.sheet = "請";
  l.service_month = {2023, 9};
  l.units = Units{-15869};
  l.remark = "12PA";
  l.content = std::string(300, 'x');
  const auto r = notice_record("7411", "D1", l);
  EXPECT_EQ(r.kind, "D1");
  ASSERT_EQ(r.items.size(), 12u);  // 項番 3–14
  EXPECT_EQ(r.item(3), "00300000");
  EXPECT_EQ(r.item(5), "");  // not set
  EXPECT_EQ(r.item(6), "ｶｲｺﾞ ﾀﾛｳ");
  EXPECT_EQ(r.item(8), "202309");
  EXPECT_EQ(r.item(10), "-15869");
  EXPECT_EQ(r.item(11), "");  // no 事由
  EXPECT_EQ(r.item(13), "１２ＰＡ");                     // 漢字 8 bytes
  EXPECT_EQ(text::to_cp932(std::string(r.item(12))).size(), 210u);  // 漢字 210 bytes, full width
  EXPECT_THROW(notice_record("7411", "T1", l), std::invalid_argument);
}

}  // namespace
}  // namespace kaigo::report
