// Throughput of the care-plan files (docs/performance.md): `careplan check` of a big 第6表 予定 file
// — CSV syntax with quoted free text, MS932, every item against the layout, the CSV version, the
// record rules with their duplicate-key set and per-person state — from memory and from disk, and
// writing the same file from values.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/records.hpp"

namespace {

using namespace kaigo;
using namespace kaigo::careplan;

constexpr std::string_view kName = "UPPLAN_202506_1310000001_43_1310000002_11_20250520170000.CSV";

// Persons of a June 2025 plan: visits at the receiving office on 8 days, a monthly reduction and a
// rental line with a quoted product name holding a comma.
std::vector<UsageSheet> sheets(std::size_t bytes_wanted) {
  std::vector<UsageSheet> out;
  std::size_t approx = 0;
  for (int p = 0; approx < bytes_wanted; ++p) {
    UsageSheet s;
    s.person = {"131016", fmt::format("{:010d}", 100000 + p)};
    s.created = {2025, 5, 20};
    s.month = {2025, 6};
    s.plan_office_no = "1310000001";
    s.planner_name = "居宅　花子";
    for (int d = 0; d < 8; ++d) {
      ServiceUse u;
      u.date = {2025, 6, 2 + 3 * d};
      u.start_time = "0900";
      u.end_time = "0930";
      u.service_code = "111111";
      u.units = Units{250};
      u.office_no = "1310000002";
      u.office_name = "ケアステーションあおば";
      u.updater = "1310000001";
      s.lines.push_back(u);
    }
    ServiceUse rental;
    rental.date = {2025, 6, 1};
    rental.service_code = "171001";
    rental.units = Units{500};
    rental.tais_code = "00170-000123";
    rental.product_name = "自走用車いす, 標準型";
    rental.discriminator = 1;
    rental.office_no = "1310000003";
    rental.office_name = "福祉用具ひまわり";
    rental.updater = "1310000001";
    s.lines.push_back(rental);
    approx += 10 * 175;
    out.push_back(std::move(s));
  }
  return out;
}

const std::string& sample() {
  static const std::string bytes = write_usage_sheets(sheets(64u << 20));
  return bytes;
}

void BM_CareplanCheckMemory(benchmark::State& state) {
  const std::string& bytes = sample();
  for (auto _ : state) {
    FileCheck c = check_bytes(kName, bytes);
    if (c.error_count + c.warning_count != 0) state.SkipWithError("unexpected findings");
    benchmark::DoNotOptimize(c.records);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.SetLabel(fmt::format("{} bytes", bytes.size()));
}
BENCHMARK(BM_CareplanCheckMemory)->Unit(benchmark::kMillisecond);

void BM_CareplanCheckFile(benchmark::State& state) {
  const std::string& bytes = sample();
  auto path = std::filesystem::temp_directory_path() / std::string(kName);
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  for (auto _ : state) {
    FileCheck c = check_file(path);
    benchmark::DoNotOptimize(c.records);
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_CareplanCheckFile)->Unit(benchmark::kMillisecond);

void BM_CareplanWrite(benchmark::State& state) {
  static const auto values = sheets(16u << 20);
  std::size_t produced = 0;
  for (auto _ : state) {
    std::string out = write_usage_sheets(values);
    produced = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * produced));
}
BENCHMARK(BM_CareplanWrite)->Unit(benchmark::kMillisecond);

}  // namespace
