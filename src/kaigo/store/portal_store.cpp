#include "kaigo/store/portal_store.hpp"

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/settlement/fees.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/detail/stored_time.hpp"

namespace kaigo::store {
namespace {

using portal::Application;
using portal::State;

constexpr std::string_view kApplicationColumns =
    "id, scheme, program, applicant_no, applicant_name, services, facility, beds, applied_at, applied_by, state, "
    "decision_month, payment_month, outcome, amount, paid_on, paid_amount";

YearMonth month(const std::string& s) { return YearMonth::parse(s).value_or(YearMonth{}); }

Application application_at(Statement& st) {
  Application a;
  a.id = st.integer(0);
  a.scheme = st.text(1);
  a.applicant.program = parse_enum<portal::Program>(st.text(2)).value_or(portal::Program::Office);
  a.applicant.number = st.text(3);
  a.applicant.name = st.text(4);
  const auto services = st.text(5);  // split gives views into it
  for (auto s : split(services, ',')) {
    if (!s.empty()) a.applicant.services.emplace_back(s);
  }
  a.applicant.facility = parse_enum<portal::Facility>(st.text(6)).value_or(portal::Facility::Office);
  a.applicant.beds = static_cast<int>(st.integer(7));
  a.applied_at = moment(st.text(8));
  a.applied_by = st.text(9);
  a.state = portal::parse_state(st.text(10)).value_or(State::Received);
  a.decision_month = month(st.text(11));
  a.payment_month = month(st.text(12));
  if (auto outcome = parse_enum<portal::Outcome>(st.text(13))) a.decision = portal::Decision{*outcome, Yen{st.integer(14)}, {}, {}};
  if (!st.text(15).empty()) a.payment = portal::Payment{day(st.text(15)), Yen{st.integer(16)}};
  return a;
}

// The rows of one application's side table (its states, lines, steps, findings), in their order.
template <class Read>
auto application_rows(Connection& c, std::string_view sql, const Application& a, Read read) {
  return c.prepare(sql).bind(1, a.id).rows(read);
}

void read_history(Connection& c, Application& a) {
  a.history = application_rows(
      c, "SELECT state, at, by_user, note FROM subsidy_states WHERE application_id = ? ORDER BY seq", a,
      [](const Statement& st) {
        return portal::StateChange{portal::parse_state(st.text(0)).value_or(State::Received), moment(st.text(1)),
                                   st.text(2), st.text(3)};
      });
}

void read_lines(Connection& c, Application& a) {
  constexpr std::string_view kSql =
      "SELECT receipt, issued_on, done_on, purpose, count, amount, net, tax, source_line FROM subsidy_lines "
      "WHERE application_id = ? ORDER BY seq";
  a.lines = application_rows(c, kSql, a, [](const Statement& st) {
    portal::ReceiptLine l;
    l.receipt = static_cast<int>(st.integer(0));
    l.issued_on = day(st.text(1));
    if (!st.text(2).empty()) l.done_on = day(st.text(2));
    l.purpose = st.text(3);
    if (!st.is_null(4)) l.count = static_cast<int>(st.integer(4));
    l.amount = Yen{st.integer(5)};
    if (!st.is_null(6)) l.net = Yen{st.integer(6)};
    if (!st.is_null(7)) l.tax = Yen{st.integer(7)};
    l.source_line = static_cast<std::uint64_t>(st.integer(8));
    return l;
  });
}

void read_decision(Connection& c, Application& a) {
  if (!a.decision) return;
  a.decision->steps = application_rows(
      c, "SELECT code, label_ja, label_en, formula, amount FROM subsidy_steps WHERE application_id = ? ORDER BY seq", a,
      [](const Statement& st) {
        return portal::Step{st.text(0), st.text(1), st.text(2), st.text(3), Yen{st.integer(4)}};
      });
  constexpr std::string_view kFindings =
      "SELECT code, effect, line, rule, message_ja, message_en FROM subsidy_findings WHERE application_id = ? ORDER BY "
      "seq";
  a.decision->findings = application_rows(c, kFindings, a, [](const Statement& st) {
    portal::Finding f;
    f.code = st.text(0);
    auto e = st.text(1);
    f.effect = e == "return" ? portal::Effect::Return : e == "exclude" ? portal::Effect::Exclude : portal::Effect::Note;
    f.line = static_cast<int>(st.integer(2));
    f.rule = st.text(3);
    f.message_ja = st.text(4);
    f.message_en = st.text(5);
    return f;
  });
}

void insert_lines(Connection& c, std::int64_t id, const std::vector<portal::ReceiptLine>& lines) {
  auto st = c.prepare(
      "INSERT INTO subsidy_lines(application_id, seq, receipt, issued_on, done_on, purpose, count, amount, net, tax, "
      "source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    st.bind(1, id).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, l.receipt).bind(4, l.issued_on.str());
    st.bind(5, l.done_on ? l.done_on->str() : std::string()).bind(6, l.purpose);
    if (l.count)
      st.bind(7, *l.count);
    else
      st.bind_null(7);
    st.bind(8, l.amount.value);
    if (l.net)
      st.bind(9, l.net->value);
    else
      st.bind_null(9);
    if (l.tax)
      st.bind(10, l.tax->value);
    else
      st.bind_null(10);
    st.bind(11, static_cast<std::int64_t>(l.source_line));
    st.run();
  }
}

void insert_state(Connection& c, std::int64_t id, const portal::StateChange& s) {
  c.prepare(
       "INSERT INTO subsidy_states(application_id, seq, state, at, by_user, note) "
       "VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM subsidy_states WHERE application_id = ?1), ?2, ?3, ?4, ?5)")
      .bind(1, id)
      .bind(2, enum_code(s.state))
      .bind(3, s.at.str())
      .bind(4, s.by)
      .bind(5, s.note)
      .run();
}

void insert_decision(Connection& c, std::int64_t id, const portal::Decision& d) {
  c.prepare("DELETE FROM subsidy_steps WHERE application_id = ?").bind(1, id).run();
  c.prepare("DELETE FROM subsidy_findings WHERE application_id = ?").bind(1, id).run();
  auto steps = c.prepare(
      "INSERT INTO subsidy_steps(application_id, seq, code, label_ja, label_en, formula, amount) VALUES (?, ?, ?, ?, "
      "?, ?, ?)");
  for (std::size_t i = 0; i < d.steps.size(); ++i) {
    const auto& s = d.steps[i];
    steps.bind(1, id).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, s.code).bind(4, s.label_ja).bind(5, s.label_en);
    steps.bind(6, s.formula).bind(7, s.amount.value).run();
  }
  auto findings = c.prepare(
      "INSERT INTO subsidy_findings(application_id, seq, code, effect, line, rule, message_ja, message_en) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < d.findings.size(); ++i) {
    const auto& f = d.findings[i];
    findings.bind(1, id)
        .bind(2, static_cast<std::int64_t>(i + 1))
        .bind(3, f.code)
        .bind(4, enum_code(f.effect));
    findings.bind(5, f.line).bind(6, f.rule).bind(7, f.message_ja).bind(8, f.message_en).run();
  }
  c.prepare("UPDATE subsidy_applications SET outcome = ?, amount = ? WHERE id = ?")
      .bind(1, enum_code(d.outcome))
      .bind(2, d.amount.value)
      .bind(3, id)
      .run();
}

}  // namespace

