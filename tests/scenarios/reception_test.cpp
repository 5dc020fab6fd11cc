// 電子請求受付 as seed 002 §3 describes it (issue 4): the states of the 送信結果 table and every
// move between them, the window edges, the cancel cut-off, 送信完了, re-sending with and without
// a cancel, and bad input that never harms the store.
#include <gtest/gtest.h>

#include "kaigo/core/sha256.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/reception_world.hpp"

namespace kaigo::testing {
namespace {

using reception::FileState;

std::vector<FileState> states(store::Database& db, std::int64_t id) {
  std::vector<FileState> out;
  for (const auto& c : db.history(id)) out.push_back(c.state);
  return out;
}

std::string integrity(store::Database& db) {
  auto st = db.connection().prepare("PRAGMA integrity_check");
  return st.step() ? st.text(0) : "";
}

TEST(Reception, CleanFileIsAcceptedAndKeptByteForByte) {
  ReceptionWorld w;
  auto bytes = read_file(w.claim_file());
  auto s = w.submit(w.claim_file(), "2026-05-05T10:00:00");
  EXPECT_EQ(s.state, FileState::Accepted);
  EXPECT_EQ(s.processing_month, (YearMonth{2026, 5}));
  EXPECT_TRUE(s.errors.empty());
  EXPECT_EQ(s.data_type, "711");
  EXPECT_GT(s.statements, 0u);
  EXPECT_EQ(s.sha256, sha256_hex(bytes));
  EXPECT_EQ(s.size, bytes.size());
  EXPECT_EQ(w.db().bytes(s.id), bytes);
  EXPECT_EQ(states(w.db(), s.id), (std::vector{FileState::Arrived, FileState::Receiving, FileState::Accepted}));
  for (const auto& c : w.db().history(s.id)) EXPECT_EQ(c.at, jst("2026-05-05T10:00:00"));
}

TEST(Reception, WindowClosesAfterTheTenthAt2359) {
  ReceptionWorld w;
  auto last = w.submit(w.claim_file(), "2026-05-10T23:59:59");
  EXPECT_EQ(last.state, FileState::Accepted);
  EXPECT_EQ(last.processing_month, (YearMonth{2026, 5}));

  auto late = w.submit(w.plan_file(), "2026-05-11T00:00:00");
  EXPECT_EQ(late.state, FileState::TransmissionError);
  EXPECT_EQ(late.processing_month, std::nullopt);
  ASSERT_EQ(late.errors.size(), 1u);
  EXPECT_EQ(late.errors[0].code, "KR01");
  EXPECT_EQ(late.errors[0].level, precheck::Level::Transmission);
  EXPECT_EQ(late.errors[0].item_name, "受付日時");
  EXPECT_EQ(late.errors[0].value, "2026-05-11T00:00:00");
  EXPECT_EQ(late.errors[0].message_ja, "受付期間外です（毎月1日 00:00〜10日 23:59）。次の受付期間に送信してください");
  EXPECT_EQ(w.db().bytes(late.id), read_file(w.plan_file()));  // kept although refused
  EXPECT_EQ(states(w.db(), late.id),
            (std::vector{FileState::Arrived, FileState::Receiving, FileState::TransmissionError}));
}

TEST(Reception, CancelUntilTheCutoffOnTheDeadlineDay) {
  ReceptionWorld w;
  auto a = w.submit(w.claim_file(), "2026-05-05T10:00:00");
  auto b = w.submit(w.plan_file(), "2026-05-05T10:00:00");
  auto ok = w.reception().cancel(a.id, jst("2026-05-10T23:29:00"));
  EXPECT_TRUE(ok.cancelled) << ok.message_ja;
  EXPECT_EQ(w.db().submission(a.id)->state, FileState::Cancelled);
  EXPECT_EQ(w.db().history(a.id).back().at, jst("2026-05-10T23:29:00"));

  auto late = w.reception().cancel(b.id, jst("2026-05-10T23:31:00"));
  EXPECT_FALSE(late.cancelled);
  EXPECT_EQ(late.message_ja, "取消の受付は処理年月 202605 の10日 23:30 までです");
  EXPECT_EQ(w.db().submission(b.id)->state, FileState::Accepted);
}

TEST(Reception, FileWithFormatErrorsCanBeCancelledToo) {
  ReceptionWorld w;
  auto bytes = read_file(w.claim_file());
  auto first = w.submit(w.claim_file(), "2026-05-02T09:00:00");
  auto again = w.submit_bytes(w.claim_file().filename().string(), bytes, "2026-05-02T09:10:00");
  ASSERT_EQ(again.state, FileState::FormatErrors);
  EXPECT_TRUE(w.reception().cancel(again.id, jst("2026-05-02T09:20:00")).cancelled);
  EXPECT_EQ(states(w.db(), again.id),
            (std::vector{FileState::Arrived, FileState::Receiving, FileState::FormatErrors, FileState::Cancelled}));
  EXPECT_EQ(w.db().submission(first.id)->state, FileState::Accepted);
}

TEST(Reception, SentFileCannotBeCancelled) {
  ReceptionWorld w;
  auto a = w.submit(w.claim_file(), "2026-05-05T10:00:00");
  EXPECT_EQ(w.reception().start_review({2026, 5}, jst("2026-05-11T01:00:00"), false).files_sent, 1u);
  EXPECT_EQ(w.db().submission(a.id)->state, FileState::Sent);
  auto r = w.reception().cancel(a.id, jst("2026-05-06T10:00:00"));
  EXPECT_FALSE(r.cancelled);
  EXPECT_EQ(r.message_ja, "送信完了のファイルは審査が始まっているため取消できません");
  EXPECT_EQ(states(w.db(), a.id),
            (std::vector{FileState::Arrived, FileState::Receiving, FileState::Accepted, FileState::Sent}));
}

TEST(Reception, RefusedFilesCannotBeCancelled) {
  ReceptionWorld w;
  auto empty = w.submit_bytes("KK260501.CSV", "", "2026-05-03T08:00:00");
  EXPECT_EQ(empty.state, FileState::TransmissionError);
  auto r = w.reception().cancel(empty.id, jst("2026-05-03T08:01:00"));
  EXPECT_FALSE(r.cancelled);
  EXPECT_EQ(r.message_ja, "状態が「伝送エラー」のファイルは取消できません（受付完了・様式エラー有のみ）");
  EXPECT_FALSE(w.reception().cancel(999, jst("2026-05-03T08:01:00")).cancelled);
}

TEST(Reception, ResubmissionAfterCancelIsAccepted) {
  ReceptionWorld w;
  auto a = w.submit(w.claim_file(), "2026-05-05T10:00:00");
  ASSERT_TRUE(w.reception().cancel(a.id, jst("2026-05-05T11:00:00")).cancelled);
  auto again = w.submit(w.claim_file(), "2026-05-05T12:00:00");
  EXPECT_EQ(again.state, FileState::Accepted);
  EXPECT_TRUE(again.errors.empty());
}

TEST(Reception, ResubmissionWithoutCancelIsFlaggedAsANN2) {
  ReceptionWorld w;
  auto a = w.submit(w.claim_file(), "2026-05-05T10:00:00");
  auto again = w.submit(w.claim_file(), "2026-05-06T10:00:00");
  EXPECT_EQ(again.state, FileState::FormatErrors);
  // One row per 明細書 of the file, each naming the file that holds it.
  EXPECT_EQ(again.errors.size(), a.statements - 0u);
  const auto& row = again.errors.front();
  EXPECT_EQ(row.code, "ANN2");
  EXPECT_EQ(row.level, precheck::Level::Format);
  EXPECT_EQ(row.form_kind, "請求");
  EXPECT_EQ(row.service_month, "202604");
  EXPECT_EQ(row.item_name, "様式番号");
  EXPECT_FALSE(row.insured_no.empty());
  EXPECT_EQ(row.message_ja, "同月に同じ請求明細書を提出済（受付番号 1 の " + w.claim_file().filename().string() +
                                " で受付済み。取消してから再送信してください）");
  // A 給付管理票 sent twice is flagged as ANN0.
  w.submit(w.plan_file(), "2026-05-05T10:00:00");
  auto plan_again = w.submit(w.plan_file(), "2026-05-05T10:30:00");
  ASSERT_FALSE(plan_again.errors.empty());
  EXPECT_EQ(plan_again.errors.front().code, "ANN0");
  EXPECT_EQ(plan_again.errors.front().form_kind, "給付");
}

TEST(Reception, WrongProcessingMonthIsAnExternalError) {
  ReceptionWorld w;
  auto bytes = read_file(w.claim_file());
  auto eol = bytes.find("\r\n");
  auto at = bytes.rfind(",202605,", eol);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 8, ",202604,");
  auto s = w.submit_bytes("KK260401.CSV", bytes, "2026-05-05T10:00:00");
  EXPECT_EQ(s.state, FileState::ExternalError);
  ASSERT_FALSE(s.errors.empty());
  EXPECT_EQ(s.errors[0].code, "KP11");
  EXPECT_EQ(s.errors[0].value, "202604");
  // Not taken in: its 明細書 do not block a correct file.
  EXPECT_EQ(w.submit(w.claim_file(), "2026-05-05T10:05:00").state, FileState::Accepted);
}

TEST(Reception, FormatErrorsAreAcceptedWithTheirRows) {
  ReceptionWorld w(0.2);
  bool seen = false;
  for (const auto& f : w.files()) {
    auto s = w.submit(f, "2026-05-03T10:00:00");
    for (const auto& e : s.errors) {
      EXPECT_EQ(s.state, FileState::FormatErrors);
      if (e.code == "KC08") {
        seen = true;
        EXPECT_EQ(e.item_name, "日数・回数");
        EXPECT_EQ(e.form_kind, "請求");
      }
    }
  }
  EXPECT_TRUE(seen);
}

TEST(Reception, BadInputNeverHarmsTheStore) {
  ReceptionWorld w;
  auto good = read_file(w.claim_file());
  struct Case {
    std::string name;
    std::string bytes;
    FileState state;
  };
  std::vector<Case> cases{
      {"EMPTY.CSV", "", FileState::TransmissionError},
      {"BIN.CSV", std::string("\x00\x01\x02\xff\xfe", 5) + std::string(1000, '\0'), FileState::TransmissionError},
      {"UTF8.CSV", "1,1,0,1,711,0,0,1370000001,0,7,202605,0\r\n2,2,7131,01,202604,1370000001,テスト\r\n",
       FileState::TransmissionError},
      {"CUT.CSV", good.substr(0, good.size() / 2), FileState::ExternalError},
      {"LONGLINE.CSV", std::string(300 * 1024, 'A'), FileState::TransmissionError},
      {"TOOLONGNAME.CSV", good, FileState::TransmissionError},
  };
  for (const auto& c : cases) {
    auto s = w.submit_bytes(c.name, c.bytes, "2026-05-04T10:00:00");
    EXPECT_EQ(s.state, c.state) << c.name << ": " << (s.errors.empty() ? "" : s.errors[0].code);
    EXPECT_FALSE(s.errors.empty()) << c.name;
    EXPECT_EQ(w.db().bytes(s.id), c.bytes) << c.name;
  }
  EXPECT_EQ(integrity(w.db()), "ok");
  EXPECT_EQ(w.submit(w.claim_file(), "2026-05-04T10:00:00").state, FileState::Accepted);
}

// A file a killed process left 受付中 was never acknowledged: the next process makes it 伝送エラー
// (KR03) once, and the sender's retry of the same bytes is taken in as new — not ANN2.
TEST(Reception, AFileLeftHalfReceivedByADeadProcessIsInterruptedAndItsRetryIsNew) {
  ReceptionWorld w;
  auto bytes = read_file(w.claim_file());
  const std::string dead = "not-this-boot/1/1";
  auto id = w.db().record_arrival("KK260501.CSV", bytes, sha256_hex(bytes), jst("2026-05-05T10:00:00"),
                                  YearMonth{2026, 5}, dead);
  ASSERT_EQ(w.db().unfinished().size(), 1u);
  EXPECT_EQ(w.reception().recover_interrupted(jst("2026-05-05T10:01:00")), (std::vector<std::int64_t>{id}));
  auto s = *w.db().submission(id);
  EXPECT_EQ(s.state, FileState::TransmissionError);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, "KR03");
  EXPECT_EQ(s.errors[0].message_ja,
            "受信処理が途中で中断されたため、このファイルは受け付けられていません。もう一度送信してください");
  EXPECT_TRUE(w.db().unfinished().empty());
  EXPECT_EQ(states(w.db(), id), (std::vector{FileState::Arrived, FileState::Receiving, FileState::TransmissionError}));
  // Once only.
  EXPECT_TRUE(w.reception().recover_interrupted(jst("2026-05-05T10:02:00")).empty());
  auto retry = w.submit_bytes("KK260501.CSV", bytes, "2026-05-05T10:03:00");
  EXPECT_EQ(retry.state, FileState::Accepted);
  EXPECT_TRUE(retry.errors.empty());
}

// A file this (running) process is receiving is its own to finish: no other process recovers it.
TEST(Reception, AFileInFlightOfARunningProcessIsLeftToIt) {
  ReceptionWorld w;
  auto bytes = read_file(w.claim_file());
  auto id = w.db().record_arrival("KK260501.CSV", bytes, sha256_hex(bytes), jst("2026-05-05T10:00:00"),
                                  YearMonth{2026, 5}, w.db().owner());
  EXPECT_TRUE(w.reception().recover_interrupted(jst("2026-05-05T10:01:00")).empty());
  EXPECT_EQ(w.db().submission(id)->state, FileState::Receiving);
}

}  // namespace
}  // namespace kaigo::testing
