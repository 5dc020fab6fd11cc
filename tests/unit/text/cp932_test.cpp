#include <gtest/gtest.h>

#include "kaigo/text/charclass.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::text {
namespace {

TEST(Cp932, ConvertsBothWays) {
  EXPECT_EQ(to_cp932("山田花子"), "\x8E\x52\x93\x63\x89\xD4\x8E\x71");
  EXPECT_EQ(to_utf8("\x8E\x52\x93\x63\x89\xD4\x8E\x71"), "山田花子");
  EXPECT_EQ(to_cp932("ﾔﾏﾀﾞ"), "\xD4\xCF\xC0\xDE");
  EXPECT_EQ(to_utf8("\xD4\xCF\xC0\xDE"), "ﾔﾏﾀﾞ");
  EXPECT_EQ(to_utf8("1,2,\x82\x60"), "1,2,Ａ");
  // NEC 丸数字, and the wave dash of JIS-based systems written as the CP932 full-width tilde.
  EXPECT_EQ(to_cp932("①〜～−"), "\x87\x40\x81\x60\x81\x60\x81\x7C");
}

TEST(Cp932, EveryTableCharacterRoundTrips) {
  int checked = 0;
  for (int lead = 0x81; lead <= 0xFC; ++lead) {
    if (lead > 0x9F && lead < 0xE0) continue;
    for (int trail = 0x40; trail <= 0xFC; ++trail) {
      std::string bytes{static_cast<char>(lead), static_cast<char>(trail)};
      if (cp932_char_length(bytes) != 2) continue;
      std::string utf8 = to_utf8(bytes);
      std::string back = to_cp932(utf8);
      // NEC-selected IBM extensions share code points with IBM extensions: both decode to the same
      // character and encode canonically, which must again decode to it.
      EXPECT_EQ(to_utf8(back), utf8) << lead << "," << trail;
      ++checked;
    }
  }
  EXPECT_GT(checked, 9000);
}

TEST(Cp932, InvalidBytesAreFoundNotReplaced) {
  EXPECT_EQ(find_invalid_cp932("abc"), npos);
  EXPECT_EQ(find_invalid_cp932("ab\x80"), 2u);        // undefined single byte
  EXPECT_EQ(find_invalid_cp932("abcdefghij\x81"), 10u);  // lead byte at the end
  EXPECT_EQ(find_invalid_cp932("\x81\x20"), 0u);      // bad trail byte
  EXPECT_EQ(find_invalid_cp932("\xE3\x81\x82"), 2u);  // UTF-8 あ: E3 81 happens to be CP932, 0x82 then ends
  std::string out;
  EXPECT_EQ(cp932_to_utf8("ok\xFD", out), 2u);
  EXPECT_EQ(out, "ok");
  EXPECT_THROW(to_utf8("\xFF"), std::invalid_argument);
  EXPECT_THROW(to_cp932("😀"), std::invalid_argument);  // no CP932 form
  EXPECT_THROW(to_cp932("\xC3"), std::invalid_argument);  // truncated UTF-8
  EXPECT_EQ(printable("A\xFF\x82\xA0"), "A\\xFFあ");
}

TEST(CharClass, InterfaceAttributes) {
  EXPECT_EQ(find_class_violation("0123", CharClass::Digits), npos);
  EXPECT_EQ(find_class_violation("01a3", CharClass::Digits), 2u);
  EXPECT_EQ(find_class_violation("71R1", CharClass::Alnum), npos);
  EXPECT_EQ(find_class_violation(to_cp932("ﾔﾏﾀﾞ ﾊﾅｺ"), CharClass::Alnum), npos);
  EXPECT_EQ(find_class_violation(to_cp932("AB山"), CharClass::Alnum), 2u);
  EXPECT_EQ(find_class_violation(to_cp932("山田　花子"), CharClass::Kanji), npos);
  EXPECT_EQ(find_class_violation(to_cp932("山田 花子"), CharClass::Kanji), 4u);  // byte offset of the half-width space
  EXPECT_EQ(find_class_violation(to_cp932("ﾔﾏﾀﾞ ﾊﾅｺ"), CharClass::HalfKana), npos);
  EXPECT_EQ(find_class_violation(to_cp932("ﾔﾏﾀﾞ花"), CharClass::HalfKana), 4u);
  EXPECT_TRUE(all_digits("0"));
  EXPECT_FALSE(all_digits(""));
  EXPECT_FALSE(all_digits("-1"));
}

TEST(Cp932, IsAsciiOnlyWhenEveryByteIsBelow0x80) {
  EXPECT_TRUE(is_ascii(""));
  EXPECT_TRUE(is_ascii("7131|00131011 ~\x7f"));
  EXPECT_FALSE(is_ascii("200000000\xb1"));      // 半角カナ ｱ in CP932
  EXPECT_FALSE(is_ascii("\x82\x4f"));           // ０ in CP932
  EXPECT_FALSE(is_ascii("\xef\xbd\xb1"));       // ｱ in UTF-8
}

}  // namespace
}  // namespace kaigo::text
