// MS932 only: every MS932 character passes (NEC and IBM extensions included), anything else — a
// lone or broken byte, 外字, NUL — is found at its offset; UTF-8 text is recognised as such.
#include <gtest/gtest.h>

#include "kaigo/careplan/encoding.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::careplan {
namespace {

constexpr auto npos = std::string_view::npos;

TEST(CareplanEncoding, Ms932CharactersPass) {
  std::string s = text::to_cp932("居宅　花子,ｱｲｳ,①㈱髙﨑,～−,abc 123");
  EXPECT_EQ(find_bad_byte(s, 0), npos);
  EXPECT_EQ(find_bad_byte("", 0), npos);
  EXPECT_EQ(find_bad_byte("plain ascii, longer than eight bytes", 0), npos);
}

TEST(CareplanEncoding, BadBytesAreFoundAtTheirOffset) {
  std::string kanji = text::to_cp932("漢字");  // 4 bytes
  EXPECT_EQ(find_bad_byte(kanji + "\x80" + "abc", 0), 4u);
  EXPECT_EQ(find_bad_byte(kanji + "\xF0\x40", 0), 4u);           // 外字
  EXPECT_EQ(find_bad_byte("abcdefghij" + kanji + "\xF9\xFC", 0), 14u);
  EXPECT_EQ(find_bad_byte(std::string("abcdefgh\0ij", 11), 0), 8u);  // NUL after the 8-byte fast path
  EXPECT_EQ(find_bad_byte(kanji + "\x88", 0), 4u);               // a lead byte at the end
  EXPECT_EQ(find_bad_byte("ab\xFD", 0), 2u);
  EXPECT_EQ(find_bad_byte(kanji + "\x80" + kanji + "\x80", 5), 9u);  // from an offset
}

TEST(CareplanEncoding, Utf8IsRecognised) {
  EXPECT_TRUE(looks_like_utf8("202407,\"居宅　花子\""));  // this source file is UTF-8
  EXPECT_FALSE(looks_like_utf8(text::to_cp932("202407,\"居宅　花子\",ｱｲｳ")));
  EXPECT_FALSE(looks_like_utf8("202407,131016"));  // ASCII alone proves nothing
}

}  // namespace
}  // namespace kaigo::careplan
