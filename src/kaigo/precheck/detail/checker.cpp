#include "kaigo/precheck/detail/checker.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/precheck/detail/amount_checks.hpp"
#include "kaigo/precheck/detail/doc_copy.hpp"
#include "kaigo/precheck/detail/file_checks.hpp"
#include "kaigo/precheck/detail/master_checks.hpp"
#include "kaigo/precheck/detail/record_checks.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::precheck {
namespace {

std::uint64_t record_number(std::string_view s) {
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

const exchange::Record* record_at(const exchange::Document& doc, std::uint64_t line) {
  for (const auto& r : doc.records()) {
    if (r.line == line) return &r;
  }
  return nullptr;
}

}  // namespace

FileChecker::FileChecker(const PrecheckContext& context, FileResult& out)
    : context_(context),
      out_(out),
      findings_(out, context.max_rows),
      env_{context, rules(), findings_, context.processing_month, {}, {}} {
  if (context.masters != nullptr) env_.covered_types = covered_service_types(*context.masters);
}

// ---- the reader's findings ----------------------------------------------------------------------

std::optional<Level> FileChecker::reader_level(const Diagnostic& d) const {
  const ReaderLevel* l = env_.rules.reader_level(d.code);
  if (l == nullptr) return d.severity == Severity::Error ? std::optional<Level>(Level::Format) : std::nullopt;
  return control_line_ && d.line == *control_line_ ? l->on_control : l->level;
}

void FileChecker::reader_row(const Diagnostic& d, const DocInfo* info, const exchange::Record* record) {
  auto level = reader_level(d);
  if (!level) return;
  ErrorRow row;
  row.level = *level;
  row.code = d.code;
  row.file = out_.file;
  row.line = d.line;
  row.record_no = d.record_no;
  row.item_no = d.item_no;
  row.item_name = d.item_name;
  row.value = d.value;
  row.message_ja = d.message_ja;
  row.message_en = d.message_en;
  // Only a finding about a record's content belongs to its document; a structural one is the file's.
  if (info != nullptr && *level == Level::Format) {
    row.form_kind = info->form_kind;
    row.service_month = info->service_month;
    row.insurer_no = info->insurer_no;
    row.insured_no = info->insured_no;
    row.document_key = info->key;
    std::string type = record != nullptr ? record_service_type(info->form, *record) : std::string();
    row.service_type = type.empty() ? info->single_type : type;
  }
  findings_.add_row(std::move(row));
}

void FileChecker::on_diagnostic(const Diagnostic& d) {
  auto level = reader_level(d);
  if (!level) return;
  // Content findings wait for their document; the rest are about the file and listed at once —
  // except before the control record is known, when any of them may be about it.
  if (*level == Level::Format || !control_line_) {
    pending_.push_back(d);
  } else {
    reader_row(d, nullptr, nullptr);
  }
}

void FileChecker::attach_reader_findings(const exchange::Document& doc, const DocInfo& info) {
  if (pending_.empty()) return;
  auto rest = std::remove_if(pending_.begin(), pending_.end(), [&](const Diagnostic& d) {
    const exchange::Record* r = record_at(doc, d.line);
    if (r == nullptr) return false;
    reader_row(d, &info, r);
    return true;
  });
  pending_.erase(rest, pending_.end());
}

// ---- the control record -------------------------------------------------------------------------

void FileChecker::on_control(const exchange::ControlRecord& control) {
  control_ = control;
  control_line_ = control.line;
  control_record_.line = control.line;
  control_record_.record_no = record_number(control.item(2));
  control_record_.layout = &exchange::Registry::instance().control();
  control_record_.items.assign(control_.items.begin(), control_.items.end());
  out_.data_type = text::printable(control.data_type());
  out_.office_no = text::printable(control.office_no());
  out_.processing_month = text::printable(control.processing_month());
  env_.control_office = std::string(control.office_no());
  if (!env_.processing_month) env_.processing_month = YearMonth::parse(control.processing_month());
  auto rest = std::remove_if(pending_.begin(), pending_.end(), [&](const Diagnostic& d) {
    if (d.line != control.line) return false;
    reader_row(d, nullptr, nullptr);
    return true;
  });
  pending_.erase(rest, pending_.end());
  check_control(env_, control_, control_record_);
}

// ---- documents ----------------------------------------------------------------------------------

void FileChecker::on_document(const exchange::Document& doc) {
  auto before = findings_.count();
  DocInfo info = doc_info(doc);
  attach_reader_findings(doc, info);
  auto family = rule_family(doc.form);
  if (!family) return;
  std::size_t copies = 0;
  switch (*family) {
    case RuleFamily::Statement: copies = statement(doc, info); break;
    case RuleFamily::CarePlan: copies = care_plan(doc, info); break;
    case RuleFamily::Plan: copies = plan(doc, info); break;
    case RuleFamily::Invoice: invoice(doc, info); return;
    case RuleFamily::Control: return;
  }
  document_ref(doc, info, copies, findings_.count() > before);
}

void FileChecker::common(const exchange::Document& copy, RuleFamily family, const DocFacts& facts, const DocInfo& info,
                         int office_item) {
  const exchange::Record& head = copy.records().front();
  if (!env_.control_office.empty() && head.item(office_item) != env_.control_office) {
    findings_.add(Level::Format, "KP31", &info, &head, office_item,
                  fmt::format("コントロールレコード {}", text::printable(env_.control_office)),
                  fmt::format("control record {}", text::printable(env_.control_office)));
  }
  for (const auto& r : copy.records()) check_item_rules(env_, family, r, &facts, &info, Level::Format);
}

template <class OnCopy, class Rest>
std::size_t FileChecker::each_copy(const exchange::Document& doc, const DocInfo& info, RuleFamily family,
                                   int office_item, OnCopy&& on_copy, Rest&& rest) {
  Copies copies(doc);
  for (std::size_t i = 0; i < copies.size(); ++i) {
    const exchange::Document& c = copies[i];
    DocInfo ci = copies.size() == 1 ? info : doc_info(c);
    DocFacts facts = doc_facts(c, family, ci);
    ++out_.statements;
    on_copy(c, i, ci);
    common(c, family, facts, ci, office_item);
    bool structure_ok = check_structure(env_, c, facts, ci);
    bool unique = check_duplicates(env_, c, facts, ci);
    rest(c, ci, facts, structure_ok, unique);
  }
  return copies.size();
}

void FileChecker::later_copy(std::string_view code, const DocInfo& info, const exchange::Record* record, int item,
                             std::size_t index) {
  findings_.add(Level::Format, code, &info, record, item, fmt::format("同じファイルの{}件目", index + 1),
                fmt::format("copy {} in this file", index + 1));
}

std::size_t FileChecker::statement(const exchange::Document& doc, const DocInfo& info) {
  return each_copy(
      doc, info, RuleFamily::Statement, 4,
      [&](const exchange::Document& c, std::size_t i, const DocInfo& ci) {
        if (i == 0) return;
        const exchange::Record* basic = c.find("01");
        later_copy("ANN2", ci, basic != nullptr ? basic : &c.records().front(), 1, i);
      },
      [&](const exchange::Document& c, const DocInfo& ci, const DocFacts& facts, bool structure_ok, bool unique) {
        check_statement_masters(env_, c, facts, ci);
        billing::ClaimStatement s = documents::to_statement(c);
        if (structure_ok && unique && !c.has_errors) check_statement_amounts(env_, c, s, facts, ci);
        if (!structure_ok || c.has_errors) invoice_.add_unreadable();
        invoice_.add_statement(s);
      });
}

std::size_t FileChecker::care_plan(const exchange::Document& doc, const DocInfo& info) {
  return each_copy(
      doc, info, RuleFamily::CarePlan, 2,
      [&](const exchange::Document& c, std::size_t i, const DocInfo& ci) {
        if (i > 0) later_copy("ANN2", ci, &c.records().front(), 1, i);
      },
      [&](const exchange::Document& c, const DocInfo& ci, const DocFacts& facts, bool structure_ok, bool unique) {
        check_careplan_masters(env_, c, facts, ci);
        if (structure_ok && unique && !c.has_errors) check_careplan_amounts(env_, c, facts, ci);
        if (!structure_ok || c.has_errors) invoice_.add_unreadable();
        invoice_.add_care_plan(c);
      });
}

std::size_t FileChecker::plan(const exchange::Document& doc, const DocInfo& info) {
  return each_copy(
      doc, info, RuleFamily::Plan, 4,
      [&](const exchange::Document& c, std::size_t i, const DocInfo& ci) {
        const exchange::Record& head = c.records().front();
        // One 給付管理票 per person and month (review-rules §4.2), whichever 支援事業所 sends it.
        if (head.item(5) == "1") {
          // A month or number the reader refused makes no key: that plan is returned for it already.
          auto month = YearMonth::parse(head.item(2));
          auto key = month ? billing::PersonMonthKey::of(head.item(3), head.item(9), *month) : std::nullopt;
          if (key && !new_plans_.insert(*key).second) {
            findings_.add(Level::Format, "ANN0", &ci, &head, 9, "同じファイルに同じ被保険者・対象年月の新規があります",
                          "a 新規 plan of the same person and month is earlier in the file");
          }
        } else if (i > 0) {
          later_copy("KP33", ci, &head, 9, i);
        }
      },
      [&](const exchange::Document& c, const DocInfo& ci, const DocFacts& facts, bool structure_ok, bool unique) {
        check_plan_masters(env_, c, facts, ci);
        if (structure_ok && unique && !c.has_errors) check_plan_totals(env_, c, ci);
      });
}

void FileChecker::invoice(const exchange::Document& doc, const DocInfo& info) {
  DocFacts facts = doc_facts(doc, RuleFamily::Invoice, info);
  common(doc, RuleFamily::Invoice, facts, info, 3);
  for (const auto& r : doc.records()) invoice_.add_written(env_, r, info);
}

void FileChecker::document_ref(const exchange::Document& doc, const DocInfo& info, std::size_t copies, bool errors) {
  if (!context_.collect_documents) return;
  DocumentRef ref;
  ref.code = doc.code;
  ref.key = info.key;
  ref.office_no = info.office_no;
  ref.insurer_no = info.insurer_no;
  ref.insured_no = info.insured_no;
  ref.service_month = info.service_month;
  for (const auto& r : doc.records()) {
    if (r.kind == "01" || r.kind == "11") continue;  // no サービス種類 of their own
    std::string t = record_service_type(doc.form, r);
    if (!t.empty() && std::find(ref.service_types.begin(), ref.service_types.end(), t) == ref.service_types.end()) {
      ref.service_types.push_back(std::move(t));
    }
  }
  ref.copies = copies;
  ref.has_errors = errors;
  out_.documents.push_back(std::move(ref));
}

// ---- the end ------------------------------------------------------------------------------------

void FileChecker::on_finish(const exchange::FileSummary& summary) {
  for (const auto& d : pending_) reader_row(d, nullptr, nullptr);
  pending_.clear();
  if (!summary.has_control && summary.lines > 0) {
    findings_.add(Level::Transmission, "KP03", nullptr, nullptr, 0);
  }
  if (summary.has_control && summary.data_records == 0) {
    findings_.add(Level::External, "KP13", nullptr, &control_record_, 4);
  }
  invoice_.finish(env_);
  out_.records = summary.data_records;
  out_.bytes = summary.bytes;
  std::stable_sort(out_.errors.begin(), out_.errors.end(),
                   [](const ErrorRow& a, const ErrorRow& b) { return a.line < b.line; });
}

}  // namespace kaigo::precheck
