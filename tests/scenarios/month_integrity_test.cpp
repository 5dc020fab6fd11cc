// The month under concurrency (issue 11): what overlapping commands did to the month before the
// processing month became a state machine whose every decision is taken inside the atomic step that
// writes it. Each test here reproduces one of the wrong outcomes that were seen and asserts the
// right one: a cancel racing the start of the review, a file sent while the month is reviewed, a
// review of an open or future month, one file sent twice at the same moment, a reader that took the
// write lock, a review that held it for its whole run.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include "kaigo/month/desk.hpp"
#include "kaigo/month/review_run.hpp"
#include "kaigo/review/month_run.hpp"
#include "kaigo/store/review_store.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/reception_world.hpp"

namespace kaigo::testing {
namespace {

using namespace std::chrono_literals;
using reception::FileState;
using reception::MonthState;

// A cancel that arrives while the review's first step (close, 送信完了) is being written waits for
// it and is refused: the file is reviewed, and the sender was never told 取消完了.
TEST(MonthIntegrity, ACancelRacingTheStartOfTheReviewIsRefused) {
  ReceptionWorld w;
  auto a = w.submit(w.claim_file(), "2026-05-05T10:00:00");
  ASSERT_EQ(a.state, FileState::Accepted);
  month::Desk operator_desk(w.db_path());
  reception::CancelResult cancel;
  std::atomic<bool> answered{false};
  std::thread sender;
  operator_desk.db().atomically([&] {
    auto step = operator_desk.reception().start_review({2026, 5}, jst("2026-05-11T01:00:00"), false);
    ASSERT_TRUE(step.done) << step.message_en;
    sender = std::thread([&] {
      cancel = w.reception().cancel(a.id, jst("2026-05-10T23:00:00"));
      answered = true;
    });
    std::this_thread::sleep_for(300ms);
    EXPECT_FALSE(answered) << "the cancel must wait for the review's step";
  });
  sender.join();
  EXPECT_FALSE(cancel.cancelled);
  EXPECT_EQ(cancel.message_ja, "送信完了のファイルは審査が始まっているため取消できません");
  EXPECT_EQ(w.db().submission(a.id)->state, FileState::Sent);
}

// A file whose month is under review is not taken in (KR02); one of the next month is.
TEST(MonthIntegrity, AFileSentWhileItsMonthIsReviewedIsRefusedWithTheReason) {
  ReceptionWorld w;
  w.submit(w.plan_file(), "2026-05-05T10:00:00");
  ASSERT_TRUE(w.reception().start_review({2026, 5}, jst("2026-05-11T01:00:00"), false).done);
  auto late = w.submit(w.claim_file(), "2026-05-10T12:00:00");
  EXPECT_EQ(late.state, FileState::TransmissionError);
  ASSERT_EQ(late.errors.size(), 1u);
  EXPECT_EQ(late.errors[0].code, "KR02");
  EXPECT_EQ(late.errors[0].message_ja, "処理年月 202605 は締め切られています（審査中）。次の受付期間に送信してください");
  EXPECT_EQ(late.errors[0].message_en, "processing month 202605 is closed (under_review); send it in the next window");
  EXPECT_EQ(w.db().bytes(late.id), read_file(w.claim_file()));  // kept for the record, not reviewed
  // June is open: the file is pre-checked (its control record still says 202605: 外部エラー).
  auto next = w.submit(w.claim_file(), "2026-06-02T09:00:00");
  EXPECT_EQ(next.processing_month, (YearMonth{2026, 6}));
  EXPECT_EQ(next.state, FileState::ExternalError);
  EXPECT_NE(next.errors.at(0).code, "KR02");
}

// Once a later month has closed, an earlier open month takes nothing (it could never be reviewed).
TEST(MonthIntegrity, AnEarlierMonthTakesNothingOnceALaterOneHasClosed) {
  ReceptionWorld w;
  ASSERT_TRUE(w.reception().close_month({2026, 6}, jst("2026-06-05T10:00:00")).done);
  auto s = w.submit(w.claim_file(), "2026-05-05T10:00:00");
  EXPECT_EQ(s.state, FileState::TransmissionError);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].message_ja, "後の処理年月 202606 が締め切られているため、処理年月 202605 は受け付けられません");
}

