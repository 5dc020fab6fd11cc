// kaigo subsidy / kaigo portal through the real command line: the portal's demo script leaves an
// application in every state (振込済, 交付決定, 返戻, 取下げ, 不交付決定, 申請受付) with the seeds'
// amounts, notices as PDF and the KJ-ID letters in files of mode 0600 whose passwords never reach
// the terminal; a receipts file with a bad line is refused naming file, line and column; an
// unknown account acts for nobody.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

TEST(CliPortal, TheDemoLeavesAnApplicationInEveryState) {
  TempDir dir;
  const auto out = dir / "demo";
  const auto cmd = "bash " + (source_dir() / "scripts" / "demo_portal.sh").string() + " " + KAIGO_CLI + " " +
                   out.string() + " >" + (dir / "demo.txt").string() + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << read_file(dir / "demo.txt");
  const auto db = (out / "kaigo.db").string();
  auto list = run_kaigo("subsidy list --db " + db + " --as KJ0000000001 --at 2026-05-10T09:00:00 --format json");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  std::map<std::string, std::vector<nlohmann::json>> by_state;
  for (const auto& a : nlohmann::json::parse(list.out)) by_state[a["state"]].push_back(a);
  std::set<std::string> states;
  for (const auto& [s, v] : by_state) states.insert(s);
  EXPECT_EQ(states, (std::set<std::string>{"received", "returned", "decided", "rejected", "paid", "withdrawn"}));
  std::map<std::string, std::int64_t> amounts;
  for (const auto& a : by_state["paid"]) amounts[a["applicant"]["number"]] = a["payment"]["amount"];
  EXPECT_EQ(amounts["1370000001"], 64000);   // 4 readers and set-up: 70,000 capped
  EXPECT_EQ(amounts["1310000099"], 550000);  // 250 beds, 1,400,000 × 1/2 capped
  ASSERT_EQ(by_state["returned"].size(), 1u);

  // The office sees its own application only, and why it was returned.
  const auto returned = std::to_string(by_state["returned"][0]["id"].get<int>());
  auto show =
      run_kaigo("subsidy show --db " + db + " --as KJ1370000003 --at 2026-05-10T09:00:00 --format json " + returned);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)["decision"]["findings"][0]["code"], "KH10");
  auto not_theirs = run_kaigo("subsidy show --db " + db + " --as KJ1370000001 --at 2026-05-10T09:00:00 " + returned);
  EXPECT_EQ(not_theirs.exit_code, 1);
  EXPECT_NE(not_theirs.err.find("KH40"), std::string::npos);
  auto mine = run_kaigo("subsidy list --db " + db + " --as KJ1370000001 --at 2026-05-10T09:00:00 --format csv");
  EXPECT_EQ(mine.out.substr(0, mine.out.find('\n')),
            "id,scheme,applicant_no,applicant_name,state,applied_at,decision_month,payment_month,amount,paid_on");
  EXPECT_EQ(std::count(mine.out.begin(), mine.out.end(), '\n'), 2);

  // Notices, and the letters only in files of mode 0600.
  EXPECT_EQ(read_file(out / "notices" / ("subsidy-" + returned + ".pdf")).substr(0, 5), "%PDF-");
  struct stat st {};
  ASSERT_EQ(::stat((out / "letters" / "letters.pdf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const auto listing = read_file(out / "letters" / "letters.csv");
  EXPECT_EQ(listing.substr(0, listing.find('\n')), "batch,office_no,name,user_id");
  EXPECT_EQ(read_file(out / "letters.txt").find("パスワード"), std::string::npos);
  EXPECT_EQ(std::count(listing.begin(), listing.end(), '\n'), 7);  // 6 offices without an account
  // The letter's account exists, and a second batch finds no one left.
  auto again = run_kaigo("portal letters --db " + db + " --as KJ0000000001 --out " + (dir / "again").string());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("お知らせを発行する事業所がありません"), std::string::npos);

  // The office page as JSON.
  auto page = run_kaigo("portal page --db " + db +
                        " --as KJ1370000001 --office 1370000001 --at 2026-05-10T09:00:00 --format json");
  ASSERT_EQ(page.exit_code, 0) << page.err;
  auto p = nlohmann::json::parse(page.out);
  EXPECT_EQ(p["certificates"][0]["fee"], 13200);
  EXPECT_EQ(p["fees"][0]["month"], "202606");
  EXPECT_EQ(p["fees"][0]["license_fee"], 21000);
  EXPECT_EQ(p["subsidies"][0]["state_ja"], "振込済");
  EXPECT_EQ(run_kaigo("portal page --db " + db + " --as KJ1370000002 --office 1370000001").exit_code, 1);

  // A receipts file with a bad amount: file, line and column named, nothing stored.
  write_file(dir / "receipts.csv",
             "receipt,issued_on,purpose,amount\n1,20260501,カードリーダー1台,20000\n2,20260501,設定費用,1万円\n");
  auto bad = run_kaigo("subsidy apply --db " + db + " --as KJ1370000004 --office 1370000004 --at 2026-05-10T09:00:00 " +
                       (dir / "receipts.csv").string());
  expect_failure(bad, 1, {"receipts.csv:3", "金額（税込）"});
  auto nobody = run_kaigo("subsidy list --db " + db + " --as KJ9999999999");
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_NE(nobody.err.find("KJ9999999999"), std::string::npos);
  auto schemes = run_kaigo("subsidy schemes --format json");
  ASSERT_EQ(schemes.exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(schemes.out).size(), 4u);
}

}  // namespace
}  // namespace kaigo::testing
