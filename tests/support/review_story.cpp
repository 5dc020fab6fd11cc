#include "support/review_story.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/keys.hpp"
#include "kaigo/billing/terms.hpp"
#include "kaigo/core/embedded.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/review/fund_checks.hpp"

namespace kaigo::testing {
namespace {

template <class T>
T loaded(master::LoadResult<T> r, std::string_view what) {
  if (!r.ok()) {
    std::string why;
    for (const auto& d : r.diagnostics) why += d.to_string() + "\n";
    throw std::runtime_error(fmt::format("story: {} does not load:\n{}", what, why));
  }
  return std::move(*r.table);
}

std::string opt(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }

Date date(const std::string& s) { return Date::parse(s).value(); }

}  // namespace

const review::ClaimDecision& Month::claim(const std::string& id) const {
  for (const auto& d : outcome.claim_decisions) {
    if (d.claim_id == id) return d;
  }
  throw std::out_of_range("no decision for claim " + id);
}

const review::PlanDecision& Month::plan(const std::string& id) const {
  for (const auto& d : outcome.plan_decisions) {
    if (d.plan_id == id) return d;
  }
  throw std::out_of_range("no decision for plan " + id);
}

Story::Story() { office(kSupportOffice, "43"); }

int Story::fund_rate(const std::string& payer, const std::string& recipient) const {
  for (const auto& f : funds_) {
    if (f.payer == payer && f.recipient == recipient) return f.rate;
  }
  return 100;
}

void Story::office(std::string office_no, std::string service_type, int region_class) {
  office_rows_.push_back(fmt::format("{},{},事業所{},1,20000401,,{},{},6400000,和歌山市1番,法人,銀行,支店", office_no,
                                     service_type, office_no, region_class, kInsurer));
  loaded_ = false;
}

Person& Story::person(const std::string& insured_no) {
  auto [it, fresh] = people_.try_emplace(insured_no);
  if (fresh) it->second.insured = insured_no;
  loaded_ = false;
  return it->second;
}

void Story::code(std::string type, std::string item, std::string name, std::int64_t units, bool limit_target) {
  code_rows_.push_back(fmt::format("{},{},{},{},1,{},20000401,,,story", type, item, name, units, limit_target ? 1 : 0));
  loaded_ = false;
}

void Story::sougou_code(SougouCodeRow c) {
  auto opt_text = [](const auto& v) { return v ? std::to_string(*v) : std::string(); };
  sougou_rows_.push_back(fmt::format("{},{},{},{},{},{},{},{},,,3,{},{},{},2,2,2,1,20150401", c.insurer, c.type, c.item,
                                     c.from, c.to, c.name, c.units, c.unit_kind, opt_text(c.unit_price),
                                     opt_text(c.benefit_rate), opt_text(c.burden)));
  loaded_ = false;
}

std::string Story::sougou_csv() const {
  std::string rows;
  for (const auto& r : sougou_rows_) rows += r + "\n";
  return rows;
}

void Story::fund(Fund f) {
  funds_.push_back(std::move(f));
  loaded_ = false;
}

std::string Story::kohi_csv() const {
  std::string out = "payer_no,recipient_no,insurer_no,insured_no,benefit_rate,self_pay,valid_from,valid_to\n";
  for (const auto& f : funds_) {
    out += fmt::format("{},{},{},{},{},{},{},{}\n", f.payer, f.recipient, kInsurer, f.insured, f.rate, f.self_pay, f.from,
                       f.to);
  }
  return out;
}

std::string Story::services_csv() const {
  std::string codes(*embedded::find("data/masters/services.csv"));
  for (const auto& r : code_rows_) codes += r + "\n";
  return codes;
}

std::string Story::offices_csv() const {
  std::string offices = "office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,"
                        "postal_code,address,owner_name,bank_name,bank_branch\n";
  for (const auto& r : office_rows_) offices += r + "\n";
  return offices;
}

std::string Story::insurers_csv() const {
  return fmt::format("insurer_no,name,valid_from,valid_to\n{},△△市,20000401,\n", kInsurer);
}

std::string Story::recipients_csv() const {
  const bool stages = std::any_of(people_.begin(), people_.end(), [](const auto& e) { return e.second.burden_stage.has_value(); });
  std::string people = "insurer_no,insured_no,name_kana,birth_date,sex,care_level,cert_from,cert_to,change_pending,"
                       "benefit_rate,limit_units,plan_kind,support_office_no,valid_from,valid_to";
  people += stages ? ",burden_stage\n" : "\n";
  for (const auto& entry : people_) {
    const Person& p = entry.second;  // a named reference: lambdas may not capture structured bindings (clang 14)
    if (!p.registered) continue;
    auto version = [&](const std::string& level, const std::string& from, const std::string& to) {
      people += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}", p.insurer, p.insured, p.kana, p.birth, p.sex,
                            level, p.cert_from, p.cert_to, p.change_pending ? 1 : 0, opt(p.rate), opt(p.limit_units),
                            p.plan_kind, p.support_office, from, to);
      people += stages ? "," + p.burden_stage.value_or("") + "\n" : "\n";
    };
    if (p.changed_on.empty()) {
      version(p.level, "20000401", "");
    } else {
      version(p.level, "20000401", date(p.changed_on).plus_days(-1).str());
      version(p.new_level, p.changed_on, "");
    }
  }
  return people;
}

