#include "kaigo/store/detail/submission_rows.hpp"

#include "kaigo/store/detail/stored_documents.hpp"

namespace kaigo::store {

reception::Submission submission_at(const Statement& st, int first) {
  reception::Submission s;
  s.id = st.integer(first);
  s.file_name = st.text(first + 1);
  s.received_at = LocalDateTime::parse(st.text(first + 2)).value_or(LocalDateTime{});
  if (!st.is_null(first + 3)) s.processing_month = YearMonth::parse(st.text(first + 3));
  s.state = parse_enum<reception::FileState>(st.text(first + 4)).value_or(reception::FileState::Arrived);
  s.sha256 = st.text(first + 5);
  s.size = static_cast<std::uint64_t>(st.integer(first + 6));
  s.data_type = st.text(first + 7);
  s.office_no = st.text(first + 8);
  s.statements = static_cast<std::uint64_t>(st.integer(first + 9));
  s.records = static_cast<std::uint64_t>(st.integer(first + 10));
  s.error_count = static_cast<std::uint64_t>(st.integer(first + 11));
  s.sender = st.text(first + 12);
  return s;
}

precheck::ErrorRow error_at(const Statement& st, int first) {
  precheck::ErrorRow e;
  e.level = precheck::kLevelNames.parse(st.text(first)).value_or(precheck::Level::Format);
  e.code = st.text(first + 1);
  e.form_kind = st.text(first + 2);
  e.service_month = st.text(first + 3);
  e.service_type = st.text(first + 4);
  e.insurer_no = st.text(first + 5);
  e.insured_no = st.text(first + 6);
  e.item_name = st.text(first + 7);
  e.value = st.text(first + 8);
  e.message_ja = st.text(first + 9);
  e.message_en = st.text(first + 10);
  e.line = static_cast<std::uint64_t>(st.integer(first + 11));
  e.record_no = static_cast<std::uint64_t>(st.integer(first + 12));
  e.item_no = static_cast<int>(st.integer(first + 13));
  e.document_key = stored_key(st.text(first + 14));
  return e;
}

}  // namespace kaigo::store
