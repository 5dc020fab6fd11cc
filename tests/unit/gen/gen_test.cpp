// kaigo gen: a clean month reads without a Diagnostic and recomputes to exactly what it wrote; its
// ledgers load strictly; it is deterministic; with --errors it injects exactly the mistakes that
// expected_errors.csv lists, and nothing else.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <tuple>


#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/invoice.hpp"
#include "kaigo/billing/terms.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"
#include "kaigo/gen/generator.hpp"
#include "kaigo/master/masters.hpp"
#include "support/rewrite.hpp"
#include "support/test_support.hpp"

namespace kaigo::gen {
namespace {

using kaigo::testing::read_file;
using kaigo::testing::TempDir;

struct Month : exchange::Sink {
  std::vector<billing::ClaimStatement> statements;
  std::vector<billing::BenefitPlan> plans;
  std::vector<billing::InvoiceRow> invoices;
  std::vector<std::vector<std::string>> care_plan_lines;  // 8124 records as items
  std::vector<Diagnostic> diags;
  std::vector<exchange::ControlRecord> controls;
  std::vector<std::string> file_names;
  std::vector<billing::StatementKey> repeated;
  void on_control(const exchange::ControlRecord& c) override { controls.push_back(c); }
  void on_diagnostic(const Diagnostic& d) override { diags.push_back(d); }
  void on_document(const exchange::Document& d) override {
    if (!d.form) return;
    switch (d.form->family) {
      case exchange::Family::Statement: {
        statements.push_back(documents::to_statement(d));
        // The same 明細書 sent twice is one document (same key) with two 基本 records.
        auto bases = std::count_if(d.records().begin(), d.records().end(), [](const auto& r) { return r.kind == "01"; });
        if (bases > 1) repeated.push_back(statements.back().key);
        break;
      }
      case exchange::Family::Plan: plans.push_back(documents::to_plan(d)); break;
      case exchange::Family::Invoice:
        for (const auto& r : d.records()) invoices.push_back(documents::to_invoice_row(r));
        break;
      case exchange::Family::CarePlan:
        for (const auto& r : d.records()) care_plan_lines.emplace_back(r.items.begin(), r.items.end());
        break;
      default: break;
    }
  }
};

Month read_month(const std::filesystem::path& dir) {
  Month m;
  for (const auto& f : kaigo::testing::regular_files_under(dir / "submissions")) {
    m.file_names.push_back(f.filename().string());
    exchange::read_file(f, m);
  }
  return m;
}

struct Ledgers {
  master::Masters masters;
  master::OfficeLedger offices;
  master::RecipientLedger recipients;
  master::InsurerLedger insurers;
};

Ledgers load_ledgers(const std::filesystem::path& dir) {
  auto masters = master::load_bundled_masters();
  EXPECT_TRUE(masters.ok());
  auto offices = master::load_offices(read_file(dir / "offices.csv"), "offices.csv", &masters.table->service_types);
  for (const auto& d : offices.diagnostics) ADD_FAILURE() << d.to_string();
  auto recipients = master::load_recipients(read_file(dir / "recipients.csv"), "recipients.csv");
  for (const auto& d : recipients.diagnostics) ADD_FAILURE() << d.to_string();
  auto insurers = master::load_insurers(read_file(dir / "insurers.csv"), "insurers.csv");
  for (const auto& d : insurers.diagnostics) ADD_FAILURE() << d.to_string();
  auto services = master::load_service_codes(read_file(dir / "services.csv"), "services.csv", &masters.table->service_types);
  for (const auto& d : services.diagnostics) ADD_FAILURE() << d.to_string();
  return {*masters.table, *offices.table, *recipients.table, *insurers.table};
}

Options options(const std::filesystem::path& out, double errors) {
  Options o;
  o.out = out;
  o.processing_month = {2026, 5};
  o.offices = 60;
  o.recipients = 1500;
  o.seed = 7;
  o.error_rate = errors;
  return o;
}

const billing::BenefitPlan* plan_of(const Month& m, const billing::StatementKey& k) {
  for (const auto& p : m.plans) {
    if (p.insurer_no == k.insurer_no && p.insured_no == k.insured_no && p.service_month == k.service_month) return &p;
  }
  return nullptr;
}

TEST(Gen, CleanMonthReadsCleanAndRecomputesExactly) {
  TempDir dir;
  auto masters = master::load_bundled_masters();
  auto report = generate(options(dir.path(), 0.0), *masters.table);
  EXPECT_EQ(report.offices, 60);
  EXPECT_EQ(report.recipients, 1500);
  EXPECT_TRUE(report.mistakes.empty());
  EXPECT_EQ(read_file(dir / "expected_errors.csv"),
            "mistake,office_no,form,service_month,insurer_no,insured_no,service_type,expected_code,outcome\n");

  Month m = read_month(dir.path());
  for (const auto& d : m.diags) ADD_FAILURE() << d.to_string();
  EXPECT_EQ(static_cast<std::int64_t>(m.statements.size() + std::count_if(m.care_plan_lines.begin(), m.care_plan_lines.end(),
                                                                          [](const auto& r) { return r[15] == "99"; })),
            report.statements);
  EXPECT_EQ(static_cast<std::int64_t>(m.plans.size()), report.plans);
  for (const auto& c : m.controls) {
    EXPECT_EQ(c.processing_month(), "202605");
    EXPECT_TRUE(c.data_type() == "711" || c.data_type() == "821");
  }
  for (const auto& name : m.file_names) EXPECT_LE(name.size(), 12u) << name;  // 8 characters + .CSV

  Ledgers l = load_ledgers(dir.path());
  std::set<std::string> forms;
  std::map<std::string, std::vector<billing::ClaimStatement>> by_office;
  for (const auto& st : m.statements) {
    forms.insert(st.key.form_id);
    const auto* plan = plan_of(m, st.key);
    ASSERT_NE(plan, nullptr) << "every claim has its 給付管理票 in a clean month";
    const auto* who = l.recipients.at(st.key.insurer_no, st.key.insured_no, Date{2026, 4, 1});
    ASSERT_NE(who, nullptr);
    auto terms = billing::make_terms(l.masters, l.offices, st, plan, who);
    terms.codes = &l.masters.service_codes;
    auto result = billing::compute(st, terms);
    for (const auto& n : result.notes) ADD_FAILURE() << n.to_string();
    for (const auto& d : billing::compare(st, result.statement)) ADD_FAILURE() << st.key.insured_no << " " << d.to_string();
    // Within the plan and the limit: nothing to cut.
    for (const auto& a : st.aggregates) {
      auto planned = plan->plan_units_for(st.key.office_no, a.service_type);
      ASSERT_TRUE(planned.has_value());
      EXPECT_LE(a.limit_units, *planned);
    }
    EXPECT_LE(plan->total_units, plan->limit_units);
    by_office[st.key.office_no].push_back(st);
  }
  EXPECT_TRUE(forms.count("7131"));
  EXPECT_TRUE(forms.count("7143"));
  // Each office's 請求書 is the sum of its 明細書.
  std::map<std::string, std::vector<billing::InvoiceRow>> written;
  for (const auto& r : m.invoices) written[r.office_no].push_back(r);
  for (const auto& [office, statements] : by_office) {
    billing::Invoice w{written[office]};
    auto diff = billing::compare_invoice(w, billing::build_invoice(statements));
    EXPECT_TRUE(diff.empty()) << office;
  }
  // 様式第七: 請求金額 = floor(単位数 × 単価) on the 99 line.
  for (const auto& r : m.care_plan_lines) {
    if (r[15] != "99") continue;
    auto units = parse_int(r[20]).value();
    auto price = parse_int(r[5]).value();
    EXPECT_EQ(parse_int(r[21]).value(), floor_div(units * price, 100));
  }
  // Welfare (生保) 公費 claims are present and fully covered by the 公費.
  bool saw_welfare = false;
  for (const auto& st : m.statements) {
    if (!st.basic.funds[0].present()) continue;
    saw_welfare = true;
    EXPECT_EQ(st.basic.fund_totals[0].burden.value + st.basic.insurance.burden.value, 0) << st.key.insured_no;
  }
  EXPECT_TRUE(saw_welfare);
}

TEST(Gen, IsDeterministic) {
  TempDir a, b, c;
  auto masters = master::load_bundled_masters();
  generate(options(a.path(), 0.05), *masters.table);
  generate(options(b.path(), 0.05), *masters.table);
  auto o = options(c.path(), 0.05);
  o.seed = 8;
  generate(o, *masters.table);
  for (const auto& e : std::filesystem::recursive_directory_iterator(a.path())) {
    if (!e.is_regular_file()) continue;
    auto rel = std::filesystem::relative(e.path(), a.path());
    EXPECT_EQ(read_file(e.path()), read_file(b.path() / rel)) << rel;
  }
  EXPECT_NE(read_file(a / "recipients.csv"), read_file(c / "recipients.csv"));
}

using kaigo::testing::Rewrite;

TEST(Gen, EveryFileRoundTripsByteForByte) {
  TempDir dir;
  auto masters = master::load_bundled_masters();
  generate(options(dir.path(), 0.1), *masters.table);
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "submissions")) {
    if (!e.is_regular_file()) continue;
    auto bytes = read_file(e.path());
    Rewrite w;
    exchange::read_bytes(e.path().filename().string(), bytes, w);
    ASSERT_TRUE(w.writer);
    EXPECT_EQ(w.writer->finish_to_string(), bytes) << e.path();
    ++files;
  }
  EXPECT_GT(files, 60);
}