TEST(MonthIntegrity, AnOpenOrFutureMonthCannotBeReviewed) {
  ReceptionWorld w;
  w.submit(w.claim_file(), "2026-05-05T10:00:00");
  auto future = w.reception().start_review({2030, 1}, jst("2026-05-05T11:00:00"), false);
  EXPECT_FALSE(future.done);
  EXPECT_EQ(future.message_ja,
            "処理年月 203001 は受付期間中です（2030-01-10T23:59:59 まで）。締め切ってから審査してください");
  auto open = w.reception().start_review({2026, 5}, jst("2026-05-10T23:59:59"), false);
  EXPECT_FALSE(open.done);
  EXPECT_EQ(open.message_en,
            "processing month 202605 is still open (until 2026-05-10T23:59:59); close it before the review");
  EXPECT_EQ(w.db().month({2026, 5}).state, MonthState::Open);
  // Closed by the operator before the deadline, it can be reviewed; nothing more is taken in.
  ASSERT_TRUE(w.reception().close_month({2026, 5}, jst("2026-05-08T18:00:00")).done);
  EXPECT_EQ(w.submit(w.plan_file(), "2026-05-08T18:30:00").errors.at(0).code, "KR02");
  auto cancel = w.reception().cancel(1, jst("2026-05-08T18:30:00"));
  EXPECT_FALSE(cancel.cancelled);
  EXPECT_EQ(cancel.message_en, "cannot cancel: processing month 202605 is closed (closed); send it in the next window");
  auto review = w.reception().start_review({2026, 5}, jst("2026-05-08T19:00:00"), false);
  EXPECT_TRUE(review.done) << review.message_en;
  EXPECT_EQ(review.files_sent, 1u);
  EXPECT_EQ(w.db().month({2026, 5}).state, MonthState::UnderReview);
}

// Reviewing a reviewed month again is explicit; a month before a reviewed one cannot be reviewed.
TEST(MonthIntegrity, AReReviewIsExplicitAndGoesForwardOnly) {
  ReceptionWorld w;
  for (const auto& f : w.files()) w.submit(f, "2026-05-05T10:00:00");
  auto world = store::load_tables_in_force(w.db());
  review::ReviewContext ctx{world.masters, world.offices, world.insurers, world.recipients,
                      review::config_of(w.db().settings().review)};
  w.review({2026, 5}, "2026-05-11T01:00:00", ctx);
  EXPECT_EQ(w.db().month({2026, 5}).state, MonthState::Reviewed);
  auto again = w.reception().start_review({2026, 5}, jst("2026-05-12T01:00:00"), false);
  EXPECT_FALSE(again.done);
  EXPECT_EQ(again.message_en,
            "processing month 202605 is already reviewed; to review it again, say --again (its settlement must then be "
            "run again too)");
  w.review({2026, 6}, "2026-06-11T01:00:00", ctx);
  auto back = w.reception().start_review({2026, 5}, jst("2026-06-12T01:00:00"), true);
  EXPECT_FALSE(back.done);
  EXPECT_EQ(back.message_en, "202605 cannot be reviewed: the later month 202606 is reviewed");
  auto early = w.reception().start_review({2026, 4}, jst("2026-06-12T01:00:00"), false);
  EXPECT_FALSE(early.done);
}

