// 再審査申立 (rereview.csv, DESIGN §3.2; 71B2): the loader's refusals with file, line and column, the
// matching of a request to the cut 明細書 it names, and the decision the 審査委員会 made. The month
// run through the command line is the scenario tests/scenarios/seed002-rereview-appeal.md.
#include <gtest/gtest.h>

#include "kaigo/settlement/appeal.hpp"
#include "kaigo/settlement/rereview.hpp"
#include "kaigo/settlement/settle.hpp"
#include "kaigo/text/cp932.hpp"
#include "support/review_story.hpp"
#include "support/settle_support.hpp"

namespace kaigo::settlement {
namespace {

using review::ClaimOutcome;
using testing::official;
using testing::records;
using Lines = std::vector<std::string>;

constexpr const char* kAppealHeader =
    "filed_on,applicant,office_no,insurer_no,insured_no,service_month,service_type,service_item,requested_units,"
    "reason_code,decision,decided_units\n";
constexpr const char* kAppealOfficeA = "3070000000";
constexpr const char* kAppealOfficeB = "3070000011";
constexpr YearMonth kAppealSept{2023, 9}, kAppealOct{2023, 10}, kAppealNov{2023, 11};

master::LoadResult<std::vector<RereviewAppeal>> load_appeals_text(const std::string& rows) {
  return load_appeals(std::string(kAppealHeader) + rows, "rereview.csv");
}

// The only diagnostic of a refused file, as the command prints it.
std::string appeal_refusal(const master::LoadResult<std::vector<RereviewAppeal>>& r) {
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.diagnostics.size(), 1u);
  return r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string();
}

TEST(RereviewAppeal, ReadsTheItemsOf71B2AndTheDecision) {
  auto r = load_appeals_text(
      "20231106,1,3070000000,00300000,0000000004,202309,11,9201,100,1001,restored,\n"
      "20231106,2,3070000000,300000,0000000006,202309,11,9202,200,1001,restored,150\n"
      "20231107,1,3070000000,300000,0000000005,202309,11,9202,200,1002,upheld,\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].to_string();
  const auto& a = *r.table;
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].filed_on, (Date{2023, 11, 6}));
  EXPECT_EQ(a[0].applicant, Applicant::Office);
  EXPECT_EQ(a[0].key.insurer_no, "00300000");
  EXPECT_EQ(a[0].service_item, "9201");
  EXPECT_EQ(a[0].requested, Units{100});
  EXPECT_EQ(a[0].key.form_id, "7131");  // 様式番号 10: 様式第二
  EXPECT_EQ(a[0].reason_name, "突合査定Ａへの申立");
  EXPECT_EQ(a[0].decision, AppealDecision::Restored);
  EXPECT_FALSE(a[0].decided.has_value());
  EXPECT_EQ(a[1].applicant, Applicant::Insurer);
  EXPECT_EQ(a[1].decided, Units{150});
  EXPECT_EQ(a[2].decision, AppealDecision::Upheld);
  EXPECT_EQ(a[2].line, 4u);
}

TEST(RereviewAppeal, ReasonNamesFitThe7621Item) {
  // 7621 D1 item 11 再審査申立事由 is 漢字 24 bytes (claims-format §7.7).
  for (const char* reason : {"01", "02", "03", "04", "05", "06", "07", "99"}) {
    const auto* r = find_appeal_reason(reason);
    ASSERT_NE(r, nullptr) << reason;
    EXPECT_LE(text::to_cp932(r->short_name).size(), 24u) << reason;
  }
  EXPECT_EQ(find_appeal_reason("01")->cut, 'A');
  EXPECT_EQ(find_appeal_reason("02")->cut, 'B');
  EXPECT_EQ(find_appeal_reason("99")->cut, 0);
  EXPECT_EQ(find_appeal_reason("08"), nullptr);
}

TEST(RereviewAppeal, AMissingColumnIsRefused) {
  auto r = load_appeals("filed_on,applicant,office_no\n20231106,1,3070000000\n", "rereview.csv");
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].to_string(),
            "rereview.csv:1: [KM02] 証記載保険者番号(insurer_no)(項番4)=\"\": ヘッダー行の4列目は「insurer_no」でなければなりません / "
            "header column 4 must be 'insurer_no'");
}

