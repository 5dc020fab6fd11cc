// precheck/checker — the reader's sink that runs every check of one file while it streams: the
// reader's own findings get their level (reader_levels.tsv) and the identity of their document,
// each document (each copy of it) goes through the record, master and amount checks, the 請求書
// is compared with the 明細書 at the end.
// Owns: the order of the checks and what each family of documents gets. Must not: hold documents
// beyond the one being checked (memory stays bounded for any file size).
#pragma once
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "kaigo/billing/keys.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/precheck/detail/env.hpp"
#include "kaigo/precheck/detail/invoice_checks.hpp"

namespace kaigo::precheck {

class FileChecker final : public exchange::Sink {
 public:
  FileChecker(const PrecheckContext& context, FileResult& out);

  void on_control(const exchange::ControlRecord& control) override;
  void on_document(const exchange::Document& doc) override;
  void on_diagnostic(const Diagnostic& d) override;
  void on_finish(const exchange::FileSummary& summary) override;

  CheckEnv& env() { return env_; }

 private:
  // Each returns how many copies of the document the file holds.
  std::size_t statement(const exchange::Document& doc, const DocInfo& info);
  std::size_t care_plan(const exchange::Document& doc, const DocInfo& info);
  std::size_t plan(const exchange::Document& doc, const DocInfo& info);
  void invoice(const exchange::Document& doc, const DocInfo& info);
  // Each copy of a document (two with one key in one file are two copies) with its DocInfo and
  // facts: `on_copy(copy, index, info)` first (what the family says of a second copy), the checks
  // every family shares, then `rest(copy, info, facts, structure_ok, unique)`. Returns the copies.
  template <class OnCopy, class Rest>
  std::size_t each_copy(const exchange::Document& doc, const DocInfo& info, RuleFamily family, int office_item,
                        OnCopy&& on_copy, Rest&& rest);
  // "copy N in this file" under `code` (ANN2, KP33) on `item` of `record`.
  void later_copy(std::string_view code, const DocInfo& info, const exchange::Record* record, int item,
                  std::size_t index);
  // Checks every family shares: 事業所 of the control record, item rules of each record.
  void common(const exchange::Document& copy, RuleFamily family, const DocFacts& facts, const DocInfo& info,
              int office_item);
  void document_ref(const exchange::Document& doc, const DocInfo& info, std::size_t copies, bool errors);
  void attach_reader_findings(const exchange::Document& doc, const DocInfo& info);
  void reader_row(const Diagnostic& d, const DocInfo* info, const exchange::Record* record);
  std::optional<Level> reader_level(const Diagnostic& d) const;

  const PrecheckContext& context_;
  FileResult& out_;
  Findings findings_;
  CheckEnv env_;
  InvoiceCheck invoice_;
  std::vector<Diagnostic> pending_;  // findings on records whose document has not come yet
  std::optional<std::uint64_t> control_line_;
  exchange::ControlRecord control_;
  exchange::Record control_record_;
  std::unordered_set<billing::PersonMonthKey> new_plans_;  // people and months of the 新規 給付管理票
};

}  // namespace kaigo::precheck
