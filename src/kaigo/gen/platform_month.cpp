#include "kaigo/gen/platform_month.hpp"

#include <fstream>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kaigo/gen/detail/world.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/master/csv.hpp"
#include "kaigo/platform/pmh.hpp"

namespace kaigo::gen {
namespace {

namespace fs = std::filesystem;

enum PlatformTag : std::uint64_t { kNumber = 700, kCost, kWorks, kAdl, kItem, kClinicDelay };

constexpr Date kLawInForce{2026, 4, 1};

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("読めません: {} / cannot read: {}", p.string(), p.string()));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error(fmt::format("書き込めません: {} / cannot write: {}", p.string(), p.string()));
}

// A valid 個人番号 (11 digits from the hash, then its check digit).
std::string my_number(std::uint64_t seed, int index) {
  auto body = fmt::format("{:011d}", mix(seed, kNumber, static_cast<std::uint64_t>(index)) % 100'000'000'000ULL);
  return body + platform::my_number_check_digit(body);
}

bool no_number(int index) { return index % 50 == 7; }     // 住所地特例: the insurer holds no My Number (PL41)
bool uninsured(int index) { return index % 70 == 11; }    // 生活保護の適用除外 (PL42)
bool without_consent(int index) { return index % 11 == 3; }
bool old_form_late(int index) { return index % 23 == 5; }  // 旧様式 used after 2026-04-01

Date applied_on(const PlatformPerson& p) { return p.cert_from.plus_days(-35); }
std::string form_of(const PlatformPerson& p, int index) { return applied_on(p) < kLawInForce || old_form_late(index) ? "2" : "1"; }

// The data rows of a ledger file the claims month wrote (header skipped), each of `width` fields.
std::vector<std::vector<std::string>> rows_of(const fs::path& p, std::size_t width) {
  std::vector<std::vector<std::string>> out;
  const auto text = read_text(p);
  bool header = true;
  for (auto line : lines(text)) {
    if (std::exchange(header, false) || line.empty()) continue;
    auto f = master::split_csv_line(line);
    if (!f || f->size() != width) throw std::runtime_error(fmt::format("{} の行が読めません / bad row", p.string()));
    out.push_back(std::move(*f));
  }
  return out;
}

}  // namespace

