// 明細書 against the ledgers and the computation: one row of the 返戻（保留）一覧表 per offending
// item, 備考 = the code (review-rules §1.3). Any of them returns the whole 明細書; nothing of it is
// paid. The seed's own pages (12PA 15,869 単位, 12SA with ASSA 21,142 単位) are the text scenarios
// seed002-12PA.md and seed002-12SA-ASSA.md.
#include <gtest/gtest.h>

#include "support/review_story.hpp"

namespace kaigo::testing {
namespace {

using review::ClaimOutcome;

constexpr const char* kHomeHelp = "3070000011";  // 訪問介護
constexpr YearMonth kSept{2024, 9};
constexpr YearMonth kReview{2024, 10};

// A person with a plan for 訪問介護 at kHomeHelp, so that only the ledger can stop the claim.
struct HomeHelp {
  Story s;
  explicit HomeHelp(const std::string& insured = "0000000001") {
    s.office(kHomeHelp, "11");
    s.person(insured);
  }
  review::SubmittedPlan plan(const std::string& insured = "0000000001") {
    return s.plan("P" + insured, insured, kSept, {{kHomeHelp, "11", 15867}});
  }
  review::SubmittedClaim claim(const std::string& id, const ClaimSlip& slip = {},
                               const std::string& insured = "0000000001") {
    return s.claim(id, kHomeHelp, insured, kSept, {{"11", "1211", 41}}, slip);  // 身体介護２ × 41 = 15,867
  }
  review::ClaimDecision review(const review::SubmittedClaim& c, const std::string& insured = "0000000001") {
    auto p = plan(insured);
    auto m = s.review(kReview, {p}, {c});
    // The plan is always in order here (a 12P0 person's plan is returned with the claim).
    EXPECT_EQ(m.plan(p.id).outcome == review::PlanOutcome::Registered, s.person(insured).registered) << p.id;
    return m.claim(c.id);
  }
};

TEST(ReviewLedger, P0_NotInTheLedgerGivesTwoRows) {
  HomeHelp h("0000000009");
  h.s.person("0000000009").registered = false;
  auto d = h.review(h.claim("C", {}, "0000000009"), "0000000009");
  expect_returned(d, 15867,
                  {
                      "12P0 | B | 11 | 証記載保険者番号：市町村の認定情報が未登録（受給者情報） | 300000 | ",
                      "12P0 | B | 11 | 被保険者番号：市町村の認定情報が未登録（受給者情報） | 0000000009 | ",
                  });
}

// A rate lower than the ledger's makes every amount too low, consistently with the written rate:
// the only error is the rate.
TEST(ReviewLedger, SA_AloneWhenTheWrittenRateIsLower) {
  HomeHelp h;
  auto d = h.review(h.claim("C", wrote().rate(80)));
  expect_returned(d, 15867, {"12SA | B | 11 | 保険給付率：市町村認定の給付率と相違 | 80 | 90"});
}

// 15,867 単位 × 11.40円 (1級地 70%) = 180,883円; 90% = 162,794円.
TEST(ReviewLedger, ASSA_InsuranceClaimAboveTheComputation) {
  HomeHelp h;
  h.s.office("3070000012", "11", 1);
  auto plan = h.s.plan("P", "0000000001", kSept, {{"3070000012", "11", 15867}});
  auto c = h.s.claim("C", "3070000012", "0000000001", kSept, {{"11", "1211", 41}}, wrote().insurance_claim(162800));
  auto d = h.s.review(kReview, {plan}, {c}).claim("C");
  expect_returned(d, 15867, {"ASSA | B | 11 | 保険請求額：記載された値が計算値を超過 | 162800 | 162794"});
}

TEST(ReviewLedger, ASS0_InsuranceClaimBelowTheComputation) {
  HomeHelp h;
  auto d = h.review(h.claim("C", wrote().insurance_claim(142000)));  // computed: 158,670 × 90% = 142,803
  expect_returned(d, 15867, {"ASS0 | B | 11 | 保険請求額：記載された値が計算値と相違 | 142000 | 142803"});
}

TEST(ReviewLedger, ATT5_WelfareOnlyWithAnInsuranceClaim) {
  HomeHelp h("H000000001");
  h.s.person("H000000001").rate.reset();  // 生保単独: no 保険給付率 in the ledger
  auto d = h.review(h.claim("C", wrote().insurance_claim(5000), "H000000001"), "H000000001");
  expect_returned(d, 15867, {"ATT5 | B | 11 | 保険請求額：生保単独で保険請求額が0より大きい | 5000 | 0"});
}

// Without a 公費受給者台帳 the 公費 slots are taken as written (the review before the ledger existed):
// a 生保単独 claim naming a 公費 nobody registered is paid. With one, the same claim is 13PS.
TEST(ReviewLedger, PS13_OnlyOnceAKohiLedgerIsLoaded) {
  HomeHelp h("H000000001");
  h.s.person("H000000001").rate.reset();
  const auto slip = wrote().fund({"12306013", "0000019", 100});
  auto paid = h.review(h.claim("C1", slip, "H000000001"), "H000000001");
  EXPECT_EQ(paid.outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(paid.findings.empty()) << rows(paid)[0];

  HomeHelp k("H000000001");
  k.s.person("H000000001").rate.reset();
  k.s.fund(Fund::of("12306013", "0000011", "H000000001"));
  auto d = k.review(k.claim("C1", slip, "H000000001"), "H000000001");
  expect_returned(d, 15867,
                  {"13PS | B | 11 | 公費1負担者番号：当該公費負担者情報は同台帳に未登録 | 12306013 0000019 | "});
}

// A 公費 of the ledger is the person's own: the same numbers written on another person's 明細書
// are 13PS, and a 公費 outside its 有効期間 in the service month is too.
TEST(ReviewLedger, PS13_AnotherPersonsFundOrOutsideItsPeriod) {
  HomeHelp h;
  h.s.fund(Fund::of("21300005", "0000031", "0000000009"));
  auto ended = Fund::of("21300005", "0000032", "0000000001");
  ended.to = "20240831";
  h.s.fund(ended);
  auto d = h.review(h.claim("C", wrote().fund({"21300005", "0000031", {}}).fund({"21300005", "0000032", {}})));
  expect_returned(d, 15867,
                  {"13PS | B | 11 | 公費1負担者番号：当該公費負担者情報は同台帳に未登録 | 21300005 0000031 | ",
                   "13PS | B | 11 | 公費2負担者番号：当該公費負担者情報は同台帳に未登録 | 21300005 0000032 | "});
}

// The ledger's 公費本人負担額 comes out of the 公費's share: a provider that claims the whole share
// from the 公費 claims more than the recomputation (ASSA on the 公費 請求額).
TEST(ReviewLedger, FundSelfPayOfTheLedgerIsTakenFromTheFundsShare) {
  HomeHelp h;
  const auto slip = wrote().fund({"21300005", "0000031", {}});
  auto without_self_pay = h.claim("C", slip);  // written before the ledger said anything of 本人負担
  auto f = Fund::of("21300005", "0000031", "0000000001");
  f.self_pay = 1000;
  h.s.fund(f);
  auto with_self_pay = h.claim("D", slip);
  EXPECT_EQ(with_self_pay.statement.basic.fund_totals[0].burden, Yen{1000});
  EXPECT_EQ(with_self_pay.statement.basic.fund_totals[0].claim, Yen{14867});  // 158,670 − 142,803 − 1,000
  HomeHelp k;
  k.s.fund(f);
  auto paid = k.review(k.claim("D", slip));
  EXPECT_EQ(paid.outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(paid.findings.empty()) << rows(paid)[0];
  auto d = h.review(without_self_pay);
  expect_returned(d, 15867, {"ASSA | B | 11 | 公費1請求額：記載された値が計算値を超過 | 15867 | 14867"});
}

// ATTC: the written 公費給付率 against the ledger's; the amounts agree with the written rate, so
// they are not listed again.
TEST(ReviewLedger, ATTC_FundRateDiffersFromTheLedger) {
  HomeHelp h;
  auto f = Fund::of("10306018", "0000021", "0000000001");
  f.rate = 95;
  h.s.fund(f);
  auto d = h.review(h.claim("C", wrote().fund({"10306018", "0000021", 100})));
  expect_returned(d, 15867, {"ATTC | B | 11 | 公費1給付率：公費給付率＞90以外は誤り | 100 | 95"});
}

// 12PC and ASS6 need the 受給者台帳 to say what is certified (its burden_stage column): without it
// the 特定入所者 lines are taken as written.
TEST(ReviewLedger, PC12_ASS6_OnlyWhenTheLedgerSaysWhatIsCertified) {
  const auto slip = wrote().facility({"5111", 30, 1445, 390});  // 食費 at 第2段階's 390 円
  HomeHelp silent;
  auto paid = silent.review(silent.claim("C", slip));
  EXPECT_EQ(paid.outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(paid.findings.empty()) << rows(paid)[0];

  HomeHelp none;
  none.s.person("0000000001").burden_stage = "";
  auto d = none.review(none.claim("C", slip));
  expect_returned(d, 15867,
                  {"12PC | B | 11 | 特定入所者介護サービス費等請求額：市町村の特定入所者認定と相違 | 31650 | 0"});

  HomeHelp first;
  first.s.person("0000000001").burden_stage = "1";
  auto e = first.review(first.claim("C", slip));
  expect_returned(e, 15867, {"ASS6 | B | 11 | 負担限度額：負担限度額が認定と相違 | 390 | 300"});
}

TEST(ReviewLedger, PD_QJ_QT_CertificationLevelBirth) {
  HomeHelp h;
  h.s.person("0000000001").cert_to = "20240831";  // the certification ended before September
  auto m = h.s.review(kReview, {h.plan()}, {h.claim("C", wrote().level("22").birth("19400102"))});
  // The plan of a month outside the certification is returned too.
  EXPECT_EQ(rows(m.plan("P0000000001")),
            (std::vector<std::string>{"12PD | B |  | 認定有効期間：認定有効期間外の被保険者 | 202409 | 20200101-20240831"}));
  const auto& d = m.claim("C");
  expect_returned(d, 15867,
                  {
                      "12PD | B | 11 | 認定有効期間：認定有効期間外の被保険者 | 202409 | 20200101-20240831",
                      "12QT | B | 11 | 生年月日：生年月日・性別が受給者台帳と相違 | 19400102 | 19400101",
                      "12QJ | B | 11 | 要介護状態区分コード：要介護度が認定と相違 | 22 | 21",
                  });
}

TEST(ReviewLedger, ADD0_ADD1_ADD2_OfficeServiceInsurer) {
  HomeHelp h;
  h.s.office("3070000015", "15");  // registered for 通所介護 only
  auto plan = h.plan();
  auto unknown_office = h.s.claim("C0", "3070000999", "0000000001", kSept, {{"11", "1211"}});
  auto wrong_service = h.s.claim("C1", "3070000015", "0000000001", kSept, {{"11", "1211"}});
  auto wrong_insurer = h.claim("C2", wrote().insurer("399999"));
  auto m = h.s.review(kReview, {plan}, {unknown_office, wrong_service, wrong_insurer});
  EXPECT_EQ(rows(m.claim("C0")), (std::vector<std::string>{"ADD0 | A | 11 | 事業所番号：無効もしくは事業所基本台帳に未登録 | 3070000999 | "}));
  EXPECT_EQ(rows(m.claim("C1")), (std::vector<std::string>{"ADD1 | A | 11 | サービス種類コード：無効もしくはサービス台帳に未登録 | 11 | "}));
  // No such insurer, and so no such person of it.
  EXPECT_EQ(rows(m.claim("C2")), (std::vector<std::string>{
                                     "ADD2 | A | 11 | 証記載保険者番号：当該保険者等情報が保険者台帳等に未登録 | 399999 | ",
                                     "12P0 | B | 11 | 証記載保険者番号：市町村の認定情報が未登録（受給者情報） | 399999 | ",
                                     "12P0 | B | 11 | 被保険者番号：市町村の認定情報が未登録（受給者情報） | 0000000001 | ",
                                 }));
  for (const char* id : {"C0", "C1", "C2"}) EXPECT_EQ(m.claim(id).outcome, ClaimOutcome::Returned) << id;
}

// 様式第七 (居宅介護支援費) from an office that is not the person's registered 支援事業所 (12P4),
// and for a person whose ledger says 自己作成 (12P5: no 居宅介護支援費 is due).
TEST(ReviewLedger, P4_P5_CarePlanFeeAgainstTheLedger) {
  HomeHelp h;
  auto fee = h.s.care_plan_fee("F", "0000000001", kSept, "2111");  // sent by kSupportOffice
  h.s.office("3070000098", "43");
  auto& x = h.s.person("0000000001");
  x.support_office = "3070000098";
  x.plan_kind = 3;  // ledger: 自己作成
  auto d = h.s.review(kReview, {}, {fee}).claim("F");
  EXPECT_EQ(d.outcome, ClaimOutcome::Returned);
  EXPECT_EQ(rows(d), (std::vector<std::string>{
                         "12P4 | B | 43 | 事業所番号：市町村の認定情報と不一致（支援事業所） | 3070000099 | 3070000098",
                         "12P5 | B | 43 | 居宅サービス計画作成区分コード：市町村の認定情報と不一致（作成区分） | 1 | 2",
                     }));
  EXPECT_EQ(d.written_total().insurance_claim.value, 10860);  // 1,086 単位 × 10.00, paid in full
}

// The 8-digit 証記載保険者番号 (zero-padded, as 8222 writes it) is the same insurer.
TEST(ReviewLedger, EightDigitInsurerNumberIsTheSameInsurer) {
  HomeHelp h;
  auto d = h.review(h.claim("C", wrote().insurer("00300000")));
  EXPECT_EQ(d.outcome, ClaimOutcome::Paid);
  EXPECT_TRUE(d.findings.empty());
}

}  // namespace
}  // namespace kaigo::testing
