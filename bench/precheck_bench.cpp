// The 事前チェック of a ~100 MB claim file (issue 4; docs/performance.md): every check on — masters,
// office and insurer ledgers, processing month — on one core. Target: under 2 s.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "kaigo/master/masters.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "synthetic_file.hpp"

namespace {

using namespace kaigo;

constexpr std::size_t kBytes = 100u << 20;

// A valid 711 file: the 請求書 row first (the sum of n identical 明細書: 4,574 units, 保険請求
// 46,928 円, 利用者負担 5,215 円 each), then the 明細書 of bench/synthetic_file.hpp.
std::string claim_file(std::size_t bytes) {
  const std::uint64_t n = (bytes + 559) / 560;
  exchange::Writer w(bench::synthetic_control());
  auto s = [](std::uint64_t v) { return fmt::to_string(v); };
  std::string count = s(n), units = s(4574 * n), cost = s(52143 * n), claim = s(46928 * n), burden = s(5215 * n);
  w.add({"7111", "202604", "1370000001", "1", "00", "01", count, units, cost, claim, "0", burden, "0", "", "0", "0", "0", "0"});
  for (std::uint64_t i = 0; i < n; ++i) bench::add_statement(w, i);
  return w.finish_to_string();
}

struct World {
  master::Masters masters;
  master::OfficeLedger offices;
  master::InsurerLedger insurers;
  std::string bytes;
  precheck::PrecheckContext context() const {
    precheck::PrecheckContext c;
    c.masters = &masters;
    c.offices = &offices;
    c.insurers = &insurers;
    c.processing_month = YearMonth{2026, 5};
    return c;
  }
};

const World& world() {
  static const World w = [] {
    auto masters = master::load_bundled_masters();
    auto offices = master::load_offices(
        "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,"
        "address,owner_name,bank_name,bank_branch\n1370000001,11,訪問介護ちよだ,1,20200401,,1,131016,,,,,\n",
        "offices.csv", &masters.table->service_types);
    auto insurers = master::load_insurers("insurer_no,name,valid_from,valid_to\n131011,千代田区,20000401,\n", "insurers.csv");
    return World{*masters.table, *offices.table, *insurers.table, claim_file(kBytes)};
  }();
  return w;
}

void run(benchmark::State& state, const precheck::FileResult& r) {
  if (r.error_count != 0) state.SkipWithError(("unexpected errors: " + r.errors.front().code).c_str());
  benchmark::DoNotOptimize(r.statements);
}

// From memory: the reader and every check.
void BM_PrecheckMemory(benchmark::State& state) {
  const World& w = world();
  auto context = w.context();
  for (auto _ : state) run(state, precheck::check_bytes("KK260501.CSV", w.bytes, context));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.bytes.size()));
}
BENCHMARK(BM_PrecheckMemory)->Unit(benchmark::kMillisecond)->Iterations(3);

// From a file on disk (page cache), with the document list reception keeps.
void BM_PrecheckFile(benchmark::State& state) {
  const World& w = world();
  auto path = std::filesystem::temp_directory_path() / "KK260501.CSV";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(w.bytes.data(), 1, w.bytes.size(), f);
  std::fclose(f);
  auto context = w.context();
  for (auto _ : state) run(state, precheck::check_file(path, context));
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * w.bytes.size()));
}
BENCHMARK(BM_PrecheckFile)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
