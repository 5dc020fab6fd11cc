#include "kaigo/careplan/reconcile.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/writer.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/billing/keys.hpp"

namespace kaigo::careplan {
namespace {

// The order of the plans reconcile adds: after every file reception holds (a file sent later gets
// a later acceptance order, and so do its 給付管理票).
constexpr std::uint64_t kAddedOrder = std::uint64_t{1} << 62;

// The units of each office × サービス種類 inside the 区分支給限度, of the types that need a plan.
std::map<std::pair<std::string, std::string>, Units> managed_units(const UsageSheet& s, const review::ReviewContext& context,
                                                                    YearMonth month) {
  std::map<std::pair<std::string, std::string>, Units> out;
  for (const auto& line : s.lines) {
    const auto type = line.service_type();
    const auto* t = context.masters.service_types.find(type, month);
    if (!t || !t->needs_plan) continue;
    const auto* code = context.masters.service_codes.find(line.service_code, month);
    auto& u = out[{line.office_no, type}];
    if (code && code->limit_target && line.units) u += *line.units;
  }
  return out;
}

// Adds the plans built from 実績 to the month's own, and keeps the decisions in memory.
class MonthWithPlans : public review::MonthSource, public review::DecisionSink {
 public:
  MonthWithPlans(review::MonthSource& base, const std::vector<billing::BenefitPlan>& added)
      : base_(base), added_(added) {}

  review::History history(YearMonth month) override { return base_.history(month); }
  void for_each_plan(YearMonth month, const PlanFn& fn) override {
    base_.for_each_plan(month, fn);
    for (std::size_t i = 0; i < added_.size(); ++i) {
      fn(review::SubmittedPlan{fmt::format("reconcile:{}", i + 1), kAddedOrder + i, added_[i]}, {});
    }
  }
  void for_each_claim(YearMonth month, const ClaimFn& fn) override { base_.for_each_claim(month, fn); }
  std::size_t claims_expected(YearMonth month) override { return base_.claims_expected(month); }

  void begin(YearMonth) override {}
  void plan(const review::SubmittedPlan&, review::PlanDecision d) override { plans.push_back(std::move(d)); }
  void claim(const review::SubmittedClaim& c, review::ClaimDecision d) override {
    claims.push_back({c, std::move(d)});
  }
  void commit() override {}

  std::vector<review::PlanDecision> plans;
  std::vector<ClaimPrediction> claims;

