// The changes made on the platform itself: 本人確認, 包括同意, 主治医意見書作成依頼, the
// 居宅サービス計画作成依頼届出, go-live dates and linkage files — each with its audit row.
#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/platform/outcome.hpp"
#include "kaigo/platform/platform.hpp"
#include "kaigo/core/json_fields.hpp"

namespace kaigo::platform {

namespace detail {

Outcome outcome(std::string_view rule_id, nlohmann::json detail, std::string_view ja, std::string_view en) {
  const auto& r = rule(rule_id);
  Outcome o{r.allowed, r.id, r.ja, r.en, std::move(detail)};
  if (!ja.empty()) o.message_ja += fmt::format("（{}）", ja);
  if (!en.empty()) o.message_en += fmt::format(" ({})", en);
  return o;
}

Outcome outcome(const Decision& d) { return {d.allowed, d.rule, d.message_ja, d.message_en, d.facts}; }

}  // namespace detail

namespace {

using detail::outcome;

bool upper_alnum10(std::string_view s) {
  if (s.size() != 10) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// Letters of a カナ name without its spaces (half or full width), for the 4-item check.
std::string without_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') continue;
    if (s.substr(i, 3) == "\xE3\x80\x80") {  // U+3000
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::optional<Record> current(std::span<const Record> all, std::string_view kind, std::string_view record_id = {}) {
  const Record* best = nullptr;
  for (const auto& r : all) {
    if (r.kind != kind || (!record_id.empty() && r.record_id != record_id)) continue;
    if (!best || best->id < r.id) best = &r;
  }
  if (!best || best->deleted()) return std::nullopt;
  return *best;
}

auth::AuditEvent person_event(const auth::Caller& c, auth::AuditAction what, std::string_view target, const PersonId& p,
                              nlohmann::json detail) {
  auto e = auth::event_of(c, what, target, std::move(detail));
  e.insurer_no = p.insurer_no;
  e.insured_no = p.insured_no;
  return e;
}

// The municipality is live on `day` (the web service needs it: seed 004 §8 包括同意 No.2, No.10) and,
// when `office` is given, that office verified the person by `at`; otherwise the refusal.
std::optional<Outcome> live_and_verified(Repository& repo, const PersonId& person, Date day, std::string_view office,
                                         const LocalDateTime& at) {
  auto golive = repo.golive(person.insurer_no);
  if (!golive || day < *golive) return outcome("not-live", {{"golive_on", golive ? golive->str() : ""}});
  if (!office.empty() && !repo.identification(office, person, at)) return outcome("no-identification", {{"office_no", office}});
  return std::nullopt;
}

std::string source_of(const auth::Caller& c, const auth::User* by, std::string_view office_no) {
  if (!by) return fmt::format("municipality:{}", c.who);
  if (by->role == auth::Role::Office) return fmt::format("care_manager:{}@{}", by->id, office_no);
  return fmt::format("{}:{}", enum_code(by->role), by->id);
}

}  // namespace

Outcome Platform::identify(const auth::User& user, const auth::Caller& caller, const PersonId& person, IdentifyMethod method,
                           const FourItems& items, std::string_view office_no) {
  if (user.role != auth::Role::Office) return outcome("not-an-office");
  const auto office = acting_office(user, office_no);
  if (office.empty()) return outcome("no-office");
  if (!user.acts_for_office(office)) return outcome("not-your-office");
  if (!is_person_id(person)) return outcome("bad-input", {{"item", "person"}}, "保険者番号・被保険者番号", "insurer and insured numbers");
  const Date day = caller.at.date;
  Outcome result;
  repo_.atomically([&] {
    if (auto refusal = live_and_verified(repo_, person, day, {}, caller.at)) {
      result = *refusal;
      return;
    }
    const auto records = repo_.records(person);
    const auto registration = current(records, "person");
    if (!registration) {
      result = outcome("identify-unknown-person");
      return;
    }
    if (method == IdentifyMethod::FourItems) {
      auto data = nlohmann::json::parse(registration->data, nullptr, false);
      if (string_field(data, "birth_date") != items.birth_date ||
          without_spaces(string_field(data, "name_kana")) != without_spaces(items.name_kana)) {
        result = outcome("identify-mismatch");
        return;
      }
    }
    repo_.add_identification({office, person, caller.at, std::string(identify_method_name(method)), user.id});
    audit_.append(person_event(caller, auth::AuditAction::PlatformIdentify, office, person,
                               {{"office_no", office}, {"method", identify_method_name(method)}}));
    result = outcome("identified", {{"office_no", office}, {"method", identify_method_name(method)}, {"at", caller.at.str()}});
  });
  return result;
}

std::string_view identify_method_name(IdentifyMethod m) { return m == IdentifyMethod::Card ? "card" : "four_items"; }

Outcome Platform::register_consent(const auth::Caller& caller, const auth::User* by, const PersonId& person,
                                   const ConsentInput& input, std::string_view office_no) {
  if (!is_person_id(person) || (input.form != "1" && input.form != "2")) {
    return outcome("bad-input", {{"item", "form"}}, "様式は new（新様式）か old（旧様式）", "form is new or old");
  }
  std::string office;
  Outcome result;
  repo_.atomically([&] {
    if (by && by->role == auth::Role::Municipality) {
      if (!by->acts_for_insurer(person.insurer_no)) {
        result = outcome("not-the-municipality");
        return;
      }
    } else if (by && by->role == auth::Role::Office && by->job == auth::Job::CareManager) {
      // A care manager records consent through the platform only once the municipality is live
      // (seed 004 §8 包括同意 No.10), for a person its office has verified.
      office = acting_office(*by, office_no);
      if (office.empty() || !by->acts_for_office(office)) {
        result = outcome(office.empty() ? "no-office" : "not-your-office");
        return;
      }
      if (auto refusal = live_and_verified(repo_, person, input.on, office, caller.at)) {
        result = *refusal;
        return;
      }
    } else if (by) {
      result = outcome("consent-not-allowed");
      return;
    }
    Record r;
    r.person = person;
    r.kind = "consent";
    r.record_id = repo_.next_record_id("C");
    r.update = UpdateKind::New;
    r.effective_on = input.on;
    r.data = nlohmann::json{{"form", input.form}, {"given", input.revoke ? "0" : "1"}, {"applied_on", input.on.str()}}.dump();
    r.source = source_of(caller, by, office);
    r.recorded_at = caller.at;
    put_version(repo_, r);
    nlohmann::json detail{{"record_id", r.record_id}, {"on", input.on.str()}, {"form", input.form}, {"revoke", input.revoke}};
    if (!office.empty()) detail["office_no"] = office;
    audit_.append(person_event(caller, auth::AuditAction::PlatformConsent, r.record_id, person, detail));
    result = outcome(input.revoke ? "consent-revocation-registered" : "consent-registered", detail);
  });
  return result;
}

Outcome Platform::record_request(const auth::Caller& caller, const auth::User* by, const PersonId& person,
                                 const RequestInput& input) {
  if (by && (by->role != auth::Role::Municipality || !by->acts_for_insurer(person.insurer_no))) {
    return outcome("not-the-municipality");
  }
  if (!is_person_id(person) || !upper_alnum10(input.institution) || input.requested_on < input.applied_on) {
    return outcome("bad-input", {{"item", "institution"}}, "医療機関コードは英大文字・数字10桁、依頼日は申請書提出日以降",
                   "the institution is 10 of 0-9 A-Z; the request is on or after the application");
  }
  Outcome result;
  repo_.atomically([&] {
    Record r;
    r.person = person;
    r.kind = "request";
    r.record_id = repo_.next_record_id("R");
    r.effective_on = input.requested_on;
    r.data = nlohmann::json{{"institution_code", input.institution}, {"applied_on", input.applied_on.str()}}.dump();
    r.source = source_of(caller, by, {});
    r.recorded_at = caller.at;
    put_version(repo_, r);
    nlohmann::json detail{{"record_id", r.record_id},
                          {"institution", input.institution},
                          {"applied_on", input.applied_on.str()},
                          {"requested_on", input.requested_on.str()}};
    audit_.append(person_event(caller, auth::AuditAction::PlatformRequest, r.record_id, person, detail));
    result = outcome("request-recorded", detail);
  });
  return result;
}

Outcome Platform::notify(const auth::User& user, const auth::Caller& caller, const PersonId& person,
                         const NotificationInput& input, std::string_view office_no) {
  if (user.role != auth::Role::Office) return outcome("not-an-office");
  const auto office = acting_office(user, office_no);
  if (office.empty()) return outcome("no-office");
  if (!user.acts_for_office(office)) return outcome("not-your-office");
  if (!is_person_id(person) || (input.plan != "1" && input.plan != "2" && input.plan != "3")) {
    return outcome("bad-input", {{"item", "plan"}}, "届出の種類は 1, 2, 3", "plan is 1, 2 or 3");
  }
  Outcome result;
  repo_.atomically([&] {
    if (office_column(office, input.on) != Viewer::SupportOffice) {
      result = outcome("not-a-support-office", {{"office_no", office}});
      return;
    }
    if (auto refusal = live_and_verified(repo_, person, input.on, office, caller.at)) {
      result = *refusal;
      return;
    }
    const auto record_id = "N" + input.plan;
    const auto records = repo_.records(person);
    const auto filed = current(records, "notification", record_id);
    const auto filed_data = filed ? nlohmann::json::parse(filed->data, nullptr, false) : nlohmann::json();
    const bool filed_here = filed && string_field(filed_data, "action") == "1" &&
                            string_field(filed_data, "office_no") == office;
    if (input.withdraw && !filed_here) {
      result = outcome("notification-not-filed", {{"office_no", office}, {"plan", input.plan}});
      return;
    }
    Record r;
    r.person = person;
    r.kind = "notification";
    r.record_id = record_id;
    r.update = filed ? UpdateKind::Update : UpdateKind::New;
    r.effective_on = input.on;
    r.data = nlohmann::json{{"plan", input.plan}, {"office_no", office}, {"action", input.withdraw ? "2" : "1"}}.dump();
    r.source = fmt::format("office:{}@{}", user.id, office);
    r.recorded_at = caller.at;
    put_version(repo_, r);
    nlohmann::json detail{{"office_no", office}, {"plan", input.plan}, {"on", input.on.str()}, {"withdraw", input.withdraw}};
    audit_.append(person_event(caller, auth::AuditAction::PlatformNotification, record_id, person, detail));
    result = outcome(input.withdraw ? "notification-withdrawn" : "notification-filed", detail);
  });
  return result;
}

GoLiveAnswer Platform::load_golive(const auth::Caller& caller, std::string_view text, std::string_view file_name) {
  GoLiveAnswer a;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (find_invalid_utf8(text) != std::string_view::npos) {
    a.errors.push_back(linkage_error("PL01", 0));
    return a;
  }
  auto all = lines(text);
  if (all.empty() || trim(all[0]) != "insurer_no,golive_on") {
    a.errors.push_back(linkage_error("PL02", 1, "insurer_no,golive_on", "insurer_no,golive_on"));
    return a;
  }
  auto item_error = [&](std::string_view code, std::uint64_t line, int column, std::string_view value) {
    auto e = linkage_error(code, line);
    e.column = column;
    e.item = column == 1 ? "insurer_no" : "golive_on";
    e.item_ja = column == 1 ? "保険者番号" : "介護情報基盤利用開始日";
    e.value = escape_control(value);
    a.errors.push_back(e);
  };
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i].empty()) continue;
    const auto line = i + 1;
    auto f = master::split_csv_line(all[i]);
    if (!f || f->size() != 2) {
      a.errors.push_back(linkage_error(f ? "PL10" : "PL11", line));
      continue;
    }
    const auto& insurer = (*f)[0];
    auto on = Date::parse((*f)[1]);
    if (!auth::is_insurer_no(insurer)) item_error("PL13", line, 1, insurer);
    if (!on) {
      item_error("PL13", line, 2, (*f)[1]);
    } else if (*on < kPlatformStart) {
      item_error("PL30", line, 2, (*f)[1]);
    }
    for (const auto& g : a.dates) {
      if (g.insurer_no == insurer) item_error("PL31", line, 1, insurer);
    }
    if (on) a.dates.push_back({insurer, *on});
  }
  if (a.dates.empty() && a.errors.empty()) a.errors.push_back(linkage_error("PL03", 1));
  if (!a.errors.empty()) {
    a.dates.clear();
    return a;
  }
  repo_.atomically([&] {
    repo_.set_golive(a.dates, file_name, caller.at);
    audit_.append(auth::event_of(caller, auth::AuditAction::PlatformGolive, file_name, {{"rows", a.dates.size()}}));
  });
  a.stored = true;
  return a;
}

LinkageAnswer Platform::load_linkage(const auth::Caller& caller, const auth::User* by, std::string_view bytes,
                                     std::string_view file_name) {
  LinkageOptions o;
  o.file_name = escape_file_name(file_name);
  o.at = caller.at;
  o.by = caller;
  if (by) o.insurer_no = by->insurer_no;
  return apply_linkage(repo_, audit_, bytes, o);
}

}  // namespace kaigo::platform
