#include "kaigo/gen/generator.hpp"

#include <algorithm>
#include <map>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/billing/calculator.hpp"
#include "kaigo/billing/daily_rate.hpp"
#include "kaigo/billing/invoice.hpp"
#include "kaigo/billing/terms.hpp"
#include "kaigo/careplan/file_name.hpp"
#include "kaigo/careplan/records.hpp"
#include "kaigo/core/embedded.hpp"
#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/exchange/writer.hpp"
#include "kaigo/gen/detail/world.hpp"

namespace kaigo::gen {
namespace {

enum LineTag : std::uint64_t { kLines = 100, kCounts, kRental, kStay, kSougouCodes, kSougouCounts };

// The one code of each generated 総合事業 type in every municipality's master (sougou.csv); the
// 単位数, 単価, 給付率 and 利用者負担額 differ by municipality (Generator::sougou_rows).
struct SougouCodeShape {
  const char* type;
  const char* item;
  const char* name;
  int base_units;
};
constexpr std::array<SougouCodeShape, 4> kSougouCodeShapes{{
    {"A2", "1211", "訪問型独自サービス（１回）", 240},
    {"A3", "1001", "訪問型サービスＡ（定率）", 170},
    {"A6", "1211", "通所型独自サービス（１回）", 380},
    {"A8", "1001", "通所型サービスＡ（定額）", 280},
}};
// What the unknown_sougou_code mistake writes instead: no municipality's master has it.
constexpr std::string_view kUnknownSougouItem = "9999";

const SougouCodeShape& sougou_shape(std::string_view type) {
  for (const auto& c : kSougouCodeShapes) {
    if (c.type == type) return c;
  }
  throw std::logic_error(fmt::format("gen: no 総合事業 code of type {}", type));
}

struct UseLine {
  std::string item_code;
  int count = 0;
  Units rental;  // units of a 福祉用具 rental (the code has no units of its own)
};

// A text file written line by line; fails loudly.
class TextOut {
 public:
  explicit TextOut(const std::filesystem::path& p) : path_(p), out_(p, std::ios::binary) {
    if (!out_) throw std::runtime_error(fmt::format("書き込めません: {} / cannot write: {}", p.string(), p.string()));
  }
  void line(std::string_view s) {
    out_ << s << '\n';
    if (!out_) throw std::runtime_error(fmt::format("書き込めません: {} / write failed: {}", path_.string(), path_.string()));
  }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
};

std::string padded_insurer(const std::string& insurer_no) { return "00" + insurer_no; }

class Generator {
 public:
  Generator(const Options& o, const master::Masters& m) : area_(o), masters_(m) {}
  Report run();

 private:
  void write_ledgers();
  void write_config();
  void write_service_office(const SyntheticOffice& office);
  void write_care_manager(const SyntheticOffice& office);
  void write_careplan(const SyntheticOffice& care_manager);
  std::vector<careplan::ServiceUse> service_uses(const Person& p, const SyntheticOffice& office, bool planned) const;
  std::vector<UseLine> lines_for(const Person& p, const std::string& type) const;
  std::string sougou_rows() const;
  void load_priced_masters(const std::string& sougou_csv, const std::string& offices_csv);
  const master::ServiceCode& sougou_code(const Person& p, const std::string& type, std::string_view item) const;
  std::vector<UseLine> sougou_lines_for(const Person& p, const std::string& type) const;
  billing::ClaimStatement sougou_statement(const Person& p, const SyntheticOffice& office) const;
  UseLine monthly_nursing_line(const Person& p) const;
  Units units_of(const std::string& type, const UseLine& l) const;
  Units plan_units(const Person& p, const std::string& type) const;
  billing::ClaimStatement statement_head(const Person& p, const SyntheticOffice& office, const std::string& form_id) const;
  billing::ClaimStatement statement(const Person& p, const SyntheticOffice& office, bool wrong_rate,
                                    bool without_remark) const;
  void expect(const Person& p, const SyntheticOffice& office, std::string_view form, std::string_view type,
              std::string_view code, std::string_view outcome);
  void appeal(const Person& p, const billing::ClaimStatement& cut);
  std::filesystem::path office_dir(const SyntheticOffice& office) const;
  std::string file_stem(std::string_view prefix) const;
  bool is_target_use(const Person& p, const std::string& type) const { return !p.uses.empty() && p.uses.front().service_type == type; }

