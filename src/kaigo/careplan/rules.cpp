#include "kaigo/careplan/rules.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "kaigo/careplan/items.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/exchange/hash_set.hpp"
#include "kaigo/text/charclass.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::careplan {
namespace {

// 第7表 rows by their サービスコード (layout.txt 第7表 No.9).
enum class SheetRow { Service, Subtotal, Total };

SheetRow sheet_row(std::string_view code) {
  if (code == "999999") return SheetRow::Total;
  if (code.size() == 6) {
    auto tail = code.substr(2);
    if (tail == "AAAA" || tail == "EEEE" || tail == "ZZZZ") return SheetRow::Subtotal;
  }
  return SheetRow::Service;
}

std::uint64_t key_hash(const Record& r, const std::vector<int>& items) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (int no : items) {
    for (char c : r.item(no)) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    h = (h ^ 0x1F) * 0x100000001b3ULL;
  }
  return h;
}

std::string join_items(const std::vector<int>& items) {
  std::string out;
  for (int no : items) out += (out.empty() ? "" : ",") + std::to_string(no);
  return out;
}

// 第7表: one service type of a person — its rows inside the limit, and whether its AAAA subtotal is there.
struct TypeCount {
  std::string type;
  int limit_rows = 0;
  bool subtotal = false;
};

// What the file-level rules remember of one person (保険者番号 + 被保険者番号), kept small: a file may
// hold hundreds of thousands of persons.
struct Person {
  std::uint64_t line = 0;            // first record
  const std::string* key = nullptr;  // 保険者番号 + 0x1F + 被保険者番号, owned by the index
  std::uint32_t insurer_len = 0;
  std::uint32_t totals = 0;          // 第7表 全合計 rows
  bool related = false;              // a line of the receiving office
  std::unique_ptr<std::vector<TypeCount>> types;  // 第7表 only

  std::string_view insurer() const { return std::string_view(*key).substr(0, insurer_len); }
  std::string_view insured() const { return std::string_view(*key).substr(insurer_len + 1); }
  TypeCount& type(std::string_view t) {
    if (!types) types = std::make_unique<std::vector<TypeCount>>();
    for (auto& c : *types) {
      if (c.type == t) return c;
    }
    types->push_back({std::string(t)});
    return types->back();
  }
};

}  // namespace

struct RuleChecker::State {
  std::string file;
  std::optional<FileName> name;
  exchange::HashSet keys;
  std::unordered_map<std::string, std::uint32_t> index;  // person key → persons
  std::vector<Person> persons;     // in order of their first record
  std::string key;                 // reused for the lookup of each record's person
  std::size_t previous = SIZE_MAX;  // the person of the previous record
  enum class Rules { None, Usage, Sheet, Supplement, Weekly, ActualDelete } rules = Rules::None;
  const Registry& reg = Registry::instance();

  Diagnostic finding(Finding f, const Record& r, int no, std::string_view ja = {}, std::string_view en = {}) const {
    std::uint64_t line = no >= 1 && static_cast<std::size_t>(no) <= r.item_lines.size()
                             ? r.item_lines[static_cast<std::size_t>(no - 1)]
                             : r.line;
    Diagnostic d = make_diagnostic(f, file, line, ja, en);
    if (no >= 1) {
      d.item_no = no;
      d.item_name = r.layout->item(no).name;
      d.value = text::printable(r.item(no));
    }
    return d;
  }

  Person& person(const Record& r) {
    // A person's records usually come together: the last one found is tried first.
    if (previous != SIZE_MAX) {
      Person& p = persons[previous];
      if (p.insurer() == r.item(2) && p.insured() == r.item(3)) return p;
    }
    key.assign(r.item(2));
    key += '\x1F';
    key += r.item(3);
    auto [it, inserted] = index.try_emplace(key, static_cast<std::uint32_t>(persons.size()));
    if (inserted) {
      Person p;
      p.line = r.line;
      p.key = &it->first;
      p.insurer_len = static_cast<std::uint32_t>(r.item(2).size());
      persons.push_back(std::move(p));
    }
    previous = it->second;
    return persons[previous];
  }

  bool rental(std::string_view service_code) const {
    return service_code.size() >= 2 && reg.has_role(service_code.substr(0, 2), ServiceRole::Rental);
  }

  void usage_line(const Record& r, std::vector<Diagnostic>& out);
  void benefit_sheet(const Record& r, std::vector<Diagnostic>& out);
  void supplement(const Record& r, std::vector<Diagnostic>& out);
  void weekly(const Record& r, std::vector<Diagnostic>& out);
  void actual_delete(const Record& r, std::vector<Diagnostic>& out);
};

