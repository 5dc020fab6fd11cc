// careplan/reader — the streaming reader of the standard's files. From the file name it takes the
// kind (and so the layout), the month and both offices; then it reads record by record in bounded
// memory (the longest record plus a read chunk): CSV syntax (csv.hpp), MS932 only (UTF-8 is
// recognised and refused), the item count and every item against the layout (items.hpp), the CSV
// version against the service month and the one-version-per-file rule, and the months of the
// records against the name. Every finding is a Diagnostic with its CPnn code (codes.hpp).
// Must not: apply the rules that relate records to each other or to the hub (rules.hpp does).
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kaigo/careplan/file_name.hpp"
#include "kaigo/careplan/layout.hpp"
#include "kaigo/core/diagnostic.hpp"

namespace kaigo::careplan {

// One data record as read. Values are the CP932 bytes of the items, unescaped; nothing is
// interpreted. Valid only during the Sink call that receives it.
struct Record {
  const FileKind* kind = nullptr;
  const Layout* layout = nullptr;       // nullptr when the items could not be checked
  const CsvVersion* version = nullptr;  // nullptr when item 1 is no known version
  std::uint64_t line = 0;               // first physical line
  std::uint64_t end_line = 0;           // last physical line (a quoted line break spans lines)
  std::span<const std::string_view> values;
  std::span<const std::uint8_t> quoted;  // 1 where the item was enclosed in quotes
  std::span<const std::uint64_t> item_lines;  // the physical line of each item
  bool has_errors = false;              // an error-level finding names the record

  // The value of item `no` (1-based), or empty when the record has fewer items.
  std::string_view item(int no) const {
    return no >= 1 && static_cast<std::size_t>(no) <= values.size() ? values[static_cast<std::size_t>(no - 1)]
                                                                      : std::string_view{};
  }
};

struct FileSummary {
  std::string file;
  std::optional<FileName> name;   // when the name follows the rule
  std::string version;            // CSVバージョン of the first record, as written
  std::uint64_t bytes = 0;
  std::uint64_t lines = 0;
  std::uint64_t records = 0;
  std::uint64_t errors = 0;       // findings of error severity, the reader's and the rules'
  std::uint64_t warnings = 0;
  bool refused = false;           // the reader stopped: UTF-8, an unterminated quote, a record too long
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void on_name(const std::optional<FileName>&) {}
  // A finding; `record` is the record it is about (its diagnostics come before on_record).
  virtual void on_diagnostic(const Diagnostic&, const Record* /*record*/) {}
  virtual void on_record(const Record&) {}
  virtual void on_finish(const FileSummary&) {}
};

struct ReadOptions {
  std::size_t max_record_bytes = 1 << 20;  // a longer record stops the reading (CP13)
  std::size_t chunk_bytes = 1 << 20;       // read size for files
};

// Reads bytes held in memory; `file_name` is the name as sent (its base name is checked).
void read_bytes(std::string_view file_name, std::string_view bytes, Sink& sink, const ReadOptions& options = {});

// Reads a file in bounded memory. Throws std::runtime_error (Japanese / English) only when the
// file cannot be opened or read.
void read_file(const std::filesystem::path& path, Sink& sink, const ReadOptions& options = {});

// A Diagnostic of `finding` with its code, severity and title; `detail_*` are appended to it.
Diagnostic make_diagnostic(Finding finding, std::string_view file, std::uint64_t line, std::string_view detail_ja = {},
                           std::string_view detail_en = {});

}  // namespace kaigo::careplan
