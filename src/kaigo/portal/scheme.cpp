#include "kaigo/portal/scheme.hpp"

#include <algorithm>
#include <initializer_list>

#include <fmt/format.h>

#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/core/enum_table.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::portal {
namespace {

constexpr std::string_view kFolder = "src/kaigo/portal/schemes/";

// The first of a table's entries that `matches`, or nullptr: every lookup of the schemes by key.
template <class Entries, class Match>
auto first_scheme_entry(Entries& entries, Match matches) -> decltype(&*entries.begin()) {
  auto it = std::find_if(entries.begin(), entries.end(), matches);
  return it == entries.end() ? nullptr : &*it;
}

using embedded::TableRow;

// The rows of schemes/<table> after its header, which must be `header` (core/embedded_tsv).
std::vector<TableRow> rows_of(std::string_view table, std::initializer_list<std::string_view> header) {
  return embedded::checked_tsv_rows(fmt::format("{}{}", kFolder, table), header);
}

Rate rate_of(const TableRow& r, std::size_t i) {
  auto parts = split(r.at(i), '/');
  auto num = parts.size() == 2 ? parse_int(parts[0]) : std::nullopt;
  auto den = parts.size() == 2 ? parse_int(parts[1]) : std::nullopt;
  if (!num || !den || *den <= 0) r.fail(fmt::format("補助率は n/d / the rate must be n/d: {}", r.at(i)));
  return {*num, *den};
}

Scheme& scheme_of(std::vector<Scheme>& schemes, const TableRow& r) {
  if (auto* s = first_scheme_entry(schemes, [&](const Scheme& x) { return x.id == r.at(0); })) return *s;
  r.fail(fmt::format("schemes.tsv にない助成 / scheme not in schemes.tsv: {}", r.at(0)));
}

void read_schemes(std::vector<Scheme>& out) {
  for (const auto& r :
       rows_of("schemes.tsv", {"scheme", "fiscal_year", "program", "title", "apply_from", "apply_to", "work_from",
                               "work_to", "limit_sum", "live_per_applicant", "tax_percent", "issuer", "source"})) {
    Scheme s;
    s.id = r.text(0);
    s.fiscal_year = r.text(1);
    s.program = r.parsed(2, parse_enum<Program>, "program は office / medical");
    s.title = r.text(3);
    s.apply_from = r.date(4);
    s.apply_to = r.date(5);
    s.work_from = r.optional_date(6);
    s.work_to = r.optional_date(7);
    if (r.at(8) != "class" && r.at(8) != "service") r.fail("limit_sum は class / service");
    s.limit_sum = r.at(8) == "class" ? LimitSum::ByClass : LimitSum::ByService;
    s.live_per_applicant = static_cast<int>(r.integer(9));
    s.tax_percent = static_cast<int>(r.integer(10));
    s.issuer = r.text(11);
    s.source = r.text(12);
    out.push_back(std::move(s));
  }
}

void read_limits(std::vector<Scheme>& schemes) {
  for (const auto& r : rows_of("limits.tsv", {"scheme", "class", "name", "facility", "beds_from", "beds_to", "readers",
                                              "rate", "limit", "source"})) {
    ClassLimit l;
    l.id = r.text(1);
    l.name = r.text(2);
    l.facility = r.parsed(3, parse_enum<Facility>, "facility は office / hospital / clinic");
    l.beds_from = r.optional_int(4).value_or(0);
    l.beds_to = r.optional_int(5);
    l.readers = r.optional_int(6);
    l.rate = rate_of(r, 7);
    l.limit = Yen{r.integer(8)};
    l.source = r.text(9);
    scheme_of(schemes, r).limits.push_back(std::move(l));
  }
}

void read_timetables(std::vector<Scheme>& schemes) {
  for (const auto& r : rows_of(
           "timetable.tsv", {"scheme", "applied_from", "applied_to", "decision_months", "payment_months", "source"})) {
    Timetable t{r.date(1), r.date(2), static_cast<int>(r.integer(3)), static_cast<int>(r.integer(4)), r.text(5)};
    scheme_of(schemes, r).timetable.push_back(std::move(t));
  }
}

void read_items(std::vector<Scheme>& schemes) {
  for (const auto& r : rows_of("items.tsv", {"program", "kind", "name", "source"})) {
    constexpr std::string_view kUnknown = "program / kind が不明 / unknown program or kind";
    const auto program = r.parsed(0, parse_enum<Program>, kUnknown);
    const auto kind = r.parsed(1, parse_enum<ItemKind>, kUnknown);
    for (auto& s : schemes) {
      if (s.program == program) s.items.push_back({kind, r.text(2), r.text(3)});
    }
  }
}

}  // namespace

bool ClassLimit::takes(Facility f, int beds) const {
  return facility == f && beds >= beds_from && (!beds_to || beds <= *beds_to);
}

