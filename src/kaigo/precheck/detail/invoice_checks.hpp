// precheck/invoice_checks — the 介護給付費請求書 (7111 / 7113) of a file against the sum of its
// 明細書 (claims-format §6.1): one row per differing item, a 請求書 row without 明細書, a 明細書
// class without 請求書 row, and the same 請求書 row twice (KP30). A 請求書 that does not add up is
// what the 国保連 later reports as 請求差.
// Owns: collecting both sides while the file streams (no 明細書 is kept) and the comparison.
// Must not: recompute the 明細書 (their written totals are summed as written).
#pragma once
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/exchange/document.hpp"
#include "kaigo/precheck/detail/env.hpp"

namespace kaigo::precheck {

class InvoiceCheck {
 public:
  // A written 請求書 record (a second record of the same class is reported at once).
  void add_written(const CheckEnv& env, const exchange::Record& record, const DocInfo& info);
  // One 明細書 (copy) as written.
  void add_statement(const billing::ClaimStatement& s);
  // One 様式第七 (copy): its 99 line's サービス単位数合計 and 請求金額.
  void add_care_plan(const exchange::Document& doc);
  // A 明細書 (copy) that could not be read whole — a reader finding or a missing record: its sums
  // are unreliable, so the 請求書 is not compared (its difference would repeat what is listed).
  void add_unreadable() { unreadable_ = true; }
  // Compares both sides; call once at the end of the file.
  void finish(const CheckEnv& env);

 private:
  exchange::Document written_;  // the 請求書 records, copied (they outlive the reader's document)
  std::vector<billing::InvoiceRow> rows_;
  std::vector<DocInfo> infos_;
  billing::Invoice computed_;
  bool unreadable_ = false;
};

}  // namespace kaigo::precheck
