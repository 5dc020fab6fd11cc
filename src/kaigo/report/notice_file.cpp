#include "kaigo/report/notice_file.hpp"

#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"
#include "kaigo/report/detail/text_file.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::report {
namespace {

exchange::ControlFields control_for(const Notice& n) {
  validate(n);
  exchange::ControlFields control;
  control.data_type = exchange::Registry::instance().form(n.form)->data_type;
  control.office_no = text::to_cp932(n.office_no);
  control.processing_month = n.month.str();
  return control;
}

void add_records(exchange::Writer& w, const Notice& n) {
  std::vector<std::string> items;
  for (const auto& r : n.records) {
    items.assign({n.form, r.kind});
    items.insert(items.end(), r.items.begin(), r.items.end());
    w.add_utf8(items);
  }
}

// Collects the records of one notice form, in file order.
struct Collect : exchange::Sink {
  std::string file;
  std::string form;
  std::string office_no, month;
  std::vector<NoticeRecord> records;
  std::string first_error;

  void on_control(const exchange::ControlRecord& c) override {
    office_no = text::to_utf8(c.office_no());
    month = std::string(c.processing_month());
  }
  void on_document(const exchange::Document& d) override {
    if (d.has_errors) return;  // its Diagnostic says why
    if (form.empty()) form = d.code;
    if (d.code != form && first_error.empty())
      first_error = fmt::format("{}: 二つの交換情報識別番号 ({}, {}) があります / two forms ({}, {}) in one file", file,
                                form, d.code, form, d.code);
    for (const auto& r : d.records()) {
      NoticeRecord nr{text::to_utf8(r.kind), {}};
      for (std::size_t i = 2; i < r.items.size(); ++i) nr.items.push_back(text::to_utf8(r.items[i]));
      records.push_back(std::move(nr));
    }
  }
  void on_diagnostic(const Diagnostic& d) override {
    if (d.severity == Severity::Error && first_error.empty()) first_error = d.to_string();
  }
};

}  // namespace

std::string csv_bytes(const Notice& n) {
  exchange::Writer w(control_for(n));
  add_records(w, n);
  return w.finish_to_string();
}

void write_csv(const Notice& n, const std::filesystem::path& path) {
  exchange::Writer w(control_for(n));
  add_records(w, n);
  w.finish_to_file(path);
}

namespace {

Notice finish(std::string_view file_name, Collect& c) {
  if (!c.first_error.empty()) throw std::runtime_error(c.first_error);  // names the file already
  if (c.records.empty())
    throw std::runtime_error(fmt::format("{}: 帳票レコードがありません / no notice records", file_name));
  try {
    auto n = make_notice(c.form, std::move(c.records));
    auto month = YearMonth::parse(c.month);
    if (!month || c.office_no != n.office_no || *month != n.month)
      throw std::invalid_argument(
          fmt::format("コントロールレコードの事業所番号・処理対象年月 ({}, {}) が H1 と違います / the control record's "
                      "office and month "
                      "({}, {}) differ from H1",
                      c.office_no, c.month, c.office_no, c.month));
    return n;
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(fmt::format("{}: {}", file_name, e.what()));
  }
}

}  // namespace

Notice read_notice_bytes(std::string_view file_name, std::string_view bytes) {
  Collect c;
  c.file = std::string(file_name);
  exchange::read_bytes(file_name, bytes, c);
  return finish(file_name, c);
}

std::filesystem::path print_values_path(const std::filesystem::path& csv_path) {
  auto p = csv_path;
  return p.replace_extension(".values.tsv");
}

std::optional<std::filesystem::path> write_print_values(const Notice& n, const std::filesystem::path& csv_path) {
  if (n.print_values.empty()) return std::nullopt;
  std::string text = "name\tvalue\n";
  for (const auto& [name, value] : n.print_values) text += name + "\t" + value + "\n";
  const auto path = print_values_path(csv_path);
  write_text_file(path, text);
  return path;
}

namespace {

void read_print_values(const std::filesystem::path& path, Notice& n) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{} を読めません / cannot read {}", path.string(), path.string()));
  std::string line;
  for (std::size_t no = 1; std::getline(in, line); ++no) {
    auto tab = line.find('\t');
    if (no == 1) {
      if (line != "name\tvalue")
        throw std::runtime_error(
            fmt::format("{}:1: 見出し行は name<TAB>value / the header must be name<TAB>value", path.string()));
      continue;
    }
    if (tab == std::string::npos || tab == 0 || line.find('\t', tab + 1) != std::string::npos)
      throw std::runtime_error(
          fmt::format("{}:{}: name<TAB>value ではありません / not name<TAB>value: {}", path.string(), no, line));
    n.print_values[line.substr(0, tab)] = line.substr(tab + 1);
  }
}

}  // namespace

Notice read_notice(const std::filesystem::path& path) {
  Collect c;
  c.file = path.string();
  exchange::read_file(path, c);
  auto n = finish(path.string(), c);
  if (auto values = print_values_path(path); std::filesystem::exists(values)) read_print_values(values, n);
  return n;
}

}  // namespace kaigo::report
