#include "kaigo/platform/careplan_feed.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kaigo::platform {

PutOutcome RecordsCarePlanFeed::put(const CarePlanTable& t, const auth::Caller& by) {
  Record r;
  r.person = t.person;
  r.kind = "careplan";
  r.record_id = t.record_id;
  r.update = t.update;
  r.effective_on = t.created_on;
  // The same columns as a linkage row of kind careplan, so that both read alike.
  auto data = nlohmann::json{{"plan_kind", t.plan_kind}, {"table", t.table}, {"office_no", t.office_no}, {"content", t.content}};
  if (t.service_month) data["service_month"] = t.service_month->str();
  r.data = data.dump();
  r.source = fmt::format("careplan_hub:{}", by.who);
  r.recorded_at = by.at;
  PutOutcome outcome = PutOutcome::Unchanged;
  repo_.atomically([&] {
    outcome = put_version(repo_, r);
    auto e = auth::event_of(by, auth::AuditAction::PlatformCareplan, t.record_id, {{"table", t.table}, {"office_no", t.office_no}});
    e.insurer_no = t.person.insurer_no;
    e.insured_no = t.person.insured_no;
    audit_.append(e);
  });
  return outcome;
}

}  // namespace kaigo::platform
