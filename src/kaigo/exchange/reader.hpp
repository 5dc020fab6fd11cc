// exchange/reader — the streaming reader of 交換情報 CSV files (claims-format.md §0–2).
// Owns: line splitting, optional quotes, the control / data / end structure, item checks against
// the layout tables, grouping of records into documents by key whatever their order, and the
// Diagnostics for everything a file does wrong. Memory does not grow with the file size for files
// whose documents are contiguous (all real senders); records of a document split across the file
// are merged, at the cost of holding only those documents until the end.
// Must not: interpret amounts or codes beyond the layout (no business rules).
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/diagnostic.hpp"
#include "kaigo/exchange/document.hpp"

namespace kaigo::exchange {

// コントロールレコード, items as read (項番 1 = レコード種別 "1").
struct ControlRecord {
  std::uint64_t line = 0;
  std::vector<std::string> items;
  std::string_view item(int no) const {
    return no >= 1 && static_cast<std::size_t>(no) <= items.size() ? std::string_view(items[static_cast<std::size_t>(no - 1)])
                                                                    : std::string_view{};
  }
  std::string_view data_type() const { return item(5); }          // データ種別
  std::string_view office_no() const { return item(8); }          // 事業所番号
  std::string_view processing_month() const { return item(11); }  // 処理対象年月
  std::string_view record_count() const { return item(4); }       // レコード件数
};

struct FileSummary {
  std::uint64_t bytes = 0;
  std::uint64_t lines = 0;
  std::uint64_t data_records = 0;
  std::uint64_t documents = 0;
  std::uint64_t errors = 0;
  std::uint64_t warnings = 0;
  bool has_control = false;
  bool has_end = false;
  bool ends_with_crlf = false;  // every line ended in CRLF (the official form)
};

// Receives what the reader finds, in file order (documents whose records were split across the
// file come after the contiguous ones, in the order of their first record).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void on_control(const ControlRecord&) {}
  virtual void on_document(const Document&) {}
  virtual void on_diagnostic(const Diagnostic&) {}
  virtual void on_finish(const FileSummary&) {}
};

struct ReadOptions {
  std::size_t max_line_bytes = 64 * 1024;  // longer lines are reported and skipped
  std::size_t chunk_bytes = 1 << 20;       // read size for files
  bool regroup = true;                     // merge documents whose records are not contiguous
  // false: no record's items are checked against their layout, nor its line for CP932 (no such
  // Diagnostics, no record marked has_errors for them); the file's structure still is — for bytes
  // that reception has checked already and stored.
  bool check_items = true;
};

// Reads the file at `path`. Throws std::runtime_error (Japanese / English) only when the file
// cannot be opened or read; everything wrong inside it is reported to the sink.
void read_file(const std::filesystem::path& path, Sink& sink, const ReadOptions& options = {});

// Reads bytes held in memory; `file_name` is used in the Diagnostics.
void read_bytes(std::string_view file_name, std::string_view bytes, Sink& sink, const ReadOptions& options = {});

}  // namespace kaigo::exchange
