// The schemes as data: the tables are consistent (every window covered by the timetable day by
// day, rates within (0, 1], classes known), and say what the seeds say.
#include <gtest/gtest.h>

#include "kaigo/portal/scheme.hpp"

namespace kaigo::portal {
namespace {

TEST(PortalSchemes, TheTablesAreConsistent) {
  auto problems = check_tables(Schemes::bundled());
  std::string all;
  for (const auto& p : problems) all += p + "\n";
  EXPECT_TRUE(problems.empty()) << all;
}

TEST(PortalSchemes, Reiwa7AndReiwa8AreEntriesOfTheTable) {
  const auto& s = Schemes::bundled();
  const auto* r7 = s.find("R7-office");
  ASSERT_NE(r7, nullptr);
  EXPECT_EQ(r7->fiscal_year, "令和7年度");
  EXPECT_EQ(r7->apply_from, (Date{2025, 10, 17}));
  EXPECT_EQ(r7->apply_to, (Date{2026, 3, 13}));
  EXPECT_FALSE(r7->work_from.has_value());
  EXPECT_EQ(r7->limit("visit")->readers, 3);
  EXPECT_EQ(r7->limit("visit")->limit, Yen{64000});
  EXPECT_EQ(r7->limit("residential")->readers, 2);
  EXPECT_EQ(r7->limit("residential")->limit, Yen{55000});
  EXPECT_EQ(r7->limit("other")->readers, 1);
  EXPECT_EQ(r7->limit("other")->limit, Yen{42000});
  const auto* m = s.find("R7-medical");
  EXPECT_EQ(m->medical_limit(Facility::Hospital, 200)->limit, Yen{550000});
  EXPECT_EQ(m->medical_limit(Facility::Hospital, 200)->rate.den, 2);
  EXPECT_EQ(m->medical_limit(Facility::Hospital, 199)->limit, Yen{398000});
  EXPECT_EQ(m->medical_limit(Facility::Hospital, 199)->rate.num, 3);
  EXPECT_EQ(m->medical_limit(Facility::Clinic, 19)->limit, Yen{398000});
  EXPECT_EQ(m->medical_limit(Facility::Clinic, 20), nullptr);
  const auto* r8 = s.find("R8-office");
  EXPECT_EQ(r8->work_from, (Date{2026, 4, 1}));
  EXPECT_EQ(s.open_for(Program::Office, {2026, 3, 13}), r7);
  EXPECT_EQ(s.open_for(Program::Office, {2026, 3, 14}), nullptr);
  EXPECT_EQ(s.open_for(Program::Office, {2026, 4, 1}), r8);
  EXPECT_EQ(r7->timetable_for({2026, 2, 28})->decision_months, 1);
  EXPECT_EQ(r7->timetable_for({2026, 3, 1})->decision_months, 0);
  EXPECT_EQ(r7->timetable_for({2026, 3, 1})->payment_months, 1);
}

TEST(PortalSchemes, CareManagementCountsAsAVisitService) {
  const auto& s = Schemes::bundled();
  EXPECT_EQ(s.service_class("43"), "visit");  // 居宅介護支援 (seed 003)
  EXPECT_EQ(s.service_class("46"), "visit");  // 介護予防支援 = 地域包括 (seed 004 FAQ)
  EXPECT_EQ(s.service_class("32"), "residential");
  EXPECT_EQ(s.service_class("51"), "residential");
  EXPECT_EQ(s.service_class("17"), "other");
  EXPECT_EQ(s.service_class("99"), std::nullopt);
}

}  // namespace
}  // namespace kaigo::portal