void Story::load() {
  if (loaded_) return;
  masters_ = loaded(master::load_bundled_masters(), "bundled masters");
  masters_.service_codes =
      loaded(master::load_service_codes(services_csv(), "services.csv", &masters_.service_types), "codes");
  if (!sougou_rows_.empty()) {
    masters_.sougou = loaded(master::load_sougou_master(sougou_csv(), "sougou.csv", &masters_.service_types), "sougou");
  }
  offices_ = loaded(master::load_offices(offices_csv(), "offices.csv", &masters_.service_types), "offices");
  insurers_ = loaded(master::load_insurers(insurers_csv(), "insurers.csv"), "insurers");
  recipients_ = loaded(master::load_recipients(recipients_csv(), "recipients.csv"), "recipients");
  fund_ledger_.reset();
  if (has_funds()) fund_ledger_ = loaded(master::load_fund_recipients(kohi_csv(), "kohi.csv"), "kohi");
  loaded_ = true;
}

const master::Masters& Story::masters() {
  load();
  return masters_;
}

review::ReviewContext Story::context() {
  load();
  review::ReviewContext ctx{masters_, offices_, insurers_, recipients_, config};
  ctx.funds = fund_ledger_ ? &*fund_ledger_ : nullptr;
  return ctx;
}

review::SubmittedClaim Story::claim(std::string id, const std::string& office_no, const std::string& insured_no,
                                    YearMonth month, const std::vector<Use>& uses, const ClaimSlip& slip) {
  load();
  const Person& p = people_.at(insured_no);
  billing::ClaimStatement st;
  const auto* type = masters_.service_types.find(uses.front().type, month);
  if (!type) throw std::logic_error("story: service type " + uses.front().type + " not valid in " + month.str());
  st.key = {type->form_id, month, office_no, slip.insurer_.value_or(p.insurer), insured_no};
  auto& b = st.basic;
  b.birth_date = date(slip.birth_.value_or(p.birth));
  b.sex = p.sex;
  b.care_level = slip.level_.value_or(p.level);
  b.cert_from = date(p.cert_from);
  b.cert_to = date(p.cert_to);
  b.plan_kind = "1";
  b.support_office_no = p.support_office;
  if (slip.start_) b.start_date = date(*slip.start_);
  if (slip.end_) b.end_date = date(*slip.end_);
  if (slip.funds_.size() > billing::kFundSlots) throw std::logic_error("story: at most 3 公費");
  for (std::size_t k = 0; k < slip.funds_.size(); ++k) {
    const auto& f = slip.funds_[k];
    b.funds[k] = {f.payer, f.recipient, f.rate ? f.rate : fund_rate(f.payer, f.recipient)};
  }
  for (const auto& u : uses) {
    const std::size_t at = st.details.size();
    const std::string facility = at < slip.facility_insurers_.size() ? slip.facility_insurers_[at] : std::string();
    const auto* code = masters_.service_code(facility.empty() ? st.key.insurer_no : facility, u.type, u.item, month);
    const auto written = st.details.size() < slip.units_.size() ? slip.units_[st.details.size()] : std::nullopt;
    if (!code && !written) throw std::logic_error("story: no service code " + u.type + u.item);
    billing::DetailLine d;
    d.service_type = u.type;
    d.item_code = u.item;
    d.facility_insurer_no = facility;
    d.unit_units = written ? Units{*written} : code->units;
    d.count = u.count;
    for (std::size_t k = 0; k < slip.funds_.size(); ++k) d.fund_counts[k] = u.count;
    if (st.details.size() < slip.remarks_.size()) {
      d.note = slip.remarks_[st.details.size()];
    } else if (u.type == "17" || u.type == "67") {
      d.note = "00000-111111";
    }
    st.details.push_back(d);
    if (!st.aggregate(u.type)) {
      billing::AggregateRow a;
      a.service_type = u.type;
      a.actual_days = 1;
      st.aggregates.push_back(a);
    }
    // サービス実日数 covers the days of a per-day line (else the pre-check's AEFA).
    for (auto& a : st.aggregates) {
      if (a.service_type == u.type && code && code->unit_kind == master::UnitKind::PerDay) a.actual_days = std::max(a.actual_days, u.count);
    }
  }
  for (std::size_t i = 0; i < slip.facility_.size(); ++i) {
    const auto& f = slip.facility_[i];
    billing::FacilityCostLine line;
    line.seq = i + 1 == slip.facility_.size() ? 99 : static_cast<int>(i + 1);
    line.service_type = "59";
    line.item_code = f.item;
    line.unit_cost = Yen{f.unit_cost};
    line.burden_limit = Yen{f.burden_limit};
    line.days = f.days;
    st.facility_costs.push_back(line);
  }
  // The provider computes its claim as the 国保連 would, with the rate it believes in.
  auto terms = billing::make_terms(masters_, offices_, st, nullptr, nullptr);
  terms.plan_from_claim = true;
  // A 定率 総合事業 code carries its own 給付率.
  const auto own_rate = billing::own_benefit_rate(masters_, st);
  terms.insurance_rate = slip.rate_ ? slip.rate_ : own_rate ? own_rate : p.rate;
  if (fund_ledger_) terms.fund_self_pay = review::fund_self_pay(*fund_ledger_, st);
  st = billing::compute(st, terms).statement;
  if (slip.insurance_claim_) {
    st.basic.insurance.claim = Yen{*slip.insurance_claim_};
    st.aggregates.front().insurance_claim = Yen{*slip.insurance_claim_};
  }
  return {std::move(id), next_order_++, std::move(st)};
}

