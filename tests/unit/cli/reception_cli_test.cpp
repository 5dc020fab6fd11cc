// kaigo submit / cancel / review as DESIGN §3.1 fixes them: one line per file (id, file, state,
// processing month, error count), JSON with the contract keys, refused files still reported,
// cancel refused with exit 1, review printing the month's counts.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"
#include "support/cli_month.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

// 6 offices, 60 recipients.
struct ReceptionMonth : CliMonth {
  ReceptionMonth() : CliMonth("--offices 6 --recipients 60") {}
};

TEST(CliReception, SubmitPrintsOneLinePerFile) {
  ReceptionMonth m;
  auto r = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00:00" + m.all_files());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), m.files.size());
  auto first = split(out[0], '\t');
  ASSERT_EQ(first.size(), 5u);
  EXPECT_EQ(first[0], "1");
  EXPECT_EQ(first[1], m.files[0].filename().string());
  EXPECT_EQ(first[2], "受付完了");
  EXPECT_EQ(first[3], "202605");
  EXPECT_EQ(first[4], "0");
}

// More files than a command line holds come as a list (a national month is ~270,000 files): the
// same answer, file by file in the list's order, as when they are named on the command line.
TEST(CliReception, SubmitTakesItsFilesFromAList) {
  ReceptionMonth m;
  ASSERT_GE(m.files.size(), 3u);
  std::string list;
  for (std::size_t i = 0; i < m.files.size(); ++i) list += m.files[i].string() + (i == 1 ? "\r\n\n" : "\n");
  const auto list_path = (m.dir / "files.txt").string();
  write_file(list_path, list);
  auto r = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00:00 --files-from " + list_path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), m.files.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto cols = split(out[i], '\t');
    ASSERT_EQ(cols.size(), 5u);
    EXPECT_EQ(cols[0], std::to_string(i + 1));
    EXPECT_EQ(cols[1], m.files[i].filename().string());
    EXPECT_EQ(cols[2], "受付完了");
  }
  // From standard input, after a file named on the command line: it is sent again (ANN2 / ANN0).
  auto again = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:05:00 " + m.files[0].string() +
                         " --files-from - < " + list_path);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto resent = lines(again.out);
  ASSERT_EQ(resent.size(), m.files.size() + 1);
  EXPECT_EQ(split(resent[0], '\t')[1], m.files[0].filename().string());
  EXPECT_EQ(split(resent[1], '\t')[1], m.files[0].filename().string());
  EXPECT_EQ(split(resent.back(), '\t')[2], "様式エラー有");
}

// A file that has no size to read it by (a named pipe) is read to its end, however large: the same
// bytes, the same digest, as the file itself.
TEST(CliReception, SubmitReadsAPipeToItsEnd) {
  CliMonth m("--offices 6 --recipients 3000");  // files of several 64 KiB: the reader's buffer grows
  const auto largest = *std::max_element(m.files.begin(), m.files.end(), [](const auto& a, const auto& b) {
    return std::filesystem::file_size(a) < std::filesystem::file_size(b);
  });
  const std::string bytes = read_file(largest);
  ASSERT_GT(bytes.size(), std::size_t{4} << 16);
  const auto fifo = m.dir / "KK260501.CSV";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    std::ofstream out(fifo, std::ios::binary);
    // In pieces smaller than the reader's first buffer, so that it must read more than once.
    for (std::size_t at = 0; at < bytes.size(); at += 1000)
      out.write(bytes.data() + at, static_cast<std::streamsize>(std::min<std::size_t>(1000, bytes.size() - at)));
  });
  auto r = run_kaigo("submit --db " + m.db + " --format json --at 2026-05-05T10:00:00 " + fifo.string());
  writer.join();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto answer = nlohmann::json::parse(r.out);
  ASSERT_EQ(answer.size(), 1u);
  EXPECT_EQ(answer[0]["bytes"], bytes.size());
  EXPECT_EQ(answer[0]["sha256"], sha256_hex(bytes));
  EXPECT_EQ(answer[0]["state"], "受付完了");
}

