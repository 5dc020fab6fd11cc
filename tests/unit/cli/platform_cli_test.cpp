// kaigo platform (DESIGN §3.6) through the command line: golive, load (text and JSON, a refused
// file exits 1), request, consent, identify, view (exit 3 with {"allowed": false, "rule": …} when
// refused), the person's own audit, and bad usage (exit 2).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

class PlatformCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_kaigo("init --db " + db()).exit_code, 0);
    write_file(dir / "pw", "correct horse battery staple\n");
    for (const std::string add : {"--id KJ1310130001 --role municipality --insurer 131013",
                                  "--id KJ2000000001 --role insured --insurer 131013 --insured 9000000001",
                                  "--id KJ0000000701 --role kokuhoren"}) {
      ASSERT_EQ(run_kaigo("user add --db " + db() + " " + add + " < " + (dir / "pw").string()).exit_code, 0);
    }
    write_file(dir / "golive.csv", "insurer_no,golive_on\n131013,20260601\n");
    write_file(dir / "l.csv",
               "update_kind,insurer_no,insured_no,kind,record_id,effective_on\n"
               "1,131013,9000000001,person,P,20250401,ヤマダ タロウ,,19400101,1,123456789018,1,0\n"
               "1,131013,9000000001,certificate,C1,20250415,22,20250501,20270430,\n"
               "1,131013,9000000001,survey,S1,20260701,20260701,調査 一郎,1,\n"
               "1,131013,9000000001,survey,S2,20260701,20260701,調査 一郎,5,\n");
  }
  std::string db() const { return (dir / "k.db").string(); }
  TempDir dir;
};

TEST_F(PlatformCli, LoadViewAndTheReadLog) {
  auto g = run_kaigo("platform golive --db " + db() + " " + (dir / "golive.csv").string());
  ASSERT_EQ(g.exit_code, 0) << g.err;
  EXPECT_EQ(g.out, "利用開始日 1 件を登録しました / 1 go-live dates stored\n");
  auto load = run_kaigo("platform load --db " + db() + " --at 2026-07-01T20:00:00 " + (dir / "l.csv").string());
  EXPECT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.out.find("処理完了（エラー） (done_with_errors) 行 4 新規 3 更新 0 削除 0 変更なし 0 不受理 1 PMHエラー 0"), std::string::npos)
      << load.out;
  EXPECT_NE(load.err.find("l.csv:5: [PL14] place:"), std::string::npos) << load.err;
  auto json = run_kaigo("platform load --db " + db() + " --format json " + (dir / "l.csv").string());
  auto answer = nlohmann::json::parse(json.out);
  EXPECT_EQ(answer["unchanged"], 3);
  EXPECT_EQ(answer["errors"][0]["line"], 5);
  EXPECT_EQ(answer["errors"][0]["item"], "place");

  auto card = run_kaigo("platform view --db " + db() + " --as KJ2000000001 --insurer 131013 --insured 9000000001 --kind card "
                        "--at 2026-07-02T10:00:00 --format json");
  ASSERT_EQ(card.exit_code, 0) << card.err;
  auto c = nlohmann::json::parse(card.out);
  EXPECT_EQ(c["allowed"], true);
  EXPECT_EQ(c["records"].size(), 2u);
  EXPECT_EQ(c["records"][1]["labels"]["care_level"], "要介護2");
  auto refused = run_kaigo("platform view --db " + db() + " --as KJ2000000001 --insurer 131013 --insured 9000000001 --kind survey "
                           "--at 2026-07-02T10:00:00 --format json");
  EXPECT_EQ(refused.exit_code, 3);
  auto r = nlohmann::json::parse(refused.out);
  EXPECT_EQ(r["allowed"], false);
  EXPECT_EQ(r["rule"], "blank-cell");
  auto text = run_kaigo("platform view --db " + db() + " --as KJ0000000701 --insurer 131013 --insured 9000000001 --kind card "
                        "--at 2026-07-02T10:00:00");
  EXPECT_EQ(text.exit_code, 3);
  EXPECT_EQ(text.err,
            "閲覧できません / refused [not-a-viewer]: 国保連・管理者のアカウントは介護情報基盤の情報を閲覧できません（表の関係者ではありません） / "
            "operator and administrator accounts are not among the viewers of the table\n");
  auto mine = run_kaigo("platform audit --db " + db() + " --as KJ2000000001 --format json");
  ASSERT_EQ(mine.exit_code, 0) << mine.err;
  auto log = nlohmann::json::parse(mine.out);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0]["kind"], "card");
  EXPECT_EQ(log[1]["rule"], "blank-cell");
  EXPECT_EQ(log[2]["actor"], "KJ0000000701");
  EXPECT_EQ(run_kaigo("platform audit --db " + db() + " --as KJ1310130001").exit_code, 3);
}

TEST_F(PlatformCli, ConsentRequestAndBadUsage) {
  ASSERT_EQ(run_kaigo("platform golive --db " + db() + " " + (dir / "golive.csv").string()).exit_code, 0);
  auto c = run_kaigo("platform consent --db " + db() + " --insurer 131013 --insured 9000000001 --applied-on 20260701 --form new --format json");
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(nlohmann::json::parse(c.out)["rule"], "consent-registered");
  auto q = run_kaigo("platform request --db " + db() + " --insurer 131013 --insured 9000000001 --institution 1310000001 "
                     "--applied-on 20260701 --by KJ1310130001 --format json");
  ASSERT_EQ(q.exit_code, 0) << q.err;
  EXPECT_EQ(nlohmann::json::parse(q.out)["detail"]["institution"], "1310000001");
  EXPECT_EQ(run_kaigo("platform view --db " + db() + " --as KJ2000000001 --insurer 131013 --insured 9000000001 --kind nothing "
                      "--at 2026-07-02T10:00:00")
                .exit_code,
            2);
  EXPECT_EQ(run_kaigo("platform consent --db " + db() + " --insurer 131013 --insured 9000000001 --applied-on 2026-07-01 --form new")
                .exit_code,
            2);
  write_file(dir / "bad.csv", "kind\n");
  auto bad = run_kaigo("platform load --db " + db() + " " + (dir / "bad.csv").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("処理不能"), std::string::npos);
  EXPECT_NE(bad.err.find("[PL02]"), std::string::npos);
}

}  // namespace
}  // namespace kaigo::testing
