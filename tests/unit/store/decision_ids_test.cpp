// The ids of decided documents name the file and the document they came from — the only place the
// decisions keep that (schema 5) — so a damaged id is refused, never read as another document.
#include <gtest/gtest.h>

#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/decision_rows.hpp"

namespace kaigo::store {
namespace {

const exchange::DocumentKey kDocument =
    exchange::DocumentKey::of({"7131", "7131", "202604", "1370000001", "00131016", "0000000001"});
const std::string kKey = "7131|7131|202604|1370000001|00131016|0000000001";  // kDocument.text()

TEST(DecisionIds, AClaimIdNamesItsFileDocumentAndCopy) {
  const auto id = claim_id(12, kDocument, 2);
  EXPECT_EQ(id, "12:" + kKey + "#2");
  const auto ref = parse_claim_id(id);
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->submission, 12);
  EXPECT_EQ(ref->key, kDocument);
  EXPECT_EQ(ref->copy, 2u);
  const auto plan_key = exchange::DocumentKey::of({"8222", "202604"});
  EXPECT_EQ(plan_id(7, plan_key), "7:8222|202604");
  const auto plan = parse_plan_id(plan_id(7, plan_key));
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->submission, 7);
  EXPECT_EQ(plan->key, plan_key);
  EXPECT_EQ(plan->copy, 1u);
}

// A key value holding the separator (a CP932 character may end in the byte '|') or '#' still
// names its own document.
TEST(DecisionIds, AKeyValueWithTheSeparatorsComesBackWhole) {
  const auto odd = exchange::DocumentKey::of({"7131", "a|b", "c#1", "\\"});
  const auto id = claim_id(3, odd, 1);
  EXPECT_EQ(id, "3:7131|a\\|b|c#1|\\\\#1");
  const auto ref = parse_claim_id(id);
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->key, odd);
  EXPECT_EQ(ref->copy, 1u);
}

// What the review's writer reads of an id it has just made: the file and the copy only.
TEST(DecisionIds, TheFileAndCopyAreReadWithoutTheKey) {
  const auto ref = claim_file_copy(claim_id(12, kDocument, 2));
  EXPECT_EQ(ref.submission, 12);
  EXPECT_EQ(ref.copy, 2u);
  const auto odd = claim_file_copy(claim_id(3, exchange::DocumentKey::of({"7131", "a|b", "c#1", "\\"}), 1));
  EXPECT_EQ(odd.submission, 3);
  EXPECT_EQ(odd.copy, 1u);
  EXPECT_EQ(plan_file(plan_id(7, exchange::DocumentKey::of({"8222", "202604"}))), 7);
  for (const std::string bad : {"", "12", "x:k#1", "12:k#", "12:k#1a", "12#1"}) {
    try {
      claim_file_copy(bad);
      ADD_FAILURE() << "read: " << bad;
    } catch (const StoreError& e) {
      EXPECT_EQ(std::string(e.what()), "明細書の識別子が不正です / malformed claim id: " + bad);
    }
  }
  for (const std::string bad : {"", "12", "x:k", " 1:k"}) {
    try {
      plan_file(bad);
      ADD_FAILURE() << "read: " << bad;
    } catch (const StoreError& e) {
      EXPECT_EQ(std::string(e.what()), "給付管理票の識別子が不正です / malformed plan id: " + bad);
    }
  }
}

TEST(DecisionIds, ADamagedIdIsRefusedWithTheId) {
  const std::vector<std::string> bad_claims{"",          "12",      "12:" + kKey, "x:" + kKey + "#1", "12:" + kKey + "#",
                                           "12:" + kKey + "#1a", "-:k#1", " 12:k#1",      "12:k#-1", "12:k\\#1"};
  for (const auto& bad : bad_claims) {
    EXPECT_EQ(parse_claim_id(bad), std::nullopt) << bad;
  }
  for (const std::string_view bad : {"", "12", "x:k", ":k", "1 2:k"}) EXPECT_EQ(parse_plan_id(bad), std::nullopt) << bad;
  try {
    stored_claim("12:" + kKey);
    FAIL() << "a claim id without its copy was read";
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()), "明細書の識別子が不正です / malformed claim id: 12:" + kKey);
  }
  try {
    stored_plan("x:8222");
    FAIL() << "a plan id without its file was read";
  } catch (const StoreError& e) {
    EXPECT_EQ(std::string(e.what()), "給付管理票の識別子が不正です / malformed plan id: x:8222");
  }
}

}  // namespace
}  // namespace kaigo::store
