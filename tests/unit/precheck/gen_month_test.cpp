// The pre-check on a month of `kaigo gen`: a clean month has no error at all; with --errors it lists
// exactly the mistakes of expected_errors.csv that can be seen before the review (bad_field: a
// non-numeric item; duplicate: the same 明細書 twice in a file) and nothing else — the other
// mistakes need the 受給者台帳 or the 給付管理票 and belong to the review.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "kaigo/core/strings.hpp"
#include "kaigo/gen/generator.hpp"
#include "kaigo/master/ledgers.hpp"
#include "support/gen_month.hpp"
#include "support/test_support.hpp"
#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {
namespace {

using kaigo::testing::read_file;
using kaigo::testing::TempDir;

struct Month {
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
  std::vector<FileResult> results;
};

gen::Report generate(const std::filesystem::path& out, std::uint64_t seed, double errors) {
  return gen::generate(kaigo::testing::gen_month_options(out, {2026, 5}, 6, 200, seed, errors), world().masters);
}

Month precheck_month(const std::filesystem::path& dir) {
  Month m;
  auto offices = master::load_offices(read_file(dir / "offices.csv"), "offices.csv", &world().masters.service_types);
  auto insurers = master::load_insurers(read_file(dir / "insurers.csv"), "insurers.csv");
  EXPECT_TRUE(offices.ok() && insurers.ok());
  m.offices = *offices.table;
  m.insurers = *insurers.table;
  PrecheckContext context = world().context({2026, 5});
  context.offices = &m.offices;
  context.insurers = &m.insurers;
  for (const auto& f : kaigo::testing::regular_files_under(dir / "submissions")) m.results.push_back(check_file(f, context));
  return m;
}

TEST(PrecheckGenMonth, CleanMonthHasNoError) {
  TempDir dir;
  auto report = generate(dir.path(), 3, 0.0);
  Month m = precheck_month(dir.path());
  std::uint64_t documents = 0;
  for (const auto& r : m.results) {
    EXPECT_EQ(r.error_count, 0u) << dump(r);
    documents += r.statements;
  }
  EXPECT_EQ(m.results.size(), static_cast<std::size_t>(report.claim_files + report.plan_files));
  EXPECT_EQ(documents, static_cast<std::uint64_t>(report.statements + report.plans));
}

TEST(PrecheckGenMonth, ListsExactlyTheMistakesVisibleBeforeTheReview) {
  TempDir dir;
  generate(dir.path(), 7, 0.05);
  // (事業所番号, 被保険者番号, code) of every injected mistake the pre-check must list.
  std::multiset<std::tuple<std::string, std::string, std::string>> expected;
  std::set<std::string> kinds;
  auto manifest = read_file(dir / "expected_errors.csv");
  for (auto line : lines(manifest)) {
    auto c = split(line, ',');
    if (c.size() != 9 || c[0] == "mistake") continue;
    kinds.insert(std::string(c[0]));
    if (c[0] == "bad_field" || c[0] == "duplicate") expected.emplace(c[1], c[5], c[7]);
  }
  ASSERT_TRUE(kinds.count("bad_field") && kinds.count("duplicate")) << "seed 7 injects both";
  ASSERT_GE(kinds.size(), 4u) << "and mistakes the pre-check must not see";

  std::multiset<std::tuple<std::string, std::string, std::string>> listed;
  for (const auto& r : precheck_month(dir.path()).results) {
    for (const auto& e : r.errors) {
      EXPECT_EQ(e.level, Level::Format) << dump(r);
      EXPECT_EQ(e.form_kind, "請求");
      listed.emplace(r.office_no, e.insured_no, e.code);
    }
  }
  EXPECT_EQ(listed, expected);
}

}  // namespace
}  // namespace kaigo::precheck::testing
