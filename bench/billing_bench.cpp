// The calculator's throughput (issue 3: at least 1 million 明細書 per second per core): compute()
// and compare() over the 明細書 of a generated month (訪問介護, 訪問看護, 通所介護, 福祉用具貸与,
// 短期入所 with 特定入所者 lines, 生保 and 公費 cases), each with the terms of its office, plan
// and recipient prepared beforehand as the review prepares them.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/terms.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/gen/generator.hpp"

namespace {

using namespace kaigo;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

struct Collect : exchange::Sink {
  std::vector<billing::ClaimStatement> statements;
  std::vector<billing::BenefitPlan> plans;
  void on_document(const exchange::Document& d) override {
    if (!d.form) return;
    if (d.form->family == exchange::Family::Statement) statements.push_back(documents::to_statement(d));
    if (d.form->family == exchange::Family::Plan) plans.push_back(documents::to_plan(d));
  }
};

struct Workload {
  std::vector<billing::ClaimStatement> statements;
  std::vector<billing::StatementTerms> terms;
  master::Masters masters;
};

const Workload& workload() {
  static const Workload w = [] {
    Workload out;
    out.masters = *master::load_bundled_masters().table;
    auto dir = std::filesystem::temp_directory_path() / "kaigo-billing-bench";
    std::filesystem::remove_all(dir);
    gen::Options o;
    o.out = dir;
    o.processing_month = {2026, 5};
    o.offices = 60;
    o.recipients = 3000;
    gen::generate(o, out.masters);
    Collect c;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "submissions")) {
      if (e.is_regular_file()) exchange::read_file(e.path(), c);
    }
    auto offices = *master::load_offices(slurp(dir / "offices.csv"), "offices.csv", &out.masters.service_types).table;
    auto recipients = *master::load_recipients(slurp(dir / "recipients.csv"), "recipients.csv").table;
    for (const auto& s : c.statements) {
      const billing::BenefitPlan* plan = nullptr;
      for (const auto& p : c.plans) {
        if (p.insured_no == s.key.insured_no && p.service_month == s.key.service_month) plan = &p;
      }
      const auto* r =
          recipients.at(s.key.insurer_no, s.key.insured_no, {s.key.service_month.year, s.key.service_month.month, 1});
      out.terms.push_back(billing::make_terms(out.masters, offices, s, plan, r));
      out.statements.push_back(s);
    }
    std::filesystem::remove_all(dir);
    return out;
  }();
  return w;
}

void BM_ComputeAndCompare(benchmark::State& state) {
  const auto& w = workload();
  std::size_t i = 0;
  std::int64_t differences = 0;
  billing::ComputeResult r;
  std::vector<billing::Difference> d;
  for (auto _ : state) {
    billing::compute_into(w.statements[i], w.terms[i], r);
    billing::compare_into(w.statements[i], r.statement, d);
    differences += static_cast<std::int64_t>(d.size());
    benchmark::DoNotOptimize(r);
    if (++i == w.statements.size()) i = 0;
  }
  if (differences != 0) state.SkipWithError("a generated 明細書 did not recompute exactly");
  state.SetItemsProcessed(state.iterations());
  state.counters["statements"] = static_cast<double>(w.statements.size());
}
BENCHMARK(BM_ComputeAndCompare);

}  // namespace

namespace {

// The same with a fresh result per 明細書 (what a caller gets from compute()/compare()).
void BM_ComputeAndCompareFresh(benchmark::State& state) {
  const auto& w = workload();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = billing::compute(w.statements[i], w.terms[i]);
    auto d = billing::compare(w.statements[i], r.statement);
    benchmark::DoNotOptimize(d);
    if (++i == w.statements.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ComputeAndCompareFresh);

}  // namespace
