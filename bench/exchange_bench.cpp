// Reader and writer throughput of the 交換情報 codec (docs/performance.md).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"
#include "synthetic_file.hpp"

namespace {

using namespace kaigo;

struct CountSink : exchange::Sink {
  std::uint64_t documents = 0;
  std::uint64_t diagnostics = 0;
  void on_document(const exchange::Document&) override { ++documents; }
  void on_diagnostic(const Diagnostic&) override { ++diagnostics; }
};

const std::string& sample() {
  static const std::string bytes = bench::synthetic_file(64u << 20);
  return bytes;
}

// Parse + validate every item + group into 明細書, from memory.
void BM_ReadValidateMemory(benchmark::State& state) {
  const std::string& bytes = sample();
  for (auto _ : state) {
    CountSink sink;
    exchange::read_bytes("BENCH.CSV", bytes, sink);
    if (sink.diagnostics != 0) state.SkipWithError("unexpected diagnostics");
    benchmark::DoNotOptimize(sink.documents);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_ReadValidateMemory)->Unit(benchmark::kMillisecond);

// The same from a file on disk (page cache), including the regrouping pre-scan.
void BM_ReadValidateFile(benchmark::State& state) {
  const std::string& bytes = sample();
  auto path = std::filesystem::temp_directory_path() / "kaigo-bench-read.csv";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  for (auto _ : state) {
    CountSink sink;
    exchange::read_file(path, sink);
    benchmark::DoNotOptimize(sink.documents);
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_ReadValidateFile)->Unit(benchmark::kMillisecond);

void BM_Write(benchmark::State& state) {
  std::size_t produced = 0;
  for (auto _ : state) {
    exchange::Writer w(bench::synthetic_control());
    for (std::uint64_t n = 0; n < 50000; ++n) bench::add_statement(w, n);
    std::string out = w.finish_to_string();
    produced = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * produced));
}
BENCHMARK(BM_Write)->Unit(benchmark::kMillisecond);

}  // namespace
