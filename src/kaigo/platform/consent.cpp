#include "kaigo/platform/consent.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/platform/data_table.hpp"
#include "kaigo/core/json_fields.hpp"

namespace kaigo::platform {
namespace {

struct Period {
  std::optional<Date> from, to;
  std::string form;  // "*", "1", "2"
  bool in_force = false;
  std::string rule;
};

const std::vector<Period>& periods() {
  static const std::vector<Period> all = [] {
    std::vector<Period> out;
    for (const auto& r : detail::read_table("consent_periods.tsv",
                                            {"applied_from", "applied_to", "form", "in_force", "rule", "ja", "source"})) {
      Period p;
      if (!detail::is_none(r.cells[0])) p.from = Date::parse(r.cells[0]);
      if (!detail::is_none(r.cells[1])) p.to = Date::parse(r.cells[1]);
      p.form = r.cells[2];
      p.in_force = r.cells[3] == "yes";
      p.rule = detail::is_none(r.cells[4]) ? "" : std::string(r.cells[4]);
      out.push_back(std::move(p));
    }
    return out;
  }();
  return all;
}

struct Event {
  Date on;
  std::int64_t id = 0;
  std::string record;
  bool application = false;
  bool new_application = false;  // 申請区分 1 新規
  bool given = false;            // 同意 (an application's 同意欄, or a consent record)
  bool revoked = false;          // a consent record of 撤回
  Date applied_on;
  std::string form;
};

std::vector<Event> events(std::span<const Record> records, Date day) {
  // The latest version of each record.
  std::map<std::pair<std::string, std::string>, const Record*> latest;
  for (const auto& r : records) {
    if (r.kind != "application" && r.kind != "consent") continue;
    auto& slot = latest[{r.kind, r.record_id}];
    if (!slot || slot->version < r.version) slot = &r;
  }
  std::vector<Event> out;
  for (const auto& [key, r] : latest) {
    if (r->deleted() || day < r->effective_on) continue;
    auto j = nlohmann::json::parse(r->data, nullptr, false);
    if (!j.is_object()) continue;
    Event e;
    e.on = r->effective_on;
    e.id = r->id;
    e.record = r->kind + ":" + r->record_id;
    e.form = string_field(j, "form");
    e.applied_on = r->effective_on;
    if (r->kind == "application") {
      e.application = true;
      e.new_application = string_field(j, "application_kind") == "1";
      e.given = string_field(j, "consent") == "1";
    } else {
      e.given = string_field(j, "given") == "1";
      e.revoked = !e.given;
      if (auto a = Date::parse(string_field(j, "applied_on"))) e.applied_on = *a;
    }
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) { return std::tie(a.on, a.id) < std::tie(b.on, b.id); });
  return out;
}

}  // namespace

std::optional<std::string> consent_refusal(Date applied_on, std::string_view form) {
  for (const auto& p : periods()) {
    if (p.from && applied_on < *p.from) continue;
    if (p.to && *p.to < applied_on) continue;
    if (p.form != "*" && p.form != form) continue;
    if (p.in_force) return std::nullopt;
    return p.rule;
  }
  return std::string("consent-none");
}

ConsentState consent_on(std::span<const Record> records, Date day) {
  ConsentState s{false, "consent-none", std::nullopt, {}};
  for (const auto& e : events(records, day)) {
    auto set = [&](bool in_force, std::string rule) { s = {in_force, std::move(rule), e.on, e.record}; };
    if (e.revoked) {
      set(false, "consent-revoked");
      continue;
    }
    if (e.application && e.new_application && s.in_force) set(false, "consent-lapsed");
    if (e.given) {
      auto refusal = consent_refusal(e.applied_on, e.form);
      set(!refusal, refusal.value_or(""));
    } else if (e.application && s.rule != "consent-lapsed") {
      set(false, "consent-none");  // the latest application says 同意なし
    }
  }
  return s;
}

}  // namespace kaigo::platform