std::optional<std::int64_t> PortalStore::add_application(const Application& a, int live_limit,
                                                         const auth::AuditEvent& event) {
  auto& c = db_.connection();
  Transaction tx(c);
  {
    auto live = c.prepare(
        "SELECT COUNT(*) FROM subsidy_applications WHERE applicant_no = ? AND scheme = ? AND state IN (?, ?, ?)");
    live.bind(1, a.applicant.number).bind(2, a.scheme).bind(3, enum_code(State::Received));
    live.bind(4, enum_code(State::Decided)).bind(5, enum_code(State::Paid));
    if (live.step() && live.integer(0) >= live_limit) return std::nullopt;
  }
  auto st = c.prepare(
      "INSERT INTO subsidy_applications(scheme, program, applicant_no, applicant_name, services, facility, beds, "
      "applied_at, "
      "applied_by, state, decision_month, payment_month) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, a.scheme).bind(2, enum_code(a.applicant.program)).bind(3, a.applicant.number);
  st.bind(4, a.applicant.name)
      .bind(5, join(a.applicant.services, ","))
      .bind(6, enum_code(a.applicant.facility));
  st.bind(7, a.applicant.beds).bind(8, a.applied_at.str()).bind(9, a.applied_by).bind(10, enum_code(a.state));
  st.bind(11, a.decision_month.str()).bind(12, a.payment_month.str());
  st.run();
  const auto id = c.last_insert_id();
  insert_lines(c, id, a.lines);
  for (const auto& h : a.history) insert_state(c, id, h);
  auto sealed = event;
  sealed.target = fmt::format("subsidy:{}", id);
  AuthStore(db_).append(sealed);  // a savepoint inside this transaction: the row and the change together
  tx.commit();
  return id;
}

std::optional<Application> PortalStore::application(std::int64_t id) {
  auto& c = db_.connection();
  ReadTransaction tx(c);
  auto st = c.prepare(fmt::format("SELECT {} FROM subsidy_applications WHERE id = ?", kApplicationColumns));
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  auto a = application_at(st);
  read_history(c, a);
  read_lines(c, a);
  read_decision(c, a);
  return a;
}

std::vector<Application> PortalStore::applications(const portal::ApplicationFilter& f) {
  std::string sql = fmt::format("SELECT {} FROM subsidy_applications WHERE 1 = 1", kApplicationColumns);
  std::vector<std::string> binds;
  if (f.program) {
    sql += " AND program = ?";
    binds.emplace_back(enum_code(*f.program));
  }
  if (!f.everyone) {
    std::vector<std::string> who = f.applicants;
    if (f.applicant_no) who = {*f.applicant_no};
    if (who.empty()) return {};
    sql += " AND applicant_no IN (";
    for (std::size_t i = 0; i < who.size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ")";
    binds.insert(binds.end(), who.begin(), who.end());
  } else if (f.applicant_no) {
    sql += " AND applicant_no = ?";
    binds.push_back(*f.applicant_no);
  }
  if (f.scheme) {
    sql += " AND scheme = ?";
    binds.push_back(*f.scheme);
  }
  if (f.state) {
    sql += " AND state = ?";
    binds.emplace_back(enum_code(*f.state));
  }
  if (f.decision_month) {
    sql += " AND decision_month = ?";
    binds.push_back(f.decision_month->str());
  }
  sql += " ORDER BY id DESC";
  auto& c = db_.connection();
  ReadTransaction tx(c);
  auto st = c.prepare(sql);
  for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i + 1), binds[i]);
  std::vector<Application> out;
  while (st.step()) out.push_back(application_at(st));
  for (auto& a : out) read_history(c, a);
  return out;
}