 private:
  review::MonthSource& base_;
  const std::vector<billing::BenefitPlan>& added_;
};

// Person-months that have a 給付管理票 already: submitted this month or registered before.
std::set<billing::PersonMonthKey> planned_person_months(review::MonthSource& source, YearMonth review_month) {
  std::set<billing::PersonMonthKey> out;
  source.for_each_plan(review_month, [&](review::SubmittedPlan&& p, std::vector<review::Finding>&& returned) {
    if (returned.empty()) out.insert(billing::PersonMonthKey::from(p.plan));
  });
  for (const auto& r : source.history(review_month).plans) out.insert(billing::PersonMonthKey::from(r.plan));
  return out;
}

std::vector<UnitsDifference> differences(const MonthSheets& sheets, const review::ReviewContext& context, YearMonth month) {
  std::map<PersonId, std::pair<PersonId, std::map<std::pair<std::string, std::string>, std::pair<Units, Units>>>> by;
  for (const auto& s : sheets.plans) {
    auto& e = by[s.person];
    e.first = s.person;
    for (const auto& [k, u] : managed_units(s, context, month)) e.second[k].first += u;
  }
  for (const auto& s : sheets.actuals) {
    auto& e = by[s.person];
    e.first = s.person;
    // A 実績 speaks for its own office only (the 第6表 sent back lists its services).
    for (const auto& [k, u] : managed_units(s, context, month)) e.second[k].second += u;
  }
  std::vector<UnitsDifference> out;
  for (const auto& [key, e] : by) {
    for (const auto& [k, u] : e.second) {
      if (u.first != u.second) out.push_back({e.first, k.first, k.second, u.first, u.second});
    }
  }
  return out;
}

std::vector<PlanFile> plan_files(const std::vector<billing::BenefitPlan>& plans, YearMonth review_month,
                                 precheck::PrecheckContext precheck) {
  std::map<std::string, std::vector<const billing::BenefitPlan*>> by_office;
  for (const auto& p : plans) by_office[p.support_office_no.str()].push_back(&p);
  precheck.processing_month = review_month;
  std::vector<PlanFile> out;
  for (const auto& [office, list] : by_office) {
    exchange::ControlFields c;
    c.data_type = "821";
    c.office_no = office;
    c.processing_month = review_month.str();
    exchange::Writer w(c);
    for (const auto* p : list) documents::write_plan(*p, w);
    PlanFile f;
    f.office_no = office;
    f.name = fmt::format("KY{:02d}{:02d}01.CSV", review_month.year % 100, review_month.month);
    f.bytes = w.finish_to_string();
    f.check = precheck::check_bytes(f.name, f.bytes, precheck);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

std::optional<billing::BenefitPlan> plan_from_actuals(const std::vector<const UsageSheet*>& actuals,
                                                      const review::ReviewContext& context, YearMonth month, Date today) {
  if (actuals.empty()) return std::nullopt;
  const auto& person = actuals.front()->person;
  const auto* r = context.recipients.at(person.insurer_no, person.insured_no, Date{month.year, month.month, month.days()});
  if (!r) {
    auto versions = context.recipients.in_month(person.insurer_no, person.insured_no, month);
    if (versions.empty()) return std::nullopt;
    r = versions.back();
  }
  std::map<std::pair<std::string, std::string>, Units> lines;
  std::string support_office;
  for (const auto* s : actuals) {
    for (const auto& [k, u] : managed_units(*s, context, month)) lines[k] += u;
    if (support_office.empty()) support_office = s->plan_office_no;
  }
  if (lines.empty()) return std::nullopt;
  billing::BenefitPlan p;
  p.service_month = month;
  p.insurer_no = "00" + std::string(master::normalize_insurer_no(person.insurer_no));
  p.support_office_no = support_office.empty() ? r->support_office_no.str() : support_office;
  p.create_kind = 1;
  p.created_on = today;
  p.insured_no = person.insured_no;
  p.birth_date = r->birth_date;
  p.sex = r->sex;
  p.care_level = r->care_level;
  if (r->cert_from) p.limit_from = r->cert_from->year_month();
  if (r->cert_to) p.limit_to = r->cert_to->year_month();
  p.limit_units = r->limit_units.value_or(context.masters.care_limits.limit(r->care_level, month).value_or(Units{}));
  p.plan_kind = 1;
  for (const auto& [k, u] : lines) {
    const auto* office = context.offices.find(k.first, k.second, month);
    p.lines.push_back({FixedText<10>(k.first), office ? office->designation : 1, FixedText<2>(k.second), u});
    p.total_units += u;
  }
  return p;
}

ReconcileReport reconcile(review::MonthSource& source, const review::ReviewContext& context, const MonthSheets& sheets,
                          YearMonth review_month, Date today, precheck::PrecheckContext precheck) {
  ReconcileReport out;
  out.review_month = review_month;
  out.service_month = review_month.plus_months(-1);
  out.problems = sheets.problems;
  const auto planned = planned_person_months(source, review_month);
  std::map<PersonId, std::vector<const UsageSheet*>> actuals;
  for (const auto& s : sheets.actuals) {
    if (s.month == out.service_month) actuals[s.person].push_back(&s);
  }
  for (const auto& [key, list] : actuals) {
    const auto& person = list.front()->person;
    auto person_month = billing::PersonMonthKey::of(person.insurer_no, person.insured_no, out.service_month);
    if (person_month && planned.count(*person_month)) continue;
    if (auto p = plan_from_actuals(list, context, out.service_month, today)) out.plans.push_back(std::move(*p));
  }
  out.files = plan_files(out.plans, review_month, precheck);
  out.differences = differences(sheets, context, out.service_month);
  MonthWithPlans month(source, out.plans);
  review::run_month(month, month, context, review_month);
  out.plan_decisions = std::move(month.plans);
  out.claims = std::move(month.claims);
  return out;
}

}  // namespace kaigo::careplan