TEST(CliReception, SubmitWithoutFilesOrWithAMissingListIsRefused) {
  ReceptionMonth m;
  auto none = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00:00");
  expect_failure(none, 2, {"受け付けるファイルがありません", "no files to receive"});
  auto missing = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00:00 --files-from " +
                           (m.dir / "no-such-list.txt").string());
  expect_failure(missing, 1, {"no-such-list.txt を開けません / cannot open"});
  EXPECT_EQ(missing.out, "");
}

TEST(CliReception, SubmitJsonHasTheContractKeys) {
  ReceptionMonth m;
  auto r = run_kaigo("submit --db " + m.db + " --format json --at 2026-05-11T00:00:00 " + m.files[0].string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["submission"], 1);
  EXPECT_EQ(j[0]["file"], m.files[0].filename().string());
  EXPECT_EQ(j[0]["state"], "伝送エラー");
  EXPECT_EQ(j[0]["processing_month"], "");
  ASSERT_EQ(j[0]["errors"].size(), 1u);
  EXPECT_EQ(j[0]["errors"][0]["code"], "KR01");
}

TEST(CliReception, ResentFileGetsItsErrorsOnStderr) {
  ReceptionMonth m;
  ASSERT_EQ(run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00 " + m.files[0].string()).exit_code, 0);
  auto r = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:05 " + m.files[0].string());
  ASSERT_EQ(r.exit_code, 0);
  auto cols = split(lines(r.out)[0], '\t');
  EXPECT_EQ(cols[2], "様式エラー有");
  EXPECT_NE(r.err.find("ANN2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("取消してから再送信してください"), std::string::npos) << r.err;
}

TEST(CliReception, CancelAndItsRefusals) {
  ReceptionMonth m;
  ASSERT_EQ(run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00 " + m.files[0].string()).exit_code, 0);
  auto late = run_kaigo("cancel --db " + m.db + " --at 2026-05-10T23:31 1");
  expect_failure(late, 1, {"23:30"});
  auto ok = run_kaigo("cancel --db " + m.db + " --at 2026-05-10T23:29 1");
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(split(lines(ok.out)[0], '\t')[2], "取消完了");
  EXPECT_EQ(run_kaigo("cancel --db " + m.db + " --at 2026-05-10T23:29 1").exit_code, 1);  // already cancelled
  EXPECT_EQ(run_kaigo("cancel --db " + m.db + " --at yesterday 1").exit_code, 2);
}

TEST(CliReception, ReviewMarksFilesSentAndCountsTheMonth) {
  ReceptionMonth m;
  ASSERT_EQ(run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00" + m.all_files()).exit_code, 0);
  auto r = run_kaigo("review --db " + m.db + " --month 202605");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("送信完了にしたファイル " + std::to_string(m.files.size())), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("決定"), std::string::npos) << r.out;
  auto cancel = run_kaigo("cancel --db " + m.db + " --at 2026-05-06T10:00 1");
  expect_failure(cancel, 1, {"送信完了"});
  // Re-running is explicit; an earlier month after a later one is not possible.
  auto rerun = run_kaigo("review --db " + m.db + " --month 202605");
  EXPECT_EQ(rerun.exit_code, 1);
  EXPECT_EQ(rerun.err,
            "審査できません: 処理年月 202605 は審査済です。審査をやり直すときは --again "
            "を付けてください（支払処理もやり直しに"
            "なります） / cannot review: processing month 202605 is already reviewed; to review it again, say --again "
            "(its settlement must then be run again too)\n");
  EXPECT_EQ(run_kaigo("review --db " + m.db + " --month 202605 --again").exit_code, 0);
  ASSERT_EQ(run_kaigo("review --db " + m.db + " --month 202606").exit_code, 0);
  auto back = run_kaigo("review --db " + m.db + " --month 202605 --again");
  expect_failure(back, 1, {"202606"});
}

}  // namespace
}  // namespace kaigo::testing

namespace kaigo::testing {
namespace {

TEST(CliReception, PrecheckWithTheDatabaseLedgers) {
  ReceptionMonth m;
  // The database knows the offices: a file of an office it does not know is an 外部エラー (KP12).
  auto bytes = read_file(m.files[0]);
  const std::string control = bytes.substr(0, bytes.find("\r\n"));
  const std::string office(split(control, ',')[7]);  // 事業所番号 of the control record
  std::string other = bytes;
  for (std::size_t at = other.find(office); at != std::string::npos; at = other.find(office, at)) {
    other.replace(at, office.size(), "1379999999");
  }
  write_file(m.dir / "X.CSV", other);
  auto r = run_kaigo("precheck --db " + m.db + " --month 202605 --format json " + (m.dir / "X.CSV").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["files"][0]["errors"][0]["code"], "KP12");
  auto clean = run_kaigo("precheck --db " + m.db + " --month 202605 --format json " + m.files[0].string());
  EXPECT_EQ(nlohmann::json::parse(clean.out)["files"][0]["error_count"], 0);
}

}  // namespace
}  // namespace kaigo::testing

namespace kaigo::testing {
namespace {

// A 200 MB file without a line break (issue 4): a clear 伝送エラー, the file kept, the store intact.
TEST(CliReception, TwoHundredMegabyteLineIsATransmissionError) {
  ReceptionMonth m;
  {
    std::string chunk(1 << 20, 'A');
    std::ofstream out(m.dir / "HUGE.CSV", std::ios::binary);
    for (int i = 0; i < 200; ++i) out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  }
  auto r = run_kaigo("submit --db " + m.db + " --format json --at 2026-05-05T10:00 " + (m.dir / "HUGE.CSV").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j[0]["state"], "伝送エラー");
  EXPECT_EQ(j[0]["bytes"], 200u << 20);
  EXPECT_EQ(j[0]["errors"][0]["level"], "transmission");
  auto check = run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:01 " + m.files[0].string());
  EXPECT_EQ(split(lines(check.out)[0], '\t')[2], "受付完了");
  std::filesystem::remove(m.dir / "HUGE.CSV");
}

}  // namespace
}  // namespace kaigo::testing

namespace kaigo::testing {
namespace {

std::map<std::string, std::string> folder(const std::filesystem::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out[std::filesystem::relative(e.path(), dir).string()] = read_file(e.path());
  }
  return out;
}

// kaigo results (DESIGN §3.1): DIR/<事業所番号>/<code>.CSV with PDF and HTML beside (--print),
// summary.json; a re-run writes the same bytes; a month not reviewed is refused.
TEST(CliReception, ResultsOfAReviewedMonth) {
  ReceptionMonth m;
  auto early = run_kaigo("results --db " + m.db + " --month 202605 --out " + (m.dir / "r0").string());
  expect_failure(early, 1, {"kaigo review"});
  ASSERT_EQ(run_kaigo("submit --db " + m.db + " --at 2026-05-05T10:00" + m.all_files()).exit_code, 0);
  ASSERT_EQ(run_kaigo("review --db " + m.db + " --month 202605").exit_code, 0);
  auto r = run_kaigo("results --print --db " + m.db + " --month 202605 --out " + (m.dir / "r1").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("summary.json"), std::string::npos) << r.out;
  auto first = folder(m.dir / "r1");
  auto office = m.files[0].parent_path().filename().string();
  for (const char* f : {"/7513.CSV", "/7513.pdf", "/7513.html", "/7521.CSV"}) {
    EXPECT_TRUE(first.count(office + f)) << office + f;
  }
  ASSERT_TRUE(first.count("summary.json"));
  auto summary = nlohmann::json::parse(first["summary.json"]);
  EXPECT_EQ(summary["month"], "202605");
  // Without --print: the official files and the summary only, the notices printed when asked for.
  auto unprinted = run_kaigo("results --db " + m.db + " --month 202605 --out " + (m.dir / "r2").string());
  ASSERT_EQ(unprinted.exit_code, 0) << unprinted.err;
  EXPECT_NE(unprinted.out.find("PDF・HTML 求めに応じて印刷 (kaigo render)"), std::string::npos) << unprinted.out;
  auto second = folder(m.dir / "r2");
  EXPECT_FALSE(second.count(office + "/7513.pdf"));
  EXPECT_FALSE(second.count(office + "/7513.html"));
  for (const auto& [name, bytes] : first) {
    if (name.ends_with(".CSV") || name == "summary.json") {
      EXPECT_EQ(bytes, second[name]) << name;
    }
  }
}

}  // namespace
}  // namespace kaigo::testing
