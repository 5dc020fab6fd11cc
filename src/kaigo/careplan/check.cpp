#include "kaigo/careplan/check.hpp"

#include <algorithm>

#include "kaigo/careplan/rules.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::careplan {
namespace {

class Collector final : public Sink {
 public:
  Collector(std::string_view file, const CheckOptions& options)
      : rules_(std::filesystem::path(file).filename().string()), options_(options) {}

  void on_name(const std::optional<FileName>& name) override {
    rules_.on_name(name);
    if (!name) return;
    result_.name = name;
    result_.kind = name->kind->prefix;
    result_.title = name->kind->title;
    if (name->month) month_ = name->month->str();
    else if (name->zero_month) month_ = "000000";
  }

  void on_diagnostic(const Diagnostic& d, const Record* record) override {
    add(d, record ? text::printable(record->item(2)) : std::string(),
        record ? text::printable(record->item(3)) : std::string());
  }

  void on_record(const Record& record) override {
    found_.clear();
    rules_.check(record, found_);
    bool errors = record.has_errors;
    for (const auto& d : found_) {
      errors |= d.severity == Severity::Error;
      add(d, text::printable(record.item(2)), text::printable(record.item(3)));
    }
    if (options_.on_record) options_.on_record(record, errors);
  }

  void on_finish(const FileSummary& s) override {
    std::vector<PersonFinding> persons;
    rules_.finish(persons);
    for (const auto& p : persons) add(p.diagnostic, text::printable(p.insurer_no), text::printable(p.insured_no));
    result_.file = s.file;
    result_.version = s.version;
    result_.bytes = s.bytes;
    result_.lines = s.lines;
    result_.records = s.records;
    result_.refused = s.refused;
    // Rules add their rows after the reader's: put every row in line order, file rows first.
    std::stable_sort(result_.rows.begin(), result_.rows.end(),
                     [](const CheckRow& a, const CheckRow& b) { return a.line < b.line; });
  }

  FileCheck take() { return std::move(result_); }

 private:
  void add(const Diagnostic& d, std::string insurer, std::string insured) {
    if (d.severity == Severity::Error) ++result_.error_count;
    else ++result_.warning_count;
    if (result_.rows.size() >= options_.max_rows) return;
    CheckRow row;
    row.severity = d.severity;
    row.code = d.code;
    row.file = d.file;
    row.line = d.line;
    row.item_no = d.item_no;
    row.item_name = d.item_name;
    row.value = d.value;
    row.insurer_no = std::move(insurer);
    row.insured_no = std::move(insured);
    row.month = month_;
    row.message_ja = d.message_ja;
    row.message_en = d.message_en;
    result_.rows.push_back(std::move(row));
  }

  RuleChecker rules_;
  const CheckOptions& options_;
  FileCheck result_;
  std::string month_;
  std::vector<Diagnostic> found_;
};

}  // namespace

FileCheck check_bytes(std::string_view file_name, std::string_view bytes, const CheckOptions& options) {
  Collector c(file_name, options);
  read_bytes(file_name, bytes, c, options.read);
  return c.take();
}

FileCheck check_file(const std::filesystem::path& path, const CheckOptions& options) {
  Collector c(path.filename().string(), options);
  read_file(path, c, options.read);
  return c.take();
}

}  // namespace kaigo::careplan
