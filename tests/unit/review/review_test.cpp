// review: the settings it is given, 種類支給限度 lookup, the texts of a finding, and
// the contract of the streaming MonthReviewer.
#include <gtest/gtest.h>

#include <stdexcept>

#include "kaigo/review/codes.hpp"
#include "kaigo/review/review.hpp"

namespace kaigo::review {
namespace {

// The review is configured with the 国保連's settings as they are (one declaration: core/settings).
TEST(ReviewConfig, TheSettingsOfDesign33AreTheReviews) {
  Config c = default_config();
  EXPECT_EQ(c.hold_months({1999, 12}), std::nullopt);  // before any rule: no hold
  EXPECT_EQ(c.hold_months({2026, 3}), 3);
  EXPECT_EQ(c.hold_months({2026, 4}), 1);  // seed 000 §4
  EXPECT_EQ(c.plan_mismatch, PlanMismatch::Cut);
  ReviewSettings s;
  s.plan_mismatch = PlanMismatch::Return;
  s.hold = {{{2000, 4}, 2}};
  Config from = config_of(s);
  EXPECT_EQ(from.plan_mismatch, PlanMismatch::Return);
  EXPECT_EQ(from.hold_months({2024, 12}), 2);
  EXPECT_TRUE(from.type_limits.empty());
}

TEST(ReviewConfig, TypeLimitPrefersTheLevelAndKeepsItsPeriod) {
  Config c;
  c.type_limits = {{"131016", "11", "", {2024, 4}, std::nullopt, Units{5000}},
                   {"131016", "11", "21", {2024, 4}, YearMonth{2025, 3}, Units{3000}}};
  EXPECT_EQ(c.type_limit("00131016", "11", "21", {2024, 4}), Units{3000});  // 8-digit insurer
  EXPECT_EQ(c.type_limit("131016", "11", "22", {2024, 4}), Units{5000});
  EXPECT_EQ(c.type_limit("131016", "11", "21", {2025, 4}), Units{5000});  // the level rule ended
  EXPECT_EQ(c.type_limit("131016", "11", "21", {2024, 3}), std::nullopt);
  EXPECT_EQ(c.type_limit("131016", "13", "21", {2024, 4}), std::nullopt);
  EXPECT_EQ(c.type_limit("131024", "11", "21", {2024, 4}), std::nullopt);
}

TEST(ReviewFindings, RemarkContentAndReason) {
  auto e = error("12PA", "被保険者番号", "11", "0000000001");
  EXPECT_EQ(e.remark(), "12PA");
  EXPECT_EQ(e.content(), "被保険者番号：市町村の認定変更が未決定");
  EXPECT_EQ(e.list_reason, 'B');
  EXPECT_EQ(error("ADD1", "サービスコード").list_reason, 'A');
  EXPECT_EQ(hold(false).remark(), "保留");
  EXPECT_EQ(hold(false).list_reason, 'C');
  EXPECT_EQ(hold(true).list_reason, 'D');
  EXPECT_EQ(hold_ended(false).remark(), "返戻");
  auto c = cut(CutReason::OverPlan, "16", Units{6515}, Units{5427});
  EXPECT_EQ(c.remark(), "");
  EXPECT_EQ(c.content(), "サービス種類コード：給付管理票の実績を超えるもの");
  EXPECT_EQ(c.found, "6515");
  EXPECT_EQ(c.expected, "5427");
  EXPECT_THROW(error("ZZZZ", "x"), std::logic_error);
  EXPECT_EQ(error("ANN4", "様式番号").content(), "様式番号：過去に同じ請求明細書を提出済");
}

TEST(ReviewFindings, SheetKind) {
  EXPECT_EQ(sheet_kind("7131"), "請");
  EXPECT_EQ(sheet_kind("8124"), "サ");
  EXPECT_EQ(sheet_kind("8222"), "給");
}

struct Empty {
  master::Masters masters;
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
  master::RecipientLedger recipients;
  History history;
  ReviewContext ctx{masters, offices, insurers, recipients, default_config()};
};

TEST(ReviewStreaming, StepsMustComeInOrder) {
  Empty e;
  SubmittedClaim claim{"c", 5, {}};
  {
    MonthReviewer r(e.ctx, {2026, 4}, e.history);
    EXPECT_THROW(r.review_held(), std::logic_error);
    EXPECT_THROW(r.review_claim(claim), std::logic_error);
    EXPECT_TRUE(r.review_plans({}).empty());
    EXPECT_THROW(r.review_plans({}), std::logic_error);
    EXPECT_TRUE(r.review_held().empty());
    EXPECT_THROW(r.review_held(), std::logic_error);
  }
  {
    MonthReviewer r(e.ctx, {2026, 4}, e.history);
    r.review_plans({});
    r.review_held();
    r.review_claim(claim);
    SubmittedClaim earlier{"b", 4, {}};
    EXPECT_THROW(r.review_claim(earlier), std::logic_error);
  }
}

}  // namespace
}  // namespace kaigo::review
