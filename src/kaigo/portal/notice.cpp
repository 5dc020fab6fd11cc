#include "kaigo/portal/notice.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/report/render.hpp"

namespace kaigo::portal {
namespace {

using report::Align;
using report::ContentCell;
using report::ContentColumn;
using report::ContentRow;
using report::ContentTable;

ContentCell cell(std::string text, Align align = Align::Left, bool shrink = false) {
  return {{{std::move(text), shrink}}, align, 1};
}

// The change that decided the application (the last one to 交付決定, 不交付決定 or 返戻).
const StateChange& decision_change(const Application& a) {
  for (auto it = a.history.rbegin(); it != a.history.rend(); ++it) {
    if (it->state == State::Decided || it->state == State::Rejected || it->state == State::Returned) return *it;
  }
  throw std::invalid_argument(
      fmt::format("申請番号 {} はまだ審査されていません / application {} is not decided", a.id, a.id));
}

std::string applicant_class(const Application& a) {
  const auto& all = Schemes::bundled();
  const auto* scheme = all.find(a.scheme);
  if (a.applicant.program == Program::Medical) {
    const auto* l = scheme ? scheme->medical_limit(a.applicant.facility, a.applicant.beds) : nullptr;
    return fmt::format("{}（{}床）: {}", enum_ja(a.applicant.facility), a.applicant.beds, l ? l->name : "");
  }
  std::string out;
  for (const auto& type : a.applicant.services) {
    auto cls = all.service_class(type);
    const auto* l = cls && scheme ? scheme->limit(*cls) : nullptr;
    out += fmt::format("{}{} {}", out.empty() ? "" : "、", type, l ? l->name : "");
  }
  return "サービス種類 " + out;
}

ContentTable application_table(const Application& a, const Scheme& s) {
  ContentTable t{"申請の内容 / application", true, 100, {{{}, {"項目"}, 2}, {{}, {"内容"}, 5}}, {}};
  t.rows.push_back(report::label_value_row("助成", fmt::format("{} {}", s.fiscal_year, s.title)));
  t.rows.push_back(report::label_value_row("申請番号", std::to_string(a.id)));
  t.rows.push_back(report::label_value_row("申請日", day_text(a.applied_at.date)));
  t.rows.push_back(report::label_value_row(a.applicant.program == Program::Office ? "事業所番号・事業所名" : "医療機関コード・医療機関名",
                         fmt::format("{} {}", a.applicant.number, a.applicant.name)));
  t.rows.push_back(report::label_value_row("助成の区分", applicant_class(a)));
  const auto& d = *a.decision;
  t.rows.push_back(report::label_value_row("審査結果", std::string(enum_ja(decision_change(a).state))));
  if (d.outcome == Outcome::Granted) {
    t.rows.push_back(report::label_value_row("交付決定額", yen_text(d.amount)));
    t.rows.push_back(report::label_value_row(a.payment ? "振込日" : "振込予定",
                           a.payment ? day_text(a.payment->paid_on) : wareki_year_month(a.payment_month) + "中"));
  }
  return t;
}

ContentTable steps_table(const Decision& d) {
  ContentTable t{"計算の内訳 / computation", false, 100, {{{}, {"項目"}, 3}, {{}, {"計算"}, 6}, {{}, {"金額"}, 2}}, {}};
  for (const auto& s : d.steps) {
    bool total = s.code == "amount";
    t.rows.push_back({total ? "T1" : "D1",
                      total,
                      {cell(s.label_ja), cell(s.formula), cell(yen_text(s.amount), Align::Right, true)}});
  }
  return t;
}

ContentTable findings_table(const Decision& d) {
  ContentTable t{"理由・注記 / reasons",
                 false,
                 100,
                 {{{}, {"コード"}, 1}, {{}, {"区分"}, 1}, {{}, {"明細"}, 1}, {{}, {"内容"}, 8}},
                 {}};
  for (const auto& f : d.findings) {
    t.rows.push_back({"D1",
                      false,
                      {cell(f.code, Align::Center, true), cell(std::string(enum_ja(f.effect)), Align::Center),
                       cell(f.line == 0 ? "申請" : std::to_string(f.line), Align::Center), cell(f.message_ja)}});
  }
  return t;
}

}  // namespace

std::string decision_notice_title(const Application& a) {
  switch (decision_change(a).state) {
    case State::Rejected:
      return "助成金不交付決定通知書";
    case State::Returned:
      return "助成金申請返戻通知書";
    default:
      return "助成金交付決定通知書";
  }
}

report::Content decision_notice(const Application& a) {
  if (!a.decision) decision_change(a);  // throws
  const auto& change = decision_change(a);
  const auto* found = Schemes::bundled().find(a.scheme);
  if (!found)
    throw std::invalid_argument(
        fmt::format("助成 {} が表にありません / scheme {} is not in the tables", a.scheme, a.scheme));
  const auto* scheme = found;
  report::Content c;
  c.title = decision_notice_title(a);
  c.orientation = report::Orientation::Portrait;
  c.office_no_label = a.applicant.program == Program::Office ? "事業所番号" : "医療機関コード";
  c.office_no = a.applicant.number;
  c.office_name_label = a.applicant.program == Program::Office ? "事業所名" : "医療機関名";
  c.office_name = a.applicant.name;
  c.month_text = fmt::format("申請番号 {}", a.id);
  c.created_text = day_text(change.at.date);
  c.issuer = {scheme->issuer};
  c.tables.push_back(application_table(a, *scheme));
  c.tables.push_back(steps_table(*a.decision));
  if (!a.decision->findings.empty()) c.tables.push_back(findings_table(*a.decision));
  c.notes.push_back("金額は消費税等を含みます（消費税分も助成対象）。補助率を掛けた額の1円未満は切り捨てます。");
  if (change.state == State::Returned) {
    c.notes.push_back("返戻の理由を確かめ、領収書（写し）等を整えて改めて申請してください。");
  }
  return c;
}

std::string decision_notice_pdf(const Application& a) {
  report::Content c = decision_notice(a);
  return report::pdf_bytes(std::span<const report::Content>(&c, 1), decision_change(a).at.date);
}

}  // namespace kaigo::portal
