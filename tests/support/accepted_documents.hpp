// support/accepted_documents — the documents of a generated month's files as reception takes them
// in, read straight from the files (no store): every 明細書 (each copy of one written twice), the
// 様式第七 fees as 明細書, the 給付管理票 and the 請求書 rows, each named "<file>#<order>"; and per
// office the 明細書 the reader flagged (様式エラー). The start of the in-memory month scenarios.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/review/review.hpp"

namespace kaigo::testing {

struct AcceptedDocuments : exchange::Sink {
  std::string file;  // set before each file (GeneratedLedgers::read_submissions does)
  std::vector<review::SubmittedClaim> claims;
  std::vector<review::SubmittedPlan> plans;
  std::vector<billing::InvoiceRow> invoices;
  std::map<std::string, std::int64_t> refused;  // 事業所番号 → 明細書 the reader flagged
  std::uint64_t order = 0;

  void on_document(const exchange::Document& d) override;

 private:
  void add_claim(billing::ClaimStatement st);
};

}  // namespace kaigo::testing
