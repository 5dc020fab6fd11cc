#include "kaigo/careplan/check_list.hpp"

#include <set>

#include <fmt/format.h>

#include "kaigo/careplan/codes.hpp"
#include "kaigo/core/code_legend.hpp"
#include "kaigo/core/csv_text.hpp"

namespace kaigo::careplan {
namespace {

std::string_view severity_ja(Severity s) { return s == Severity::Error ? "エラー" : "警告"; }

// finding_text by code, for the legend (finding_text is overloaded).
const FindingText* legend_entry(const std::string& code) { return finding_text(code); }

std::set<std::string> codes_used(std::span<const FileCheck> files) {
  return kaigo::codes_used(files, [](const FileCheck& f) -> const auto& { return f.rows; });
}

std::string endpoint(const Endpoint& e) {
  return e.service_type.empty() ? e.office_no : fmt::format("{}（{}）", e.office_no, e.service_type);
}

void text_file(std::string& out, const FileCheck& f) {
  out += fmt::format("ファイル名 / file: {}\n", f.file);
  if (f.name) {
    const FileName& n = *f.name;
    out += fmt::format("  種類 {} {}  対象年月 {}  送信元 {}  送信先 {}  ファイル連番 {}{}\n", f.kind, f.title,
                       n.month ? n.month->str() : (n.zero_month ? std::string("000000") : std::string("－")),
                       endpoint(n.sender), endpoint(n.receiver), n.serial,
                       n.form == NameForm::V3 ? "  (202208 形式の名前 / 202208 name)" : "");
  }
  out += fmt::format("  CSVバージョン {}  レコード {} 件  {} 行  {} バイト / records {}, lines {}, bytes {}\n",
                     dash_if_empty(f.version), f.records, f.lines, f.bytes, f.records, f.lines, f.bytes);
  out += fmt::format("  エラー {} 件  警告 {} 件{} / {} errors, {} warnings{}\n", f.error_count, f.warning_count,
                     f.refused ? "（読み込みを中止）" : "", f.error_count, f.warning_count, f.refused ? " (reading stopped)" : "");
  if (!f.rows.empty()) out += "  区分 コード 行 保険者番号 被保険者番号 項目名(No.)=値: 内容\n";
  for (const auto& r : f.rows) {
    out += fmt::format("  [{}] {} {} {} {}", severity_ja(r.severity), r.code, r.line > 0 ? fmt::format("{}行目", r.line) : "－",
                       dash_if_empty(r.insurer_no), dash_if_empty(r.insured_no));
    if (r.item_no > 0) out += fmt::format(" {}(No.{})=\"{}\"", r.item_name, r.item_no, r.value);
    else if (!r.value.empty()) out += fmt::format(" \"{}\"", r.value);
    out += fmt::format(": {} / {}\n", r.message_ja, r.message_en);
  }
  if (f.truncated()) {
    auto more = f.error_count + f.warning_count - f.rows.size();
    out += fmt::format("  ……ほか {} 件は省略しました / {} more not listed\n", more, more);
  }
}

nlohmann::json endpoint_json(const Endpoint& e) { return {{"office_no", e.office_no}, {"service_type", e.service_type}}; }

nlohmann::json name_json(const std::optional<FileName>& n) {
  if (!n) return nullptr;
  return {{"form", n->form == NameForm::V4 ? "v4" : "202208"},
          {"month", n->month ? n->month->str() : (n->zero_month ? "000000" : "")},
          {"sender", endpoint_json(n->sender)},
          {"receiver", endpoint_json(n->receiver)},
          {"serial", n->serial},
          {"branch", n->branch}};
}

}  // namespace

std::string format_text(std::span<const FileCheck> files) {
  return check_list_text(files, text_file, codes_used(files), legend_entry);
}

nlohmann::json to_json(const CheckRow& r) {
  return {{"severity", enum_code(r.severity)},
          {"code", r.code},
          {"file", r.file},
          {"line", r.line},
          {"item_no", r.item_no},
          {"item_name", r.item_name},
          {"value", r.value},
          {"insurer_no", r.insurer_no},
          {"insured_no", r.insured_no},
          {"month", r.month},
          {"message_ja", r.message_ja},
          {"message_en", r.message_en}};
}

nlohmann::json to_json(std::span<const FileCheck> files) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : files) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : f.rows) rows.push_back(to_json(r));
    list.push_back({{"file", f.file},
                    {"kind", f.kind},
                    {"title", f.title},
                    {"name", name_json(f.name)},
                    {"version", f.version},
                    {"bytes", f.bytes},
                    {"lines", f.lines},
                    {"records", f.records},
                    {"error_count", f.error_count},
                    {"warning_count", f.warning_count},
                    {"refused", f.refused},
                    {"truncated", f.truncated()},
                    {"rows", std::move(rows)}});
  }
  auto codes = code_legend_json(codes_used(files), legend_entry, [](nlohmann::json& entry, const FindingText& t) {
    entry["severity"] = enum_code(t.severity);
  });
  return {{"files", std::move(list)}, {"codes", std::move(codes)}};
}

std::string format_csv(std::span<const FileCheck> files) {
  std::string out;
  append_csv_row(out, {"ファイル名", "種類", "対象年月", "保険者番号", "被保険者番号", "行", "No.", "項目名", "値", "コード", "区分",
                 "内容", "原因", "対応", "message_en", "レコード件数", "エラー件数", "警告件数"});
  for (const auto& f : files) {
    std::string records = fmt::to_string(f.records);
    std::string errors = fmt::to_string(f.error_count);
    std::string warnings = fmt::to_string(f.warning_count);
    std::string month = f.name && f.name->month ? f.name->month->str() : (f.name && f.name->zero_month ? "000000" : "");
    if (f.rows.empty()) append_csv_row(out, {f.file, f.kind, month, "", "", "", "", "", "", "", "", "", "", "", "", records, errors, warnings});
    for (const auto& r : f.rows) {
      const FindingText* t = finding_text(r.code);
      append_csv_row(out, {r.file, f.kind, r.month, r.insurer_no, r.insured_no, r.line ? fmt::to_string(r.line) : "",
                     r.item_no ? fmt::to_string(r.item_no) : "", r.item_name, r.value, r.code,
                     std::string(severity_ja(r.severity)), r.message_ja, t ? std::string(t->cause_ja) : "",
                     t ? std::string(t->action_ja) : "", r.message_en, records, errors, warnings});
    }
  }
  return out;
}

}  // namespace kaigo::careplan
