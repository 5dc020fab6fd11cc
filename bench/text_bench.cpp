// Throughput of CP932 validation and conversion on a typical claim-file mix (ASCII with names).
#include <benchmark/benchmark.h>

#include <string>

#include "kaigo/text/cp932.hpp"

namespace {

std::string sample(std::size_t bytes) {
  std::string line = kaigo::text::to_cp932(
      "2,12,7131,01,202604,1370000001,00131011,0000012345,,,,,,,19380512,2,23,,20250401,20270331,1,"
      "1370000099,,,,,,0,0,,90,,,,9876,88884,9876,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,ﾔﾏﾀﾞ ﾊﾅｺ,山田花子\r\n");
  std::string out;
  while (out.size() < bytes) out += line;
  return out;
}

void BM_FindInvalidCp932(benchmark::State& state) {
  std::string data = sample(1 << 22);
  for (auto _ : state) benchmark::DoNotOptimize(kaigo::text::find_invalid_cp932(data));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(data.size()));
}
BENCHMARK(BM_FindInvalidCp932);

void BM_Cp932ToUtf8(benchmark::State& state) {
  std::string data = sample(1 << 22);
  std::string out;
  for (auto _ : state) {
    out.clear();
    kaigo::text::cp932_to_utf8(data, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(data.size()));
}
BENCHMARK(BM_Cp932ToUtf8);

}  // namespace
