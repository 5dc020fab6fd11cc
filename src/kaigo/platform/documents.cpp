// The doctors' documents (seed 004 §4): the 主治医意見書 a doctor sends with its 依頼元保険者番号 and
// 請求書, the insurer's CSV of those 請求書, and the 認定審査会資料 as one PDF behind a link.
#include <fmt/format.h>

#include "kaigo/core/csv_text.hpp"
#include "kaigo/core/json_fields.hpp"
#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/platform/committee_pdf.hpp"
#include "kaigo/platform/outcome.hpp"
#include "kaigo/platform/platform.hpp"

namespace kaigo::platform {
namespace {

using detail::outcome;

// The parts of the opinion form after 1 基本情報 (seed 004 §4 主治医意見書作成).
constexpr std::pair<std::string_view, std::string_view> kSections[] = {
    {"disease", "2 傷病に関する意見"},
    {"special_medical", "3 特別な医療"},
    {"mind_body", "4 心身の状態に関する意見"},
    {"life_function", "5 生活機能とサービスに関する意見"},
    {"notes", "6 特記すべき事項"},
};

struct OpinionCheck {
  nlohmann::json errors = nlohmann::json::array();
  void fail(std::string_view field, std::string_view ja, std::string_view en) {
    errors.push_back({{"field", field}, {"message_ja", ja}, {"message_en", en}});
  }
  std::optional<Date> date(const nlohmann::json& j, std::string_view field, std::string_view ja) {
    auto d = Date::parse(string_field(j, field));
    if (!d) fail(field, fmt::format("{}（YYYYMMDD）がありません", ja), fmt::format("{} (YYYYMMDD) is missing or wrong", field));
    return d;
  }
  std::string text(const nlohmann::json& j, std::string_view field, std::string_view ja, std::size_t max, bool required) {
    auto v = string_field(j, field);
    std::size_t chars = 0;
    for (char c : v) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    bool control = false;
    for (char c : v) control = control || (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f;
    if (required && v.empty()) fail(field, fmt::format("{}がありません", ja), fmt::format("{} is required", field));
    if (chars > max || control || find_invalid_utf8(v) != std::string_view::npos) {
      fail(field, fmt::format("{}は{}文字までの文字です", ja, max), fmt::format("{} must be text of at most {} characters", field, max));
    }
    return v;
  }
  std::optional<std::int64_t> amount(const nlohmann::json& j, std::string_view field, std::string_view ja, bool required) {
    auto it = j.find(field);
    if (it == j.end()) {
      if (required) fail(field, fmt::format("{}がありません", ja), fmt::format("{} is required", field));
      return std::nullopt;
    }
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 99'999'999) {
      fail(field, fmt::format("{}は半角数字8桁までです", ja), fmt::format("{} must be 0 to 99999999", field));
      return std::nullopt;
    }
    return it->get<std::int64_t>();
  }
};

struct Opinion {
  PersonId person;
  Date applied_on, requested_on, written_on;
  nlohmann::json data;
  std::optional<std::int64_t> fee, points;
};

std::optional<Opinion> read_opinion(const nlohmann::json& j, const std::string& institution, OpinionCheck& c) {
  Opinion o;
  if (!j.is_object()) {
    c.fail("", "主治医意見書は JSON のオブジェクトです", "the opinion must be a JSON object");
    return std::nullopt;
  }
  o.person = {string_field(j, "insurer_no"), string_field(j, "insured_no")};
  if (!auth::is_insurer_no(o.person.insurer_no)) c.fail("insurer_no", "依頼元保険者番号は半角数字6桁です", "insurer_no must be 6 digits");
  if (!auth::is_insured_no(o.person.insured_no)) c.fail("insured_no", "被保険者番号は英数字10桁です", "insured_no must be 10 letters or digits");
  auto applied = c.date(j, "applied_on", "要介護認定申請日");
  auto requested = c.date(j, "requested_on", "意見書作成依頼日");
  auto written = c.date(j, "written_on", "記入日");
  if (applied && requested && *requested < *applied) c.fail("requested_on", "意見書作成依頼日が申請日より前です", "requested_on is before applied_on");
  if (requested && written && *written < *requested) c.fail("written_on", "記入日が意見書作成依頼日より前です", "written_on is before requested_on");
  const auto doctor = c.text(j, "doctor_name", "医師氏名", 64, true);
  const auto diagnosis = c.text(j, "diagnosis", "診断名", 200, true);
  const auto applicant = j.contains("applicant") && j["applicant"].is_object() ? j["applicant"] : nlohmann::json::object();
  const auto name = c.text(applicant, "name", "申請者氏名", 64, true);
  const auto kana = c.text(applicant, "kana", "申請者氏名（フリガナ）", 64, true);
  const auto birth = string_field(applicant, "birth_date");
  if (birth != "unknown" && !Date::parse(birth)) {
    c.fail("applicant.birth_date", "生年月日は YYYYMMDD か unknown（不詳）です", "birth_date is YYYYMMDD or unknown");
  }
  const auto sex = string_field(applicant, "sex");
  if (sex != "1" && sex != "2" && sex != "3") c.fail("applicant.sex", "性別は 1 男性, 2 女性, 3 不明 です", "sex is 1, 2 or 3");
  nlohmann::json sections = nlohmann::json::object();
  const auto given = j.contains("sections") && j["sections"].is_object() ? j["sections"] : nlohmann::json::object();
  for (const auto& [key, ja] : kSections) {
    auto v = c.text(given, key, ja, 4000, false);
    if (!v.empty()) sections[std::string(key)] = v;
  }
  if (j.contains("invoice")) {
    const auto& inv = j["invoice"];
    if (!inv.is_object()) {
      c.fail("invoice", "請求書は JSON のオブジェクトです", "invoice must be an object");
    } else {
      o.fee = c.amount(inv, "opinion_fee", "意見書作成料", true);
      o.points = c.amount(inv, "first_visit_points", "診察・検査費用（初診・点数）", false);
    }
  }
  if (!c.errors.empty()) return std::nullopt;
  o.applied_on = *applied;
  o.requested_on = *requested;
  o.written_on = *written;
  o.data = {{"applied_on", applied->str()},
            {"requested_on", requested->str()},
            {"institution_code", institution},
            {"doctor_name", doctor},
            {"diagnosis", diagnosis},
            {"applicant", {{"name", name}, {"kana", kana}, {"birth_date", birth}, {"sex", sex}}},
            {"sections", sections}};
  if (sections.contains("notes")) o.data["summary"] = sections["notes"];
  return o;
}

std::string data_text(const Record& r, const ColumnSpec& c, const nlohmann::json& data) {
  auto v = string_field(data, c.name);
  if (c.type == ColumnType::Code) {
    if (const auto* l = code_label(r.kind, c.name, v)) return fmt::format("{} {}", v, l->ja);
  }
  return v;
}

PdfSection section_of(const Record& r, std::string_view title) {
  PdfSection s;
  s.title = fmt::format("{}（{} 版{}・{}）", title, r.record_id, r.version, r.effective_on.str());
  const auto* spec = find_kind(r.kind);
  auto data = nlohmann::json::parse(r.data, nullptr, false);
  s.items.emplace_back(spec ? spec->effective_on_ja : "有効年月日", r.effective_on.str());
  if (spec) {
    for (const auto& c : spec->columns) {
      if (c.type != ColumnType::MyNumber && data.contains(c.name)) s.items.emplace_back(c.ja, data_text(r, c, data));
    }
  }
  if (data.contains("sections") && data["sections"].is_object()) {
    for (const auto& [key, ja] : kSections) {
      if (data["sections"].contains(key)) s.items.emplace_back(std::string(ja), data["sections"][std::string(key)].get<std::string>());
    }
  }
  return s;
}

}  // namespace

Outcome Platform::submit_opinion(const auth::User& user, const auth::Caller& caller, const nlohmann::json& opinion,
                                 std::string_view office_no) {
  std::string institution;
  if (user.role == auth::Role::Medical && user.job == auth::Job::Doctor) {
    institution = user.medical_code;
  } else if (user.role == auth::Role::Office && user.job == auth::Job::Doctor) {
    institution = acting_office(user, office_no);
    if (institution.empty() || !user.acts_for_office(institution) ||
        office_column(institution, caller.at.date) != Viewer::Facility) {
      return outcome("opinion-not-doctor");
    }
  } else {
    return outcome("opinion-not-doctor");
  }
  OpinionCheck check;
  auto o = read_opinion(opinion, institution, check);
  if (o && caller.at.date < o->written_on) {
    check.fail("written_on", "記入日が今日より後です", "written_on is after today");
    o.reset();
  }
  if (!o) return outcome("bad-input", {{"errors", check.errors}});
  Outcome result;
  repo_.atomically([&] {
    // The 依頼元保険者番号 routes the opinion, wherever the institution is (seed 004 §8 主治医意見書
    // No.3); only an institution that was sent the request may send it.
    bool requested = false;
    for (const auto& r : repo_.records(o->person)) {
      if (r.kind != "request" || r.deleted()) continue;
      auto data = nlohmann::json::parse(r.data, nullptr, false);
      requested = requested || string_field(data, "institution_code") == institution;
    }
    if (!requested) {
      result = outcome("no-request", {{"institution", institution}});
      return;
    }
    Record r;
    r.person = o->person;
    r.kind = "opinion";
    r.record_id = repo_.next_record_id("E");
    r.effective_on = o->written_on;
    r.data = o->data.dump();
    r.source = fmt::format("doctor:{}", user.id);
    r.recorded_at = caller.at;
    put_version(repo_, r);
    nlohmann::json detail{{"record_id", r.record_id}, {"institution", institution}, {"written_on", o->written_on.str()}};
    if (o->fee) {
      Invoice inv;
      inv.person = o->person;
      inv.opinion_record = r.record_id;
      inv.institution_code = institution;
      inv.doctor_name = string_field(o->data, "doctor_name");
      inv.requested_on = o->requested_on;
      inv.registered_on = caller.at.date;
      inv.opinion_fee = Yen{*o->fee};
      inv.first_visit_points = o->points.value_or(0);
      inv.by = user.id;
      detail["invoice_id"] = repo_.add_invoice(inv);
    }
    auto e = auth::event_of(caller, auth::AuditAction::PlatformOpinion, r.record_id, detail);
    e.insurer_no = o->person.insurer_no;
    e.insured_no = o->person.insured_no;
    audit_.append(e);
    result = outcome("opinion-received", detail);
  });
  return result;
}

std::optional<std::string> Platform::invoices_csv(const auth::User* user, const auth::Caller& caller,
                                                  std::string_view insurer_no, Date from, Date to, Outcome* refusal) {
  if (user && (user->role != auth::Role::Municipality || !user->acts_for_insurer(insurer_no))) {
    if (refusal) *refusal = outcome("not-the-municipality");
    return std::nullopt;
  }
  std::string csv;
  append_csv_row(csv, {"insurer_no", "insured_no", "requested_on", "registered_on", "institution_code", "doctor_name",
                       "opinion_fee", "first_visit_points", "opinion_id"});
  repo_.atomically([&] {
    for (const auto& inv : repo_.invoices(insurer_no, from, to)) {
      append_csv_row(csv, {inv.person.insurer_no, inv.person.insured_no, inv.requested_on.str(), inv.registered_on.str(),
                           inv.institution_code, inv.doctor_name, std::to_string(inv.opinion_fee.value),
                           std::to_string(inv.first_visit_points), inv.opinion_record});
      auto e = auth::event_of(caller, auth::AuditAction::PlatformInvoiceRead, fmt::format("invoice:{}", inv.id),
                              {{"kind", "invoice"}, {"allowed", true}, {"rule", "invoices-listed"},
                               {"role", user ? enum_code(user->role) : "operator"}, {"count", 1}});
      e.insurer_no = inv.person.insurer_no;
      e.insured_no = inv.person.insured_no;
      audit_.append(e);
    }
  });
  return csv;
}

Outcome Platform::send_packet(const auth::User& user, const auth::Caller& caller, const PersonId& person, Date applied_on,
                              std::span<const auth::User> members) {
  if (user.role != auth::Role::Municipality || !user.acts_for_insurer(person.insurer_no)) return outcome("not-the-municipality");
  for (const auto& m : members) {
    if (m.role != auth::Role::Municipality || !m.acts_for_insurer(person.insurer_no)) {
      return outcome("packet-bad-member", {{"member", m.id}});
    }
  }
  Outcome result;
  repo_.atomically([&] {
    const Date day = caller.at.date;
    auto g = gather(user, person, ViewKind::Survey, day, caller.at, {});
    auto decision = decide(g.facts);
    std::vector<Record> chosen;
    if (decision.allowed) {
      for (const auto& r : g.records) {
        if (r.kind != "survey" && r.kind != "opinion" && r.kind != "progress") continue;
        auto data = nlohmann::json::parse(r.data, nullptr, false);
        if (string_field(data, "applied_on") == applied_on.str()) chosen.push_back(r);
      }
      // Only the latest version of each record, and not deleted ones.
      std::erase_if(chosen, [&](const Record& r) {
        for (const auto& other : chosen) {
          if (other.kind == r.kind && other.record_id == r.record_id && other.version > r.version) return true;
        }
        return r.deleted();
      });
    }
    const bool any = std::any_of(chosen.begin(), chosen.end(), [](const Record& r) { return r.kind != "progress"; });
    if (!decision.allowed || !any) {
      result = decision.allowed ? outcome("packet-no-records", {{"applied_on", applied_on.str()}}) : detail::outcome(decision);
      return;
    }
    PdfContent content;
    content.title = "介護認定審査会資料";
    content.header = {{"保険者番号", person.insurer_no}, {"被保険者番号", person.insured_no},
                      {"要介護認定申請日", applied_on.str()}, {"作成", fmt::format("{} {}", caller.at.str(), user.id)}};
    for (const auto& r : g.records) {
      if (r.kind == "person" && !r.deleted()) {
        auto data = nlohmann::json::parse(r.data, nullptr, false);
        content.header.insert(content.header.begin() + 2, std::pair<std::string, std::string>{"氏名カナ", string_field(data, "name_kana")});
        break;
      }
    }
    for (std::string_view kind : {"survey", "opinion", "progress"}) {
      for (const auto& r : chosen) {
        if (r.kind == kind) content.sections.push_back(section_of(r, find_kind(kind)->ja));
      }
    }
    auto pdf = draw_pdf(content);
    Packet p;
    p.person = person;
    p.applied_on = applied_on;
    p.created_by = user.id;
    p.created_at = caller.at;
    for (const auto& m : members) p.members.push_back(m.id);
    p.sha256 = sha256_hex(pdf.bytes);
    p.pages = pdf.pages;
    p.pdf = std::move(pdf.bytes);
    p.id = repo_.add_packet(p);
    nlohmann::json ids = nlohmann::json::array();
    for (const auto& r : chosen) ids.push_back(r.id);
    nlohmann::json detail{{"role", "municipality"}, {"kind", "committee"}, {"allowed", true}, {"rule", "cell"},
                          {"packet", p.id},        {"records", ids},        {"count", chosen.size()},
                          {"members", p.members}};
    auto e = auth::event_of(caller, auth::AuditAction::PlatformPacket, fmt::format("packet:{}", p.id), detail);
    e.insurer_no = person.insurer_no;
    e.insured_no = person.insured_no;
    audit_.append(e);
    result = outcome("packet-sent", {{"packet", p.id}, {"pages", p.pages}, {"sha256", p.sha256},
                                     {"link", fmt::format("/api/platform/packets/{}", p.id)}, {"members", p.members}});
  });
  return result;
}

std::optional<std::string> Platform::fetch_packet(const auth::User& user, const auth::Caller& caller, std::int64_t id,
                                                  Outcome* refusal) {
  std::optional<std::string> pdf;
  repo_.atomically([&] {
    auto p = repo_.packet(id);
    const bool member = p && (p->created_by == user.id ||
                              std::find(p->members.begin(), p->members.end(), user.id) != p->members.end());
    if (!p || !member || user.role != auth::Role::Municipality || !user.acts_for_insurer(p->person.insurer_no)) {
      if (refusal) *refusal = outcome("packet-not-member");
      return;
    }
    auto e = auth::event_of(caller, auth::AuditAction::PlatformPacketFetch, fmt::format("packet:{}", id),
                            {{"role", "municipality"}, {"kind", "committee"}, {"allowed", true}, {"rule", "cell"},
                             {"packet", id}, {"count", 1}});
    e.insurer_no = p->person.insurer_no;
    e.insured_no = p->person.insured_no;
    audit_.append(e);
    pdf = std::move(p->pdf);
  });
  return pdf;
}

}  // namespace kaigo::platform