// 第6表 (UPPLAN / UPJSK): one service line of one day.
void RuleChecker::State::usage_line(const Record& r, std::vector<Diagnostic>& out) {
  auto month = YearMonth::parse(r.item(5));
  auto day = Date::parse(r.item(10));
  if (month && day && day->year_month() != *month) {
    out.push_back(finding(Finding::DateOutsideMonth, r, 10, fmt::format("対象年月は {}", month->str()),
                          fmt::format("the service month is {}", month->str())));
  }
  std::string_view bitmap = r.item(11);
  if (month && bitmap.size() == 31 && bitmap.find_first_not_of("01") == std::string_view::npos) {
    auto last = bitmap.find_last_of('1');
    if (last != std::string_view::npos && static_cast<int>(last) + 1 > month->days()) {
      out.push_back(finding(Finding::DayBeyondMonth, r, 11, fmt::format("{} 日目（{} は {} 日まで）", last + 1, month->str(), month->days()),
                            fmt::format("day {} ({} has {} days)", last + 1, month->str(), month->days())));
    }
  }
  std::string_view start = r.item(12);
  std::string_view end = r.item(13);
  bool start_ok = start == "9999" || is_valid_time(start);
  bool end_ok = end == "9999" || is_valid_time(end);
  if (start_ok && end_ok && (start == "9999") != (end == "9999")) {
    out.push_back(finding(Finding::HalfTimeless, r, start == "9999" ? 13 : 12));
  }
  std::string_view code = r.item(15);
  if (rental(code) && r.item(16).empty() && r.item(17).empty()) out.push_back(finding(Finding::RentalWithoutCode, r, 16));
  if (!r.item(19).empty() && code.size() == 6 && !rental(code)) out.push_back(finding(Finding::DiscriminatorNotRental, r, 19));
  if (!name) return;
  if (name->kind->from == Side::Provider) {
    if (!r.item(20).empty() && r.item(20) != name->sender.office_no) {
      out.push_back(finding(Finding::ActualNotSender, r, 20, fmt::format("送信元は {}", name->sender.office_no),
                            fmt::format("the sender is {}", name->sender.office_no)));
    }
  } else {
    Person& p = person(r);
    if (r.item(20) == name->receiver.office_no) p.related = true;
  }
}

// 第7表 (UPSIKYU): service rows, 種類別小計 and the 全合計 of each person.
void RuleChecker::State::benefit_sheet(const Record& r, std::vector<Diagnostic>& out) {
  std::string_view code = r.item(9);
  Person& p = person(r);
  if (name && r.item(7) == name->receiver.office_no) p.related = true;
  if (code.size() != 6) return;
  SheetRow kind = sheet_row(code);
  std::string_view type = code.substr(0, 2);
  if (kind == SheetRow::Service) {
    if (!r.item(18).empty()) ++p.type(type).limit_rows;
    return;
  }
  auto units = parse_int(r.item(13));
  if (units && *units != 0) {
    out.push_back(finding(Finding::SubtotalValues, r, 13, "小計・合計の行は 0", "0 on subtotal and total rows"));
  } else if (!r.item(14).empty()) {
    out.push_back(finding(Finding::SubtotalValues, r, 14, "小計・合計の行は空", "empty on subtotal and total rows"));
  } else if (!r.item(15).empty()) {
    out.push_back(finding(Finding::SubtotalValues, r, 15, "小計・合計の行は空", "empty on subtotal and total rows"));
  }
  if (kind == SheetRow::Total) {
    ++p.totals;
    if (r.item(7) != "9999999999") out.push_back(finding(Finding::GrandTotalOffice, r, 7));
  } else if (code.substr(2) == "AAAA") {
    p.type(type).subtotal = true;
  }
}

// 利用者補足情報: the nine service-type limit slots are filled from slot 1.
void RuleChecker::State::supplement(const Record& r, std::vector<Diagnostic>& out) {
  bool gap = false;
  for (int slot = 0; slot < 9; ++slot) {
    int first = 20 + slot * 4;
    bool filled = false;
    for (int k = 0; k < 4; ++k) filled |= !r.item(first + k).empty();
    if (!filled) {
      gap = true;
    } else if (gap) {
      out.push_back(finding(Finding::SlotGap, r, first, fmt::format("{} 枠目", slot + 1), fmt::format("slot {}", slot + 1)));
      return;
    }
  }
}

