#include "kaigo/month/submission_json.hpp"

#include <algorithm>

#include "kaigo/precheck/error_list.hpp"

namespace kaigo::month {

precheck::FileResult as_file_result(const reception::Submission& s) {
  precheck::FileResult r;
  r.file = s.file_name;
  r.data_type = s.data_type;
  r.office_no = s.office_no;
  r.processing_month = s.processing_month ? s.processing_month->str() : "";
  r.bytes = s.size;
  r.statements = s.statements;
  r.records = s.records;
  r.errors = s.errors;
  r.error_count = s.errors.size();
  for (const auto& e : s.errors) ++r.level_counts[static_cast<std::size_t>(e.level)];
  return r;
}

nlohmann::json submission_json(const reception::Submission& s) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : s.errors) errors.push_back(precheck::to_json(e));
  return {{"submission", s.id},
          {"file", s.file_name},
          {"state", enum_ja(s.state)},
          {"state_code", enum_code(s.state)},
          {"processing_month", s.processing_month ? s.processing_month->str() : ""},
          {"office_no", s.office_no},
          {"received_at", s.received_at.str()},
          {"sha256", s.sha256},
          {"bytes", s.size},
          {"statements", s.statements},
          {"records", s.records},
          {"error_count", std::max<std::uint64_t>(s.error_count, s.errors.size())},
          {"errors", errors}};
}

nlohmann::json submission_summary_json(const reception::Submission& s) {
  auto j = submission_json(s);
  j.erase("errors");
  return j;
}

}  // namespace kaigo::month
