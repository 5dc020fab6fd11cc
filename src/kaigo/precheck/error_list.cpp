#include "kaigo/precheck/error_list.hpp"

#include "kaigo/core/strings.hpp"

#include <set>

#include <fmt/format.h>

#include "kaigo/core/code_legend.hpp"
#include "kaigo/core/csv_text.hpp"
#include "kaigo/core/error_codes.hpp"

namespace kaigo::precheck {
namespace {

// サービス種類 as the list shows it: 「－」 when a document's error is not about one type.
std::string shown_type(const ErrorRow& r) {
  if (!r.service_type.empty()) return r.service_type;
  return r.form_kind.empty() ? std::string() : std::string("－");
}

std::set<std::string> codes_used(std::span<const FileResult> files) {
  return kaigo::codes_used(files, [](const FileResult& f) -> const auto& { return f.errors; });
}

void text_row(std::string& out, const ErrorRow& e) {
  out += fmt::format("  [{}] {} {} {} {} {} {}", enum_ja(e.level), e.code, dash_if_empty(e.form_kind),
                     dash_if_empty(e.service_month), dash_if_empty(shown_type(e)), dash_if_empty(e.insurer_no),
                     dash_if_empty(e.insured_no));
  if (e.item_no > 0) {
    out += fmt::format(" {}(項番{})=\"{}\"", e.item_name, e.item_no, escape_control(e.value));
  } else if (!e.item_name.empty()) {
    out += fmt::format(" {}=\"{}\"", e.item_name, escape_control(e.value));
  }
  out += fmt::format(": {} / {}", escape_control(e.message_ja), escape_control(e.message_en));
  if (e.line > 0) out += fmt::format(" （{}行目 / line {}）", e.line, e.line);
  out += '\n';
}

void text_file(std::string& out, const FileResult& f) {
  out += fmt::format("ファイル名 / file: {}\n", escape_control(f.file));
  out += fmt::format("  データ種別 {}  事業所番号 {}  処理対象年月 {}\n", dash_if_empty(f.data_type),
                     dash_if_empty(f.office_no), dash_if_empty(f.processing_month));
  out += fmt::format("  明細件数 {}  レコード件数 {}  / statements {}, records {}\n", f.statements, f.records,
                     f.statements, f.records);
  auto worst = f.worst();
  out += fmt::format("  エラー {} 件（伝送 {}・外部 {}・様式 {}）: {} / {} errors ({})\n", f.error_count,
                     f.count(Level::Transmission), f.count(Level::External), f.count(Level::Format),
                     worst ? enum_ja(*worst) : std::string_view("エラーなし"), f.error_count,
                     worst ? enum_code(*worst) : std::string_view("none"));
  if (!f.errors.empty()) {
    out += "  区分 コード 様式 提供年月 サービス種類 保険者番号 被保険者番号 項目名=値: エラー内容\n";
  }
  for (const auto& e : f.errors) text_row(out, e);
  if (f.truncated()) {
    out += fmt::format("  ……ほか {} 件は省略しました / {} more not listed\n", f.error_count - f.errors.size(),
                       f.error_count - f.errors.size());
  }
}

}  // namespace

std::string format_text(std::span<const FileResult> files) {
  return check_list_text(files, text_file, codes_used(files), find_error_code);
}

nlohmann::json to_json(const ErrorRow& r) {
  return {{"level", enum_code(r.level)},
          {"level_ja", enum_ja(r.level)},
          {"code", r.code},
          {"file", r.file},
          {"form_kind", r.form_kind},
          {"service_month", r.service_month},
          {"service_type", r.service_type},
          {"insurer_no", r.insurer_no},
          {"insured_no", r.insured_no},
          {"item_name", r.item_name},
          {"value", r.value},
          {"message_ja", r.message_ja},
          {"message_en", r.message_en},
          {"line", r.line},
          {"record_no", r.record_no},
          {"item_no", r.item_no},
          {"document_key", r.document_key.text()}};
}

nlohmann::json to_json(const FileResult& f) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : f.errors) errors.push_back(to_json(e));
  auto worst = f.worst();
  return {{"file", f.file},
          {"data_type", f.data_type},
          {"office_no", f.office_no},
          {"processing_month", f.processing_month},
          {"bytes", f.bytes},
          {"statements", f.statements},
          {"records", f.records},
          {"error_count", f.error_count},
          {"truncated", f.truncated()},
          {"worst", worst ? nlohmann::json(enum_code(*worst)) : nlohmann::json(nullptr)},
          {"levels",
           {{"transmission", f.count(Level::Transmission)},
            {"external", f.count(Level::External)},
            {"format", f.count(Level::Format)}}},
          {"errors", std::move(errors)}};
}

nlohmann::json to_json(std::span<const FileResult> files) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : files) list.push_back(to_json(f));
  return {{"files", std::move(list)}, {"codes", code_legend_json(codes_used(files), find_error_code)}};
}

std::string format_csv(std::span<const FileResult> files) {
  std::string out;
  append_csv_row(out, {"ファイル名", "様式", "提供年月", "サービス種類", "保険者番号", "被保険者番号", "項目名", "値",
                 "エラー内容", "コード", "区分", "行", "レコード番号", "項番", "明細件数", "レコード件数", "原因",
                 "対応", "message_en"});
  for (const auto& f : files) {
    std::string statements = fmt::to_string(f.statements);
    std::string records = fmt::to_string(f.records);
    if (f.errors.empty()) {
      append_csv_row(out, {f.file, "", "", "", "", "", "", "", "", "", "", "", "", "", statements, records, "", "", ""});
    }
    for (const auto& e : f.errors) {
      const ErrorCode* t = find_error_code(e.code);
      append_csv_row(out, {e.file, e.form_kind, e.service_month, shown_type(e), e.insurer_no, e.insured_no, e.item_name,
                     e.value, e.message_ja, e.code, std::string(enum_ja(e.level)),
                     e.line ? fmt::to_string(e.line) : std::string(), e.record_no ? fmt::to_string(e.record_no) : std::string(),
                     e.item_no ? fmt::to_string(e.item_no) : std::string(), statements, records,
                     t ? std::string(t->cause_ja) : std::string(), t ? std::string(t->action_ja) : std::string(),
                     e.message_en});
    }
  }
  return out;
}

}  // namespace kaigo::precheck
