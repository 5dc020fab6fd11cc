// The monthly review in memory (docs/performance.md): a `kaigo gen` month with 5 % of people given
// a typical mistake, read back once (not timed), then review_month over all of it — plans, claims,
// 保留, 査定, 返戻 — timed. Sizes: ~100k and ~1M 明細書.
// Counters: claims reviewed, plans, µs per 明細書, and the process's resident memory (now and peak).
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/gen/generator.hpp"
#include "kaigo/master/masters.hpp"
#include "kaigo/review/review.hpp"

namespace {

using namespace kaigo;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double rss_mb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * 4096.0 / (1 << 20);
}

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

// Documents as reception hands them over: flagged ones are the pre-check's, the rest accepted.
struct Accepted : exchange::Sink {
  std::vector<review::SubmittedClaim> claims;
  std::vector<review::SubmittedPlan> plans;
  std::uint64_t order = 0;
  void on_document(const exchange::Document& d) override {
    if (!d.form || d.has_errors) return;
    switch (d.form->family) {
      case exchange::Family::Statement: claims.push_back({std::to_string(++order), order, documents::to_statement(d)}); break;
      case exchange::Family::CarePlan:
        claims.push_back({std::to_string(++order), order, documents::as_statement(documents::to_care_plan_fee(d))});
        break;
      case exchange::Family::Plan: plans.push_back({std::to_string(++order), order, documents::to_plan(d)}); break;
      default: break;
    }
  }
};

struct Month {
  master::Masters masters;
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
  master::RecipientLedger recipients;
  review::ReviewInput input;
};

// recipients ≈ 明細書 / 2.9 in gen's world (583,531 for 200,000).
std::unique_ptr<Month> generate(int recipients) {
  auto m = std::make_unique<Month>();
  m->masters = *master::load_bundled_masters().table;
  auto dir = std::filesystem::temp_directory_path() / fmt::format("kaigo-bench-review-{}", recipients);
  std::filesystem::remove_all(dir);
  gen::Options o;
  o.out = dir;
  o.processing_month = {2026, 5};
  o.offices = std::max(60, recipients / 100);
  o.recipients = recipients;
  o.seed = 3;
  o.error_rate = 0.05;
  gen::generate(o, m->masters);
  m->offices = *master::load_offices(slurp(dir / "offices.csv"), "offices.csv", &m->masters.service_types).table;
  m->insurers = *master::load_insurers(slurp(dir / "insurers.csv"), "insurers.csv").table;
  m->recipients = *master::load_recipients(slurp(dir / "recipients.csv"), "recipients.csv").table;
  Accepted a;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "submissions")) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) exchange::read_file(f, a);
  std::filesystem::remove_all(dir);
  m->input.month = o.processing_month;
  m->input.claims = std::move(a.claims);
  m->input.plans = std::move(a.plans);
  return m;
}

void BM_ReviewMonth(benchmark::State& state) {
  auto month = generate(static_cast<int>(state.range(0)));
  const double before = rss_mb();
  review::ReviewContext ctx{month->masters, month->offices, month->insurers, month->recipients, review::default_config()};
  std::size_t decided = 0;
  double during = 0;
  for (auto _ : state) {
    auto out = review::review_month(month->input, ctx);
    decided = out.claim_decisions.size();
    during = rss_mb();
    benchmark::DoNotOptimize(out);
  }
  const auto claims = static_cast<double>(month->input.claims.size());
  state.counters["claims"] = claims;
  state.counters["plans"] = static_cast<double>(month->input.plans.size());
  state.counters["decided"] = static_cast<double>(decided);
  state.counters["per_claim"] =
      benchmark::Counter(claims * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.counters["input_MB"] = before;
  state.counters["with_outcome_MB"] = during;
  state.counters["peak_MB"] = peak_rss_mb();
}
BENCHMARK(BM_ReviewMonth)->Arg(35000)->Arg(345000)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(1);

// The same month through MonthReviewer, each decision dropped as soon as it is made (as a caller
// that writes decisions to storage would): what the review itself keeps.
void BM_ReviewStreaming(benchmark::State& state) {
  auto month = generate(static_cast<int>(state.range(0)));
  const double before = rss_mb();
  review::ReviewContext ctx{month->masters, month->offices, month->insurers, month->recipients, review::default_config()};
  double during = 0;
  std::size_t paid = 0;
  for (auto _ : state) {
    review::MonthReviewer r(ctx, month->input.month, month->input.history);
    benchmark::DoNotOptimize(r.review_plans(month->input.plans));
    benchmark::DoNotOptimize(r.review_held());
    for (const auto& c : month->input.claims) paid += r.review_claim(c).outcome == review::ClaimOutcome::Paid;
    during = rss_mb();
  }
  state.counters["claims"] = static_cast<double>(month->input.claims.size());
  state.counters["paid"] = static_cast<double>(paid);
  state.counters["input_MB"] = before;
  state.counters["while_reviewing_MB"] = during;
}
BENCHMARK(BM_ReviewStreaming)->Arg(345000)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(1);

}  // namespace