bool PortalStore::change_state(std::int64_t id, State from, const portal::StateChange& to,
                               const portal::Decision* decision, const portal::Payment* payment,
                               const auth::AuditEvent& event) {
  auto& c = db_.connection();
  Transaction tx(c);
  c.prepare("UPDATE subsidy_applications SET state = ? WHERE id = ? AND state = ?")
      .bind(1, enum_code(to.state))
      .bind(2, id)
      .bind(3, enum_code(from))
      .run();
  if (c.changes() != 1) return false;
  insert_state(c, id, to);
  if (decision) insert_decision(c, id, *decision);
  if (payment) {
    c.prepare("UPDATE subsidy_applications SET paid_on = ?, paid_amount = ? WHERE id = ?")
        .bind(1, payment->paid_on.str())
        .bind(2, payment->amount.value)
        .bind(3, id)
        .run();
  }
  AuthStore(db_).append(event);
  tx.commit();
  return true;
}

std::vector<portal::FeeRecord> PortalStore::fees_of(std::string_view office_no) {
  std::vector<portal::FeeRecord> out;
  auto& c = db_.connection();
  ReadTransaction tx(c);
  if (auto fees = db_.latest_table(TableKind::Fees)) {
    auto loaded = settlement::load_fees(fees->text, fees->file_name);
    if (loaded.ok()) {
      for (const auto& f : *loaded.table) {
        if (f.charge.office_no == office_no) out.push_back({f, fmt::format("{}:{}", fees->file_name, f.line)});
      }
    }
  }
  auto st = c.prepare("SELECT month, kind, applied_on, source FROM fees_due WHERE office_no = ? ORDER BY id");
  st.bind(1, office_no);
  while (st.step()) {
    settlement::DueFee f;
    f.month = month(st.text(0));
    f.charge.office_no = std::string(office_no);
    f.charge.kind = st.text(1) == enum_code(FeeKind::Certificate) ? FeeKind::Certificate : FeeKind::CarePlanLicense;
    f.charge.applied_on = day(st.text(2));
    out.push_back({std::move(f), st.text(3)});
  }
  return out;
}

std::vector<portal::PaymentRecord> PortalStore::payments_of(std::string_view office_no) {
  return db_.connection()
      .prepare("SELECT month, transfer, carried_out, billed FROM office_payments WHERE office_no = ? ORDER BY month")
      .bind(1, office_no)
      .rows([](const Statement& st) {
        return portal::PaymentRecord{month(st.text(0)), Yen{st.integer(1)}, Yen{st.integer(2)}, Yen{st.integer(3)}};
      });
}

std::vector<portal::LetterRecord> PortalStore::letters_of(std::string_view office_no) {
  return db_.connection()
      .prepare(
          "SELECT batch, office_no, user_id, issued_at, issued_by FROM portal_letters WHERE office_no = ? ORDER BY id")
      .bind(1, office_no)
      .rows([](const Statement& st) {
        return portal::LetterRecord{st.text(0), st.text(1), st.text(2), moment(st.text(3)), st.text(4)};
      });
}

void PortalStore::add_letter(const portal::LetterRecord& l) {
  auto& c = db_.connection();
  Transaction tx(c);
  c.prepare("INSERT INTO portal_letters(batch, office_no, user_id, issued_at, issued_by) VALUES (?, ?, ?, ?, ?)")
      .bind(1, l.batch)
      .bind(2, l.office_no)
      .bind(3, l.user_id)
      .bind(4, l.issued_at.str())
      .bind(5, l.issued_by)
      .run();
  tx.commit();
}

}  // namespace kaigo::store
