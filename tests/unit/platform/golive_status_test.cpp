// 利用開始状況 (seed 004 §2): the state of each insurer on a day from the go-live table, the rows
// over the 保険者台帳, and their CSV byte for byte.
#include <gtest/gtest.h>

#include "kaigo/platform/golive_status.hpp"

namespace kaigo::platform {
namespace {

Date d(const char* s) { return *Date::parse(s); }

master::InsurerLedger ledger() {
  auto r = master::load_insurers(
      "insurer_no,name,valid_from,valid_to\n"
      "131016,千代田区,20000401,\n"
      "131024,中央区,20000401,\n"
      "131032,\"港区,東京\",20000401,\n"
      "131041,新宿区,20000401,20251231\n"
      "131059,文京区,20000401,\n",
      "insurers.csv");
  EXPECT_TRUE(r.ok());
  return std::move(*r.table);
}

TEST(GoLiveStatus, TheDayOfTheDateIsLiveTheDayBeforeIsScheduled) {
  EXPECT_EQ(golive_state(d("20260401"), d("20260401")), GoLiveState::Live);
  EXPECT_EQ(golive_state(d("20260401"), d("20260331")), GoLiveState::Scheduled);
  EXPECT_EQ(golive_state(d("20260401"), d("20270101")), GoLiveState::Live);
  EXPECT_EQ(golive_state(std::nullopt, d("20260505")), GoLiveState::Undecided);
  EXPECT_EQ(enum_ja(GoLiveState::Live), "利用開始済");
  EXPECT_EQ(enum_ja(GoLiveState::Scheduled), "開始予定");
  EXPECT_EQ(enum_ja(GoLiveState::Undecided), "未定");
}

TEST(GoLiveStatus, EveryInsurerInForceAndEveryDateIsOneRowByNumber) {
  auto insurers = ledger();
  // 131041 left the ledger at the end of 2025 but has a date; 139999 is in no ledger.
  const std::vector<GoLive> dates{{"131024", d("20261001")}, {"131016", d("20260401")}, {"131041", d("20260701")},
                                  {"139999", d("20260505")}};
  auto rows = golive_status(insurers, dates, d("20260505"));
  ASSERT_EQ(rows.size(), 6U);
  auto row = [&](std::size_t i) {
    const auto& r = rows[i];
    return r.insurer_no + "|" + r.insurer_name + "|" + (r.golive_on ? r.golive_on->str() : "") + "|" +
           std::string(enum_code(r.state));
  };
  EXPECT_EQ(row(0), "131016|千代田区|20260401|live");
  EXPECT_EQ(row(1), "131024|中央区|20261001|scheduled");
  EXPECT_EQ(row(2), "131032|港区,東京||undecided");
  EXPECT_EQ(row(3), "131041|新宿区|20260701|scheduled");
  EXPECT_EQ(row(4), "131059|文京区||undecided");
  EXPECT_EQ(row(5), "139999||20260505|live");
  auto c = count_states(rows);
  EXPECT_EQ(c.live, 2U);
  EXPECT_EQ(c.scheduled, 2U);
  EXPECT_EQ(c.undecided, 2U);
}

// 131041 is out of the ledger on the day and has no date: no row.
TEST(GoLiveStatus, TheCsvHasABomTheHeaderAndOneLinePerInsurer) {
  auto insurers = ledger();
  const std::vector<GoLive> dates{{"131016", d("20260401")}, {"131024", d("20261001")}};
  auto rows = golive_status(insurers, dates, d("20260401"));
  EXPECT_EQ(golive_csv(rows),
            "\xEF\xBB\xBF"
            "保険者番号,保険者名,利用開始日,状態,state\n"
            "131016,千代田区,20260401,利用開始済,live\n"
            "131024,中央区,20261001,開始予定,scheduled\n"
            "131032,\"港区,東京\",,未定,undecided\n"
            "131059,文京区,,未定,undecided\n");
}

TEST(GoLiveStatus, TheJsonCountsAndNamesEachState) {
  auto insurers = ledger();
  const std::vector<GoLive> dates{{"131016", d("20260401")}};
  auto rows = golive_status(insurers, dates, d("20260331"));
  auto j = golive_status_json(rows, d("20260331"));
  EXPECT_EQ(j["on"], "20260331");
  EXPECT_EQ(j["counts"]["scheduled"], 1);
  EXPECT_EQ(j["counts"]["undecided"], 3);  // 131041 left the ledger in 2025 and has no date
  EXPECT_EQ(j["counts"]["live"], 0);
  EXPECT_EQ(j["insurers"][0].dump(),
            R"({"golive_on":"20260401","insurer_name":"千代田区","insurer_no":"131016","state":"scheduled","state_ja":"開始予定"})");
  EXPECT_EQ(j["insurers"].size(), 4U);
  EXPECT_TRUE(j["insurers"][3]["golive_on"].is_null());
}

}  // namespace
}  // namespace kaigo::platform