const ClassLimit* Scheme::limit(std::string_view class_id) const {
  return first_scheme_entry(limits, [&](const ClassLimit& l) { return l.id == class_id; });
}

const ClassLimit* Scheme::medical_limit(Facility f, int beds) const {
  return first_scheme_entry(limits, [&](const ClassLimit& l) { return l.takes(f, beds); });
}

const Timetable* Scheme::timetable_for(Date applied_on) const {
  return first_scheme_entry(timetable, [&](const Timetable& t) { return t.from <= applied_on && applied_on <= t.to; });
}

const EligibleItem* Scheme::item(ItemKind k) const {
  return first_scheme_entry(items, [&](const EligibleItem& i) { return i.kind == k; });
}

const Schemes& Schemes::bundled() {
  static const Schemes s = [] {
    Schemes out;
    read_schemes(out.schemes_);
    read_limits(out.schemes_);
    read_timetables(out.schemes_);
    read_items(out.schemes_);
    for (const auto& r : rows_of("service_classes.tsv", {"service_type", "class", "source"}))
      out.service_classes_.emplace_back(r.text(0), r.text(1));
    for (const auto& r : rows_of("purposes.tsv", {"keyword", "kind", "source"})) {
      out.purposes_.push_back({r.text(0), r.parsed(1, parse_enum<ItemKind>, "kind が不明 / unknown kind"), r.text(2)});
    }
    return out;
  }();
  return s;
}

const Scheme* Schemes::find(std::string_view id) const {
  return first_scheme_entry(schemes_, [&](const Scheme& s) { return s.id == id; });
}

const Scheme* Schemes::open_for(Program program, Date day) const {
  return first_scheme_entry(schemes_, [&](const Scheme& s) { return s.program == program && s.open_on(day); });
}

std::optional<std::string> Schemes::service_class(std::string_view service_type) const {
  const auto* entry = first_scheme_entry(service_classes_, [&](const auto& e) { return e.first == service_type; });
  return entry ? std::optional<std::string>(entry->second) : std::nullopt;
}

std::vector<std::string> check_tables(const Schemes& schemes) {
  std::vector<std::string> problems;
  auto problem = [&](const Scheme& s, const std::string& what) { problems.push_back(s.id + ": " + what); };
  for (const auto& s : schemes.all()) {
    if (s.apply_to < s.apply_from) problem(s, "申請期間の終わりが始まりより前");
    if (s.limits.empty()) problem(s, "限度額の行がない");
    if (s.items.empty()) problem(s, "対象経費がない");
    if (s.tax_percent <= 0 || s.live_per_applicant <= 0) problem(s, "tax_percent / live_per_applicant");
    for (const auto& l : s.limits) {
      if (l.rate.num <= 0 || l.rate.num > l.rate.den) problem(s, l.id + ": 補助率が (0, 1] にない");
      if (l.limit <= Yen{}) problem(s, l.id + ": 限度額が正でない");
      if ((l.facility == Facility::Office) != l.readers.has_value()) problem(s, l.id + ": 台数は事業所の行だけ");
      if ((l.facility == Facility::Office) != (s.program == Program::Office))
        problem(s, l.id + ": 施設の種類が助成に合わない");
      if (std::count_if(s.limits.begin(), s.limits.end(), [&](const ClassLimit& o) { return o.id == l.id; }) != 1)
        problem(s, l.id + ": 区分が二度");
    }
    // Every application day of the window falls in exactly one timetable row, none outside it.
    for (Date d = s.apply_from; d <= s.apply_to; d = d.plus_days(1)) {
      auto n = std::count_if(s.timetable.begin(), s.timetable.end(),
                             [&](const Timetable& t) { return t.from <= d && d <= t.to; });
      if (n != 1) {
        problem(s, fmt::format("{} の決定月が {} 行で決まる", d.str(), n));
        break;
      }
    }
    for (const auto& t : s.timetable) {
      if (t.from < s.apply_from || s.apply_to < t.to) problem(s, "timetable が申請期間の外");
      if (t.decision_months < 0 || t.payment_months <= t.decision_months) problem(s, "振込が決定より前");
    }
  }
  for (const auto& [type, cls] : schemes.service_classes()) {
    for (const auto& s : schemes.all()) {
      if (s.program == Program::Office && !s.limit(cls)) problem(s, "service type " + type + ": no class " + cls);
    }
  }
  for (const auto& p : schemes.purposes()) {
    bool used =
        std::any_of(schemes.all().begin(), schemes.all().end(), [&](const Scheme& s) { return s.item(p.kind); });
    if (!used) problems.push_back("purposes.tsv: " + p.keyword + " names an item no scheme has");
  }
  return problems;
}

}  // namespace kaigo::portal
