// The helpers of precheck_support.hpp, and tests of the helpers themselves.
#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "support/test_support.hpp"
#include "unit/precheck/precheck_support.hpp"

namespace kaigo::precheck::testing {

using kaigo::testing::fixture;
using kaigo::testing::official_bytes;
using kaigo::testing::read_file;

PrecheckContext World::context(YearMonth month) const {
  PrecheckContext c;
  c.masters = &masters;
  c.offices = &offices;
  c.insurers = &insurers;
  c.processing_month = month;
  return c;
}

const World& world() {
  static const World w = [] {
    auto masters = master::load_bundled_masters();
    EXPECT_TRUE(masters.ok());
    auto offices = master::load_offices(read_file(fixture("precheck/offices.csv")), "offices.csv",
                                        &masters.table->service_types);
    for (const auto& d : offices.diagnostics) ADD_FAILURE() << d.to_string();
    auto insurers = master::load_insurers(read_file(fixture("precheck/insurers.csv")), "insurers.csv");
    for (const auto& d : insurers.diagnostics) ADD_FAILURE() << d.to_string();
    return World{*masters.table, *offices.table, *insurers.table};
  }();
  return w;
}

master::OfficeLedger offices_from(std::string_view rows) {
  auto types = master::load_bundled_masters();
  auto r = master::load_offices(
      std::string("office_no,service_type,name,designation,valid_from,valid_to,region_class,municipality_code,"
                  "postal_code,address,owner_name,bank_name,bank_branch\n") + std::string(rows),
      "offices.csv", &types.table->service_types);
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  return *r.table;
}

master::InsurerLedger insurers_from(std::string_view rows) {
  auto r = master::load_insurers(std::string("insurer_no,name,valid_from,valid_to\n") + std::string(rows), "insurers.csv");
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  return *r.table;
}

std::string fixture_text(std::string_view code) { return read_file(fixture("exchange/" + std::string(code) + ".csv")); }

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  for (auto l : lines(text)) out.emplace_back(l);
  return out;
}

std::string text_of(const std::vector<std::string>& ls) {
  std::string out;
  for (const auto& l : ls) out += l + "\n";
  return out;
}

std::string renumber(std::string_view text) {
  auto ls = lines_of(text);
  std::size_t data = 0;
  for (std::size_t i = 0; i < ls.size(); ++i) {
    auto cols = split(ls[i], ',');
    if (cols.size() < 2) continue;
    std::string type(cols[0]);
    std::string rest(ls[i].substr(cols[0].size() + 1 + cols[1].size()));
    ls[i] = type + "," + std::to_string(i + 1) + rest;
    if (type == "2") ++data;
  }
  for (auto& l : ls) {
    if (l.rfind("1,", 0) == 0) {
      auto cols = split(l, ',');
      std::string out;
      for (std::size_t c = 0; c < cols.size(); ++c) {
        if (c > 0) out += ',';
        out += c == 3 ? std::to_string(data) : std::string(cols[c]);
      }
      l = out;
    }
  }
  return text_of(ls);
}

std::string with_item(std::string_view text, std::size_t line, int item_no, std::string_view value) {
  auto ls = lines_of(text);
  EXPECT_LE(line, ls.size());
  auto cols = split(ls[line - 1], ',');
  std::size_t col = static_cast<std::size_t>(item_no) - 1 + (cols[0] == "2" ? 2 : 0);
  EXPECT_LT(col, cols.size()) << "line " << line << " item " << item_no;
  std::string out;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    if (c > 0) out += ',';
    out += c == col ? std::string(value) : std::string(cols[c]);
  }
  ls[line - 1] = out;
  return text_of(ls);
}

std::string replace_once(std::string_view text, std::string_view from, std::string_view to) {
  std::string s(text);
  auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at == std::string::npos) return s;
  EXPECT_EQ(s.find(from, at + 1), std::string::npos) << "more than once: " << from;
  return s.replace(at, from.size(), to);
}

