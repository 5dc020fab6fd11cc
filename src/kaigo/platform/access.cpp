#include "kaigo/platform/access.hpp"

#include <algorithm>
#include <variant>

#include <fmt/format.h>

namespace kaigo::platform {
namespace {

using auth::Role;

Decision make(bool allowed, std::string_view rule_id, const std::optional<Viewer>& viewer, std::string note = {},
              nlohmann::json facts = nlohmann::json::object(), std::string detail_ja = {}, std::string detail_en = {}) {
  const auto& r = rule(rule_id);
  Decision d;
  d.allowed = allowed;
  d.rule = r.id;
  d.note = std::move(note);
  d.viewer = viewer;
  d.facts = std::move(facts);
  if (const auto* n = find_note(d.note); n && allowed) {
    d.message_ja = fmt::format("{}（{}）", n->ja, d.note);
    d.message_en = fmt::format("{} ({})", n->en, d.note);
  } else {
    d.message_ja = r.ja;
    d.message_en = r.en;
  }
  if (!detail_ja.empty()) d.message_ja += "（" + detail_ja + "）";
  if (!detail_en.empty()) d.message_en += " (" + detail_en + ")";
  return d;
}

Decision refuse(std::string_view rule_id, const std::optional<Viewer>& viewer, std::string note = {},
                nlohmann::json facts = nlohmann::json::object(), std::string ja = {}, std::string en = {}) {
  return make(false, rule_id, viewer, std::move(note), std::move(facts), std::move(ja), std::move(en));
}

// The column of the user, or the refusal that says why there is none.
std::variant<Viewer, Decision> column_of(const AccessFacts& f) {
  const auto& u = *f.user;
  switch (u.role) {
    case Role::Insured:
      if (!u.is_person(f.person.insurer_no, f.person.insured_no)) return refuse("not-the-person", Viewer::Person);
      return Viewer::Person;
    case Role::Municipality:
      if (!u.acts_for_insurer(f.person.insurer_no)) return refuse("other-insurer", Viewer::Municipality);
      return Viewer::Municipality;
    case Role::Office:
      if (f.office_no.empty()) return refuse("no-office", std::nullopt);
      if (!u.acts_for_office(f.office_no)) return refuse("not-your-office", std::nullopt);
      if (!f.office_column) return refuse("unknown-office", std::nullopt, {}, {{"office_no", f.office_no}});
      return *f.office_column;
    case Role::Medical:
      return Viewer::Medical;
    case Role::Kokuhoren:
    case Role::Admin:
      break;
  }
  return refuse("not-a-viewer", std::nullopt);
}

std::string institution_of(const AccessFacts& f) { return f.user->role == Role::Medical ? f.user->medical_code : f.office_no; }

std::optional<Decision> check_request(const AccessFacts& f, const MatrixRow& cell, Viewer v) {
  const auto inst = institution_of(f);
  std::vector<const RequestFact*> mine;
  for (const auto& r : f.requests) {
    if (r.institution == inst) mine.push_back(&r);
  }
  if (mine.empty()) return refuse("no-request", v, cell.note, {{"institution", inst}});
  if (cell.basis != Basis::RequestWindow) return std::nullopt;
  const auto* note = find_note(cell.note);
  const int days = note && note->window_days ? *note->window_days : 0;
  // 「申請書提出日から30日間」: the day of submission is day 0 and the 30 days follow it (民法第140条,
  // 初日不算入), so day 30 is the last day seen.
  for (const auto* r : mine) {
    if (r->applied_on <= f.day && f.day <= r->applied_on.plus_days(days)) return std::nullopt;
  }
  const auto& last = *mine.back();
  return refuse("outside-window", v, cell.note,
                {{"institution", inst}, {"applied_on", last.applied_on.str()}, {"last_day", last.applied_on.plus_days(days).str()}},
                fmt::format("申請書提出日 {}、閲覧は {} まで", last.applied_on.str(), last.applied_on.plus_days(days).str()),
                fmt::format("submitted {}, viewable until {}", last.applied_on.str(), last.applied_on.plus_days(days).str()));
}

std::optional<Decision> check_identity(const AccessFacts& f, const MatrixRow& cell, Viewer v) {
  if (!f.identification) return refuse("no-identification", v, cell.note, {{"office_no", f.office_no}});
  const auto until = serving_until(*f.identification, f.latest_claim, f.serving_months);
  if (until < f.day) {
    nlohmann::json facts{{"office_no", f.office_no},
                         {"identified_at", f.identification->at.str()},
                         {"latest_claim_month", f.latest_claim ? f.latest_claim->str() : ""},
                         {"serving_until", until.str()}};
    return refuse("not-serving", v, cell.note, facts,
                  fmt::format("直近の明細書のサービス提供年月 {}、閲覧有効期限 {}", f.latest_claim ? f.latest_claim->str() : "なし", until.str()),
                  fmt::format("latest claim {}, viewable until {}", f.latest_claim ? f.latest_claim->str() : "none", until.str()));
  }
  return std::nullopt;
}

}  // namespace

Date serving_until(const Identification& identification, std::optional<YearMonth> latest_claim, int serving_months) {
  auto basis = identification.at.date.year_month();
  if (latest_claim && basis < *latest_claim) basis = *latest_claim;
  const auto last = basis.plus_months(serving_months);
  return {last.year, last.month, last.days()};
}

Decision decide(const AccessFacts& f) {
  auto column = column_of(f);
  if (auto* refusal = std::get_if<Decision>(&column)) return *refusal;
  const Viewer v = std::get<Viewer>(column);
  if (f.day < kPlatformStart) return refuse("platform-not-started", v);
  auto job = f.user->job;
  if (f.user->role == Role::Office && job == auth::Job::None) job = auth::Job::Other;
  const auto& cell = matrix_cell(f.kind, v, job);
  if (cell.cell == Cell::Blank) return refuse("blank-cell", v, cell.note);
  if (cell.cell == Cell::OtherJobs) {
    return refuse("job-not-allowed", v, cell.note, {{"job", enum_code(job)}}, cell.note, cell.note);
  }
  if (cell.from && f.day < *cell.from) {
    return refuse("cell-not-yet", v, cell.note, {{"from", cell.from->str()}}, fmt::format("{} から", cell.from->str()),
                  fmt::format("from {}", cell.from->str()));
  }
  const bool live = f.golive && *f.golive <= f.day;
  const bool early = cell.before_golive && *cell.before_golive <= f.day;
  if (!live && !early) {
    const auto on = f.golive ? f.golive->str() : std::string();
    return refuse("not-live", v, cell.note, {{"golive_on", on}}, on.empty() ? "利用開始日は未定" : "利用開始日 " + on,
                  on.empty() ? "no go-live date yet" : "go-live " + on);
  }
  std::optional<Decision> refusal;
  switch (cell.basis) {
    case Basis::Identity: refusal = check_identity(f, cell, v); break;
    case Basis::Request:
    case Basis::RequestWindow: refusal = check_request(f, cell, v); break;
    case Basis::Own:
    case Basis::Insurer:
    case Basis::None: break;
  }
  if (refusal) return *refusal;
  if (cell.consent && !f.consent.in_force) {
    nlohmann::json facts{{"consent_since", f.consent.since ? f.consent.since->str() : ""}, {"consent_record", f.consent.record}};
    return refuse(f.consent.rule, v, cell.note, facts, f.consent.since ? f.consent.since->str() : "",
                  f.consent.since ? f.consent.since->str() : "");
  }
  nlohmann::json facts = nlohmann::json::object();
  if (cell.consent) facts["consent_since"] = f.consent.since ? f.consent.since->str() : "";
  return make(true, "cell", v, cell.note, facts);
}

nlohmann::json to_json(const Decision& d) {
  nlohmann::json j{{"allowed", d.allowed}, {"rule", d.rule}, {"message_ja", d.message_ja}, {"message_en", d.message_en}};
  if (!d.note.empty()) j["note"] = d.note;
  if (d.viewer) j["viewer"] = enum_code(*d.viewer);
  if (!d.facts.empty()) j["facts"] = d.facts;
  return j;
}

}  // namespace kaigo::platform
