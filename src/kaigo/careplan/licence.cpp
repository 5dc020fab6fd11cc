#include "kaigo/careplan/licence.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/careplan/data_table.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/settlement/fees.hpp"

namespace kaigo::careplan {
namespace {

constexpr std::string_view kRule = "seed 001 §7: ライセンスは1事業所番号ごと、申込日から1年間";

std::vector<LicenceTerms> load_terms() {
  std::vector<LicenceTerms> out;
  for (const auto& r : embedded_table("licence_terms.tsv",
                                      {"name", "title", "applications_from", "applications_to", "months", "free", "source"})) {
    const auto& c = r.cells;
    auto from = Date::parse(c[2]);
    auto to = c[3] == "-" ? std::optional<Date>() : Date::parse(c[3]);
    auto months = parse_int(c[4]);
    if (!from || (c[3] != "-" && !to) || !months || *months < 1 || (c[5] != "0" && c[5] != "1")) {
      throw std::logic_error(fmt::format("licence_terms.tsv:{}: 行が不正 / bad row", r.line));
    }
    out.push_back({std::string(c[0]), std::string(c[1]), *from, to, static_cast<int>(*months), c[5] == "1", std::string(c[6])});
  }
  return out;
}

auth::Refusal refusal(std::string code, std::string ja, std::string en) {
  return {std::move(code), std::string(kRule), std::move(ja), std::move(en)};
}

}  // namespace

const std::vector<LicenceTerms>& licence_terms() {
  static const std::vector<LicenceTerms> terms = load_terms();
  return terms;
}

const LicenceTerms* terms_for(Date applied_on) {
  const LicenceTerms* standard = nullptr;
  for (const auto& t : licence_terms()) {
    const bool open = t.from <= applied_on && (!t.to || applied_on <= *t.to);
    if (!open) continue;
    if (t.free) return &t;
    if (!standard || standard->from < t.from) standard = &t;
  }
  return standard;
}

Date licence_end(Date from, int months) {
  const auto ym = from.year_month().plus_months(months);
  const int day = std::min(from.day, ym.days());
  return Date{ym.year, ym.month, day}.plus_days(-1);
}

LicenceResult apply_licence(LicenceRepository& repo, const master::OfficeLedger& offices, std::string_view office_no,
                            Date applied_on, const LocalDateTime& at, std::string_view by, const Settings& settings) {
  LicenceResult r;
  if (!offices.known(office_no)) {
    r.refusals.push_back(refusal("CH05", fmt::format("事業所番号 {} は事業所台帳にありません", office_no),
                                 fmt::format("office {} is not in the office ledger", office_no)));
    return r;
  }
  const auto* terms = terms_for(applied_on);
  if (!terms) {
    r.refusals.push_back(refusal("CH06", fmt::format("申込日 {} に適用されるライセンスの条件がありません", applied_on.str()),
                                 fmt::format("no licence terms apply to an application of {}", applied_on.str())));
    return r;
  }
  Licence l;
  l.office_no = std::string(office_no);
  l.applied_on = applied_on;
  l.valid_from = applied_on;
  l.valid_to = licence_end(applied_on, terms->months);
  l.terms = terms->name;
  l.free = terms->free;
  l.recorded_at = at;
  l.recorded_by = std::string(by);
  for (const auto& e : repo.licences_of(office_no)) {
    if (e.valid_from <= l.valid_to && l.valid_from <= e.valid_to) {
      r.refusals.push_back(refusal(
          "CH04",
          fmt::format("事業所 {} には {}〜{} のライセンスがあります（更新は {} 以降に申し込んでください）", office_no,
                      e.valid_from.str(), e.valid_to.str(), e.valid_to.plus_days(1).str()),
          fmt::format("office {} already holds a licence from {} to {} (renew from {})", office_no, e.valid_from.str(),
                      e.valid_to.str(), e.valid_to.plus_days(1).str())));
      return r;
    }
  }
  if (!l.free) {
    // Never into a month whose reception has closed: the later of the 申込日 and the recording.
    const LocalDateTime day_start{applied_on, 0, 0, 0};
    l.fee_month = settlement::due_month(std::max(day_start, at), settings.reception);
  }
  l.id = repo.add_licence(l);
  r.licence = std::move(l);
  return r;
}

std::optional<auth::Refusal> licence_refusal(std::span<const Licence> licences, std::string_view office_no, Date day) {
  const Licence* latest = nullptr;
  const Licence* next = nullptr;
  for (const auto& l : licences) {
    if (l.office_no != office_no) continue;
    if (l.valid_from <= day && day <= l.valid_to) return std::nullopt;
    if (l.valid_to < day && (!latest || latest->valid_to < l.valid_to)) latest = &l;
    if (day < l.valid_from && (!next || l.valid_from < next->valid_from)) next = &l;
  }
  if (latest) {
    return refusal("CH02",
                   fmt::format("事業所 {} のライセンスは {} で終了しています（{} 時点）", office_no, latest->valid_to.str(), day.str()),
                   fmt::format("the licence of office {} ended on {} (as of {})", office_no, latest->valid_to.str(), day.str()));
  }
  if (next) {
    return refusal("CH03",
                   fmt::format("事業所 {} のライセンスは {} から有効です（{} 時点では使えません）", office_no, next->valid_from.str(), day.str()),
                   fmt::format("the licence of office {} begins on {} (not in force on {})", office_no, next->valid_from.str(), day.str()));
  }
  return refusal("CH01", fmt::format("事業所 {} にはケアプランデータ連携システムのライセンスがありません", office_no),
                 fmt::format("office {} holds no ケアプランデータ連携 licence", office_no));
}

}  // namespace kaigo::careplan