FileResult check_text(std::string_view utf8, const PrecheckContext& context, std::string_view name) {
  return check_bytes(name, official_bytes(utf8), context);
}

FileResult check(std::string_view utf8) { return check_text(utf8, world().context()); }

std::multiset<std::string> codes_of(const FileResult& r) {
  std::multiset<std::string> out;
  for (const auto& e : r.errors) out.insert(e.code);
  return out;
}

std::string dump(const FileResult& r) {
  std::string out = fmt::format("{}: {} rows\n", r.file, r.errors.size());
  for (const auto& e : r.errors) {
    out += fmt::format("  [{}] {} line {} item {} {}=\"{}\" type={} {}\n", enum_code(e.level), e.code, e.line,
                       e.item_no, e.item_name, e.value, e.service_type, e.message_ja);
  }
  return out;
}

const ErrorRow* row_at(const FileResult& r, std::string_view code, std::uint64_t line, int item_no) {
  const ErrorRow* found = nullptr;
  int n = 0;
  for (const auto& e : r.errors) {
    if (e.code == code && e.line == line && (item_no < 0 || e.item_no == item_no)) {
      found = &e;
      ++n;
    }
  }
  EXPECT_EQ(n, 1) << code << " on line " << line << " item " << item_no << "\n" << dump(r);
  return n == 1 ? found : nullptr;
}

void expect_message(const FileResult& r, std::string_view code, std::uint64_t line, std::string_view message_ja) {
  const ErrorRow* e = row_at(r, code, line);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->message_ja, message_ja) << code << " on line " << line;
}

void expect_row(const FileResult& r, Level level, std::string_view code, std::uint64_t line, int item_no,
                std::string_view item_name, std::string_view value) {
  const ErrorRow* e = row_at(r, code, line, item_no);
  if (e == nullptr) return;
  EXPECT_EQ(e->level, level) << code << "\n" << dump(r);
  EXPECT_EQ(e->item_no, item_no) << code;
  EXPECT_EQ(e->item_name, item_name) << code;
  EXPECT_EQ(e->value, value) << code;
  EXPECT_EQ(e->file, r.file);
  EXPECT_FALSE(e->message_ja.empty());
  EXPECT_FALSE(e->message_en.empty());
}

void expect_only_format_rows(const FileResult& r, std::initializer_list<ExpectedRow> rows, const char* file, int line) {
  ::testing::ScopedTrace trace(file, line, "expect_only_format_rows");
  std::multiset<std::string> codes;
  for (const auto& row : rows) {
    expect_row(r, Level::Format, row.code, row.line, row.item_no, row.item_name, row.value);
    codes.emplace(row.code);
  }
  EXPECT_EQ(codes_of(r), codes) << dump(r);
}

}  // namespace kaigo::precheck::testing

namespace kaigo::precheck::testing {
namespace {

TEST(PrecheckSupport, EditsAndRenumbers) {
  std::string t = "1,1,0,2,711,0,0,1370000001,0,7,202605,0\n2,2,7999,a\n2,3,7999,b\n3,4\n";
  EXPECT_EQ(with_item(t, 2, 2, "x"), "1,1,0,2,711,0,0,1370000001,0,7,202605,0\n2,2,7999,x\n2,3,7999,b\n3,4\n");
  EXPECT_EQ(with_item(t, 1, 11, "202606"), "1,1,0,2,711,0,0,1370000001,0,7,202606,0\n2,2,7999,a\n2,3,7999,b\n3,4\n");
  auto ls = lines_of(t);
  ls.erase(ls.begin() + 1);
  EXPECT_EQ(renumber(text_of(ls)), "1,1,0,1,711,0,0,1370000001,0,7,202605,0\n2,2,7999,b\n3,3\n");
}

}  // namespace
}  // namespace kaigo::precheck::testing
