// The municipal linkage (DESIGN §3.6, docs/platform.md): a daily file of 新規/更新/削除 applied
// exactly, with every version kept; a bad row refused with its line and item and nothing else lost;
// the PMH-key case of seed 004 §7 (stored, visible at home, hidden elsewhere, cleared by a 更新);
// the same file sent twice changing nothing the second time; a file refused whole.
#include <gtest/gtest.h>

#include "support/platform_world.hpp"

namespace kaigo::testing {
namespace {

using platform::FileStatus;
using platform::ViewKind;


class Linkage : public ::testing::Test {
 protected:
  void SetUp() override {
    w.golive("131013", "20260601");
    w.golive("272000", "20260601");
  }
  std::vector<std::string> kinds_of(const platform::ViewResult& v) {
    std::vector<std::string> out;
    for (const auto& r : v.records) out.push_back(r.kind + ":" + r.record_id + ":v" + std::to_string(r.version));
    return out;
  }
  PlatformWorld w;
};

TEST_F(Linkage, ADailyFileOfNewUpdateAndDeleteIsAppliedExactly) {
  auto first = w.load(linkage_file(full_person(kPerson, "20260701")), "2026-07-01T20:00:00");
  EXPECT_EQ(first.status, FileStatus::Done);
  EXPECT_EQ(first.inserted, 11);
  auto daily = w.load(linkage_file({
                          "2,131013,9000000001,certificate,C1,20260801,23,20260801,20270731,1370000001",
                          "2,131013,9000000001,progress,G1,20260725,20260701,7",
                          "3,131013,9000000001,life,L1,20260802",
                          "1,131013,9000000001,survey,S2,20260805,20260701,調査 二郎,2,",
                      }),
                      "2026-08-05T20:00:00");
  EXPECT_EQ(daily.status, FileStatus::Done) << platform::to_json(daily).dump();
  EXPECT_EQ(daily.rows, 4);
  EXPECT_EQ(daily.updated, 2);
  EXPECT_EQ(daily.deleted, 1);
  EXPECT_EQ(daily.inserted, 1);
  EXPECT_EQ(daily.unchanged, 0);
  EXPECT_EQ(daily.refused, 0);
  auto card = w.view("KJ0000000201", kPerson, ViewKind::Card, "2026-08-10T10:00:00");
  EXPECT_EQ(kinds_of(card), (std::vector<std::string>{"person:P:v1", "burden:B1:v1", "certificate:C1:v2", "progress:G1:v2"}));
  EXPECT_EQ(card.records[2].data, R"({"care_level":"23","cert_from":"20260801","cert_to":"20270731","support_office_no":"1370000001"})");
  EXPECT_TRUE(w.view("KJ0000000201", kPerson, ViewKind::Life, "2026-08-10T10:00:00").records.empty());
  auto surveys = w.view("KJ0000000201", kPerson, ViewKind::Survey, "2026-08-10T10:00:00");
  EXPECT_EQ(kinds_of(surveys), (std::vector<std::string>{"survey:S1:v1", "survey:S2:v1"}));
  // A correction never erases what was shown before: every version is kept.
  auto history = w.platform().view(w.user("KJ0000000201"), {"KJ0000000201", "test", jst("2026-08-10T10:00:00")}, kPerson,
                                   ViewKind::Life, {}, true);
  ASSERT_EQ(history.records.size(), 2u);
  EXPECT_EQ(history.records[0].update, platform::UpdateKind::New);
  EXPECT_EQ(history.records[1].update, platform::UpdateKind::Delete);
  EXPECT_EQ(history.records[1].data, history.records[0].data);
  // Before the daily file took effect the old certificate is what the day shows.
  auto july = w.view("KJ0000000201", kPerson, ViewKind::Card, "2026-07-20T10:00:00");
  EXPECT_EQ(kinds_of(july), (std::vector<std::string>{"person:P:v1", "burden:B1:v1"}));
}

TEST_F(Linkage, ABadRowIsRefusedWithItsLineAndItemAndNothingElseIsLost) {
  auto a = w.load(linkage_file({
      "1,131013,9000000001,person,P,20250401,ヤマダ タロウ,,19400101,1,123456789018,1,0",
      "1,131013,9000000001,certificate,C1,20250415,22,20270501,20250430,",
      "1,131013,9000000001,burden,B1,20250801,4,20260731,2025",
      "2,131013,9000000001,survey,S9,20250801,20250701,調査 一郎,1,",
      "1,131013,9000000001,housing,H1,20240910,1,40000,101000,0",
  }));
  EXPECT_EQ(a.status, FileStatus::DoneWithErrors);
  EXPECT_EQ(a.inserted, 2);
  EXPECT_EQ(a.refused, 3);
  ASSERT_EQ(a.errors.size(), 3u);
  EXPECT_EQ(a.errors[0].line, 3u);
  EXPECT_EQ(a.errors[0].code, "PL15");
  EXPECT_EQ(a.errors[0].item, "cert_to");
  EXPECT_EQ(a.errors[0].column, 9);
  EXPECT_EQ(a.errors[0].value, "20250430");
  EXPECT_EQ(a.errors[0].message_ja, "日付の前後関係が正しくありません（認定有効期間（終了） が 認定有効期間（開始）（20270501）より前です）");
  EXPECT_EQ(a.errors[0].message_en, "the dates are out of order (cert_to: is before cert_from (20270501))");
  EXPECT_EQ(a.errors[1].line, 4u);
  EXPECT_EQ(a.errors[1].code, "PL14");
  EXPECT_EQ(a.errors[1].item, "rate");
  EXPECT_EQ(a.errors[1].item_ja, "利用者負担の割合");
  EXPECT_EQ(a.errors[2].line, 5u);
  EXPECT_EQ(a.errors[2].code, "PL21");  // 更新 of a survey never sent
  EXPECT_EQ(a.errors[2].record_id, "S9");
  auto housing = w.view("KJ0000000201", kPerson, ViewKind::Housing, "2026-07-01T10:00:00");
  ASSERT_EQ(housing.records.size(), 1u);
  EXPECT_EQ(housing.records[0].record_id, "H1");
}

TEST_F(Linkage, TheSameFileSentTwiceChangesNothingTheSecondTime) {
  const auto file = linkage_file(full_person(kPerson, "20260701"));
  auto first = w.load(file, "2026-07-01T20:00:00");
  const auto count = w.repo().record_count();
  auto again = w.load(file, "2026-07-02T20:00:00");
  EXPECT_EQ(again.status, FileStatus::Done);
  EXPECT_EQ(again.rows, first.rows);
  EXPECT_EQ(again.unchanged, first.rows);
  EXPECT_EQ(again.inserted + again.updated + again.deleted + again.refused, 0);
  EXPECT_EQ(w.repo().record_count(), count);
  EXPECT_EQ(again.sha256, first.sha256);
  EXPECT_NE(again.file_id, first.file_id);  // each receipt is answered and kept
  // And a 削除 sent twice deletes once.
  auto del = linkage_file({"3,131013,9000000001,life,L1,20260802"});
  EXPECT_EQ(w.load(del).deleted, 1);
  auto del2 = w.load(del);
  EXPECT_EQ(del2.deleted, 0);
  EXPECT_EQ(del2.unchanged, 1);
}

// Seed 004 §7: the same person registered at 131013 (linked by My Number) and at 272000 (住所地特例,
// the insurer holds no My Number: PL41).
TEST_F(Linkage, APersonWithoutAPmhKeyIsVisibleAtHomeButNotElsewhereUntilAnUpdateLinksThem) {
  const master::PersonId there{"272000", "0000012345"};
  ASSERT_EQ(w.load(linkage_file(full_person(kPerson, "20260701"))).status, FileStatus::Done);
  auto a = w.load(linkage_file({"1,272000,0000012345,person,P,20250401,ヤマダ タロウ,,19400101,1,,1,1",
                                "1,272000,0000012345,certificate,C9,20260301,21,20260301,20270228,"}));
  EXPECT_EQ(a.status, FileStatus::DoneWithErrors);
  EXPECT_EQ(a.inserted, 2);
  EXPECT_EQ(a.refused, 0);
  EXPECT_EQ(a.pmh_errors, 1);
  ASSERT_EQ(a.errors.size(), 1u);
  EXPECT_EQ(a.errors[0].code, "PL41");
  EXPECT_TRUE(a.errors[0].stored);
  EXPECT_EQ(a.errors[0].item, "my_number");
  EXPECT_NE(a.errors[0].help_ja.find("住所地の自治体より当該被保険者のマイナンバー情報を入手し"), std::string::npos);
  // At home (272000) the registration is seen; from 131013 the other registration is not.
  auto home = w.view("KJ0000000202", there, ViewKind::Card, "2026-07-10T10:00:00");
  ASSERT_TRUE(home.decision.allowed);
  EXPECT_EQ(home.records.size(), 2u);
  auto elsewhere = w.view("KJ0000000201", kPerson, ViewKind::Card, "2026-07-10T10:00:00");
  for (const auto& r : elsewhere.records) EXPECT_EQ(r.person, kPerson) << r.record_id;
  // 272000 obtains the number and sends the row again with 更新: linked, and seen from 131013 too.
  auto fixed = w.load(linkage_file({"2,272000,0000012345,person,P,20250401,ヤマダ タロウ,,19400101,1,123456789018,1,1"}));
  EXPECT_EQ(fixed.status, FileStatus::Done) << platform::to_json(fixed).dump();
  EXPECT_EQ(fixed.updated, 1);
  EXPECT_EQ(fixed.pmh_errors, 0);
  auto linked = w.view("KJ0000000201", kPerson, ViewKind::Card, "2026-07-10T10:00:00");
  bool seen = false;
  for (const auto& r : linked.records) seen = seen || (r.person == there && r.record_id == "C9");
  EXPECT_TRUE(seen);
  // The stored person row never holds the number.
  for (const auto& r : w.repo().records(there)) EXPECT_EQ(r.data.find("123456789018"), std::string::npos);
}

TEST_F(Linkage, APersonOutsideMedicalInsuranceGetsTheSevenStepRemedy) {
  auto a = w.load(linkage_file({"1,131013,9000000001,person,P,20250401,ヤマダ タロウ,,19400101,1,123456789018,3,0"}));
  EXPECT_EQ(a.status, FileStatus::DoneWithErrors);
  EXPECT_EQ(a.inserted, 1);
  ASSERT_EQ(a.errors.size(), 1u);
  const auto& e = a.errors[0];
  EXPECT_EQ(e.code, "PL42");
  EXPECT_EQ(e.item, "medical_insurance");
  EXPECT_EQ(e.value, "3");
  for (const char* step : {"① 当該被保険者のマイナンバーが正しいことを確認する。", "②-1", "②-2", "③", "④", "⑤", "⑥",
                           "⑦ 当該被保険者が適用除外者または医療保険加入状況の確認ができない場合、エラー状態のままとする。"}) {
    EXPECT_NE(e.help_ja.find(step), std::string::npos) << step;
  }
  EXPECT_EQ(w.repo().link(kPerson)->pmh_error, "PL42");
  EXPECT_TRUE(w.repo().link(kPerson)->pmh_key.empty());
}

TEST_F(Linkage, AFileThatIsNotRightAsAWholeIsRefusedAndNothingIsApplied) {
  auto header = w.load("update_kind,insurer,insured_no,kind,record_id,effective_on\n1,131013,9000000001,life,L1,20250901,1370000002,65,\n");
  EXPECT_EQ(header.status, FileStatus::Refused);
  ASSERT_EQ(header.errors.size(), 1u);
  EXPECT_EQ(header.errors[0].code, "PL02");
  auto bytes = linkage_file({"1,131013,9000000001,life,L1,20250901,1370000002,65,", "1,131013,9000000001,life,L2,20250901,1370000002,65,\xff"});
  auto encoding = w.load(bytes);
  EXPECT_EQ(encoding.status, FileStatus::Refused);
  EXPECT_EQ(encoding.errors[0].code, "PL01");
  EXPECT_EQ(encoding.errors[0].line, 3u);
  EXPECT_EQ(w.repo().record_count(), 0);
  EXPECT_EQ(w.load("update_kind,insurer_no,insured_no,kind,record_id,effective_on\n").errors[0].code, "PL03");
}

TEST_F(Linkage, AMunicipalitySendsOnlyItsOwnPeople) {
  const auto& sender = w.user("KJ0000000201");
  auto a = w.load(linkage_file({"1,131013,9000000001,life,L1,20250901,1370000002,65,", "1,272000,0000012345,life,L1,20250901,1370000002,65,"}),
                  "2026-07-01T20:00:00", &sender);
  EXPECT_EQ(a.inserted, 1);
  ASSERT_EQ(a.errors.size(), 1u);
  EXPECT_EQ(a.errors[0].code, "PL18");
  EXPECT_EQ(a.errors[0].line, 3u);
  EXPECT_EQ(a.errors[0].value, "272000");
}

}  // namespace
}  // namespace kaigo::testing