// A file with one bad row (after the header) and the one refusal the command prints for it.
struct BadAppeal {
  const char* name;
  const char* rows;
  const char* refusal;
};

class RereviewAppealRefuses : public ::testing::TestWithParam<BadAppeal> {};

TEST_P(RereviewAppealRefuses, WithItsLineAndColumn) {
  EXPECT_EQ(appeal_refusal(load_appeals_text(GetParam().rows)), GetParam().refusal);
}

constexpr BadAppeal kBadAppeals[] = {
    {"MalformedLine",
     "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n"
     "20231106,1,3070000000,300000,\"0000000004,202309,11,9201,100,1001,restored,\n",
     "rereview.csv:3: [KM10]=\"20231106,1,3070000000,300000,\"0000000004,202309,11,9201,100,1001,restored,\": "
     "引用符の使い方が不正です / broken double quotes"},
    {"UnknownReasonCode", "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1008,restored,\n",
     "rereview.csv:2: [KV01] 再審査申立事由コード(項番10)=\"1008\": "
     "再審査申立事由「08」は再審査申立事由の表にありません / "
     "再審査申立事由 08 is not in the table (settlement/appeal_reasons.tsv) (column reason_code)"},
    {"UnknownFormNumber", "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,9901,restored,\n",
     "rereview.csv:2: [KV02] 再審査申立事由コード(項番10)=\"9901\": "
     "様式番号「99」は申立事由コードの様式番号にありません / "
     "様式番号 99 is not a form number of the 申立事由コード (seed 002 §7(3)(A)) (column reason_code)"},
    {"UnknownApplicant", "20231106,3,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n",
     "rereview.csv:2: [KM07] 申立者区分コード(項番2)=\"3\": 申立者区分コードのコードが不正です（1 2） / unknown code, "
     "expected one of: 1 2 (column applicant)"},
    {"UnknownDecision", "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,granted,\n",
     "rereview.csv:2: [KM07] 審査委員会の決定(項番11)=\"granted\": 審査委員会の決定のコードが不正です（upheld "
     "restored） / "
     "unknown code, expected one of: upheld restored (column decision)"},
    {"DecidedUnitsOfAnUpheldAppeal", "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,upheld,100\n",
     "rereview.csv:2: [KV03] 決定単位数(項番12)=\"100\": 原審どおり（upheld）の申立に決定単位数は書けません / "
     "decided_units is given for an appeal that is upheld (原審どおり) (column decided_units)"},
    {"DecidedUnitsAboveTheRequest", "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,120\n",
     "rereview.csv:2: [KV03] 決定単位数(項番12)=\"120\": 決定単位数 120 が申立単位数 100 を超えています / "
     "decided_units 120 exceeds requested_units 100 (column decided_units)"},
    {"TwoRequestsForOneClaim",
     "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n"
     "20231107,1,3070000000,00300000,0000000004,202309,11,9201,50,1001,restored,\n",
     "rereview.csv:3: [KV04] 被保険者番号(項番5)=\"0000000004\": "
     "同じ明細書への再審査申立が2行あります（1か月に1明細書1行） / "
     "two 再審査 requests for the same 明細書 (one a month) (column insured_no)"},
    {"TwoRequestsForOneClaimOneZeroPaddedToSeven",
     "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n"
     "20231107,1,3070000000,0300000,0000000004,202309,11,9201,50,1001,restored,\n",
     "rereview.csv:3: [KV04] 被保険者番号(項番5)=\"0000000004\": "
     "同じ明細書への再審査申立が2行あります（1か月に1明細書1行） / "
     "two 再審査 requests for the same 明細書 (one a month) (column insured_no)"},
};

