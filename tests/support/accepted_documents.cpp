#include "support/accepted_documents.hpp"

#include <fmt/format.h>

#include "kaigo/documents/statement_records.hpp"

namespace kaigo::testing {

void AcceptedDocuments::add_claim(billing::ClaimStatement st) {
  claims.push_back({fmt::format("{}#{}", file, ++order), order, std::move(st)});
}

void AcceptedDocuments::on_document(const exchange::Document& d) {
  if (!d.form) return;
  if (d.has_errors) {
    if (d.form->family == exchange::Family::Statement || d.form->family == exchange::Family::CarePlan)
      ++refused[std::string(d.records().front().item(4))];
    return;
  }
  switch (d.form->family) {
    case exchange::Family::Statement:
      for (auto& copy : documents::to_statements(d)) add_claim(std::move(copy));
      break;
    case exchange::Family::CarePlan: add_claim(documents::as_statement(documents::to_care_plan_fee(d))); break;
    case exchange::Family::Plan: plans.push_back({fmt::format("{}#{}", file, ++order), order, documents::to_plan(d)}); break;
    case exchange::Family::Invoice:
      for (const auto& r : d.records()) invoices.push_back(documents::to_invoice_row(r));
      break;
    default: break;
  }
}

}  // namespace kaigo::testing
