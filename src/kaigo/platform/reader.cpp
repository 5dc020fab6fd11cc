// The reads of the platform: view (decide, audit, then return), and the person's read log.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "kaigo/platform/platform.hpp"
#include "kaigo/core/json_fields.hpp"

namespace kaigo::platform {
namespace {

constexpr std::size_t kIdsInAudit = 500;  // the audit row names at most this many version ids

// The latest version of each record that is not deleted.
std::vector<Record> current_versions(std::span<const Record> all) {
  std::map<std::pair<std::string, std::string>, const Record*> latest;
  for (const auto& r : all) {
    auto& slot = latest[{r.kind, r.record_id}];
    if (!slot || slot->version < r.version) slot = &r;
  }
  std::vector<Record> out;
  for (const auto& [key, r] : latest) {
    if (!r->deleted()) out.push_back(*r);
  }
  std::sort(out.begin(), out.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
  return out;
}

bool shows(const Record& r, ViewKind kind, Date day) {
  const auto* spec = find_kind(r.kind);
  return spec && spec->view == kind && r.effective_on <= day;
}

std::vector<RequestFact> requests_of(std::span<const Record> all, Date day) {
  std::vector<RequestFact> out;
  for (const auto& r : current_versions(all)) {
    if (r.kind != "request" || day < r.effective_on) continue;
    auto j = nlohmann::json::parse(r.data, nullptr, false);
    auto applied = Date::parse(string_field(j, "applied_on"));
    if (applied) out.push_back({string_field(j, "institution_code"), *applied, r.effective_on});
  }
  return out;
}

nlohmann::json who(const auth::User& u, std::string_view office_no) {
  nlohmann::json j{{"role", enum_code(u.role)}, {"job", enum_code(u.job)}};
  if (u.role == auth::Role::Office) j["office_no"] = office_no;
  if (u.role == auth::Role::Medical) j["institution"] = u.medical_code;
  if (u.role == auth::Role::Municipality) j["insurer_no"] = u.insurer_no;
  if (!u.name.empty()) j["name"] = u.name;
  return j;
}

}  // namespace

bool is_read_action(std::string_view a) {
  using auth::AuditAction;
  for (auto read : {AuditAction::PlatformView, AuditAction::PlatformViewRefused, AuditAction::PlatformPacket,
                    AuditAction::PlatformPacketFetch, AuditAction::PlatformInvoiceRead}) {
    if (a == enum_code(read)) return true;
  }
  return false;
}

Platform::Platform(Repository& repo, auth::AuditTrail& audit, const master::OfficeLedger& offices, PlatformSettings settings)
    : repo_(repo), audit_(audit), offices_(offices), settings_(settings) {}

std::string Platform::acting_office(const auth::User& user, std::string_view office_no) const {
  if (user.role != auth::Role::Office) return {};
  if (!office_no.empty()) return std::string(office_no);
  return user.offices.size() == 1 ? user.offices.front() : std::string();
}

std::optional<Viewer> Platform::office_column(std::string_view office_no, Date day) const {
  const auto month = day.year_month();
  if (!offices_.find_any(office_no, month)) return std::nullopt;
  std::vector<std::string> types;
  for (const auto& t : classifying_service_types()) {
    if (offices_.find(office_no, t, month)) types.push_back(t);
  }
  return office_viewer(types);
}

Platform::Gathered Platform::gather(const auth::User& user, const PersonId& person, ViewKind kind, Date day,
                                    const LocalDateTime& at, std::string_view office_no) {
  Gathered g;
  g.records = repo_.records(person);
  auto& f = g.facts;
  f.user = &user;
  f.person = person;
  f.kind = kind;
  f.day = day;
  f.office_no = acting_office(user, office_no);
  if (!f.office_no.empty()) {
    f.office_column = office_column(f.office_no, day);
    f.identification = repo_.identification(f.office_no, person, at);
    f.latest_claim = repo_.latest_claim_month(f.office_no, person, at);
  }
  f.golive = repo_.golive(person.insurer_no);
  f.consent = consent_on(g.records, day);
  f.requests = requests_of(g.records, day);
  f.serving_months = settings_.serving_months;
  return g;
}

ViewResult Platform::view(const auth::User& user, const auth::Caller& caller, const PersonId& person, ViewKind kind,
                          std::string_view office_no, bool history) {
  ViewResult out;
  out.person = person;
  out.kind = kind;
  out.at = caller.at;
  const Date day = caller.at.date;
  repo_.atomically([&] {
    out.records.clear();
    out.housing.reset();
    auto g = gather(user, person, kind, day, caller.at, office_no);
    out.decision = decide(g.facts);
    if (out.decision.allowed) {
      auto add = [&](std::span<const Record> all) {
        const auto chosen = history ? std::vector<Record>(all.begin(), all.end()) : current_versions(all);
        for (const auto& r : chosen) {
          if (shows(r, kind, day)) out.records.push_back(r);
        }
      };
      add(g.records);
      // The same person's registrations at other municipalities, linked by the PMH key, once those
      // municipalities are live; a registration with a PMH error is linked to none (seed 004 §7 ⑦).
      if (auto link = repo_.link(person); link && !link->pmh_key.empty()) {
        for (const auto& other : repo_.linked_with(link->pmh_key)) {
          if (other == person) continue;
          auto live = repo_.golive(other.insurer_no);
          if (live && *live <= day) add(repo_.records(other));
        }
      }
      if (kind == ViewKind::Housing) out.housing = housing_summary(current_versions(out.records), day);
    }
    auto detail = who(user, g.facts.office_no);
    detail["kind"] = enum_code(kind);
    detail["allowed"] = out.decision.allowed;
    detail["rule"] = out.decision.rule;
    if (!out.decision.note.empty()) detail["note"] = out.decision.note;
    if (out.decision.viewer) detail["viewer"] = enum_code(*out.decision.viewer);
    nlohmann::json ids = nlohmann::json::array();
    for (std::size_t i = 0; i < out.records.size() && i < kIdsInAudit; ++i) ids.push_back(out.records[i].id);
    detail["count"] = out.records.size();
    detail["records"] = ids;
    if (history) detail["history"] = true;
    auto e = auth::event_of(caller, out.decision.allowed ? auth::AuditAction::PlatformView : auth::AuditAction::PlatformViewRefused, enum_code(kind), detail);
    e.insurer_no = person.insurer_no;
    e.insured_no = person.insured_no;
    out.audit_seq = audit_.append(e).seq;
  });
  return out;
}

namespace {

ReadEntry entry_of(const auth::AuditRow& r) {
  auto detail = nlohmann::json::parse(r.detail, nullptr, false);
  if (detail.is_discarded()) detail = nlohmann::json::object();
  return {r.seq, r.at, r.actor, r.action, detail};
}

}  // namespace

std::vector<ReadEntry> Platform::reads_of(const PersonId& person) {
  std::vector<ReadEntry> out;
  auth::AuditFilter f;
  f.insurer_no = person.insurer_no;
  f.insured_no = person.insured_no;
  audit_.scan(f, [&](const auth::AuditRow& r) {
    if (is_read_action(r.action)) out.push_back(entry_of(r));
    return true;
  });
  return out;
}

std::vector<ReadEntry> Platform::all_reads() {
  std::vector<ReadEntry> out;
  audit_.scan({}, [&](const auth::AuditRow& r) {
    if (is_read_action(r.action)) out.push_back(entry_of(r));
    return true;
  });
  return out;
}

std::optional<std::vector<ReadEntry>> Platform::own_reads(const auth::User& user, const auth::Caller& caller) {
  if (user.role != auth::Role::Insured) return std::nullopt;
  const PersonId me{user.insurer_no, user.insured_no};
  std::vector<ReadEntry> out;
  repo_.atomically([&] {
    out = reads_of(me);
    auto e = auth::event_of(caller, auth::AuditAction::PlatformReadLog, "reads", {{"count", out.size()}});
    e.insurer_no = me.insurer_no;
    e.insured_no = me.insured_no;
    audit_.append(e);
  });
  return out;
}

nlohmann::json to_json(const Record& r) {
  const auto* spec = find_kind(r.kind);
  auto data = nlohmann::json::parse(r.data, nullptr, false);
  if (data.is_discarded()) data = nlohmann::json::object();
  nlohmann::json labels = nlohmann::json::object();
  for (auto it = data.begin(); it != data.end(); ++it) {
    if (!it->is_string()) continue;
    if (const auto* l = code_label(r.kind, it.key(), it->get<std::string>())) labels[it.key()] = l->ja;
  }
  return {{"id", r.id},
          {"kind", r.kind},
          {"kind_ja", spec ? spec->ja : ""},
          {"record_id", r.record_id},
          {"version", r.version},
          {"update_kind", static_cast<int>(r.update)},
          {"effective_on", r.effective_on.str()},
          {"insurer_no", r.person.insurer_no},
          {"insured_no", r.person.insured_no},
          {"source", r.source},
          {"recorded_at", r.recorded_at.str()},
          {"data", data},
          {"labels", labels}};
}

nlohmann::json to_json(const ViewResult& r) {
  auto j = to_json(r.decision);
  j["insurer_no"] = r.person.insurer_no;
  j["insured_no"] = r.person.insured_no;
  j["kind"] = enum_code(r.kind);
  j["kind_ja"] = enum_ja(r.kind);
  j["at"] = r.at.str();
  j["audit_seq"] = r.audit_seq;
  if (r.decision.allowed) {
    nlohmann::json records = nlohmann::json::array();
    for (const auto& rec : r.records) records.push_back(to_json(rec));
    j["records"] = records;
    if (r.housing) j["summary"] = to_json(*r.housing);
  }
  return j;
}

nlohmann::json to_json(const Outcome& o) {
  nlohmann::json j{{"ok", o.ok}, {"rule", o.rule}, {"message_ja", o.message_ja}, {"message_en", o.message_en}};
  if (!o.detail.empty()) j["detail"] = o.detail;
  return j;
}

nlohmann::json to_json(const ReadEntry& e) {
  nlohmann::json j{{"seq", e.seq}, {"at", e.at.str()}, {"actor", e.actor}, {"action", e.action}};
  for (const char* k : {"role", "job", "office_no", "institution", "insurer_no", "name", "viewer", "kind", "rule", "note",
                        "allowed", "count"}) {
    if (e.detail.contains(k)) j[k] = e.detail[k];
  }
  return j;
}

}  // namespace kaigo::platform
