#include "kaigo/portal/application.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::portal {
namespace {

constexpr std::size_t kMaxLines = 200;

auth::Refusal refusal(std::string code, std::string rule, std::string ja, std::string en) {
  return {std::move(code), std::move(rule), std::move(ja), std::move(en)};
}

auth::Refusal not_yours() {
  return refusal("KH04", "DESIGN §2: 申請は事業所・医療機関の自分のアカウントから",
                 "この事業所・医療機関の申請はできません", "this account does not act for that applicant");
}

auth::Refusal not_found(std::int64_t id) {
  return refusal("KH40", "申請者本人と国保連だけが申請を見られる", fmt::format("申請番号 {} は見つかりません", id),
                 fmt::format("no application {} for this account", id));
}

// Whether `user` is the applicant's own account.
bool acts_as_applicant(const auth::User& user, Program program, std::string_view number) {
  if (program == Program::Office) return user.role == auth::Role::Office && user.acts_for_office(number);
  return user.role == auth::Role::Medical && user.medical_code == number;
}

std::string window_text(const Scheme& s) {
  return fmt::format("{}: {}〜{}", s.fiscal_year, day_text(s.apply_from), day_text(s.apply_to));
}

// The scheme an application made on `day` falls under, or why none does.
const Scheme* scheme_for(const ApplyRequest& r, Date day, auth::Refusals& out) {
  const auto& all = Schemes::bundled();
  if (r.scheme) {
    const auto* s = all.find(*r.scheme);
    if (!s || s->program != r.program) {
      out.push_back(
          refusal("KH09", "schemes.tsv",
                  fmt::format("助成「{}」はありません（{}向け）", escape_control(*r.scheme), enum_ja(r.program)),
                  fmt::format("no scheme \"{}\" for {}", escape_control(*r.scheme), enum_code(r.program))));
      return nullptr;
    }
    if (!s->open_on(day)) {
      out.push_back(refusal("KH01",
                            fmt::format("{} 申請期間 ({})", s->fiscal_year, s->source.substr(0, s->source.find(';'))),
                            fmt::format("{}の申請受付は{}から{}までです（申請日 {}）", s->fiscal_year,
                                        day_text(s->apply_from), day_text(s->apply_to), day_text(day)),
                            fmt::format("{} accepts applications from {} to {} (applied on {})", s->id,
                                        s->apply_from.str(), s->apply_to.str(), day.str())));
      return nullptr;
    }
    return s;
  }
  if (const auto* s = all.open_for(r.program, day)) return s;
  std::vector<std::string> windows;
  for (const auto& s : all.all()) {
    if (s.program == r.program) windows.push_back(window_text(s));
  }
  std::string list;
  for (const auto& w : windows) list += (list.empty() ? "" : "、") + w;
  out.push_back(refusal("KH02", "schemes.tsv: 各年度の申請期間",
                        fmt::format("{} は助成金の申請受付期間外です（{}）", day_text(day), list),
                        fmt::format("no scheme accepts applications on {}", day.str())));
  return nullptr;
}

// The office applicant: its name and the services applied for (registered on `day`, with a class).
bool office_applicant(const master::OfficeLedger& offices, const ApplyRequest& r, const Scheme& scheme, Date day,
                      Applicant& a, auth::Refusals& out) {
  auto registered = registered_services(offices, r.applicant_no, day);
  if (registered.empty()) {
    out.push_back(
        refusal("KH05", "事業所台帳",
                fmt::format("事業所番号 {} は {} 時点の事業所台帳にありません", r.applicant_no, day_text(day)),
                fmt::format("office {} is not in the office ledger on {}", r.applicant_no, day.str())));
    return false;
  }
  for (const auto& type : r.services) {
    if (std::find(registered.begin(), registered.end(), type) == registered.end()) {
      out.push_back(refusal(
          "KH05", "事業所台帳: 指定を受けたサービス種類",
          fmt::format("事業所番号 {} はサービス種類 {} の指定を受けていません", r.applicant_no, escape_control(type)),
          fmt::format("office {} is not registered for service type {}", r.applicant_no, escape_control(type))));
    }
  }
  if (!out.empty()) return false;
  const auto& all = Schemes::bundled();
  if (r.services.empty()) {
    for (const auto& type : registered) {
      if (office_classes(scheme, std::vector<std::string>{type}, all).unknown_services.empty())
        a.services.push_back(type);
    }
  } else {
    a.services = r.services;
    std::sort(a.services.begin(), a.services.end());
    a.services.erase(std::unique(a.services.begin(), a.services.end()), a.services.end());
  }
  auto classes = office_classes(scheme, a.services, all);
  for (const auto& type : classes.unknown_services) {
    out.push_back(refusal("KH06", "service_classes.tsv",
                          fmt::format("サービス種類 {} の助成区分が定まっていません", type),
                          fmt::format("service type {} has no subsidy class", type)));
  }
  if (a.services.empty()) {
    out.push_back(refusal("KH06", "service_classes.tsv", "助成の区分に当たるサービス種類がありません",
                          "none of the office's service types has a subsidy class"));
  }
  offices.table().for_each([&](const auto&, const master::Office& o) {
    if (a.name.empty() && o.office_no == r.applicant_no && o.period.contains(day)) a.name = o.name;
  });
  return out.empty();
}

bool medical_applicant(const ApplyRequest& r, const Scheme& scheme, Applicant& a, auth::Refusals& out) {
  auto bad = [&](std::string ja, std::string en) {
    out.push_back(
        refusal("KH07", "seed 000 §2: 200床以上の病院 / 199床以下の病院または診療所", std::move(ja), std::move(en)));
    return false;
  };
  if (!r.facility || *r.facility == Facility::Office)
    return bad("病院か診療所かを指定してください", "say whether it is a hospital or a clinic");
  if (!r.beds || *r.beds < 0) return bad("病床数を指定してください", "give the number of beds");
  if (trim(r.applicant_name).empty()) return bad("医療機関名を指定してください", "give the institution's name");
  if (!scheme.medical_limit(*r.facility, *r.beds)) {
    return bad(fmt::format("{}で{}床の区分はありません（病院は20床以上、診療所は19床以下）", enum_ja(*r.facility),
                           *r.beds),
               fmt::format("no class for a {} of {} beds", enum_code(*r.facility), *r.beds));
  }
  a.facility = *r.facility;
  a.beds = *r.beds;
  a.name = std::string(trim(r.applicant_name));
  return true;
}

auth::AuditEvent event(const auth::Caller& by, auth::AuditAction action, std::int64_t id, nlohmann::json detail) {
  return auth::event_of(by, action, id == 0 ? std::string("subsidy") : fmt::format("subsidy:{}", id),
                        std::move(detail));
}

ChangeResult move(SubsidyRepository& repo, Application app, State to, const auth::Caller& by, std::string note,
                  const Decision* decision, const Payment* payment, auth::AuditAction action, nlohmann::json detail) {
  StateChange change{to, by.at, by.who, std::move(note)};
  if (!repo.change_state(app.id, app.state, change, decision, payment, event(by, action, app.id, std::move(detail)))) {
    return {{refusal("KH45", "一つの申請に一つの操作",
                     fmt::format("申請番号 {} は他の操作で変わりました。もう一度確かめてください", app.id),
                     fmt::format("application {} changed meanwhile; look again", app.id))},
            std::nullopt};
  }
  return {{}, repo.application(app.id)};
}

auth::Refusal wrong_state(const Application& a, std::string_view what_ja, std::string_view what_en) {
  return refusal("KH41", "申請の状態",
                 fmt::format("申請番号 {} は「{}」のため{}できません", a.id, enum_ja(a.state), what_ja),
                 fmt::format("application {} is {}: it cannot be {}", a.id, enum_code(a.state), what_en));
}

auth::Refusal staff_only() {
  return refusal("KH44", "seed 003 4-1: 審査・決定と振込は国保中央会（ここでは国保連の職員）",
                 "審査・決定と振込は国保連の職員が行います", "only the 国保連's staff decide and pay");
}

// A step the 国保連's staff take on an application: from which state, and from which month on.
struct StaffStep {
  State from;
  YearMonth Application::*due;  // the month the step may be taken from
  std::string_view what_ja, what_en;
  std::string_view code, rule;  // the refusal of a step taken before its month
};

constexpr StaffStep kDecideStep{State::Received, &Application::decision_month, "審査", "decided", "KH42",
                                "seed 003 4-1: 審査及び結果通知は助成金申請日の翌月"};
constexpr StaffStep kPayStep{State::Decided, &Application::payment_month, "振込", "paid", "KH43",
                             "seed 003 4-1: 振込は助成金申請日の翌々月"};

// Application `id` when `user` may take `step` on it now (KH44, KH40, KH41 or the step's refusal
// otherwise).
ChangeResult staff_step_on(SubsidyRepository& repo, std::int64_t id, const auth::User& user, const auth::Caller& by,
                           const StaffStep& step) {
  if (!user.is_kokuhoren()) return {{staff_only()}, std::nullopt};
  auto app = repo.application(id);
  if (!app) return {{not_found(id)}, std::nullopt};
  if (app->state != step.from) return {{wrong_state(*app, step.what_ja, step.what_en)}, app};
  const YearMonth due = (*app).*step.due;
  if (by.at.date.year_month() < due) {
    return {{refusal(std::string(step.code), std::string(step.rule),
                     fmt::format("申請番号 {} の{}は{}からです", id, step.what_ja, wareki_year_month(due)),
                     fmt::format("application {} is {} from {} on", id, step.what_en, due.str()))},
            app};
  }
  return {{}, app};
}

Applicant applicant_from(const ApplyRequest& r) {
  Applicant a;
  a.program = r.program;
  a.number = r.applicant_no;
  return a;
}

}  // namespace