review::SubmittedClaim Story::care_plan_fee(std::string id, const std::string& insured_no, YearMonth month,
                                            const std::string& item) {
  return {std::move(id), next_order_++, documents::as_statement(care_plan_fee_statement(insured_no, month, item))};
}

documents::CarePlanFeeStatement Story::care_plan_fee_statement(const std::string& insured_no, YearMonth month,
                                                               const std::string& item) {
  load();
  const Person& p = people_.at(insured_no);
  documents::CarePlanFeeStatement fee;
  fee.office_no = p.support_office;
  fee.service_month = month;
  fee.insurer_no = p.insurer;
  fee.unit_price = masters_.unit_price(offices_.find(p.support_office, "43", month)->region_class, "43", month).value();
  fee.insured_no = insured_no;
  fee.birth_date = date(p.birth);
  fee.sex = p.sex;
  fee.care_level = p.level;
  fee.cert_from = date(p.cert_from);
  fee.cert_to = date(p.cert_to);
  fee.notified_on = date(p.cert_from);
  fee.lines.push_back({"43" + item, masters_.service_codes.find("43", item, month)->units, 1});
  return fee;
}

review::SubmittedPlan Story::plan(std::string id, const std::string& insured_no, YearMonth month,
                                  const std::vector<PlanLine>& lines, int create_kind) {
  load();
  const Person& p = people_.at(insured_no);
  billing::BenefitPlan plan;
  plan.service_month = month;
  plan.insurer_no = "00" + p.insurer;  // as 8222 writes it
  plan.support_office_no = p.support_office;
  plan.create_kind = create_kind;
  plan.insured_no = insured_no;
  plan.birth_date = date(p.birth);
  plan.sex = p.sex;
  plan.care_level = p.level;
  // Written as a care manager writes it: made in the month after the services, for the
  // certification period.
  const YearMonth next = month.plus_months(1);
  plan.created_on = Date{next.year, next.month, 1};
  plan.limit_from = date(p.cert_from).year_month();
  plan.limit_to = date(p.cert_to).year_month();
  plan.care_manager_no = "13000001";
  plan.limit_units = masters_.care_limits.limit(p.level, month).value_or(Units{});
  plan.plan_kind = 1;
  for (const auto& l : lines) {
    plan.lines.push_back({FixedText<10>(l.office), 1, FixedText<2>(l.type), Units{l.units}});
    plan.total_units += Units{l.units};
  }
  return {std::move(id), next_order_++, std::move(plan)};
}

