// The identities documents are matched by (review-rules §5): a 明細書 by its five key items, a
// person's month by insurer, person and month — the 証記載保険者番号 in its 6-digit form.
#include <gtest/gtest.h>

#include <unordered_set>

#include "kaigo/billing/keys.hpp"

namespace kaigo::billing {
namespace {

TEST(BillingKeys, InsurerNumberIsComparedInItsSixDigitForm) {
  StatementKey a{"7131", {2026, 3}, "1370000001", "00131016", "0000000001"};
  StatementKey b = a;
  b.insurer_no = "131016";
  EXPECT_EQ(ClaimKey::from(a), ClaimKey::from(b));
  EXPECT_EQ(ClaimKey::from(a).hash(), ClaimKey::from(b).hash());
  EXPECT_EQ(ClaimKey::from(a).insurer_no(), "131016");
  EXPECT_EQ(ClaimKey::from(a).person_month(), PersonMonthKey::from(b));
  b.form_id = "7132";  // another 様式 is another 明細書 [INF]
  EXPECT_NE(ClaimKey::from(a), ClaimKey::from(b));
  EXPECT_EQ(ClaimKey::from(a).person_month(), ClaimKey::from(b).person_month());
}

TEST(BillingKeys, EveryItemCounts) {
  const StatementKey base{"7131", {2026, 3}, "1370000001", "131016", "0000000001"};
  std::unordered_set<ClaimKey> keys{ClaimKey::from(base)};
  for (int item = 0; item < 5; ++item) {
    StatementKey k = base;
    if (item == 0) k.form_id = "7143";
    if (item == 1) k.service_month = {2026, 4};
    if (item == 2) k.office_no = "1370000002";
    if (item == 3) k.insurer_no = "131024";
    if (item == 4) k.insured_no = "0000000002";
    EXPECT_TRUE(keys.insert(ClaimKey::from(k)).second) << item;
  }
  EXPECT_FALSE(keys.insert(ClaimKey::from(base)).second);
  // An 8-digit insurer number other than the zero-padded form stays as written.
  StatementKey eight = base;
  eight.insurer_no = "12131016";
  EXPECT_EQ(ClaimKey::from(eight).insurer_no(), "12131016");
}

TEST(BillingKeys, AnItemLongerThanItsWidthMakesNoKey) {
  StatementKey k{"7131", {2026, 3}, "1370000001", "131016", "00000000011"};  // 11 characters
  EXPECT_EQ(ClaimKey::of(k), std::nullopt);
  EXPECT_EQ(PersonMonthKey::of(k), std::nullopt);
  EXPECT_THROW(ClaimKey::from(k), std::invalid_argument);
  k.insured_no = "H000000001";  // 生保単独
  EXPECT_EQ(ClaimKey::from(k).insured_no(), "H000000001");
}

}  // namespace
}  // namespace kaigo::billing