int append_person_rows(std::string& out, const PlatformPerson& p, int index, std::uint64_t seed, Date golive) {
  const auto k = fmt::format("{},{}", p.insurer_no, p.insured_no);
  const auto applied = applied_on(p);
  const auto i = static_cast<std::uint64_t>(index);
  int rows = 0;
  auto row = [&](const std::string& r) {
    out += r;
    out += '\n';
    ++rows;
  };
  const auto number = no_number(index) ? std::string() : my_number(seed, index);
  row(fmt::format("1,{},person,P,{},{},,{},{},{},{},{}", k, p.cert_from.str(), p.name_kana, p.birth.str(), p.sex, number,
                  uninsured(index) ? 3 : 1, no_number(index) ? 1 : 0));
  row(fmt::format("1,{},certificate,C{},{},{},{},{},{}", k, p.cert_from.str(), p.cert_from.plus_days(-1).str(), p.care_level,
                  p.cert_from.str(), p.cert_to.str(), p.support_office_no));
  row(fmt::format("1,{},burden,B2025,20250801,{},20260731,2025", k, index % 10 == 0 ? 2 : 1));
  row(fmt::format("1,{},application,A{},{},{},{},{},", k, applied.str(), applied.str(), index % 5 == 0 ? 1 : 2, form_of(p, index),
                  without_consent(index) ? 0 : 1));
  row(fmt::format("1,{},progress,G{},{},{},7", k, applied.str(), p.cert_from.plus_days(-1).str(), applied.str()));
  row(fmt::format("1,{},request,R{},{},{},{}", k, applied.str(), applied.plus_days(3).str(), kGeneratedClinic, applied.str()));
  row(fmt::format("1,{},survey,S{},{},{},調査員 {},1,", k, applied.str(), applied.plus_days(10).str(), applied.str(), index % 7 + 1));
  const bool electronic = index % 13 == 0 && applied >= golive;  // sent by the doctor instead (opinions/)
  if (!electronic) {
    row(fmt::format("1,{},opinion,O{},{},{},{},{},主治医 {},慢性疾患,", k, applied.str(), applied.plus_days(14).str(), applied.str(),
                    applied.plus_days(3).str(), kGeneratedClinic, index % 5 + 1));
  }
  if (!p.support_office_no.empty()) {
    row(fmt::format("1,{},careplan,K1,{},1,1,{},,本人の希望: 在宅での生活を続けたい", k, p.cert_from.str(), p.support_office_no));
    if (index % 3 == 0) row(fmt::format("1,{},life,L1,{},{},{},", k, p.cert_from.plus_days(30).str(), p.support_office_no, 40 + mix(seed, kAdl, i) % 60));
  }
  if (index % 7 == 0) {
    row(fmt::format("1,{},housing,H1,{},{},{},{},0", k, p.cert_from.plus_days(60).str(), p.care_level < "21" ? 2 : 1,
                    10'000 + 1'000 * (mix(seed, kCost, i) % 150), (mix(seed, kWorks, i) % 2 ? "101000" : "010010")));
  }
  if (index % 9 == 0) {
    row(fmt::format("1,{},equipment,E1,{},1,{},{}", k, p.cert_from.plus_days(45).str(), 1 + mix(seed, kItem, i) % 6,
                    5'000 + 500 * (mix(seed, kCost, i, 1) % 60)));
  }
  return rows;
}

PlatformMonthReport generate_platform_month(const fs::path& dir, const PlatformMonthOptions& o) {
  PlatformMonthReport r;
  const fs::path out = dir / "platform";
  fs::create_directories(out / "opinions");
  // Go-live: the first municipality on the first of the third month before the processing month (so
  // that applications of April 2026 on fall on both sides of it), the next on the first of the
  // processing month, the third not yet (2027-04-01); and so on.
  std::map<std::string, Date> golive;
  std::string golive_csv = "insurer_no,golive_on\n";
  const auto third = o.processing_month.plus_months(-3);
  const Date first_live = std::max(kLawInForce, Date{third.year, third.month, 1});
  int n = 0;
  for (const auto& f : rows_of(dir / "insurers.csv", 4)) {
    const auto& insurer = f[0];
    if (golive.count(insurer)) continue;
    const Date day = n % 3 == 0 ? first_live : n % 3 == 1 ? Date{o.processing_month.year, o.processing_month.month, 1} : Date{2027, 4, 1};
    golive[insurer] = day;
    golive_csv += fmt::format("{},{}\n", insurer, day.str());
    ++n;
  }
  r.insurers = n;
  write_text(out / "golive.csv", golive_csv);
  std::string initial = "update_kind,insurer_no,insured_no,kind,record_id,effective_on\n";
  std::string daily = initial;
  std::map<std::string, bool> seen;
  // recipients.csv (DESIGN §3.2): insurer_no,insured_no,name_kana,birth_date,sex,care_level,cert_from,
  // cert_to,change_pending,benefit_rate,limit_units,plan_kind,support_office_no,valid_from,valid_to
  for (const auto& f : rows_of(dir / "recipients.csv", 15)) {
    if (r.people >= o.people) break;
    const auto birth = Date::parse(f[3]);
    const auto from = Date::parse(f[6]);
    const auto to = Date::parse(f[7]);
    if (seen[f[0] + f[1]] || !birth || !from || !to || !golive.count(f[0])) continue;
    seen[f[0] + f[1]] = true;
    const int index = r.people++;
    PlatformPerson p{f[0], f[1], f[2], *birth, f[4] == "2" ? 2 : 1, f[5], *from, *to, f[12]};
    const Date live = golive[p.insurer_no];
    r.initial_rows += append_person_rows(initial, p, index, o.seed, live);
    const auto applied = applied_on(p);
    if (without_consent(index)) {
      ++r.no_consent;
    } else if (applied < kLawInForce) {
      ++r.consent_before_april_2026;
    } else if (form_of(p, index) == "2") {
      ++r.consent_old_form;
    } else if (applied < live) {
      ++r.consent_before_golive;
    } else {
      ++r.consent_after_golive;
    }
    if (no_number(index) || uninsured(index)) ++r.pmh_errors;
    const auto k = fmt::format("{},{}", p.insurer_no, p.insured_no);
    const Date today{o.processing_month.year, o.processing_month.month, 2};
    // The daily file: the PMH fix of every other 住所地特例 case (更新 with the number), consent
    // recorded later for some who gave none, a life record withdrawn, a new survey.
    if (no_number(index) && index % 100 == 7) {
      daily += fmt::format("2,{},person,P,{},{},,{},{},{},1,1\n", k, p.cert_from.str(), p.name_kana, p.birth.str(), p.sex,
                           my_number(o.seed, index));
      ++r.daily_rows;
    }
    if (without_consent(index) && index % 2 == 1 && today >= live) {
      daily += fmt::format("1,{},consent,CM{},{},1,1,{}\n", k, today.str(), today.str(), today.str());
      ++r.daily_rows;
    }
    if (index % 3 == 0 && index % 6 == 3 && !p.support_office_no.empty()) {
      daily += fmt::format("3,{},life,L1,{}\n", k, today.str());
      ++r.daily_rows;
    }
    if (index % 13 == 0 && applied >= live) {
      nlohmann::json op{{"insurer_no", p.insurer_no}, {"insured_no", p.insured_no}, {"applied_on", applied.str()},
                        {"requested_on", applied.plus_days(3).str()}, {"written_on", applied.plus_days(14).str()},
                        {"doctor_name", "主治医 一郎"}, {"diagnosis", "慢性疾患"},
                        {"applicant", {{"name", ""}, {"kana", p.name_kana}, {"birth_date", p.birth.str()}, {"sex", std::to_string(p.sex)}}},
                        {"sections", {{"notes", "通院は家族の付き添いが必要"}}},
                        {"invoice", {{"opinion_fee", index % 2 ? 5000 : 4000}, {"first_visit_points", 288}}}};
      op["applicant"]["name"] = p.name_kana;
      write_text(out / "opinions" / fmt::format("{}-{}.json", p.insurer_no, p.insured_no), op.dump(1));
      ++r.opinions;
    }
  }
  write_text(out / "linkage-initial.csv", initial);
  write_text(out / "linkage-daily.csv", daily);
  return r;
}

}  // namespace kaigo::gen