std::optional<State> parse_state(std::string_view name) {
  if (auto s = kApplicationStates.parse(name)) return s;
  return kApplicationStates.parse_ja(name);
}
bool is_live(State s) { return s == State::Received || s == State::Decided || s == State::Paid; }

std::vector<std::string> registered_services(const master::OfficeLedger& offices, std::string_view office_no,
                                             Date day) {
  std::vector<std::string> out;
  offices.table().for_each([&](const auto&, const master::Office& o) {
    if (o.office_no == office_no && o.period.contains(day)) out.push_back(o.service_type);
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// KH03: one live application per applicant and scheme.
auth::Refusal already_applied(const Application& app, const Scheme& scheme) {
  return refusal("KH03", "申請は申請者・年度ごとに1件（返戻・取下げの後は再申請できる）",
                 fmt::format("{}の{}への申請は既にあります（返戻または取下げの後に再申請できます）",
                             app.applicant.number, scheme.fiscal_year),
                 fmt::format("{} already has an application under {} (apply again after a return or withdrawal)",
                             app.applicant.number, scheme.id));
}

// Everything apply checks and computes, with the application as it would be stored (no id).
ApplyResult prepare(const master::OfficeLedger& offices, const ApplyRequest& r, const auth::User& user,
                    const auth::Caller& by, const Scheme** chosen) {
  ApplyResult out;
  if (!acts_as_applicant(user, r.program, r.applicant_no)) {
    out.refusals.push_back(not_yours());
    return out;
  }
  const Date day = by.at.date;
  const auto* scheme = scheme_for(r, day, out.refusals);
  if (!scheme) return out;
  Applicant a = applicant_from(r);
  if (r.program == Program::Office) {
    if (!office_applicant(offices, r, *scheme, day, a, out.refusals)) return out;
  } else if (!medical_applicant(r, *scheme, a, out.refusals)) {
    return out;
  }
  if (r.lines.empty() || r.lines.size() > kMaxLines) {
    out.refusals.push_back(refusal("KH08", "領収書（写し）の添付",
                                   fmt::format("領収書の明細を1行以上{}行以下で入力してください", kMaxLines),
                                   fmt::format("give 1 to {} receipt lines", kMaxLines)));
    return out;
  }
  const auto* times = scheme->timetable_for(day);
  if (!times) {  // check_tables keeps this from happening; a broken table refuses rather than guesses
    out.refusals.push_back(refusal("KH09", "timetable.tsv",
                                   fmt::format("{}の{}の審査月が表にありません", scheme->fiscal_year, day_text(day)),
                                   fmt::format("{} has no decision month for {}", scheme->id, day.str())));
    return out;
  }
  Application app;
  app.scheme = scheme->id;
  app.applicant = std::move(a);
  app.applied_at = by.at;
  app.applied_by = by.who;
  app.lines = r.lines;
  app.state = State::Received;
  app.decision_month = day.year_month().plus_months(times->decision_months);
  app.payment_month = day.year_month().plus_months(times->payment_months);
  app.history.push_back({State::Received, by.at, by.who, ""});
  out.preview = compute(*scheme, app.applicant, app.lines, day, Schemes::bundled());
  out.application = std::move(app);
  *chosen = scheme;
  return out;
}

}  // namespace

ApplyResult check_application(SubsidyRepository& repo, const master::OfficeLedger& offices, const ApplyRequest& request,
                              const auth::User& user, const auth::Caller& by) {
  const Scheme* scheme = nullptr;
  auto out = prepare(offices, request, user, by, &scheme);
  if (!out.application) return out;
  ApplicationFilter f;
  f.program = out.application->applicant.program;
  f.applicant_no = out.application->applicant.number;
  f.scheme = scheme->id;
  auto live = 0;
  for (const auto& a : repo.applications(f)) live += is_live(a.state) ? 1 : 0;
  if (live >= scheme->live_per_applicant) {
    out.refusals.push_back(already_applied(*out.application, *scheme));
    out.application.reset();
    out.preview.reset();
  }
  return out;
}

ApplyResult apply(SubsidyRepository& repo, const master::OfficeLedger& offices, const ApplyRequest& request,
                  const auth::User& user, const auth::Caller& by) {
  const Scheme* scheme = nullptr;
  auto out = prepare(offices, request, user, by, &scheme);
  if (!out.application) return out;
  auto app = std::move(*out.application);
  out.application.reset();
  const auto& computed = *out.preview;
  nlohmann::json detail{{"scheme", app.scheme},
                        {"applicant", app.applicant.number},
                        {"lines", app.lines.size()},
                        {"preview_outcome", enum_code(computed.outcome)},
                        {"preview_amount", computed.amount.value}};
  auto id = repo.add_application(app, scheme->live_per_applicant, event(by, auth::AuditAction::SubsidyApply, 0, detail));
  if (!id) {
    out.refusals.push_back(already_applied(app, *scheme));
    out.preview.reset();
    return out;
  }
  out.application = repo.application(*id);
  return out;
}

ChangeResult decide(SubsidyRepository& repo, std::int64_t id, const std::optional<std::string>& return_reason,
                    const auth::User& user, const auth::Caller& by) {
  auto step = staff_step_on(repo, id, user, by, kDecideStep);
  if (!step.refusals.empty()) return step;
  const Application& app = *step.application;
  const auto* scheme = Schemes::bundled().find(app.scheme);
  if (!scheme) {
    return {{refusal("KH09", "schemes.tsv", fmt::format("助成「{}」が表にありません", app.scheme),
                     fmt::format("scheme {} is no longer in the tables", app.scheme))},
            step.application};
  }
  auto c = compute(*scheme, app.applicant, app.lines, app.applied_at.date, Schemes::bundled());
  Decision d{c.outcome, c.amount, std::move(c.steps), std::move(c.findings)};
  std::string note;
  if (return_reason) {
    note = std::string(trim(*return_reason));
    if (note.empty()) {
      return {{refusal("KH30", "返戻には理由が要る", "返戻の理由を入力してください", "give the reason of the return")},
              step.application};
    }
    d.outcome = Outcome::Returned;
    d.amount = Yen{};
    d.findings.insert(d.findings.begin(), {"KH30", Effect::Return, 0, "国保連の審査",
                                           fmt::format("審査の結果、返戻します: {}", escape_control(note)),
                                           fmt::format("returned by the review: {}", escape_control(note))});
  }
  const State to = d.outcome == Outcome::Granted   ? State::Decided
                   : d.outcome == Outcome::Nothing ? State::Rejected
                                                   : State::Returned;
  nlohmann::json detail{{"outcome", enum_code(d.outcome)}, {"amount", d.amount.value}};
  return move(repo, app, to, by, note, &d, nullptr, auth::AuditAction::SubsidyDecide, std::move(detail));
}

ChangeResult pay(SubsidyRepository& repo, std::int64_t id, const auth::User& user, const auth::Caller& by) {
  auto step = staff_step_on(repo, id, user, by, kPayStep);
  if (!step.refusals.empty()) return step;
  const Application& app = *step.application;
  Payment p{by.at.date, app.decision->amount};
  return move(repo, app, State::Paid, by, "", nullptr, &p, auth::AuditAction::SubsidyPay, {{"amount", p.amount.value}});
}

ChangeResult withdraw(SubsidyRepository& repo, std::int64_t id, const auth::User& user, const auth::Caller& by) {
  auto app = repo.application(id);
  if (!app || !acts_as_applicant(user, app->applicant.program, app->applicant.number))
    return {{not_found(id)}, std::nullopt};
  if (app->state != State::Received) return {{wrong_state(*app, "取下げ", "withdrawn")}, app};
  return move(repo, *app, State::Withdrawn, by, "", nullptr, nullptr, auth::AuditAction::SubsidyWithdraw, nlohmann::json::object());
}

bool may_see(const auth::User& user, const Application& a) {
  if (user.is_kokuhoren() || user.is_admin()) return true;
  return acts_as_applicant(user, a.applicant.program, a.applicant.number);
}

std::vector<Application> visible_applications(SubsidyRepository& repo, const auth::User& user,
                                              ApplicationFilter filter) {
  if (user.is_kokuhoren() || user.is_admin()) {
    filter.everyone = true;
  } else if (user.role == auth::Role::Office) {
    filter.everyone = false;
    filter.program = Program::Office;
    if (filter.applicant_no && !user.acts_for_office(*filter.applicant_no)) return {};
    if (!filter.applicant_no) filter.applicants = user.offices;
  } else if (user.role == auth::Role::Medical && !user.medical_code.empty()) {
    filter.everyone = false;
    filter.program = Program::Medical;
    if (filter.applicant_no && *filter.applicant_no != user.medical_code) return {};
    filter.applicant_no = user.medical_code;
  } else {
    return {};
  }
  return repo.applications(filter);
}

ChangeResult visible_application(SubsidyRepository& repo, std::int64_t id, const auth::User& user) {
  auto app = repo.application(id);
  if (!app || !may_see(user, *app)) return {{not_found(id)}, std::nullopt};
  return {{}, std::move(app)};
}

Computation preview(const Application& a) {
  const auto& all = Schemes::bundled();
  const auto* scheme = all.find(a.scheme);
  if (!scheme) {
    Computation none;
    none.findings.push_back({"KH09", Effect::Note, 0, "schemes.tsv",
                             fmt::format("助成「{}」が表にありません", a.scheme),
                             fmt::format("scheme {} is no longer in the tables", a.scheme)});
    return none;
  }
  return compute(*scheme, a.applicant, a.lines, a.applied_at.date, all);
}

}  // namespace kaigo::portal
