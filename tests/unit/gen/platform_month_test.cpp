// The generated platform month loads as a municipality would send it: no row refused, the PMH
// errors it reports and no others, consents in all three periods of seed 004 §3, a daily file that
// applies, and 主治医意見書 the clinic's doctor can send.
#include <gtest/gtest.h>

#include <filesystem>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/gen/generator.hpp"
#include "kaigo/gen/platform_month.hpp"
#include "kaigo/platform/platform.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/platform_store.hpp"
#include "support/auth_support.hpp"
#include "support/gen_month.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

TEST(PlatformMonth, TheGeneratedFilesLoadAsAMunicipalitySendsThem) {
  TempDir dir;
  auto masters = master::load_bundled_masters();
  const auto o = gen_month_options(dir / "m", {2026, 8}, 30, 600, 2);
  gen::generate(o, *masters.table);
  auto report = gen::generate_platform_month(o.out, {o.processing_month, o.seed, 600});
  EXPECT_EQ(report.people, 600);
  EXPECT_GT(report.consent_before_april_2026, 0);
  EXPECT_GT(report.consent_before_golive, 0);
  EXPECT_GT(report.consent_after_golive, 0);
  EXPECT_GT(report.consent_old_form, 0);
  EXPECT_GT(report.no_consent, 0);
  EXPECT_GT(report.pmh_errors, 0);
  EXPECT_GT(report.opinions, 0);
  // The same seed writes the same files.
  const auto first = read_file(o.out / "platform" / "linkage-initial.csv");
  gen::generate_platform_month(o.out, {o.processing_month, o.seed, 600});
  EXPECT_EQ(read_file(o.out / "platform" / "linkage-initial.csv"), first);

  auto db = store::Database::create(dir / "k.db");
  store::AuthStore auth(*db);
  store::PlatformStore repo(*db);
  master::OfficeLedger no_offices;
  platform::Platform p(repo, auth, no_offices);
  const auth::Caller op{"cli:operator", "cli", *LocalDateTime::parse("2026-08-02T09:00:00")};
  ASSERT_TRUE(p.load_golive(op, read_file(o.out / "platform" / "golive.csv"), "golive.csv").stored);
  auto initial = p.load_linkage(op, nullptr, read_file(o.out / "platform" / "linkage-initial.csv"), "linkage-initial.csv");
  EXPECT_EQ(initial.rows, report.initial_rows);
  EXPECT_EQ(initial.refused, 0);
  EXPECT_EQ(initial.pmh_errors, report.pmh_errors);
  EXPECT_EQ(initial.inserted, report.initial_rows);
  auto daily = p.load_linkage(op, nullptr, read_file(o.out / "platform" / "linkage-daily.csv"), "linkage-daily.csv");
  EXPECT_EQ(daily.status, platform::FileStatus::Done) << platform::to_json(daily).dump().substr(0, 500);
  EXPECT_EQ(daily.rows, report.daily_rows);

  auth::User doctor;
  doctor.id = "KJ1310000001";
  doctor.role = auth::Role::Medical;
  doctor.job = auth::Job::Doctor;
  doctor.medical_code = gen::kGeneratedClinic;
  int sent = 0;
  for (const auto& e : std::filesystem::directory_iterator(o.out / "platform" / "opinions")) {
    auto r = p.submit_opinion(doctor, {doctor.id, "test", *LocalDateTime::parse("2026-08-03T09:00:00")},
                              nlohmann::json::parse(read_file(e.path())));
    EXPECT_TRUE(r.ok) << e.path() << " " << r.rule << " " << r.detail.dump();
    sent += r.ok;
  }
  EXPECT_EQ(sent, report.opinions);
}

}  // namespace
}  // namespace kaigo::testing