// The same file sent from two places at the same moment: one 受付完了 and one copy whose every
// 明細書 is ANN2 — decided inside the step that stores each outcome. Several rounds, each starting
// both senders together.
TEST(MonthIntegrity, OneFileSentTwiceAtOnceIsOneAcceptedAndOneDuplicate) {
  ReceptionWorld w;
  const auto bytes = read_file(w.claim_file());
  const auto name = w.claim_file().filename().string();
  month::Desk a(w.db_path());
  month::Desk b(w.db_path());
  for (int round = 0; round < 8; ++round) {
    std::latch start(2);
    reception::Submission sa;
    reception::Submission sb;
    std::thread ta([&] {
      start.arrive_and_wait();
      sa = a.submit(name, bytes, jst("2026-05-05T10:00:00"));
    });
    std::thread tb([&] {
      start.arrive_and_wait();
      sb = b.submit(name, bytes, jst("2026-05-05T10:00:00"));
    });
    ta.join();
    tb.join();
    const bool a_first = sa.state == FileState::Accepted;
    const auto& first = a_first ? sa : sb;
    const auto& second = a_first ? sb : sa;
    ASSERT_EQ(first.state, FileState::Accepted) << "round " << round;
    ASSERT_EQ(second.state, FileState::FormatErrors) << "round " << round;
    ASSERT_EQ(second.errors.size(), first.statements) << "round " << round;
    for (const auto& e : second.errors) EXPECT_EQ(e.code, "ANN2");
    // Both withdrawn, so that the next round starts with nothing in.
    ASSERT_TRUE(w.reception().cancel(first.id, jst("2026-05-05T11:00:00")).cancelled);
    ASSERT_TRUE(w.reception().cancel(second.id, jst("2026-05-05T11:00:00")).cancelled);
  }
}

// Opening a database only reads it: a command that reads does not wait for a writer.
TEST(MonthIntegrity, OpeningADatabaseDoesNotWaitForTheWriter) {
  ReceptionWorld w;
  w.submit(w.claim_file(), "2026-05-05T10:00:00");
  store::Transaction writer(w.db().connection());
  auto started = std::chrono::steady_clock::now();
  auto reader = store::Database::open(w.db_path());
  EXPECT_EQ(reader->submission(1)->state, FileState::Accepted);
  EXPECT_EQ(reader->month({2026, 5}).state, MonthState::Open);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

// The review keeps its decisions in short batches: while a month is reviewed, files of the next
// month are taken in without waiting for the review to end.
TEST(MonthIntegrity, FilesOfTheNextMonthAreTakenInWhileAMonthIsReviewed) {
  ReceptionWorld w(0.0, 30, 4000);
  for (const auto& f : w.files()) w.submit(f, "2026-05-05T10:00:00");
  std::atomic<bool> reviewing{true};
  std::thread review([&] {
    auto run = month::run_review(w.db_path(), {2026, 5}, jst("2026-05-11T01:00:00"), false);
    reviewing = false;
    EXPECT_TRUE(run.step.done) << run.step.message_en;
  });
  // Wait until the review has started deciding.
  auto deadline = std::chrono::steady_clock::now() + 20s;
  while (w.db().month({2026, 5}).state != MonthState::UnderReview && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  month::Desk june(w.db_path());
  int taken_while_reviewing = 0;
  for (int i = 0; reviewing && i < 20; ++i) {
    auto s = june.submit(w.plan_file().filename().string(), read_file(w.plan_file()), jst("2026-06-02T09:00:00"));
    EXPECT_NE(s.state, FileState::TransmissionError);
    if (reviewing) ++taken_while_reviewing;  // taken in and answered while the review was still deciding
    june.cancel(s.id, jst("2026-06-02T09:01:00"));
  }
  review.join();
  // More than one file was taken in and answered while the review was still deciding: the review
  // does not hold the database for its whole run. How long a submit waits for a batch of
  // decisions is a figure for make bench (docs/performance.md), not a bound for a test (under ASan
  // and a loaded machine it was 2–3 s of a 2.5 s review's first step).
  EXPECT_GE(taken_while_reviewing, 2);
  EXPECT_EQ(w.db().month({2026, 5}).state, MonthState::Reviewed);
}

}  // namespace
}  // namespace kaigo::testing