INSTANTIATE_TEST_SUITE_P(Rows, RereviewAppealRefuses, ::testing::ValuesIn(kBadAppeals),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

// 12300000 is not 300000 padded with 0s: another insurer's 明細書, not a second request for the same.
TEST(RereviewAppeal, AnotherInsurersNumberEndingAlikeIsNotASecondRequest) {
  auto r = load_appeals_text(
      "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n"
      "20231107,1,3070000000,12300000,0000000004,202309,11,9201,50,1001,restored,\n");
  ASSERT_TRUE(r.ok()) << r.diagnostics[0].to_string();
  ASSERT_EQ(r.table->size(), 2u);
  EXPECT_EQ((*r.table)[1].key.insurer_no, "12300000");
}

// seed 002 §5(2)'s two cuts: D 100 → 0 (事由 A), E 200 → 100 (事由 B); and F 200 → 0 (事由 A).
struct CutStory {
  testing::Story s;
  review::SubmittedClaim d_claim, e_claim, f_claim;
  testing::Month oct;

  CutStory() {
    s.office(kAppealOfficeA, "11");
    s.office(kAppealOfficeB, "11");
    s.person("0000000004").kana = "ｶｲｺﾞ ﾃﾞｰ";
    s.person("0000000005").kana = "ｶｲｺﾞ ｲｰ";
    s.person("0000000006").kana = "ｶｲｺﾞ ｴﾌ";
    s.code("11", "9201", "訪問介護１００", 100);
    s.code("11", "9202", "訪問介護２００", 200);
    auto d_plan = s.plan("PD", "0000000004", kAppealSept, {{kAppealOfficeB, "11", 500}});
    auto e_plan = s.plan("PE", "0000000005", kAppealSept, {{kAppealOfficeA, "11", 100}, {kAppealOfficeB, "11", 300}});
    auto f_plan = s.plan("PF", "0000000006", kAppealSept, {{kAppealOfficeB, "11", 300}});
    d_claim = s.claim("AD", kAppealOfficeA, "0000000004", kAppealSept, {{"11", "9201"}});
    e_claim = s.claim("AE", kAppealOfficeA, "0000000005", kAppealSept, {{"11", "9202"}});
    f_claim = s.claim("AF", kAppealOfficeA, "0000000006", kAppealSept, {{"11", "9202"}});
    oct = s.review(kAppealOct, {d_plan, e_plan, f_plan}, {d_claim, e_claim, f_claim});
  }

  std::vector<SettledClaim> standing() const {
    return {testing::settled(d_claim, oct, kAppealOct), testing::settled(e_claim, oct, kAppealOct),
            testing::settled(f_claim, oct, kAppealOct)};
  }
};

std::vector<RereviewAppeal> appeals(const std::string& rows) {
  auto r = load_appeals_text(rows);
  EXPECT_TRUE(r.ok()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  return r.table.value_or(std::vector<RereviewAppeal>{});
}

// November's settlement with the appeal on AD (事由 01, restored) matched to October's decision.
SettlementInput november_with_the_appeal_on_ad(const CutStory& c) {
  SettlementInput in;
  in.month = kAppealNov;
  in.appeals = match_appeals(appeals("20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n"),
                             c.standing(), kAppealNov, "rereview.csv")
                   .matched;
  return in;
}

std::string refused(const CutStory& c, const std::string& row, YearMonth month = kAppealNov) {
  const auto standing = c.standing();
  const auto m = match_appeals(appeals(row), standing, month, "rereview.csv");
  EXPECT_TRUE(m.matched.empty());
  EXPECT_EQ(m.refused.size(), 1u);
  return m.refused.empty() ? std::string() : m.refused[0].to_string();
}

TEST(RereviewAppeal, AClaimNotFoundIsRefused) {
  CutStory c;
  EXPECT_EQ(refused(c, "20231106,1,3070000000,300000,0000000009,202309,11,9201,100,1001,restored,\n"),
            "rereview.csv:2: [KV05] 被保険者番号(項番5)=\"0000000009\": 事業所 3070000000 被保険者 0000000009 提供年月 202309 様式 "
            "7131 の決定済みの明細書がありません / no decided 明細書 of office 3070000000, insured 0000000009, month 202309, "
            "form 7131 (column insured_no)");
}

TEST(RereviewAppeal, AClaimOfTheMonthItselfIsRefused) {
  CutStory c;
  EXPECT_EQ(refused(c, "20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n", kAppealOct),
            "rereview.csv:2: [KV06] サービス提供年月(項番6)=\"202309\": この明細書は処理年月 202310 の審査で決定されたものです。"
            "再審査申立は決定の翌月以降に受け付けます / this 明細書 was decided in the review of 202310; an appeal is received "
            "in a later month (column service_month)");
}

TEST(RereviewAppeal, AServiceNotOnTheClaimOrNotCutIsRefused) {
  CutStory c;
  EXPECT_EQ(refused(c, "20231106,1,3070000000,300000,0000000004,202309,15,9201,100,1001,restored,\n"),
            "rereview.csv:2: [KV07] サービス種類コード(項番7)=\"15\": サービス種類 15 サービス項目 9201 はこの明細書にありません / "
            "service 15 9201 is not on this 明細書 (column service_type)");
  EXPECT_EQ(refused(c, "20231106,1,3070000000,300000,0000000004,202309,11,9202,100,1001,restored,\n"),
            "rereview.csv:2: [KV07] サービス項目コード(項番8)=\"9202\": サービス種類 11 サービス項目 9202 はこの明細書にありません / "
            "service 11 9202 is not on this 明細書 (column service_item)");
}

TEST(RereviewAppeal, AReasonAgainstAnotherCutIsRefused) {
  CutStory c;
  EXPECT_EQ(refused(c, "20231106,1,3070000000,300000,0000000005,202309,11,9202,200,1001,restored,\n"),
            "rereview.csv:2: [KV09] 再審査申立事由コード(項番10)=\"1001\": 申立事由 1001 は査定事由 A への申立ですが、この査定の事由は "
            "B です / reason 1001 appeals a cut of reason A, but this cut is of reason B (column reason_code)");
}

TEST(RereviewAppeal, ARestorationOfNothingIsRefused) {
  CutStory c;
  EXPECT_EQ(refused(c, "20231106,1,3070000000,300000,0000000005,202309,11,9202,100,1002,restored,\n"),
            "rereview.csv:2: [KV10] 申立単位数(項番9)=\"100\": 増点（restored）ですが、100 単位は原審単位数 100 単位を超えていません / "
            "restored, but 100 units are not more than the 100 units decided before (column requested_units)");
}

TEST(RereviewAppeal, AClaimPaidInFullIsRefused) {
  CutStory c;
  auto paid = c.s.claim("AG", kAppealOfficeB, "0000000004", kAppealSept, {{"11", "9201"}});
  review::ClaimDecision decision;
  decision.claim_id = "AG";
  decision.outcome = ClaimOutcome::Paid;
  for (const auto& r : c.oct.claim("AD").rows) decision.rows.push_back({r.service_type, r.last_item_code, {}, {}, r.written, r.written});
  std::vector<SettledClaim> standing{{paid.statement, decision, kAppealOct}};
  const auto m = match_appeals(
      appeals("20231106,1,3070000011,300000,0000000004,202309,11,9201,100,1001,restored,\n"), standing, kAppealNov,
      "rereview.csv");
  ASSERT_EQ(m.refused.size(), 1u);
  EXPECT_EQ(m.refused[0].to_string(),
            "rereview.csv:2: [KV08] サービス種類コード(項番7)=\"11\": サービス種類 11 は査定（減点）されていないため再審査の対象になりません / "
            "service type 11 was not cut; there is nothing to re-review (column service_type)");
}

TEST(RereviewAppeal, UpheldRestoredAndPartlyRestoredAreDecidedAndPaid) {
  // D: 02 全部増点 100 単位 → 100 × 10 円 × 90 % = 900 円; E: 01 原審どおり, 0 円; F: 150 of 200
  // asked → 04 一部増点, 150 × 10 × 90 % = 1,350 円. The office is paid 2,250 円.
  CutStory c;
  const auto standing = c.standing();
  auto m = match_appeals(appeals("20231106,1,3070000000,300000,0000000004,202309,11,9201,100,1001,restored,\n"
                                 "20231106,1,3070000000,300000,0000000005,202309,11,9202,200,1002,upheld,\n"
                                 "20231106,1,3070000000,300000,0000000006,202309,11,9202,200,1001,restored,150\n"),
                         standing, kAppealNov, "rereview.csv");
  ASSERT_TRUE(m.refused.empty()) << m.refused[0].to_string();
  SettlementInput in;
  in.month = kAppealNov;
  in.appeals = m.matched;
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  ASSERT_EQ(result.rereviewed.size(), 3u);
  EXPECT_EQ(result.rereviewed[0].after.outcome, ClaimOutcome::Paid);  // AD restored in full
  EXPECT_EQ(result.rereviewed[1].after.outcome, ClaimOutcome::Cut);   // AE as before
  ASSERT_EQ(result.rereviewed[1].after.rows.size(), 1u);
  EXPECT_EQ(result.rereviewed[1].after.rows[0].decided, result.rereviewed[1].before.rows[0].decided);
  EXPECT_EQ(result.rereviewed[2].after.outcome, ClaimOutcome::Cut);  // AF still 50 short
  EXPECT_EQ(records(official(result, kAppealOfficeA, "7621"), "D1"),
            (Lines{"D1,00300000,△△市,0000000004,ｶｲｺﾞ ﾃﾞｰ,202309,11,訪問介護,1001,突合査定Ａへの申立,02,100,0,100,100,100,900",
                   "D1,00300000,△△市,0000000005,ｶｲｺﾞ ｲｰ,202309,11,訪問介護,1002,突合査定Ｂへの申立,01,200,100,200,100,0,0",
                   "D1,00300000,△△市,0000000006,ｶｲｺﾞ ｴﾌ,202309,11,訪問介護,1001,突合査定Ａへの申立,04,200,0,200,150,150,1350"}));
  EXPECT_EQ(testing::office_of(result, kAppealOfficeA).payment.transfer, Yen{2250});
  EXPECT_EQ(check_balance(in, result), Lines{});
}

TEST(RereviewAppeal, AnAppealOnAClaimWithdrawnThisMonthIsNotDecided) {
  CutStory c;
  const auto standing = c.standing();
  auto in = november_with_the_appeal_on_ad(c);
  ASSERT_EQ(in.appeals.size(), 1u);
  in.withdrawals = {{"1002", false, standing[0]}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  EXPECT_TRUE(result.rereviewed.empty());
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_EQ(result.notes[0].message_ja, "明細書 AD は今月過誤のため再審査申立を決定しません");
}

TEST(RereviewAppeal, AnAppealOnAClaimAPlanCorrectionDecidesThisMonthWaits) {
  // One new decision of a 明細書 a month: the 修正 restores AD's 100 units (02, 900 円); the appeal
  // filed the same month is not decided on top of the decision the 修正 replaced.
  CutStory c;
  const auto standing = c.standing();
  auto in = november_with_the_appeal_on_ad(c);
  ASSERT_EQ(in.appeals.size(), 1u);
  auto d_fix =
      c.s.plan("PD2", "0000000004", kAppealSept, {{kAppealOfficeA, "11", 100}, {kAppealOfficeB, "11", 500}}, 2);
  in.rereviews = {{"PD2", d_fix.plan, standing[0]}};
  const auto result = settle_month(in, c.s.context(), SettlementSettings{});
  ASSERT_EQ(result.rereviewed.size(), 1u);
  EXPECT_FALSE(result.rereviewed[0].appeal.has_value());
  EXPECT_EQ(records(official(result, kAppealOfficeA, "7621"), "D1"),
            (Lines{"D1,00300000,△△市,0000000004,ｶｲｺﾞ ﾃﾞｰ,202309,11,訪問介護,,給付管理票の修正,02,100,0,100,100,100,900"}));
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_EQ(result.notes[0].message_ja,
            "明細書 AD は今月すでに再審査されたため、再審査申立（2 行目）は翌月以降に申し立ててください");
  EXPECT_EQ(check_balance(in, result), Lines{});
}

}  // namespace
}  // namespace kaigo::settlement
