#include "kaigo/portal/json.hpp"

namespace kaigo::portal {
namespace {

nlohmann::json optional_day(const std::optional<Date>& d) {
  return d ? nlohmann::json(d->str()) : nlohmann::json(nullptr);
}

template <class T>
nlohmann::json optional_value(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json optional_yen(const std::optional<Yen>& y) {
  return y ? nlohmann::json(y->value) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const StateChange& c) {
  return {{"state", enum_code(c.state)},
          {"state_ja", enum_ja(c.state)},
          {"at", c.at.str()},
          {"by", c.by},
          {"note", c.note}};
}

nlohmann::json to_json(const auth::AccountSummary& a) {
  return {{"id", a.user.id},
          {"name", a.user.name},
          {"offices", a.user.offices},
          {"own", a.user.offices.size() == 1},
          {"email", a.user.email},
          {"has_security_code", a.has_security_code},
          {"locked", a.disabled || a.locked_until.has_value()},
          {"created_at", a.created_at.str()},
          {"password_changed_at", a.password_changed_at.str()}};
}

}  // namespace

nlohmann::json to_json(const auth::Refusal& r) {
  return {{"code", r.code}, {"rule", r.rule}, {"message_ja", r.message_ja}, {"message_en", r.message_en}};
}

nlohmann::json to_json(const Finding& f) {
  return {{"code", f.code}, {"effect", enum_code(f.effect)}, {"effect_ja", enum_ja(f.effect)}, {"line", f.line},
          {"rule", f.rule}, {"message_ja", f.message_ja},      {"message_en", f.message_en}};
}

nlohmann::json to_json(const Step& s) {
  return {{"code", s.code},
          {"label_ja", s.label_ja},
          {"label_en", s.label_en},
          {"formula", s.formula},
          {"amount", s.amount.value}};
}

nlohmann::json to_json(const ReceiptLine& l) {
  return {{"receipt", l.receipt},       {"issued_on", l.issued_on.str()},   {"done_on", optional_day(l.done_on)},
          {"purpose", l.purpose},       {"count", optional_value(l.count)}, {"amount", l.amount.value},
          {"net", optional_yen(l.net)}, {"tax", optional_yen(l.tax)},       {"source_line", l.source_line}};
}

nlohmann::json to_json(const Computation& c) {
  auto steps = nlohmann::json::array();
  for (const auto& s : c.steps) steps.push_back(to_json(s));
  auto findings = nlohmann::json::array();
  for (const auto& f : c.findings) findings.push_back(to_json(f));
  auto lines = nlohmann::json::array();
  for (const auto& l : c.lines) {
    lines.push_back(
        {{"kind", l.reading.kind ? nlohmann::json(enum_code(*l.reading.kind)) : nlohmann::json(nullptr)},
         {"count", optional_value(l.reading.count)},
         {"net", l.reading.net.value},
         {"tax", l.reading.tax.value},
         {"breakdown_derived", l.reading.derived},
         {"eligible", l.eligible},
         {"counted", l.counted.value},
         {"readers_counted", optional_value(l.readers_counted)}});
  }
  return {{"outcome", enum_code(c.outcome)},
          {"reader_cap", c.reader_cap},
          {"cost", c.cost.value},
          {"after_rate", c.after_rate.value},
          {"limit", c.limit.value},
          {"amount", c.amount.value},
          {"lines", lines},
          {"steps", steps},
          {"findings", findings}};
}

nlohmann::json to_json(const Application& a, bool with_lines, const Computation* preview) {
  nlohmann::json j{{"id", a.id},
                   {"scheme", a.scheme},
                   {"program", enum_code(a.applicant.program)},
                   {"applicant",
                    {{"number", a.applicant.number},
                     {"name", a.applicant.name},
                     {"services", a.applicant.services},
                     {"facility", enum_code(a.applicant.facility)},
                     {"beds", a.applicant.beds}}},
                   {"applied_at", a.applied_at.str()},
                   {"applied_by", a.applied_by},
                   {"state", enum_code(a.state)},
                   {"state_ja", enum_ja(a.state)},
                   {"decision_month", a.decision_month.str()},
                   {"payment_month", a.payment_month.str()}};
  if (const auto* s = Schemes::bundled().find(a.scheme)) j["fiscal_year"] = s->fiscal_year;
  auto history = nlohmann::json::array();
  for (const auto& h : a.history) history.push_back(to_json(h));
  j["history"] = history;
  if (a.decision) {
    nlohmann::json d{{"outcome", enum_code(a.decision->outcome)}, {"amount", a.decision->amount.value}};
    if (!a.decision->steps.empty()) {
      auto steps = nlohmann::json::array();
      for (const auto& s : a.decision->steps) steps.push_back(to_json(s));
      d["steps"] = steps;
      auto findings = nlohmann::json::array();
      for (const auto& f : a.decision->findings) findings.push_back(to_json(f));
      d["findings"] = findings;
    }
    j["decision"] = d;
  } else {
    j["decision"] = nullptr;
  }
  j["payment"] = a.payment ? nlohmann::json{{"paid_on", a.payment->paid_on.str()}, {"amount", a.payment->amount.value}}
                           : nlohmann::json(nullptr);
  if (with_lines) {
    auto lines = nlohmann::json::array();
    for (const auto& l : a.lines) lines.push_back(to_json(l));
    j["lines"] = lines;
  }
  if (preview) j["preview"] = to_json(*preview);
  return j;
}

nlohmann::json to_json(const Scheme& s) {
  auto limits = nlohmann::json::array();
  for (const auto& l : s.limits) {
    limits.push_back({{"class", l.id},
                      {"name", l.name},
                      {"facility", enum_code(l.facility)},
                      {"beds_from", l.beds_from},
                      {"beds_to", optional_value(l.beds_to)},
                      {"readers", optional_value(l.readers)},
                      {"rate", std::to_string(l.rate.num) + "/" + std::to_string(l.rate.den)},
                      {"limit", l.limit.value},
                      {"source", l.source}});
  }
  auto timetable = nlohmann::json::array();
  for (const auto& t : s.timetable) {
    timetable.push_back({{"applied_from", t.from.str()},
                         {"applied_to", t.to.str()},
                         {"decision_months", t.decision_months},
                         {"payment_months", t.payment_months},
                         {"source", t.source}});
  }
  auto items = nlohmann::json::array();
  for (const auto& i : s.items) items.push_back({{"kind", enum_code(i.kind)}, {"name", i.name}});
  return {{"id", s.id},
          {"fiscal_year", s.fiscal_year},
          {"program", enum_code(s.program)},
          {"title", s.title},
          {"apply_from", s.apply_from.str()},
          {"apply_to", s.apply_to.str()},
          {"work_from", optional_day(s.work_from)},
          {"work_to", optional_day(s.work_to)},
          {"limit_sum", s.limit_sum == LimitSum::ByClass ? "class" : "service"},
          {"tax_percent", s.tax_percent},
          {"issuer", s.issuer},
          {"source", s.source},
          {"limits", limits},
          {"items", items},
          {"timetable", timetable}};
}

nlohmann::json to_json(const OfficePage& p) {
  auto services = nlohmann::json::array();
  for (const auto& s : p.services) {
    services.push_back(
        {{"service_type", s.service_type}, {"name", s.service_name}, {"subsidy_class", s.subsidy_class}});
  }
  auto accounts = nlohmann::json::array();
  for (const auto& a : p.accounts) accounts.push_back(to_json(a));
  auto certificates = nlohmann::json::array();
  for (const auto& c : p.certificates) {
    certificates.push_back({{"serial", c.serial},
                            {"applicant", c.applicant},
                            {"offices", c.offices},
                            {"applied_on", c.applied_on.str()},
                            {"not_before", c.not_before.str()},
                            {"not_after", c.not_after.str()},
                            {"state", enum_code(c.state)},
                            {"days_left", c.days_left},
                            {"fee_month", c.fee_month ? nlohmann::json(c.fee_month->str()) : nlohmann::json(nullptr)},
                            {"fee", optional_yen(c.fee)}});
  }
  nlohmann::json licences = nullptr;
  if (p.licences_connected) {
    licences = nlohmann::json::array();
    for (const auto& l : p.licences) {
      licences.push_back({{"applied_on", l.applied_on.str()},
                          {"valid_from", l.valid_from.str()},
                          {"valid_to", l.valid_to.str()},
                          {"fee", optional_yen(l.fee)},
                          {"note", l.note}});
    }
  }
  auto fees = nlohmann::json::array();
  for (const auto& m : p.fees) {
    auto charges = nlohmann::json::array();
    for (const auto& c : m.charges) {
      charges.push_back({{"kind", enum_code(c.fee.charge.kind)},
                         {"applied_on", c.fee.charge.applied_on.str()},
                         {"source", c.source}});
    }
    fees.push_back({{"month", m.month.str()},
                    {"certificate_fee", m.certificate_fee.value},
                    {"license_fee", m.license_fee.value},
                    {"total", (m.certificate_fee + m.license_fee).value},
                    {"state", m.settled ? "deducted" : "due"},
                    {"state_ja", m.settled ? "控除済" : "控除予定"},
                    {"transfer", optional_yen(m.transfer)},
                    {"charges", charges},
                    {"notes_ja", m.notes_ja}});
  }
  auto subsidies = nlohmann::json::array();
  for (const auto& a : p.subsidies) subsidies.push_back(to_json(a, false));
  auto letters = nlohmann::json::array();
  for (const auto& l : p.letters) {
    letters.push_back(
        {{"batch", l.batch}, {"user_id", l.user_id}, {"issued_at", l.issued_at.str()}, {"issued_by", l.issued_by}});
  }
  return {{"office_no", p.office_no},
          {"name", p.name},
          {"at", p.at.str()},
          {"services", services},
          {"accounts", accounts},
          {"certificates", certificates},
          {"careplan_licences",
           {{"connected", p.licences_connected},
            {"message_ja", p.licences_connected ? "" : "ケアプランデータ連携システムとはまだ接続していません"},
            {"message_en", p.licences_connected ? "" : "the care-plan hub is not connected yet"},
            {"licences", licences}}},
          {"fees", fees},
          {"subsidies", subsidies},
          {"letters", letters}};
}

}  // namespace kaigo::portal