  SyntheticArea area_;
  const master::Masters& masters_;
  Report report_;
  std::unique_ptr<TextOut> expected_;
  std::unique_ptr<TextOut> appeals_;  // rereview.csv (with all_mistakes)
  // With all_mistakes: the masters with the generated sougou.csv loaded and the office ledger of
  // offices.csv, which price the 総合事業 明細書 as the review will (billing::make_terms).
  std::unique_ptr<master::Masters> priced_;
  std::unique_ptr<master::OfficeLedger> office_ledger_;
};

const billing::DailyRateRules& daily_rate_rules() {
  static const billing::DailyRateRules rules = [] {
    auto loaded = billing::load_bundled_daily_rate_rules();
    if (!loaded.table || !loaded.diagnostics.empty()) throw std::logic_error("gen: the bundled 日割り table does not load");
    return *loaded.table;
  }();
  return rules;
}

// 定期巡回連携型 訪問看護 (seed 002 §9): the 月額 code for the whole month (and for the daily_rate
// mistake), else its 日割り code for the days of the サービス算定対象期間 from the 契約日 (利用者の
// 登録開始) or until the 契約解除日 as the 日割り table counts them.
UseLine Generator::monthly_nursing_line(const Person& p) const {
  const YearMonth sm = area_.service_month();
  const auto* monthly = masters_.service_codes.find("13", "3111", sm);
  if (monthly == nullptr || monthly->daily_item_code.empty()) throw std::logic_error("gen: 133111 has no 日割り code in the master");
  if (p.daily_rate == DailyRateCase::WholeMonth || p.mistake == Mistake::DailyRate) return {monthly->item_code, 1, {}};
  const Date day{sm.year, sm.month, p.daily_rate_day};
  const billing::ServiceEvent event = p.daily_rate == DailyRateCase::StartsMidMonth
                                          ? billing::ServiceEvent{"registration_start", billing::EventSide::Start, day}
                                          : billing::ServiceEvent{"contract_end", billing::EventSide::End, day};
  const auto charge = billing::days_to_charge(daily_rate_rules(), sm, "13", std::span(&event, 1));
  return {monthly->daily_item_code, charge.days, {}};
}

Units Generator::units_of(const std::string& type, const UseLine& l) const {
  if (l.rental.value > 0) return l.rental;
  const auto* code = masters_.service_codes.find(type, l.item_code, area_.service_month());
  if (code == nullptr) throw std::logic_error(fmt::format("gen: service code {}{} not in the master", type, l.item_code));
  return Units{code->units.value * l.count};
}

// The service lines of one person at one office, within the person's 区分支給限度基準額.
std::vector<UseLine> Generator::lines_for(const Person& p, const std::string& type) const {
  const auto seed = area_.options().seed;
  const auto i = static_cast<std::uint64_t>(p.index);
  const auto t = static_cast<std::uint64_t>(std::stoi(type));
  std::uint64_t h = mix(seed, kLines, i, t);
  std::uint64_t hc = mix(seed, kCounts, i, t);
  int level = p.care_level.back() - '0';
  // Outside the per-type budget: a 月額 is claimed whole or by its days.
  if (type == "13" && p.daily_rate != DailyRateCase::None) return {monthly_nursing_line(p)};
  std::vector<UseLine> lines;
  if (type == "11") {
    static constexpr std::array<const char*, 4> kCodes{"1111", "1211", "7211", "4111"};
    std::size_t a = pick(h, kCodes.size());
    std::size_t b = (a + 1 + pick(h >> 8, kCodes.size() - 1)) % kCodes.size();
    lines.push_back({kCodes[a], 4 + static_cast<int>(pick(hc, 13)), {}});
    lines.push_back({kCodes[b], 2 + static_cast<int>(pick(hc >> 8, 9)), {}});
  } else if (type == "13") {
    lines.push_back({"1211", 2 + static_cast<int>(pick(hc, 7)), {}});
    if (pick(h, 3) == 0) lines.push_back({"1111", 1 + static_cast<int>(pick(hc >> 8, 4)), {}});
  } else if (type == "15") {
    int days = 4 + static_cast<int>(pick(hc, 9));
    lines.push_back({fmt::format("244{}", level), days, {}});
    if (pick(h, 2) == 0) lines.push_back({"5301", days, {}});
  } else if (type == "17") {
    lines.push_back({"1003", 1, Units{80 + 10 * static_cast<std::int64_t>(pick(hc, 50))}});
    if (pick(h, 2) == 0) lines.push_back({"1001", 1, Units{40 + 10 * static_cast<std::int64_t>(pick(hc >> 8, 30))}});
  } else {  // 21 短期入所生活介護: per day, by care level
    lines.push_back({fmt::format("11{}1", level), 3 + static_cast<int>(pick(hc, 5)), {}});
  }
  // Keep every type of the person well inside the limit: a share of it per type used.
  auto limit = masters_.care_limits.limit(p.care_level, area_.service_month()).value_or(Units{16765});
  std::int64_t budget = limit.value * 8 / 10 / static_cast<std::int64_t>(std::max<std::size_t>(p.uses.size(), 1));
  auto total = [&] {
    std::int64_t sum = 0;
    for (const auto& l : lines) sum += units_of(type, l).value;
    return sum;
  };
  while (total() > budget) {
    auto it = std::max_element(lines.begin(), lines.end(), [](const UseLine& x, const UseLine& y) { return x.count < y.count; });
    if (it->count <= 1) break;
    --it->count;
  }
  return lines;
}

// 給付計画単位数 of the person's 給付管理票 line for a type: the units the office will claim.
Units Generator::plan_units(const Person& p, const std::string& type) const {
  Units u;
  if (is_generated_sougou_type(type)) {
    for (const auto& l : sougou_lines_for(p, type)) {
      const auto& code = sougou_code(p, type, l.item_code);
      if (code.limit_target) u += Units{code.units.value * l.count};
    }
    return u;
  }
  for (const auto& l : lines_for(p, type)) {
    const auto* code = masters_.service_codes.find(type, l.item_code, area_.service_month());
    if (code != nullptr && code->limit_target) u += units_of(type, l);
  }
  return u;
}

// The key and the person's part of the 基本情報 of a 明細書 of `form_id`.
billing::ClaimStatement Generator::statement_head(const Person& p, const SyntheticOffice& office,
                                                  const std::string& form_id) const {
  billing::ClaimStatement st;
  st.key = {form_id, area_.service_month(), office.office_no,
            padded_insurer(area_.insurers()[static_cast<std::size_t>(p.insurer)].insurer_no), p.insured_no};
  auto& b = st.basic;
  b.birth_date = p.birth;
  b.sex = p.sex;
  b.care_level = p.care_level;
  b.cert_from = p.cert_from;
  b.cert_to = p.cert_to;
  b.plan_kind = "1";
  b.support_office_no = area_.offices()[static_cast<std::size_t>(p.care_manager)].office_no;
  return st;
}

billing::ClaimStatement Generator::statement(const Person& p, const SyntheticOffice& office, bool wrong_rate,
                                             bool without_remark) const {
  const std::string& type = office.service_type;
  const YearMonth sm = area_.service_month();
  billing::ClaimStatement st = statement_head(p, office, type == "21" ? "7143" : "7131");
  auto& b = st.basic;
  // unknown_fund: a 公費受給者番号 kohi.csv never has (theirs are 1000000 and up).
  if (p.welfare) b.funds[0] = {p.welfare_payer, p.mistake == Mistake::UnknownFund ? "0000000" : p.welfare_recipient, 100};
  b.insurance_rate = wrong_rate ? (p.rate == 90 ? 80 : 90) : p.rate;
  if (type == "13" && p.daily_rate_day != 0) {
    const Date day{sm.year, sm.month, p.daily_rate_day};
    if (p.daily_rate == DailyRateCase::StartsMidMonth) b.start_date = day;  // 契約日
    if (p.daily_rate == DailyRateCase::EndsMidMonth) {
      b.end_date = day;  // 契約解除日
      b.end_reason = "5";  // その他
    }
  }
  int days = 0;
  for (const auto& l : lines_for(p, type)) {
    billing::DetailLine d;
    d.service_type = type;
    d.item_code = l.item_code;
    d.count = l.count;
    // 福祉用具貸与 names the product in its 摘要 (seed 002 §8 別記: TAIS / 届出コード, 14QR without it).
    if ((type == "17" || type == "67") && !without_remark) d.note = fmt::format("00000-{:0>6}", l.item_code);
    if (l.rental.value > 0) {
      d.service_units = l.rental;
      if (p.welfare) d.fund_units[0] = l.rental;
    } else {
      d.unit_units = masters_.service_codes.find(type, l.item_code, sm)->units;
    }
    if (p.welfare) d.fund_counts[0] = l.count;
    days = std::max(days, l.count);
    st.details.push_back(d);
  }
  billing::AggregateRow row;
  row.service_type = type;
  row.actual_days = type == "17" ? sm.days() : std::min(days, sm.days());
  st.aggregates.push_back(row);
  if (type == "21") {
    int stay = st.details.front().count;
    int first = 1 + static_cast<int>(pick(mix(area_.options().seed, kStay, static_cast<std::uint64_t>(p.index)),
                                          static_cast<std::uint64_t>(sm.days() - stay)));
    b.admission_date = Date{sm.year, sm.month, first};
    b.discharge_date = Date{sm.year, sm.month, first + stay - 1};
    b.admission_days = stay;
  }
  billing::StatementTerms terms;
  // The provider claims what it believes the plan to be: its own units.
  terms.types.push_back({type, masters_.unit_price(office.region_class, type, sm), plan_units(p, type)});
  terms.codes = &masters_.service_codes;
  auto result = billing::compute(st, terms);
  if (!result.notes.empty()) throw std::logic_error("gen: " + result.notes.front().to_string());
  return result.statement;
}

// Each municipality's own 総合事業 master in the 国保中央会 24-item layout (docs/masters.md §3, no
// header), one file for every insurer of the area: per municipality its own 単位数; the 定率 (A3)
// and 定額 (A8) codes with the municipality's 単価, the A3 with its 給付率 (90 or 80), the A8 with a
// 利用者負担額 per 回; the 独自 ones (A2, A6) priced at the office's 地域区分 単価 and the ledger's
// 給付率. All in force from 2015-04 (総合事業), for 要支援 and 事業対象者 only.
std::string Generator::sougou_rows() const {
  std::string out;
  const auto& insurers = area_.insurers();
  for (std::size_t k = 0; k < insurers.size(); ++k) {
    for (std::size_t t = 0; t < kSougouCodeShapes.size(); ++t) {
      const auto& c = kSougouCodeShapes[t];
      const std::uint64_t h = mix(area_.options().seed, kSougouCodes, k, t);
      const std::string_view type = c.type;
      const bool own_price = type == "A3" || type == "A8";
      const std::string price = own_price ? fmt::format("{}", 1000 + 10 * pick(h >> 16, 15)) : "";
      const std::string rate = type == "A3" ? (pick(h >> 24, 2) == 0 ? "90" : "80") : "";
      const std::string burden = type == "A8" ? fmt::format("{}", 200 + 50 * pick(h >> 32, 5)) : "";
      out += fmt::format("{},{},{},201504,999999,{},{},1,,,3,{},{},{},2,2,2,1,1,1,1,1,1,20150401\n",
                         insurers[k].insurer_no, c.type, c.item, c.name, c.base_units + static_cast<int>(pick(h, 60)),
                         price, rate, burden);
    }
  }
  return out;
}

void Generator::load_priced_masters(const std::string& sougou_csv, const std::string& offices_csv) {
  auto sougou = master::load_sougou_master(sougou_csv, "sougou.csv", &masters_.service_types);
  if (!sougou.ok()) throw std::logic_error("gen: the generated sougou.csv does not load: " + sougou.diagnostics.front().to_string());
  auto offices = master::load_offices(offices_csv, "offices.csv", &masters_.service_types);
  if (!offices.ok()) throw std::logic_error("gen: the generated offices.csv does not load: " + offices.diagnostics.front().to_string());
  priced_ = std::make_unique<master::Masters>(masters_);
  priced_->sougou = std::move(*sougou.table);
  office_ledger_ = std::make_unique<master::OfficeLedger>(std::move(*offices.table));
}

// The code of the person's municipality that prices a 総合事業 line (Masters::service_code).
const master::ServiceCode& Generator::sougou_code(const Person& p, const std::string& type, std::string_view item) const {
  const auto& insurer = area_.insurers()[static_cast<std::size_t>(p.insurer)].insurer_no;
  const auto* code = priced_->service_code(insurer, type, item, area_.service_month());
  if (code == nullptr) throw std::logic_error(fmt::format("gen: {} has no 総合事業 code {}{}", insurer, type, item));
  return *code;
}

// The one line of a 要支援 person at a 総合事業 office: 2–8 visits (訪問型) or 4–8 days (通所型), within
// a share of the person's 区分支給限度基準額 as lines_for keeps the others.
std::vector<UseLine> Generator::sougou_lines_for(const Person& p, const std::string& type) const {
  const auto& shape = sougou_shape(type);
  const std::uint64_t hc = mix(area_.options().seed, kSougouCounts, static_cast<std::uint64_t>(p.index),
                               static_cast<std::uint64_t>(type[1]));
  const bool visits = type == "A2" || type == "A3";
  UseLine line{shape.item, visits ? 2 + static_cast<int>(pick(hc, 7)) : 4 + static_cast<int>(pick(hc, 5)), {}};
  const auto units = sougou_code(p, type, line.item_code).units.value;
  auto limit = masters_.care_limits.limit(p.care_level, area_.service_month()).value_or(Units{5032});
  const std::int64_t budget = limit.value * 8 / 10 / static_cast<std::int64_t>(std::max<std::size_t>(p.uses.size(), 1));
  while (line.count > 1 && units * line.count > budget) --line.count;
  return {line};
}

// A 総合事業 明細書 (様式第二の三) priced as the review prices it: the municipality's code, 単価 and
// 給付率 through billing::make_terms on the masters with the generated sougou.csv. The
// unknown_sougou_code mistake writes 9999 for the item of the person's first 総合事業 office, with
// the units of the code meant.
billing::ClaimStatement Generator::sougou_statement(const Person& p, const SyntheticOffice& office) const {
  const std::string& type = office.service_type;
  const YearMonth sm = area_.service_month();
  const auto* service_type = masters_.service_types.find(type, sm);
  if (service_type == nullptr) throw std::logic_error("gen: no service type " + type);
  billing::ClaimStatement st = statement_head(p, office, service_type->form_id);
  st.basic.insurance_rate = p.rate;
  const bool unknown = p.mistake == Mistake::UnknownSougouCode && is_target_use(p, type);
  int days = 0;
  for (const auto& l : sougou_lines_for(p, type)) {
    billing::DetailLine d;
    d.service_type = type;
    d.item_code = unknown ? std::string(kUnknownSougouItem) : l.item_code;
    d.count = l.count;
    d.unit_units = sougou_code(p, type, l.item_code).units;
    days = std::max(days, l.count);
    st.details.push_back(d);
  }
  billing::AggregateRow row;
  row.service_type = type;
  row.actual_days = std::min(days, sm.days());
  st.aggregates.push_back(row);
  auto terms = billing::make_terms(*priced_, *office_ledger_, st, nullptr, nullptr);
  for (auto& tt : terms.types) tt.plan_units = plan_units(p, type);
  if (!terms.insurance_rate) terms.insurance_rate = p.rate;  // 定率 codes set their own
  auto result = billing::compute(st, terms);
  for (const auto& note : result.notes) {
    if (!(unknown && note.code == "KB01")) throw std::logic_error("gen: " + note.to_string());
  }
  return result.statement;
}

std::filesystem::path Generator::office_dir(const SyntheticOffice& office) const {
  auto dir = area_.options().out / "submissions" / office.office_no;
  std::filesystem::create_directories(dir);
  return dir;
}

// File names as 伝送 requires (≤ 8 half-width characters): KK/KY + YYMM + 01.
std::string Generator::file_stem(std::string_view prefix) const {
  auto m = area_.options().processing_month;
  return fmt::format("{}{:02d}{:02d}01.CSV", prefix, m.year % 100, m.month);
}

void Generator::expect(const Person& p, const SyntheticOffice& office, std::string_view form, std::string_view type,
                       std::string_view code, std::string_view outcome) {
  expected_->line(fmt::format("{},{},{},{},{},{},{},{},{}", enum_code(p.mistake), office.office_no, form,
                              area_.service_month().str(),
                              area_.insurers()[static_cast<std::size_t>(p.insurer)].insurer_no, p.insured_no, type,
                              code, outcome));
  report_.mistakes[std::string(enum_code(p.mistake))] += 1;
}

// The 様式番号 of a 明細書 form as the 過誤 and 再審査 codes begin with it (settlement's table).
std::string kago_form_of(std::string_view form_id) {
  static const auto rows = embedded::checked_tsv_rows("src/kaigo/settlement/kago_forms.tsv",
                                                      {"kago_form", "form_id", "program", "name", "source"});
  for (const auto& r : rows) {
    if (r.cells[1] == form_id && r.cells[2] == "kaigo") return std::string(r.cells[0]);
  }
  throw std::logic_error(fmt::format("gen: no 様式番号 for {}", form_id));
}

// The office appeals the 増減 B of a plan_exceeded 明細書 in the next month (再審査申立, rereview.csv
// loaded with kaigo rereview for the next processing month): asked back to its whole claim, with
// reason 02 (against 査定事由 B); the committee restores every other one and upholds the rest, so
// both 再審査結果 (02 全部増点, 01 原審どおり) occur.
void Generator::appeal(const Person& p, const billing::ClaimStatement& cut) {
  const auto next = area_.options().processing_month.plus_months(1);
  const auto& row = cut.aggregates.front();
  appeals_->line(fmt::format("{:04d}{:02d}05,1,{},{},{},{},{},{},{},{}02,{},", next.year, next.month,
                             cut.key.office_no, area_.insurers()[static_cast<std::size_t>(p.insurer)].insurer_no,
                             cut.key.insured_no, cut.key.service_month.str(), row.service_type,
                             cut.details.front().item_code, row.insurance_units.value, kago_form_of(cut.key.form_id),
                             p.index % 2 == 0 ? "restored" : "upheld"));
  ++report_.appeals;
}

exchange::ControlFields control(const SyntheticOffice& office, std::string data_type, YearMonth processing) {
  exchange::ControlFields c;
  c.data_type = std::move(data_type);
  c.office_no = office.office_no;
  c.processing_month = processing.str();
  return c;
}

void Generator::write_service_office(const SyntheticOffice& office) {
  std::vector<billing::ClaimStatement> statements;
  std::vector<Person> people;
  auto clients = area_.clients_of(office);
  people.reserve(clients.size());
  for (int i : clients) people.push_back(area_.person(i));
  std::vector<std::vector<std::vector<std::string>>> records;
  for (const auto& p : people) {
    bool target = is_target_use(p, office.service_type);
    bool wrong_rate = target && p.mistake == Mistake::WrongRate;
    // Every 福祉用具貸与 明細書 of the person, not only the first use's: the 摘要 is on each.
    bool without_remark = p.mistake == Mistake::MissingRemark && office.service_type == "17";
    const bool sougou = is_generated_sougou_type(office.service_type);
    auto st = sougou ? sougou_statement(p, office) : statement(p, office, wrong_rate, without_remark);
    report_.sougou_statements += sougou ? 1 : 0;
    auto recs = documents::statement_records(st);
    const std::string form = st.key.form_id;
    switch (p.mistake) {
      case Mistake::MissingPlan: expect(p, office, form, office.service_type, "", "保留"); break;
      case Mistake::ChangePending: expect(p, office, form, office.service_type, "12PA", "返戻"); break;
      case Mistake::UnknownRecipient: expect(p, office, form, office.service_type, "12P0", "返戻"); break;
      case Mistake::PlanExceeded:
        if (target) {
          expect(p, office, form, office.service_type, "", "増減B");
          if (appeals_) appeal(p, st);
        }
        break;
      case Mistake::WrongRate:
        if (target) expect(p, office, form, office.service_type, "12SA", "返戻");
        break;
      case Mistake::Duplicate:
        if (target) expect(p, office, form, office.service_type, "ANN2", "返戻");
        break;
      case Mistake::BadField:
        if (target) {
          // A full-width digit in 日数・回数 (項番 10) of the first 明細 record.
          for (auto& r : recs) {
            if (r[1] == "02") {
              r[9] = "１" + r[9];
              break;
            }
          }
          expect(p, office, form, office.service_type, "KC08", "様式エラー");
        }
        break;
      case Mistake::MissingRemark:
        if (without_remark) expect(p, office, form, office.service_type, "14QR", "返戻");
        break;
      case Mistake::UnknownFund: expect(p, office, form, office.service_type, "13PS", "返戻"); break;
      case Mistake::DailyRate:
        if (office.service_type == "13") expect(p, office, form, office.service_type, "AEFJ", "返戻");
        break;
      case Mistake::UnknownSougouCode:
        if (target) expect(p, office, form, office.service_type, "KP27", "返戻");
        break;
      case Mistake::None: break;
    }
    statements.push_back(st);
    records.push_back(std::move(recs));
    if (target && p.mistake == Mistake::Duplicate) {
      statements.push_back(st);
      records.push_back(records.back());
    }
  }
  if (statements.empty()) return;
  const auto invoice = billing::build_invoice(statements);
  // The データ種別 is that of the file's first record, the 請求書 (711; 71R for a 総合事業 office's 7113).
  const auto* first = exchange::Registry::instance().form(invoice.rows.front().form_id);
  if (first == nullptr) throw std::logic_error("gen: no form " + invoice.rows.front().form_id);
  exchange::Writer w(control(office, first->data_type, area_.options().processing_month));
  for (const auto& row : invoice.rows) documents::write_invoice_row(row, w);
  for (const auto& recs : records) {
    for (const auto& items : recs) w.add_utf8(items);
  }
  report_.statements += static_cast<std::int64_t>(statements.size());
  auto path = office_dir(office) / file_stem("KK");
  w.finish_to_file(path);
  report_.bytes += static_cast<std::int64_t>(std::filesystem::file_size(path));
  ++report_.claim_files;
}

void Generator::write_care_manager(const SyntheticOffice& office) {
  const YearMonth sm = area_.service_month();
  const YearMonth pm = area_.options().processing_month;
  exchange::Writer claims(control(office, "711", pm));
  exchange::Writer plans(control(office, "821", pm));
  billing::InvoiceRow invoice;
  invoice.form_id = "7111";
  invoice.service_month = sm;
  invoice.office_no = office.office_no;
  invoice.payer_kind = 1;
  invoice.law_no = "00";
  invoice.claim_class = "02";
  std::vector<documents::CarePlanFeeStatement> fees;
  for (int i : area_.clients_of(office)) {
    Person p = area_.person(i);
    const auto& ins = area_.insurers()[static_cast<std::size_t>(p.insurer)];
    if (p.mistake != Mistake::MissingPlan) {
      billing::BenefitPlan plan;
      plan.service_month = sm;
      plan.insurer_no = padded_insurer(ins.insurer_no);
      plan.support_office_no = office.office_no;
      plan.create_kind = 1;
      plan.created_on = Date{pm.year, pm.month, 1};
      plan.insured_no = p.insured_no;
      plan.birth_date = p.birth;
      plan.sex = p.sex;
      plan.care_level = p.care_level;
      plan.limit_from = p.cert_from.year_month();
      plan.limit_to = p.cert_to.year_month();
      plan.limit_units = masters_.care_limits.limit(p.care_level, sm).value_or(Units{});
      plan.plan_kind = 1;
      plan.care_manager_no = fmt::format("{:08d}", 13000000 + office.index);
      for (const auto& use : p.uses) {
        Units u = plan_units(p, use.service_type);
        if (p.mistake == Mistake::PlanExceeded && is_target_use(p, use.service_type)) {
          u = Units{u.value - std::max<std::int64_t>(1, u.value / 5)};
        }
        plan.lines.push_back({FixedText<10>(area_.offices()[static_cast<std::size_t>(use.office)].office_no), 1,
                              FixedText<2>(use.service_type), u});
        plan.total_units += u;
      }
      documents::write_plan(plan, plans);
      ++report_.plans;
      if (p.mistake == Mistake::UnknownRecipient) expect(p, office, "8222", "", "12P0", "返戻");
    }
    // A 要支援 person's care management is not 居宅介護支援 (様式第七 43): no fee is claimed here.
    if (p.sougou) continue;
    documents::CarePlanFeeStatement fee;
    fee.office_no = office.office_no;
    fee.service_month = sm;
    fee.insurer_no = ins.insurer_no;
    fee.unit_price = masters_.unit_price(office.region_class, "43", sm).value_or(UnitPrice{});
    fee.insured_no = p.insured_no;
    fee.birth_date = p.birth;
    fee.sex = p.sex;
    fee.care_level = p.care_level;
    fee.cert_from = p.cert_from;
    fee.cert_to = p.cert_to;
    fee.notified_on = p.cert_from;
    std::string item = p.care_level <= "22" ? "2111" : "2211";
    fee.lines.push_back({"43" + item, masters_.service_codes.find("43", item, sm)->units, 1});
    fee.care_manager_no = fmt::format("{:08d}", 13000000 + office.index);
    switch (p.mistake) {
      case Mistake::MissingPlan: expect(p, office, "8124", "43", "", "保留"); break;
      case Mistake::ChangePending: expect(p, office, "8124", "43", "12PA", "返戻"); break;
      case Mistake::UnknownRecipient: expect(p, office, "8124", "43", "12P0", "返戻"); break;
      default: break;
    }
    invoice.count += 1;
    invoice.units += fee.total_units();
    invoice.cost_total += fee.claim();
    invoice.insurance_claim += fee.claim();
    fees.push_back(std::move(fee));
  }
  auto dir = office_dir(office);
  if (!fees.empty()) {
    documents::write_invoice_row(invoice, claims);
    for (const auto& f : fees) documents::write_care_plan_fee(f, claims);
    claims.finish_to_file(dir / file_stem("KK"));
    report_.bytes += static_cast<std::int64_t>(std::filesystem::file_size(dir / file_stem("KK")));
    report_.statements += static_cast<std::int64_t>(fees.size());
    ++report_.claim_files;
  }
  if (plans.data_records() > 0) {
    plans.finish_to_file(dir / file_stem("KY"));
    report_.bytes += static_cast<std::int64_t>(std::filesystem::file_size(dir / file_stem("KY")));
    ++report_.plan_files;
  }
}

// The 第6表 lines of one person at one office, one record per day of service (サービス回数 1):
// the 実績 carry the units the office claims; the 予定 of a plan_exceeded person plan fewer units of
// the target type, as its 給付管理票 does.
std::vector<careplan::ServiceUse> Generator::service_uses(const Person& p, const SyntheticOffice& office, bool planned) const {
  const YearMonth sm = area_.service_month();
  std::vector<careplan::ServiceUse> out;
  for (const auto& l : lines_for(p, office.service_type)) {
    const auto* code = masters_.service_codes.find(office.service_type, l.item_code, sm);
    const int records = l.rental.value > 0 ? 1 : std::min(l.count, sm.days());
    // A 定期巡回連携型 訪問看護 begun mid-month is served from its 契約日.
    const bool from_contract = office.service_type == "13" && p.daily_rate == DailyRateCase::StartsMidMonth;
    const int first = from_contract ? p.daily_rate_day : 1;
    for (int d = 0; d < records; ++d) {
      careplan::ServiceUse u;
      u.date = Date{sm.year, sm.month, first + d};
      u.service_code = office.service_type + l.item_code;
      const Units each = l.rental.value > 0 ? l.rental : code->units;
      // The last day carries what the days beyond the month would have (a count above the month's days).
      u.units = d + 1 == records && l.rental.value == 0 ? Units{each.value * (l.count - records + 1)} : each;
      u.office_no = office.office_no;
      u.office_name = office.name;
      if (office.service_type == "17") {
        u.tais_code = "00001-000010";
        u.discriminator = static_cast<int>(out.size()) + 1;
      }
      u.updater = office.office_no;
      out.push_back(std::move(u));
    }
  }
  if (planned && p.mistake == Mistake::PlanExceeded && is_target_use(p, office.service_type)) {
    std::int64_t cut = std::max<std::int64_t>(1, plan_units(p, office.service_type).value / 5);
    for (auto it = out.rbegin(); it != out.rend() && cut > 0; ++it) {
      const auto* code = masters_.service_codes.find(it->service_code, sm);
      if (!code || !code->limit_target) continue;
      const auto take = std::min(cut, it->units->value);
      it->units = Units{it->units->value - take};
      cut -= take;
    }
  }
  return out;
}

// The month's ケアプランデータ連携 files of one care-management office (DIR/careplan/<事業所番号>/):
// the 予定 (UPPLAN) it sends each service office, with all the person's services (spec §2.6), and
// the 実績 (UPJSK) each service office sends back, with its own; consistent with the claims, the
// 給付管理票 and the injected mistakes.
void Generator::write_careplan(const SyntheticOffice& cm) {
  const YearMonth sm = area_.service_month();
  const YearMonth pm = area_.options().processing_month;
  const auto& offices = area_.offices();
  std::map<int, std::vector<careplan::UsageSheet>> plans, actuals;  // by service office index
  for (int i : area_.clients_of(cm)) {
    Person p = area_.person(i);
    if (p.sougou) continue;  // 総合事業 services are not in the generated ケアプランデータ連携 files
    careplan::UsageSheet plan;
    plan.kind = careplan::UsageKind::Plan;
    plan.person = {area_.insurers()[static_cast<std::size_t>(p.insurer)].insurer_no, p.insured_no};
    plan.created = Date{sm.year, sm.month, 1}.plus_days(-5);
    plan.month = sm;
    plan.plan_office_no = cm.office_no;
    plan.planner_name = cm.name;
    for (const auto& use : p.uses) {
      const auto& office = offices[static_cast<std::size_t>(use.office)];
      auto lines = service_uses(p, office, true);
      for (auto& l : lines) l.updater = cm.office_no;
      plan.lines.insert(plan.lines.end(), lines.begin(), lines.end());
      careplan::UsageSheet actual = plan;
      actual.kind = careplan::UsageKind::Actual;
      actual.created = Date{pm.year, pm.month, 2};
      actual.lines = service_uses(p, office, false);
      actuals[use.office].push_back(std::move(actual));
    }
    for (const auto& use : p.uses) plans[use.office].push_back(plan);
  }
  const auto dir = area_.options().out / "careplan";
  auto write = [&](const std::string& prefix, const careplan::Endpoint& from, const careplan::Endpoint& to,
                   const std::vector<careplan::UsageSheet>& sheets, const std::string& serial) {
    careplan::FileName name;
    name.kind = careplan::Registry::instance().kind(prefix);
    name.month = sm;
    name.sender = from;
    name.receiver = to;
    name.serial = serial;
    auto folder = dir / from.office_no;
    std::filesystem::create_directories(folder);
    auto path = folder / name.str();
    std::ofstream out(path, std::ios::binary);
    out << careplan::write_usage_sheets(sheets);
    if (!out) throw std::runtime_error(fmt::format("書き込めません: {} / cannot write: {}", path.string(), path.string()));
    ++report_.careplan_files;
  };
  const auto plan_day = Date{sm.year, sm.month, 1}.plus_days(-5);
  const careplan::Endpoint from_cm{cm.office_no, "43"};
  for (const auto& [index, sheets] : plans) {
    const auto& office = offices[static_cast<std::size_t>(index)];
    write("UPPLAN", from_cm, {office.office_no, office.service_type}, sheets, plan_day.str() + "090000");
  }
  for (const auto& [index, sheets] : actuals) {
    const auto& office = offices[static_cast<std::size_t>(index)];
    write("UPJSK", {office.office_no, office.service_type}, from_cm, sheets, Date{pm.year, pm.month, 2}.str() + "100000");
  }
}

void Generator::write_ledgers() {
  const auto& out = area_.options().out;
  const bool all_mistakes = area_.options().all_mistakes;
  std::string offices_text;  // kept with all_mistakes: the 総合事業 明細書 are priced with it
  TextOut offices(out / "offices.csv");
  auto office_line = [&](const std::string& line) {
    offices.line(line);
    if (all_mistakes) offices_text.append(line).push_back('\n');
  };
  office_line("office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,postal_code,"
              "address,owner_name,bank_name,bank_branch");
  for (const auto& o : area_.offices()) {
    const auto& ins = area_.insurers()[static_cast<std::size_t>(o.insurer)];
    office_line(fmt::format("{},{},{},1,20200401,,{},{},{:03d}{:04d},{}{}丁目{}番,社会福祉法人{}会,{}銀行,{}支店",
                             o.office_no, o.service_type, o.name, o.region_class, ins.insurer_no, 100 + o.insurer,
                             o.index % 10000, ins.name, 1 + o.index % 5, 1 + o.index % 30, ins.name.substr(0, 6),
                             "みらい", ins.name.substr(0, 6)));
  }
  report_.offices = static_cast<int>(area_.offices().size());
  TextOut insurers(out / "insurers.csv");
  insurers.line("insurer_no,name,valid_from,valid_to");
  for (const auto& ins : area_.insurers()) insurers.line(fmt::format("{},{},20000401,", ins.insurer_no, ins.name));
  report_.insurers = static_cast<int>(area_.insurers().size());
  TextOut recipients(out / "recipients.csv");
  recipients.line("insurer_no,insured_no,name_kana,birth_date,sex,care_level,cert_from,cert_to,change_pending,"
                  "benefit_rate,limit_units,plan_kind,support_office_no,valid_from,valid_to");
  for (int i = 0; i < area_.options().recipients; ++i) {
    Person p = area_.person(i);
    if (p.mistake == Mistake::UnknownRecipient) continue;
    recipients.line(fmt::format("{},{},{},{},{},{},{},{},{},{},,1,{},{},{}",
                                area_.insurers()[static_cast<std::size_t>(p.insurer)].insurer_no, p.insured_no,
                                p.name_kana, p.birth.str(), p.sex, p.care_level, p.cert_from.str(), p.cert_to.str(),
                                p.mistake == Mistake::ChangePending ? 1 : 0, p.rate,
                                area_.offices()[static_cast<std::size_t>(p.care_manager)].office_no,
                                p.cert_from.str(), p.cert_to.str()));
    ++report_.recipients;
  }
  if (area_.options().all_mistakes) {
    // The 公費受給者台帳 (docs/masters.md §5): every 生活保護 recipient's 公費, open-ended.
    TextOut kohi(out / "kohi.csv");
    kohi.line("payer_no,recipient_no,insurer_no,insured_no,benefit_rate,self_pay,valid_from,valid_to");
    for (int i = 0; i < area_.options().recipients; ++i) {
      Person p = area_.person(i);
      if (!p.welfare) continue;
      kohi.line(fmt::format("{},{},{},{},100,0,20000401,", p.welfare_payer, p.welfare_recipient,
                            area_.insurers()[static_cast<std::size_t>(p.insurer)].insurer_no, p.insured_no));
    }
    // Each municipality's 総合事業 service-code master (kaigo load … sougou), no header.
    const std::string sougou = sougou_rows();
    TextOut sougou_out(out / "sougou.csv");
    sougou_out.line(std::string_view(sougou).substr(0, sougou.size() - 1));  // its last newline is the line's
    report_.sougou_codes = static_cast<int>(std::count(sougou.begin(), sougou.end(), '\n'));
    load_priced_masters(sougou, offices_text);
  }
  auto services = embedded::find("data/masters/services.csv");
  if (!services) throw std::logic_error("gen: bundled services.csv missing");
  TextOut svc(out / "services.csv");
  std::string_view text = *services;
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  svc.line(text);
}

void Generator::write_config() {
  TextOut toml(area_.options().out / "kokuhoren.toml");
  toml.line("# 模擬国保連の設定 / settings of the synthetic 国保連 (kaigo gen)");
  toml.line("name = \"模擬県国民健康保険団体連合会\"");
  toml.line("[reception]");
  toml.line("deadline_day = 10");
  toml.line("deadline_time = \"23:59\"");
  toml.line("cancel_cutoff = \"23:30\"");
  toml.line("[review]");
  toml.line("plan_mismatch = \"cut\"");
  toml.line("hold = [ { from = \"200004\", months = 3 }, { from = \"202604\", months = 1 } ]");
}

Report Generator::run() {
  std::filesystem::create_directories(area_.options().out);
  expected_ = std::make_unique<TextOut>(area_.options().out / "expected_errors.csv");
  expected_->line("mistake,office_no,form,service_month,insurer_no,insured_no,service_type,expected_code,outcome");
  if (area_.options().all_mistakes) {
    appeals_ = std::make_unique<TextOut>(area_.options().out / "rereview.csv");
    appeals_->line(
        "filed_on,applicant,office_no,insurer_no,insured_no,service_month,service_type,service_item,requested_units,"
        "reason_code,decision,decided_units");
  }
  write_ledgers();
  write_config();
  for (const auto& office : area_.offices()) {
    if (office.service_type == "43") {
      write_care_manager(office);
      if (area_.options().careplan_files) write_careplan(office);
    } else {
      write_service_office(office);
    }
  }
  return report_;
}

}  // namespace


Report generate(const Options& options, const master::Masters& masters) {
  Generator g(options, masters);
  return g.run();
}

}  // namespace kaigo::gen
