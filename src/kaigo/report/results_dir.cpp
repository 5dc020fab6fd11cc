#include "kaigo/report/results_dir.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <iterator>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "kaigo/core/settings.hpp"
#include "kaigo/report/notice_file.hpp"
#include "kaigo/report/office_lists.hpp"
#include "kaigo/report/detail/text_file.hpp"
#include "kaigo/settlement/input.hpp"

namespace kaigo::report {
namespace {

using Json = nlohmann::ordered_json;

Json counts_json(const settlement::OutcomeCounts& n) {
  return Json{
      {"claims",
       {{"paid", n.paid}, {"cut", n.cut}, {"held", n.held}, {"returned", n.returned}, {"released", n.released}}},
      {"plans",
       {{"registered", n.plans_registered},
        {"replaced", n.plans_replaced},
        {"withdrawn", n.plans_withdrawn},
        {"returned", n.plans_returned}}}};
}

Json program_json(const settlement::ProgramPayment& p) {
  return Json{{"decided", p.decided.value},
              {"withdrawn", p.withdrawn.value},
              {"restored", p.restored.value},
              {"payment", p.net().value}};
}

Json difference_json(const settlement::AdjustmentTable& t) {
  if (!t.present) return nullptr;
  const auto& d = t.difference;
  return Json{{"count", d.count},
              {"amount", d.amount.value},
              {"facility_count", d.facility_count},
              {"facility_amount", d.facility_amount.value}};
}

Json payment_json(const settlement::OfficePayment& p) {
  return Json{{"deductions",
               {{std::string(enum_code(FeeKind::Certificate)), p.certificate_fee.value},
                {std::string(enum_code(FeeKind::CarePlanLicense)), p.license_fee.value}}},
              {"carried_in", p.carried_in.value},
              {"total", p.total.value},
              {"transfer", p.transfer.value},
              {"carried_out", p.carried_out.value},
              {"billed", p.billed.value}};
}

Json office_json(const settlement::OfficeResult& o, const std::vector<Notice>& notices) {
  Json j{{"office_no", o.office.office_no}, {"name", o.office.name}};
  Json codes = Json::array();
  for (const auto& n : notices) codes.push_back(n.form);
  j["notices"] = codes;
  j.update(counts_json(o.counts));
  j["care"] = program_json(o.payment.care);
  j["sougou"] = program_json(o.payment.sougou);
  j["claim_difference"] = {{"care", difference_json(o.care_adjustments)},
                           {"sougou", difference_json(o.sougou_adjustments)}};
  j.update(payment_json(o.payment));
  Json payers = Json::array();
  for (const auto& p : o.payment.payers) {
    payers.push_back({{"program", p.program == settlement::Program::Care ? "care" : "sougou"},
                      {"payer_no", p.payer_no},
                      {"fund", p.fund},
                      {"decided", p.decided.value},
                      {"withdrawn", p.withdrawn.value},
                      {"restored", p.restored.value},
                      {"payment", p.net().value}});
  }
  j["payers"] = payers;
  return j;
}

Json totals_json(const settlement::MonthTotals& t) {
  Json j{{"offices", t.offices}};
  j.update(counts_json(t.counts));
  j["care"] = program_json(t.care);
  j["sougou"] = program_json(t.sougou);
  j["deductions"] = {{std::string(enum_code(FeeKind::Certificate)), t.certificate_fee.value},
                     {std::string(enum_code(FeeKind::CarePlanLicense)), t.license_fee.value}};
  j["carried_in"] = t.carried_in.value;
  j["total"] = t.total.value;
  j["transfer"] = t.transfer.value;
  j["carried_out"] = t.carried_out.value;
  j["billed"] = t.billed.value;
  return j;
}

// One office's notices (each with its print values before it) and lists, in its own folder.
std::vector<std::filesystem::path> write_office(const std::filesystem::path& dir, const settlement::OfficeResult& o,
                                                YearMonth month, const IssueInfo& issue) {
  std::vector<std::filesystem::path> files;
  const auto notices = office_notices(o, month, issue);
  if (!notices.empty()) std::filesystem::create_directories(dir / o.office.office_no);
  for (const auto& n : notices) {
    auto path = dir / o.office.office_no / (n.form + ".CSV");
    write_csv(n, path);
    if (auto values = write_print_values(n, path)) files.push_back(std::move(*values));
    files.push_back(std::move(path));
  }
  for (auto& path : write_office_lists(dir / o.office.office_no, o, month)) files.push_back(std::move(path));
  return files;
}

}  // namespace

std::string summary_json(const settlement::MonthSettlement& m, const IssueInfo& issue) {
  Json j{{"month", m.month.str()},
         {"kokuhoren", issue.kokuhoren},
         {"created_on", issue.created_on.str()},
         {"transfer_on", issue.transfer_on.str()}};
  Json offices = Json::array();
  for (const auto& o : m.offices) offices.push_back(office_json(o, office_notices(o, m.month, issue)));
  j["offices"] = offices;
  j["totals"] = totals_json(m.totals);
  Json rereviewed = Json::array();
  for (const auto& r : m.rereviewed) {
    Json entry = {{"claim_id", r.before.claim_id}, {"plan_id", r.plan_id}, {"office_no", r.office_no}};
    if (r.appeal) entry["appeal_code"] = r.appeal->code;  // 再審査申立 (plan_id is empty)
    rereviewed.push_back(std::move(entry));
  }
  j["rereviewed"] = rereviewed;
  Json notes = Json::array();
  for (const auto& n : m.notes)
    notes.push_back({{"office_no", n.office_no}, {"message_ja", n.message_ja}, {"message_en", n.message_en}});
  j["notes"] = notes;
  return j.dump(2) + "\n";
}

std::vector<std::filesystem::path> write_results(const std::filesystem::path& dir, const settlement::MonthSettlement& m,
                                                 const IssueInfo& issue) {
  // An office's files are its own folder's: the offices are shared out among the cores (a national
  // month has tens of thousands of them, and making a file is mostly the file system's work).
  // The summary is made meanwhile: it reads the month only.
  auto summary_text = std::async(std::launch::async, [&] { return summary_json(m, issue); });
  std::vector<std::vector<std::filesystem::path>> by_office(m.offices.size());
  std::vector<std::exception_ptr> failed(m.offices.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < m.offices.size();) {
      try {
        by_office[i] = write_office(dir, m.offices[i], m.month, issue);
      } catch (...) {
        failed[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  const auto threads = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), m.offices.size());
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  const auto summary = summary_text.get();
  for (const auto& e : failed)
    if (e) std::rethrow_exception(e);
  std::vector<std::filesystem::path> files;
  for (auto& office : by_office) std::move(office.begin(), office.end(), std::back_inserter(files));
  std::filesystem::create_directories(dir);
  const auto summary_path = dir / "summary.json";
  write_text_file(summary_path, summary);
  files.push_back(summary_path);
  return files;
}

}  // namespace kaigo::report
