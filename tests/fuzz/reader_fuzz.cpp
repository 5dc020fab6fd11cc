// libFuzzer target for the 交換情報 reader: any bytes must give Diagnostics, never a crash, hang,
// leak or undefined behaviour. What is read is also written back and read again, which must give
// back every record written (the writer's output is always readable).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"

namespace {

using namespace kaigo::exchange;

struct Rewrite : Sink {
  std::unique_ptr<Writer> writer;
  std::size_t records = 0;
  void on_control(const ControlRecord& c) override { writer = std::make_unique<Writer>(ControlFields::from_items(c.items)); }
  void on_document(const Document& d) override {
    for (const auto& r : d.records()) {
      if (!writer) continue;
      writer->add(r.items);
      ++records;
    }
  }
};

struct Count : Sink {
  std::size_t records = 0;
  void on_document(const Document& d) override { records += d.records().size(); }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_line_bytes = 4096;  // small, so that the fuzzer reaches the too-long path
  Rewrite first;
  read_bytes("FUZZ.CSV", bytes, first, options);
  if (!first.writer) return 0;
  std::string written = first.writer->finish_to_string();
  Count second;
  ReadOptions reread;
  reread.max_line_bytes = 1 << 20;  // the written record number may lengthen a line
  read_bytes("FUZZ2.CSV", written, second, reread);
  // Every record the writer wrote is read back as a record of a document.
  if (second.records != first.records) __builtin_trap();
  return 0;
}
