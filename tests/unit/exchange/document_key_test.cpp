// The identity of a document: its values in order, one text form that reads back to the same key,
// and no two keys sharing a text even when a value holds the separator.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <unordered_set>

#include "kaigo/exchange/document_key.hpp"

namespace kaigo::exchange {
namespace {

TEST(DocumentKey, HoldsItsValuesInOrder) {
  const auto k = DocumentKey::of({"7131", "7131", "202604", "1370000001", "00131011", "0000012345"});
  ASSERT_EQ(k.size(), 6u);
  EXPECT_EQ(k.code(), "7131");
  EXPECT_EQ(k[2], "202604");
  EXPECT_EQ(k[5], "0000012345");
  EXPECT_EQ(k.text(), "7131|7131|202604|1370000001|00131011|0000012345");
  EXPECT_EQ(DocumentKey::from_text(k.text()), k);
  EXPECT_TRUE(DocumentKey().empty());
  EXPECT_EQ(DocumentKey().code(), "");
  EXPECT_EQ(DocumentKey::from_text(""), DocumentKey());
}

TEST(DocumentKey, ValuesWithTheSeparatorAreDifferentKeysWithDifferentTexts) {
  const auto split_early = DocumentKey::of({"7131", "a", "b|c"});
  const auto split_late = DocumentKey::of({"7131", "a|b", "c"});
  EXPECT_NE(split_early, split_late);
  EXPECT_EQ(split_early.text(), "7131|a|b\\|c");
  EXPECT_EQ(split_late.text(), "7131|a\\|b|c");
  EXPECT_EQ(DocumentKey::from_text(split_early.text()), split_early);
  EXPECT_EQ(DocumentKey::from_text(split_late.text()), split_late);
  const auto backslash = DocumentKey::of({"7131", "\\", ""});
  EXPECT_EQ(backslash.text(), "7131|\\\\|");
  EXPECT_EQ(DocumentKey::from_text(backslash.text()), backslash);
  // Empty values count: "a" then "" is not "a" alone.
  EXPECT_NE(DocumentKey::of({"a", ""}), DocumentKey::of({"a"}));
  EXPECT_EQ(DocumentKey::of({"a", ""}).text(), "a|");
  EXPECT_EQ(DocumentKey::from_text("a|"), DocumentKey::of({"a", ""}));
}

TEST(DocumentKey, ADamagedTextIsNoKey) {
  EXPECT_EQ(DocumentKey::from_text("7131|abc\\"), std::nullopt);  // an escape with nothing after it
  EXPECT_EQ(DocumentKey::from_text("0|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16"), std::nullopt);  // 17 values
  const auto sixteen = DocumentKey::from_text("0|1|2|3|4|5|6|7|8|9|10|11|12|13|14|15");
  ASSERT_TRUE(sixteen.has_value());
  EXPECT_EQ(sixteen->size(), 16u);
  EXPECT_EQ((*sixteen)[15], "15");
  DocumentKey full = *sixteen;
  EXPECT_THROW(full.push_back("16"), std::length_error);
}

TEST(DocumentKey, OrdersValueByValueAndHashesWithItsBoundaries) {
  const auto a = DocumentKey::of({"7131", "1"});
  const auto ab = DocumentKey::of({"7131", "1", "0"});
  const auto b = DocumentKey::of({"7131", "10"});
  EXPECT_LT(a, ab);  // a prefix sorts first
  EXPECT_LT(ab, b);  // "1" < "10" decides before the third value
  const std::set<DocumentKey> sorted{b, ab, a};
  EXPECT_EQ(*sorted.begin(), a);
  EXPECT_EQ(*sorted.rbegin(), b);
  // Same bytes, other boundaries: different keys, and (with this hash) different hashes.
  const auto one = DocumentKey::of({"71", "31"});
  const auto other = DocumentKey::of({"7", "131"});
  EXPECT_NE(one, other);
  EXPECT_NE(one.hash(), other.hash());
  std::unordered_set<DocumentKey, DocumentKeyHash> set{one, other, DocumentKey::of({"71", "31"})};
  EXPECT_EQ(set.size(), 2u);
  // A reused key (cleared, filled again) equals a new one.
  DocumentKey reused = ab;
  reused.clear();
  reused.push_back("7131");
  reused.push_back("1");
  EXPECT_EQ(reused, a);
  EXPECT_EQ(reused.hash(), a.hash());
}

}  // namespace
}  // namespace kaigo::exchange