// 第3表: a row carries a weekly service (6–9), a daily activity (10–12) or a non-weekly service (13).
void RuleChecker::State::weekly(const Record& r, std::vector<Diagnostic>& out) {
  for (int no = 6; no <= 13; ++no) {
    if (!r.item(no).empty()) return;
  }
  out.push_back(finding(Finding::EmptyWeeklyRow, r, 0));
}

// 実績情報_削除: the office and type deleted are the sender's.
void RuleChecker::State::actual_delete(const Record& r, std::vector<Diagnostic>& out) {
  if (!name) return;
  if (!r.item(5).empty() && r.item(5) != name->sender.office_no) {
    out.push_back(finding(Finding::ActualNotSender, r, 5, fmt::format("送信元は {}", name->sender.office_no),
                          fmt::format("the sender is {}", name->sender.office_no)));
  } else if (name->form == NameForm::V4 && !r.item(6).empty() && r.item(6) != name->sender.service_type) {
    out.push_back(finding(Finding::ActualNotSender, r, 6, fmt::format("送信元の種類は {}", name->sender.service_type),
                          fmt::format("the sender's type is {}", name->sender.service_type)));
  }
}

RuleChecker::RuleChecker(std::string file) : state_(std::make_unique<State>()) { state_->file = std::move(file); }
RuleChecker::~RuleChecker() = default;

void RuleChecker::on_name(const std::optional<FileName>& name) {
  State& s = *state_;
  s.name = name;
  s.rules = State::Rules::None;
  if (!name || name->kind->layout == nullptr) return;
  const std::string& layout = name->kind->layout->name;
  if (layout == "riyohyo") s.rules = State::Rules::Usage;
  else if (layout == "beppyo") s.rules = State::Rules::Sheet;
  else if (layout == "hosoku") s.rules = State::Rules::Supplement;
  else if (layout == "kyo3") s.rules = State::Rules::Weekly;
  else if (layout == "actual-delete") s.rules = State::Rules::ActualDelete;
}

void RuleChecker::check(const Record& r, std::vector<Diagnostic>& out) {
  if (r.layout == nullptr || r.kind == nullptr) return;
  State& s = *state_;
  if (!r.kind->unique.empty() && !s.keys.insert(key_hash(r, r.kind->unique))) {
    Diagnostic d = s.finding(Finding::DuplicateKey, r, 0, fmt::format("キーは No.{}", join_items(r.kind->unique)),
                             fmt::format("the key is items {}", join_items(r.kind->unique)));
    for (int no : r.kind->unique) {
      if (!d.value.empty()) d.value += ' ';
      d.value += text::printable(r.item(no));
    }
    out.push_back(std::move(d));
  }
  switch (s.rules) {
    case State::Rules::Usage: s.usage_line(r, out); break;
    case State::Rules::Sheet: s.benefit_sheet(r, out); break;
    case State::Rules::Supplement: s.supplement(r, out); break;
    case State::Rules::Weekly: s.weekly(r, out); break;
    case State::Rules::ActualDelete: s.actual_delete(r, out); break;
    case State::Rules::None: break;
  }
}

void RuleChecker::finish(std::vector<PersonFinding>& out) {
  State& s = *state_;
  bool sheet = s.name && s.name->kind->layout != nullptr && s.name->kind->layout->name == "beppyo";
  bool to_provider = s.name && s.name->kind->from == Side::CareManager;
  for (Person& p : s.persons) {
    auto person_row = [&](Finding f, std::string value, std::string_view ja, std::string_view en) {
      PersonFinding pf{make_diagnostic(f, s.file, p.line, ja, en), std::string(p.insurer()), std::string(p.insured())};
      pf.diagnostic.value = std::move(value);
      out.push_back(std::move(pf));
    };
    if (to_provider && !p.related) {
      person_row(Finding::UnrelatedPerson, s.name->receiver.office_no,
                 fmt::format("送信先 {} の行がない", s.name->receiver.office_no),
                 fmt::format("no line of the receiver {}", s.name->receiver.office_no));
    }
    if (!sheet) continue;
    if (p.totals == 0) person_row(Finding::NoGrandTotal, "999999", "サービスコード 999999 の行", "a row with service code 999999");
    if (!p.types) continue;
    std::sort(p.types->begin(), p.types->end(), [](const TypeCount& a, const TypeCount& b) { return a.type < b.type; });
    for (const auto& t : *p.types) {
      if (t.limit_rows >= 2 && !t.subtotal) {
        person_row(Finding::NoSubtotal, t.type + "AAAA", fmt::format("種類 {} の小計", t.type),
                   fmt::format("subtotal of type {}", t.type));
      }
    }
  }
}

}  // namespace kaigo::careplan
