// The reception window and the cancel cut-off at their edges (issue 4; seed 002 §3(3): 取消 until
// 23:30 of the deadline day; DESIGN §3.3: window from the 1st 00:00 to the 10th 23:59).
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include "kaigo/reception/lifecycle.hpp"
#include "kaigo/reception/month_state.hpp"
#include "kaigo/reception/window.hpp"

namespace kaigo::reception {
namespace {

LocalDateTime at(const char* iso) { return *LocalDateTime::parse(iso); }

TEST(ReceptionWindow, OpensOnTheFirstAtMidnight) {
  ReceptionSettings s;
  EXPECT_EQ(processing_month_at(at("2026-05-01T00:00:00"), s), (YearMonth{2026, 5}));
  EXPECT_EQ(processing_month_at(at("2026-04-30T23:59:59"), s), std::nullopt);  // after April's 10th
}

TEST(ReceptionWindow, ClosesAfterTheDeadlineMinute) {
  ReceptionSettings s;
  EXPECT_EQ(processing_month_at(at("2026-05-10T23:59:59"), s), (YearMonth{2026, 5}));
  EXPECT_EQ(processing_month_at(at("2026-05-11T00:00:00"), s), std::nullopt);
  EXPECT_EQ(processing_month_at(at("2026-05-20T12:00:00"), s), std::nullopt);
}

TEST(ReceptionWindow, FollowsTheSettings) {
  ReceptionSettings s;
  s.deadline_day = 12;
  s.deadline_time = {17, 0};
  EXPECT_EQ(processing_month_at(at("2026-05-12T17:00:59"), s), (YearMonth{2026, 5}));
  EXPECT_EQ(processing_month_at(at("2026-05-12T17:01:00"), s), std::nullopt);
}

TEST(CancelCutoff, OpenUntilTheCutoffMinuteOfTheDeadlineDay) {
  ReceptionSettings s;
  YearMonth may{2026, 5};
  EXPECT_TRUE(cancel_open(at("2026-05-03T09:00:00"), may, s));
  EXPECT_TRUE(cancel_open(at("2026-05-10T23:29:00"), may, s));
  EXPECT_FALSE(cancel_open(at("2026-05-10T23:31:00"), may, s));
  EXPECT_FALSE(cancel_open(at("2026-05-11T08:00:00"), may, s));
  EXPECT_FALSE(cancel_open(at("2026-06-02T08:00:00"), may, s));  // a later month's window
}

TEST(Lifecycle, MovesOfTheSeedTable) {
  using S = FileState;
  EXPECT_TRUE(can_move(S::Arrived, S::Receiving));
  for (S end : {S::TransmissionError, S::ExternalError, S::FormatErrors, S::Accepted}) {
    EXPECT_TRUE(can_move(S::Receiving, end)) << enum_ja(end);
  }
  EXPECT_TRUE(can_move(S::Accepted, S::Sent));
  EXPECT_TRUE(can_move(S::FormatErrors, S::Sent));
  EXPECT_TRUE(can_move(S::Accepted, S::Cancelled));
  EXPECT_TRUE(can_move(S::FormatErrors, S::Cancelled));
  EXPECT_FALSE(can_move(S::Sent, S::Cancelled));
  EXPECT_FALSE(can_move(S::ExternalError, S::Cancelled));  // nothing to cancel: not taken in
  EXPECT_FALSE(can_move(S::TransmissionError, S::Cancelled));
  EXPECT_FALSE(can_move(S::Cancelled, S::Sent));
  EXPECT_FALSE(can_move(S::Arrived, S::Accepted));
}

// Every pair of states, against the moves written out here (the tables' `next` columns are data).
template <class E, std::size_t N>
std::set<std::pair<std::string_view, std::string_view>> allowed_moves(const EnumTable<E, N>& table) {
  std::set<std::pair<std::string_view, std::string_view>> out;
  for (const auto& from : table.rows) {
    for (const auto& to : table.rows) {
      if (can_move(from.value, to.value)) out.emplace(from.code, to.code);
    }
  }
  return out;
}

TEST(Lifecycle, EveryMoveOfAFileAndNoOther) {
  const std::set<std::pair<std::string_view, std::string_view>> expected{
      {"arrived", "receiving"},         {"receiving", "transmission_error"}, {"receiving", "external_error"},
      {"receiving", "format_errors"},   {"receiving", "accepted"},           {"format_errors", "sent"},
      {"format_errors", "cancelled"},   {"accepted", "sent"},                {"accepted", "cancelled"}};
  EXPECT_EQ(allowed_moves(kFileStates), expected);
}

TEST(Lifecycle, EveryMoveOfAMonthAndNoOther) {
  const std::set<std::pair<std::string_view, std::string_view>> expected{
      {"open", "closed"},         {"closed", "under_review"},   {"under_review", "reviewed"},
      {"under_review", "under_review"}, {"reviewed", "settled"}, {"reviewed", "under_review"},
      {"settled", "settled"},     {"settled", "under_review"}};
  EXPECT_EQ(allowed_moves(kMonthStates), expected);
}

TEST(Lifecycle, NamesAndCodesRoundTrip) {
  EXPECT_EQ(enum_ja(FileState::FormatErrors), "様式エラー有");
  EXPECT_EQ(enum_ja(FileState::Sent), "送信完了");
  for (int i = 0; i < 8; ++i) {
    auto s = static_cast<FileState>(i);
    EXPECT_EQ(parse_enum<FileState>(enum_code(s)), s);
  }
  EXPECT_EQ(parse_enum<FileState>("done"), std::nullopt);
}

}  // namespace
}  // namespace kaigo::reception