void Story::decided_earlier(std::string id, const review::SubmittedClaim& claim, YearMonth review_month,
                            std::vector<std::string> zero_assessed_types) {
  bool cut = !zero_assessed_types.empty();
  history_.decided.push_back({std::move(id), review_month, claim.statement.key, cut, std::move(zero_assessed_types)});
}

void Story::withdrawn_this_month(const review::SubmittedClaim& claim, bool same_month) {
  history_.withdrawals.push_back({claim.statement.key, same_month});
}

Month Story::review(YearMonth month, std::vector<review::SubmittedPlan> plans, std::vector<review::SubmittedClaim> claims) {
  load();
  review::ReviewInput input{month, std::move(plans), std::move(claims), history_};
  review::ReviewContext ctx = context();
  Month m{review::review_month(input, ctx)};
  carry_over(month, input, m.outcome);
  return m;
}

// What the store keeps for the next month: plans in force, decided and held 明細書; this month's
// 過誤 are done (the withdrawn claims no longer stand).
void Story::carry_over(YearMonth month, const review::ReviewInput& input, const review::MonthOutcome& out) {
  using review::ClaimOutcome;
  using review::PlanOutcome;
  std::map<std::string, const review::SubmittedPlan*> plans;
  for (const auto& p : input.plans) plans[p.id] = &p;
  for (const auto& d : out.plan_decisions) {
    const auto& plan = plans.at(d.plan_id)->plan;
    const auto key = billing::PersonMonthKey::from(plan);
    if (d.outcome == PlanOutcome::Returned) continue;
    std::erase_if(history_.plans, [&](const review::RegisteredPlan& r) { return billing::PersonMonthKey::from(r.plan) == key; });
    if (d.outcome != PlanOutcome::Withdrawn) history_.plans.push_back({d.plan_id, month, plan});
    std::set<std::string> gone(d.withdrawn_claims.begin(), d.withdrawn_claims.end());
    std::erase_if(history_.decided, [&](const review::DecidedClaim& c) { return gone.count(c.id) != 0; });
  }
  std::set<billing::ClaimKey> withdrawn;
  for (const auto& w : input.history.withdrawals) withdrawn.insert(billing::ClaimKey::from(w.key));
  std::erase_if(history_.decided,
                [&](const review::DecidedClaim& c) { return withdrawn.count(billing::ClaimKey::from(c.key)) != 0; });
  history_.withdrawals.clear();

  std::map<std::string, const review::SubmittedClaim*> claims;
  for (const auto& c : input.claims) claims[c.id] = &c;
  for (const auto& h : input.history.held) claims[h.claim.id] = &h.claim;
  history_.held.clear();
  for (const auto& d : out.claim_decisions) {
    const auto& c = *claims.at(d.claim_id);
    if (d.outcome == ClaimOutcome::Held) history_.held.push_back({c, *d.held_since});
    if (d.outcome != ClaimOutcome::Paid && d.outcome != ClaimOutcome::Cut) continue;
    review::DecidedClaim dc{d.claim_id, month, c.statement.key, d.outcome == ClaimOutcome::Cut, {}};
    for (const auto& r : d.rows) {
      if (r.cut == review::CutReason::NotOnPlan) dc.zero_assessed_types.push_back(r.service_type);
    }
    history_.decided.push_back(std::move(dc));
  }
}

std::vector<std::string> rows(const std::vector<review::Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    std::string reason = f.kind == review::FindingKind::Cut ? std::string("増減") + static_cast<char>(f.cut)
                                                             : std::string(1, f.list_reason);
    std::string remark = f.kind == review::FindingKind::Cut ? "-" : f.remark();
    out.push_back(fmt::format("{} | {} | {} | {} | {} | {}", remark, reason, f.service_type, f.content(), f.found,
                              f.expected));
  }
  return out;
}

void expect_paid(const review::ClaimDecision& d, std::int64_t units) {
  EXPECT_EQ(d.outcome, review::ClaimOutcome::Paid);
  EXPECT_TRUE(d.findings.empty()) << ::testing::PrintToString(rows(d));
  EXPECT_EQ(d.decided_total().units.value, units);
}

void expect_returned(const review::ClaimDecision& d, std::int64_t written_units,
                     const std::vector<std::string>& expected_rows) {
  EXPECT_EQ(d.outcome, review::ClaimOutcome::Returned);
  EXPECT_EQ(d.decided_total(), review::Amounts{});
  EXPECT_EQ(d.written_total().units.value, written_units);
  EXPECT_EQ(rows(d), expected_rows);
}

}  // namespace kaigo::testing
