// The decision notice PDF shows every step of the computation (issue 17): read back with pdftotext,
// it holds the title, the applicant, each receipt line, the readers within their cap, the eligible
// cost, the rate, the limit and the amount, and the reasons; a returned application's notice says
// why.
#include <gtest/gtest.h>

#include "kaigo/portal/notice.hpp"
#include "support/portal_support.hpp"

namespace kaigo::testing {
namespace {

void expect_all(const std::string& text, const std::vector<std::string>& parts) {
  for (const auto& p : parts) EXPECT_NE(text.find(p), std::string::npos) << p << "\n---\n" << text;
}

TEST(PortalNotice, TheDecisionNoticeShowsEveryStep) {
  PortalWorld w;
  auto a =
      w.apply_office("1370000001", "2025-11-05T10:00:00",
                     {receipt(1, "20251020", "カードリーダー4台分", 80000), receipt(2, "20251020", "設定費用", 10000)});
  auto d = w.decide(a.application->id, "2025-12-01T09:00:00");
  ASSERT_TRUE(d.refusals.empty());
  const auto bytes = portal::decision_notice_pdf(*d.application);
  EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
  EXPECT_EQ(portal::decision_notice_pdf(*d.application), bytes);  // dated by the decision: the same bytes
  auto text = pdf_text(bytes);
  expect_all(text, {"助成金交付決定通知書",
                    "1370000001",
                    "さくら居宅介護支援事業所",
                    "令和7年12月1日",
                    "申請番号 1",
                    "令和7年度",
                    "交付決定額",
                    "64,000 円",
                    "1. 領収書1「カードリーダー4台分」",
                    "税込 80,000 円",
                    "2. 領収書2「設定費用」",
                    "80,000 円 × 3台 ÷ 4台 = 60,000 円",
                    "接続サポート等経費",
                    "60,000 円＋10,000 円 = 70,000 円",
                    "補助率 1/1",
                    "70,000 円 × 1/1 = 70,000 円",
                    "訪問・通所・短期滞在系 64,000 円",
                    "70,000 円と助成限度額 64,000 円の少ない方",
                    "KH21",
                    "KH22",
                    "公益社団法人国民健康保険中央会"});
}

TEST(PortalNotice, TheHospitalsNoticeShowsTheRate) {
  PortalWorld w;
  auto a = w.apply_medical(portal::Facility::Hospital, 250, "2025-12-10T10:00:00",
                           {receipt(1, "20251201", "電子カルテ改修", 1400000)});
  auto d = w.decide(a.application->id, "2026-01-05T09:00:00");
  auto text = pdf_text(portal::decision_notice_pdf(*d.application));
  expect_all(text, {"医療機関コード", PortalWorld::kHospitalCode, "国保総合病院", "病院（250床）",
                    "1,400,000 円 × 1/2 = 700,000 円", "200床以上の病院 550,000 円", "550,000 円"});
}

TEST(PortalNotice, AReturnedApplicationsNoticeSaysWhy) {
  PortalWorld w;
  auto a = w.apply_office("1370000001", "2025-11-05T10:00:00", {receipt(1, "20251020", "", 15400)});
  EXPECT_THROW(portal::decision_notice_pdf(*a.application), std::invalid_argument);
  auto d = w.decide(a.application->id, "2025-12-01T09:00:00");
  EXPECT_EQ(portal::decision_notice_title(*d.application), "助成金申請返戻通知書");
  auto text = pdf_text(portal::decision_notice_pdf(*d.application));
  expect_all(text, {"助成金申請返戻通知書", "返戻", "KH10",
                    "領収書1に用途（カードリーダー、台数、設定費用など）の記載がありません", "改めて申請してください"});
}

}  // namespace
}  // namespace kaigo::testing
