// 摘要 through the review (seed 002 §8): every 福祉用具貸与 line names its product by the ＴＡＩＳコード
// or 福祉用具届出コード — 企業コード (5) 「-」 商品コード (6), half-width, upper-case. The seed's page:
// 手すり貸与 300 単位 00000-111111, 特殊寝台貸与 900 単位 00000-222222, 特殊寝台付属品貸与 100 単位
// 00000-Z33333. A line without it, or with it in another form, returns the 明細書 with 14QR (事由 A),
// one row per line, naming the item and the value written.
#include <gtest/gtest.h>

#include "kaigo/review/detail/remark_check.hpp"
#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;

constexpr const char* kRental = "3070000017";  // 福祉用具貸与
constexpr const char* kRenterNo = "0000000001";
constexpr YearMonth kRentalMonth{2024, 9};
constexpr YearMonth kRentalReviewMonth{2024, 10};

struct RentalClaim {
  Story s;
  RentalClaim() {
    s.office(kRental, "17");
    s.person(kRenterNo);
    s.code("17", "9007", "手すり貸与（seed 002 §8 の例）", 300);
    s.code("17", "9003", "特殊寝台貸与（seed 002 §8 の例）", 900);
    s.code("17", "9004", "特殊寝台付属品貸与（seed 002 §8 の例）", 100);
  }
  // The seed's three lines, with the 摘要 written.
  review::ClaimDecision review(std::vector<std::string> remarks) {
    auto p = s.plan("P", kRenterNo, kRentalMonth, {{kRental, "17", 1300}});
    auto c = s.claim("C", kRental, kRenterNo, kRentalMonth, {{"17", "9007"}, {"17", "9003"}, {"17", "9004"}},
                     wrote().remarks(std::move(remarks)));
    return s.review(kRentalReviewMonth, {p}, {c}).claim("C");
  }
};

std::string row(const std::string& found) {
  return "14QR | A | 17 | 摘要（TAIS・届出コード）：摘要欄は必須項目です | " + found + " | 企業コード5桁-商品コード6桁";
}

TEST(ReviewRemarks, TheSeedsLinesArePaid) {
  RentalClaim r;
  auto d = r.review({"00000-111111", "00000-222222", "00000-Z33333"});
  expect_paid(d, 1300);
}

TEST(ReviewRemarks, AMissingCodeIsReturnedWithTheItemNamed) {
  RentalClaim r;
  auto d = r.review({"00000-111111", "", "00000-Z33333"});
  expect_returned(d, 1300, {row("")});
}

TEST(ReviewRemarks, AMalformedCodeIsReturnedWithWhatWasWritten) {
  RentalClaim r;
  auto d = r.review({"00000-z33333", "00000222222", "0000-1111111"});
  EXPECT_EQ(d.outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(d), (std::vector<std::string>{row("00000-z33333"), row("00000222222"), row("0000-1111111")}));
}

TEST(ReviewRemarks, ProductCodeForm) {
  EXPECT_TRUE(review::is_product_code("00000-111111"));
  EXPECT_TRUE(review::is_product_code("00000-Z33333"));
  EXPECT_TRUE(review::is_product_code("A1234-BC5678"));
  EXPECT_FALSE(review::is_product_code(""));
  EXPECT_FALSE(review::is_product_code("00000-z33333"));   // 英字は大文字
  EXPECT_FALSE(review::is_product_code("00000_111111"));   // 「-」 (半角) でつなぐ
  EXPECT_FALSE(review::is_product_code("00000-1111111"));  // 商品コード 6 桁
  EXPECT_FALSE(review::is_product_code(" 0000-111111"));
}

// Services without a 摘要 rule are not asked for one.
TEST(ReviewRemarks, OtherServicesNeedNone) {
  Story s;
  s.office("3070000011", "11");
  s.person(kRenterNo);
  auto p = s.plan("P", kRenterNo, kRentalMonth, {{"3070000011", "11", 387}});
  auto c = s.claim("C", "3070000011", kRenterNo, kRentalMonth, {{"11", "1211", 1}});
  auto d = s.review(kRentalReviewMonth, {p}, {c}).claim("C");
  EXPECT_EQ(d.outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(d.findings.empty());
}

}  // namespace
}  // namespace kaigo::testing
