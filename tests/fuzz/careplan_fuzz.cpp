// libFuzzer target for the care-plan reader and its rules (kaigo careplan check): any bytes, under
// the name of any file kind (the first input byte picks it), must give findings, never a crash,
// hang, leak or undefined behaviour. What is read is written back with its quoting and read again,
// which must give back every record with the same values (the writer's output is always readable).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/sample.hpp"
#include "kaigo/careplan/writer.hpp"

namespace {

using namespace kaigo::careplan;

struct Collect : Sink {
  std::vector<std::vector<std::string>> records;
  bool header = false;
  void on_diagnostic(const kaigo::Diagnostic& d, const Record*) override { header |= d.code == "CP14"; }
  void on_record(const Record& r) override { records.emplace_back(r.values.begin(), r.values.end()); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& kinds = Registry::instance().kinds();
  const FileKind& kind = *kinds[data[0] % kinds.size()];
  std::string name = sample_name(kind).str();
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (kind.layout == nullptr) {
    (void)check_bytes(name, bytes);
    return 0;
  }
  CheckOptions options;
  options.read.max_record_bytes = 4096;  // small, so that the fuzzer reaches the too-long paths
  options.max_rows = 64;
  Writer writer(*kind.layout);
  std::vector<std::vector<std::string>> written;
  options.on_record = [&](const Record& r, bool) {
    writer.add(r.values, r.quoted);
    written.emplace_back(r.values.begin(), r.values.end());
  };
  FileCheck first = check_bytes(name, bytes, options);
  if (first.records != written.size()) __builtin_trap();
  Collect again;
  ReadOptions reread;
  reread.max_record_bytes = 1 << 20;
  read_bytes(name, writer.bytes(), again, reread);
  // A header row is not written back, and a record whose first item has no digit is taken for a
  // header when it comes first; either changes which line decides the encoding (the first with a
  // non-ASCII byte), so the two reads are compared only when neither met a header.
  bool header = again.header;
  for (const auto& row : first.rows) header |= row.code == "CP14";
  if (!header && again.records != written) __builtin_trap();
  return 0;
}