// What the month shows for each mistake, found independently of the manifest.
TEST(Gen, InjectsExactlyTheListedMistakes) {
  TempDir dir;
  auto masters = master::load_bundled_masters();
  auto report = generate(options(dir.path(), 0.2), *masters.table);
  Month m = read_month(dir.path());
  Ledgers l = load_ledgers(dir.path());

  using Mistake = std::tuple<std::string, std::string, std::string, std::string>;  // kind, office, form, insured
  std::multiset<Mistake> expected;
  const std::string manifest = read_file(dir / "expected_errors.csv");
  for (auto line : lines(manifest)) {
    auto f = split(line, ',');
    if (f[0] == "mistake") continue;
    expected.emplace(f[0], f[1], f[2], f[5]);
  }
  std::multiset<Mistake> found;
  auto add = [&](std::string_view kind, const std::string& office, const std::string& form, const std::string& insured) {
    found.emplace(kind, office, form, insured);
  };
  // bad_field: exactly the KC08 diagnostics, on 日数・回数.
  for (const auto& d : m.diags) {
    if (d.code == "KC24") continue;  // the repeated 明細書 of "duplicate", counted below
    ASSERT_EQ(d.code, "KC08") << d.to_string();
    EXPECT_EQ(d.item_no, 10);
    EXPECT_EQ(d.item_name, "日数・回数");
  }
  for (const auto& k : m.repeated) add("duplicate", k.office_no, k.form_id, k.insured_no);
  EXPECT_EQ(std::count_if(m.diags.begin(), m.diags.end(), [](const Diagnostic& d) { return d.code == "KC24"; }),
            static_cast<std::ptrdiff_t>(m.repeated.size()));
  std::set<std::string> with_plan;
  for (const auto& p : m.plans) {
    with_plan.insert(p.insured_no.str());
    if (!l.recipients.at(p.insurer_no, p.insured_no, Date{2026, 4, 1})) add("unknown_recipient", p.support_office_no.str(), "8222", p.insured_no.str());
  }
  auto person_level = [&](const std::string& office, const std::string& form, const std::string& insurer,
                          const std::string& insured) {
    const auto* who = l.recipients.at(insurer, insured, Date{2026, 4, 1});
    if (!who) add("unknown_recipient", office, form, insured);
    else if (who->change_pending) add("change_pending", office, form, insured);
    else if (!with_plan.count(insured)) add("missing_plan", office, form, insured);
    return who;
  };
  std::set<std::string> counted;
  for (const auto& st : m.statements) {
    if (!counted.insert(st.key.office_no + st.key.insured_no).second) continue;
    const auto* who = person_level(st.key.office_no, st.key.form_id, st.key.insurer_no, st.key.insured_no);
    bool bad_field = false;
    for (const auto& d : st.details) bad_field = bad_field || d.count == 0;
    if (bad_field) add("bad_field", st.key.office_no, st.key.form_id, st.key.insured_no);
    if (who && st.basic.insurance_rate != who->benefit_rate) add("wrong_rate", st.key.office_no, st.key.form_id, st.key.insured_no);
    const auto* plan = plan_of(m, st.key);
    if (plan && !bad_field) {
      auto planned = plan->plan_units_for(st.key.office_no, st.aggregates.front().service_type);
      if (planned && *planned < st.aggregates.front().limit_units) add("plan_exceeded", st.key.office_no, st.key.form_id, st.key.insured_no);
    }
  }
  for (const auto& r : m.care_plan_lines) {
    if (r[15] != "99") continue;
    person_level(r[1], r[0], r[4], r[6]);
  }
  std::vector<Mistake> missing, extra;
  std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(), std::back_inserter(missing));
  std::set_difference(found.begin(), found.end(), expected.begin(), expected.end(), std::back_inserter(extra));
  for (const auto& x : missing) ADD_FAILURE() << "listed but not found: " << ::testing::PrintToString(x);
  for (const auto& x : extra) ADD_FAILURE() << "found but not listed: " << ::testing::PrintToString(x);
  for (const char* kind : {"missing_plan", "plan_exceeded", "wrong_rate", "duplicate", "change_pending",
                           "unknown_recipient", "bad_field"}) {
    EXPECT_GT(report.mistakes[kind], 0) << kind;
  }
}

}  // namespace
}  // namespace kaigo::gen
