#include "kaigo/store/detail/stored_documents.hpp"

#include <fmt/format.h>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"

namespace kaigo::store {
namespace {

class DocumentList : public exchange::Sink {
 public:
  explicit DocumentList(const std::function<void(const exchange::Document&)>& fn) : fn_(fn) {}
  void on_document(const exchange::Document& d) override {
    if (d.form) fn_(d);
  }

 private:
  const std::function<void(const exchange::Document&)>& fn_;
};

}  // namespace

void read_stored(Database& db, std::int64_t submission, const std::function<void(const exchange::Document&)>& fn) {
  auto bytes = db.bytes(submission);
  DocumentList list(fn);
  exchange::read_bytes(fmt::format("#{}", submission), bytes, list);
}

std::vector<billing::ClaimStatement> claims_of(const exchange::Document& d) {
  if (d.form->family == exchange::Family::Statement) return documents::to_statements(d);
  if (d.form->family == exchange::Family::CarePlan) return {documents::as_statement(documents::to_care_plan_fee(d))};
  return {};
}

}  // namespace kaigo::store
