#include "kaigo/exchange/inspect.hpp"

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::exchange {
namespace {

std::int64_t num(std::string_view v) { return parse_int(v).value_or(0); }

class FileTally : public Sink {
 public:
  explicit FileTally(FileReport& r) : r_(r) {}
  void on_control(const ControlRecord& c) override {
    r_.control = c;
    r_.has_control = true;
  }
  void on_diagnostic(const Diagnostic& d) override { r_.diagnostics.push_back(d); }
  void on_finish(const FileSummary& s) override { r_.summary = s; }
  void on_document(const Document& d) override {
    r_.documents_per_form[d.code] += 1;
    r_.records_per_form[d.code] += static_cast<std::int64_t>(d.records().size());
    if (d.form == nullptr) return;
    switch (d.form->family) {
      case Family::Statement: statement(d); break;
      case Family::CarePlan: care_plan(d); break;
      case Family::Plan: plan(d); break;
      case Family::Invoice: invoice(d); break;
      case Family::Appeal:
      case Family::Notice: break;
    }
  }

 private:
  void statement(const Document& d) {
    ++r_.statements;
    const Record* base = d.find("01");
    if (base == nullptr) return;
    add(r_.insurance, num(base->item(33)), num(base->item(34)), num(base->item(35)));
    for (int k = 0; k < 3; ++k) {
      int first = 39 + 6 * k;
      add(r_.public_funds[k], num(base->item(first)), num(base->item(first + 1)), num(base->item(first + 2)));
    }
  }
  void care_plan(const Document& d) {
    ++r_.statements;
    for (const auto& rec : d.records()) {
      if (rec.item(16) == "99") {
        r_.care_plan_units += num(rec.item(21));
        r_.care_plan_claimed += num(rec.item(22));
      }
    }
  }
  void plan(const Document& d) {
    ++r_.plans;
    for (const auto& rec : d.records()) {
      if (rec.item(8) == "99") r_.plan_units += num(rec.item(24));
    }
  }
  void invoice(const Document& d) {
    for (const auto& rec : d.records()) {
      ++r_.invoices;
      auto& t = rec.item(4) == "2" ? r_.invoice_public : r_.invoice_insurance;
      t.statements += num(rec.item(7));
      t.units += num(rec.item(8));
      t.claimed += rec.item(4) == "2" ? num(rec.item(11)) : num(rec.item(10));
      t.user_share += num(rec.item(12));
    }
  }
  static void add(InspectedTotals& t, std::int64_t units, std::int64_t claimed, std::int64_t share) {
    if (units == 0 && claimed == 0 && share == 0) return;
    ++t.statements;
    t.units += units;
    t.claimed += claimed;
    t.user_share += share;
  }
  FileReport& r_;
};

std::string form_title(const std::string& code) {
  const Form* f = Registry::instance().form(code);
  return f ? f->title : "（不明 / unknown）";
}

std::string utf8(std::string_view cp932) { return text::printable(cp932); }

}  // namespace

FileReport inspect_file(const std::filesystem::path& path) {
  FileReport r;
  r.file = path.filename().string();
  FileTally t(r);
  read_file(path, t);
  return r;
}

FileReport inspect_bytes(std::string_view name, std::string_view bytes) {
  FileReport r;
  r.file = std::string(name);
  FileTally t(r);
  read_bytes(name, bytes, t);
  return r;
}

nlohmann::json to_json(const Diagnostic& d) {
  return {{"severity", enum_code(d.severity)}, {"code", d.code},           {"file", d.file},
          {"line", d.line},                        {"record_no", d.record_no}, {"item_no", d.item_no},
          {"item_name", d.item_name},              {"value", d.value},         {"message_ja", d.message_ja},
          {"message_en", d.message_en}};
}

namespace {
nlohmann::json payer_json(const InspectedTotals& t) {
  return {{"statements", t.statements}, {"units", t.units}, {"claimed", t.claimed}, {"user_share", t.user_share}};
}
}  // namespace

nlohmann::json to_json(const FileReport& r) {
  nlohmann::json j;
  j["file"] = r.file;
  j["bytes"] = r.summary.bytes;
  j["lines"] = r.summary.lines;
  if (r.has_control) {
    j["control"] = {{"data_type", utf8(r.control.data_type())},
                    {"office_no", utf8(r.control.office_no())},
                    {"processing_month", utf8(r.control.processing_month())},
                    {"record_count", utf8(r.control.record_count())},
                    {"media", utf8(r.control.item(10))}};
  } else {
    j["control"] = nullptr;
  }
  j["data_records"] = r.summary.data_records;
  j["has_end_record"] = r.summary.has_end;
  j["crlf"] = r.summary.ends_with_crlf;
  nlohmann::json forms = nlohmann::json::array();
  for (const auto& [code, n] : r.records_per_form) {
    forms.push_back({{"code", utf8(code)}, {"title", form_title(code)}, {"records", n},
                     {"documents", r.documents_per_form.at(code)}});
  }
  j["forms"] = forms;
  j["statements"] = r.statements;
  j["benefit_plans"] = r.plans;
  j["invoice_records"] = r.invoices;
  j["totals"] = {{"insurance", payer_json(r.insurance)},
                 {"public", {payer_json(r.public_funds[0]), payer_json(r.public_funds[1]), payer_json(r.public_funds[2])}},
                 {"care_plan", {{"units", r.care_plan_units}, {"claimed", r.care_plan_claimed}}},
                 {"benefit_plan_units", r.plan_units},
                 {"invoice_insurance", payer_json(r.invoice_insurance)},
                 {"invoice_public", payer_json(r.invoice_public)}};
  nlohmann::json diags = nlohmann::json::array();
  for (const auto& d : r.diagnostics) diags.push_back(to_json(d));
  j["errors"] = r.summary.errors;
  j["warnings"] = r.summary.warnings;
  j["diagnostics"] = diags;
  return j;
}

std::string format_text(const FileReport& r) {
  std::string o;
  auto line = [&o](std::string s) {
    o += s;
    o += '\n';
  };
  line(fmt::format("ファイル / file: {}  ({} バイト, {} 行{})", r.file, r.summary.bytes, r.summary.lines,
                   r.summary.ends_with_crlf ? ", CRLF" : ", LF あり"));
  if (r.has_control) {
    line(fmt::format("コントロールレコード: データ種別 {}  事業所番号 {}  処理対象年月 {}  レコード件数 {}  媒体区分 {}",
                     utf8(r.control.data_type()), utf8(r.control.office_no()), utf8(r.control.processing_month()),
                     utf8(r.control.record_count()), utf8(r.control.item(10))));
  } else {
    line("コントロールレコード: なし / none");
  }
  line(fmt::format("データレコード {} 件, エンドレコード {}", r.summary.data_records, r.summary.has_end ? "あり" : "なし"));
  line("交換情報識別番号ごとの件数 / records per exchange code:");
  for (const auto& [code, n] : r.records_per_form) {
    line(fmt::format("  {}  {:>8} レコード {:>8} 件  {}", utf8(code), n, r.documents_per_form.at(code), form_title(code)));
  }
  line(fmt::format("明細書 {} 件, 給付管理票 {} 件, 請求書レコード {} 件", r.statements, r.plans, r.invoices));
  auto payer = [&](const char* label, const InspectedTotals& t, const char* share) {
    line(fmt::format("  {:<6} {:>6} 件  単位数 {:>12}  請求額 {:>14} 円  {} {:>12} 円", label, t.statements, t.units,
                     t.claimed, share, t.user_share));
  };
  line("明細書の合計 / totals of the statements:");
  payer("保険", r.insurance, "利用者負担");
  for (int k = 0; k < 3; ++k) payer(k == 0 ? "公費1" : k == 1 ? "公費2" : "公費3", r.public_funds[k], "本人負担");
  if (r.care_plan_units != 0 || r.care_plan_claimed != 0)
    line(fmt::format("  居宅介護支援 単位数 {:>12}  請求額 {:>14} 円", r.care_plan_units, r.care_plan_claimed));
  if (r.plans > 0) line(fmt::format("給付管理票 給付計画合計単位数 {}", r.plan_units));
  if (r.invoices > 0) {
    line("請求書の記載 / as written on the 請求書:");
    payer("保険", r.invoice_insurance, "利用者負担");
    payer("公費", r.invoice_public, "利用者負担");
  }
  line(fmt::format("診断 / diagnostics: エラー {} 件, 警告 {} 件", r.summary.errors, r.summary.warnings));
  for (const auto& d : r.diagnostics) line("  " + d.to_string());
  return o;
}

}  // namespace kaigo::exchange
