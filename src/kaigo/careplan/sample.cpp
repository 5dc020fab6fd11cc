#include "kaigo/careplan/sample.hpp"

#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "kaigo/careplan/writer.hpp"

namespace kaigo::careplan {
namespace {

constexpr YearMonth kMonth{2025, 5};

struct Context {
  const FileName& name;
  YearMonth month;
  const Endpoint& care;
  const Endpoint& provider;
  int person = 0;
  int row = 0;
};

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string day(const Context& c, int d) { return Date{c.month.year, c.month.month, d}.str(); }

// The value of an item by its format alone.
std::string by_format(const ItemSpec& item, const Context& c) {
  switch (item.format) {
    case ItemFormat::Version: return Registry::instance().current_version().value;
    case ItemFormat::Digits: return item.len == 6 ? "131016" : std::string(static_cast<std::size_t>(item.len), '1');
    case ItemFormat::Insured: return fmt::format("{:010d}", 1000000001 + c.person);
    case ItemFormat::Office: return c.care.office_no;
    case ItemFormat::Type: return c.provider.service_type;
    case ItemFormat::Int:
    case ItemFormat::Seq99: return "1";
    case ItemFormat::SignedInt: return "100";
    case ItemFormat::YearMonth: return c.month.str();
    case ItemFormat::YearMonthOrZero: return c.name.zero_month ? "000000" : c.month.str();
    case ItemFormat::Date: return day(c, 1);
    case ItemFormat::DateOrZero: return c.name.zero_month ? day(c, 1) : "00000000";
    case ItemFormat::Time:
    case ItemFormat::TimeOr9999: return contains(item.name, "終了") ? "1000" : "0900";
    case ItemFormat::Alnum: return contains(item.name, "電話") || contains(item.name, "Fax") ? "03-1234-5678" : "";
    case ItemFormat::Postal: return "100-0001";
    case ItemFormat::Code: return item.codes->entries.front().code;
    case ItemFormat::DayBitmap: return "";
    case ItemFormat::Decimal: return "10.90";
    case ItemFormat::ServiceCode: return c.provider.service_type + "1111";
    case ItemFormat::Text: return fmt::format("{}{}", item.name, c.person + 1);
  }
  return "";
}

std::vector<std::string> generic(const Layout& layout, const Context& c) {
  std::vector<std::string> v;
  for (const auto& item : layout.items) v.push_back(by_format(item, c));
  return v;
}

void set(std::vector<std::string>& v, int no, std::string value) { v[static_cast<std::size_t>(no - 1)] = std::move(value); }

// 第6表: one line a week, at the service office of the name.
std::vector<std::string> usage_line(const Layout& l, const Context& c) {
  auto v = generic(l, c);
  set(v, 8, "250");
  set(v, 10, day(c, 1 + 7 * c.row));
  set(v, 19, "");  // 明細判別コード: 福祉用具貸与 only
  set(v, 20, c.provider.office_no);
  set(v, 23, "0");
  set(v, 24, c.name.kind->from == Side::CareManager ? c.care.office_no : c.provider.office_no);
  return v;
}

// 第7表: a service row, then the person's 全合計.
std::vector<std::string> sheet_row(const Layout& l, const Context& c, bool total) {
  auto v = generic(l, c);
  set(v, 7, total ? "9999999999" : c.provider.office_no);
  set(v, 9, total ? "999999" : c.provider.service_type + "1111");
  set(v, 13, total ? "0" : "500");
  set(v, 14, "");
  set(v, 15, "");
  set(v, 16, total ? "0" : "2");
  set(v, 17, "");
  const char* figures[] = {"500", "0", "500", "0", "500", "10.90", "5450", "90", "4905", "", "545", "0"};
  for (int k = 0; k < 12; ++k) set(v, 18 + k, figures[k]);
  for (int no = 30; no <= 32; ++no) set(v, no, "");
  set(v, 33, "0");
  set(v, 34, "");
  set(v, 35, "");
  set(v, 36, c.care.office_no);
  return v;
}

// 利用者補足情報: the first service-type limit slot filled, the others empty.
std::vector<std::string> supplement(const Layout& l, const Context& c) {
  auto v = generic(l, c);
  set(v, 19, "16765");
  for (int no = 20; no <= 55; ++no) set(v, no, "");
  set(v, 20, c.provider.service_type);
  set(v, 21, "16765");
  set(v, 22, "500");
  set(v, 23, "0");
  set(v, 56, "0");
  set(v, 59, "");
  return v;
}

std::vector<std::vector<std::string>> person_records(const Layout& l, Context c) {
  std::vector<std::vector<std::string>> out;
  if (l.name == "riyohyo") {
    for (c.row = 0; c.row < 2; ++c.row) out.push_back(usage_line(l, c));
  } else if (l.name == "beppyo") {
    out.push_back(sheet_row(l, c, false));
    out.push_back(sheet_row(l, c, true));
  } else if (l.name == "hosoku") {
    out.push_back(supplement(l, c));
  } else {
    auto v = generic(l, c);
    if (l.name == "actual-delete") {
      set(v, 5, c.provider.office_no);
      set(v, 6, c.provider.service_type);
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

FileName sample_name(const FileKind& kind) {
  FileName n;
  n.kind = &kind;
  Endpoint care{"1310000001", "43"};
  Endpoint provider{"1310000002", "11"};
  n.sender = kind.from == Side::CareManager ? care : provider;
  n.receiver = kind.from == Side::CareManager ? provider : care;
  if (kind.month != NameMonth::None) n.month = kMonth;
  n.serial = "20250420093000";
  if (kind.image) n.branch = 1;
  return n;
}

std::string sample_file(const FileName& name, int persons) {
  if (name.kind->image) {
    // SOI, a JFIF APP0 segment, EOI: the markers the check looks at.
    return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9", 22);
  }
  const Layout& layout = *name.kind->layout;
  bool care_sends = name.kind->from == Side::CareManager;
  Context c{name, name.month.value_or(kMonth), care_sends ? name.sender : name.receiver,
            care_sends ? name.receiver : name.sender};
  Writer w(layout);
  for (c.person = 0; c.person < persons; ++c.person) {
    for (const auto& values : person_records(layout, c)) w.add_utf8(values);
  }
  return w.take();
}

}  // namespace kaigo::careplan
