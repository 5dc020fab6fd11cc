#include "kaigo/careplan/layout.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::careplan {
namespace {

constexpr std::string_view kDir = "src/kaigo/careplan/layouts/";

[[noreturn]] void fail(std::string_view table, std::size_t line, int column, std::string_view what) {
  throw std::runtime_error(
      fmt::format("careplan/layouts/{}.tsv:{}: 列{} {} / care-plan table error", table, line, column, what));
}

Certainty parse_certainty(std::string_view s, std::string_view table, std::size_t line, int column) {
  if (auto c = parse_enum<Certainty>(s.substr(0, s.find(':')))) return *c;
  fail(table, line, column, fmt::format("確かさが不明: {}", s));
}

std::vector<int> parse_items(std::string_view s, std::string_view table, std::size_t line, int column) {
  std::vector<int> out;
  if (s == "-") return out;
  for (auto part : split(s, ',')) {
    auto n = parse_int(part);
    if (!n || *n < 1) fail(table, line, column, fmt::format("項番が不正: {}", part));
    out.push_back(static_cast<int>(*n));
  }
  return out;
}

// Rows of a table after its header, which must be exactly `header`.
std::vector<std::pair<std::size_t, std::vector<std::string_view>>> rows_of(std::string_view table, std::string_view text,
                                                                           const std::vector<std::string_view>& header) {
  auto all = lines(text);
  if (all.empty() || split(all[0], '\t') != header) fail(table, 1, 0, "ヘッダー行が不正");
  std::vector<std::pair<std::size_t, std::vector<std::string_view>>> out;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i].empty() || all[i][0] == '#') continue;
    auto cols = split(all[i], '\t');
    if (cols.size() != header.size()) {
      fail(table, i + 1, 0, fmt::format("列数が{}ではない ({})", header.size(), cols.size()));
    }
    out.emplace_back(i + 1, std::move(cols));
  }
  return out;
}

}  // namespace

namespace {

// The two bytes of a サービス種類コード as an index of Registry::roles_.
std::size_t type_index(std::string_view type) {
  return (static_cast<std::size_t>(static_cast<unsigned char>(type[0])) << 8) | static_cast<unsigned char>(type[1]);
}

// The entry of `table` whose `key` member equals `value`; nullptr when none does.
template <class T, class Key>
const T* find_by(const std::vector<std::unique_ptr<T>>& table, Key T::*key, std::string_view value) {
  for (const auto& e : table) {
    if ((*e).*key == value) return e.get();
  }
  return nullptr;
}

}  // namespace

bool CodeList::contains(std::string_view code) const {
  return std::any_of(entries.begin(), entries.end(), [&](const CodeEntry& e) { return e.code == code; });
}

namespace {

class Builder {
 public:
  explicit Builder(Registry& reg) : reg_(reg) {}

  void codes(std::string_view text, std::vector<std::unique_ptr<CodeList>>& out) {
    for (auto& [line, c] : rows_of("codes", text, {"list", "code", "meaning", "source"})) {
      std::string_view list = c[0];
      auto it = std::find_if(out.begin(), out.end(), [list](const auto& l) { return l->name == list; });
      if (it == out.end()) {
        out.push_back(std::make_unique<CodeList>());
        out.back()->name = std::string(c[0]);
        it = out.end() - 1;
      }
      if ((*it)->contains(c[1])) fail("codes", line, 2, fmt::format("コードが重複: {} {}", c[0], c[1]));
      parse_certainty(c[3], "codes", line, 4);
      (*it)->entries.push_back({std::string(c[1]), std::string(c[2])});
    }
  }

  std::unique_ptr<Layout> layout(std::string name, std::string_view text) {
    auto layout = std::make_unique<Layout>();
    layout->name = std::move(name);
    const std::string& table = layout->name;
    for (auto& [line, c] : rows_of(table, text, {"no", "name", "len", "req", "format", "source", "note"})) {
      ItemSpec item;
      auto no = parse_int(c[0]);
      if (!no || *no != layout->count() + 1) fail(table, line, 1, "No. が連続していない");
      item.no = static_cast<int>(*no);
      item.name = std::string(c[1]);
      if (c[2] != "-") {
        auto len = parse_int(c[2]);
        if (!len || *len < 1 || *len > 99) fail(table, line, 3, "項目長が不正");
        item.len = static_cast<int>(*len);
      }
      if (c[3] != "○" && c[3] != "-") fail(table, line, 4, "必須は ○ か -");
      item.required = c[3] == "○";
      format(c[4], item, table, line);
      item.certainty = parse_certainty(c[5], table, line, 6);
      item.note = std::string(c[6]);
      layout->items.push_back(std::move(item));
    }
    if (layout->items.empty()) fail(table, 1, 0, "項目がない");
    return layout;
  }

  void format(std::string_view token, ItemSpec& item, std::string_view table, std::size_t line) {
    if (starts_with(token, "code=")) {
      item.format = ItemFormat::Code;
      item.codes = reg_.codes(token.substr(5));
      if (item.codes == nullptr) fail(table, line, 5, fmt::format("コード表がない: {}", token.substr(5)));
      if (item.len == 0) fail(table, line, 3, "コード項目に項目長がない");
      for (const auto& e : item.codes->entries) {
        if (static_cast<int>(e.code.size()) > item.len) fail(table, line, 3, "コードが項目長より長い");
      }
      return;
    }
    const auto f = parse_enum<ItemFormat>(token);
    if (!f || *f == ItemFormat::Code) fail(table, line, 5, fmt::format("書式が不明: {}", token));
    item.format = *f;
    const int fixed = enum_number(*f) < 0 ? item.len : enum_number(*f);
    if (fixed > 0 && item.len != fixed) fail(table, line, 3, fmt::format("{} の項目長は {}", token, fixed));
    if (*f != ItemFormat::Text && item.len == 0) fail(table, line, 3, "項目長がない");
  }

  void versions(std::string_view text, std::vector<std::unique_ptr<CsvVersion>>& out) {
    for (auto& [line, c] : rows_of("versions", text, {"version", "applies_from", "edition", "layouts", "status", "source"})) {
      auto v = std::make_unique<CsvVersion>();
      if (c[0].size() != 6 || !std::all_of(c[0].begin(), c[0].end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        fail("versions", line, 1, "version は 6 桁の数字");
      }
      v->value = std::string(c[0]);
      auto from = YearMonth::parse(c[1]);
      if (!from) fail("versions", line, 2, "applies_from は YYYYMM");
      v->applies_from = *from;
      v->edition = std::string(c[2]);
      if (c[3] != "v4" && c[3] != "-") fail("versions", line, 4, "layouts は v4 か -");
      v->has_layouts = c[3] == "v4";
      if (c[4] != "old" && c[4] != "current" && c[4] != "superseded") {
        fail("versions", line, 5, "status は old / current / superseded");
      }
      v->superseded = c[4] == "superseded";
      for (const auto& done : out) {
        if (done->value == v->value) fail("versions", line, 1, "version が重複");
      }
      if (c[4] == "current") {
        if (reg_current_ != nullptr) fail("versions", line, 5, "current が二つある");
        reg_current_ = v.get();
      }
      parse_certainty(c[5], "versions", line, 6);
      out.push_back(std::move(v));
    }
    if (reg_current_ == nullptr) fail("versions", 1, 5, "current の行がない");
  }

  const CsvVersion* current() const { return reg_current_; }

 private:
  Registry& reg_;
  const CsvVersion* reg_current_ = nullptr;
};

NameMonth parse_name_month(std::string_view s, std::size_t line) {
  if (auto m = parse_enum<NameMonth>(s)) return *m;
  fail("kinds", line, 4, fmt::format("month が不明: {}", s));
}

}  // namespace

Registry Registry::parse(const std::vector<std::pair<std::string, std::string_view>>& tables) {
  Registry reg;
  auto table = [&](std::string_view name) -> std::string_view {
    for (const auto& [n, text] : tables) {
      if (n == name) return text;
    }
    throw std::runtime_error(fmt::format("careplan/layouts/{}.tsv がない / table missing", name));
  };
  Builder b(reg);
  b.codes(table("codes"), reg.code_lists_);
  b.versions(table("versions"), reg.versions_);
  reg.current_ = b.current();
  for (auto& [line, c] : rows_of("service_types", table("service_types"), {"type", "role", "name", "source"})) {
    if (c[0].size() != 2) fail("service_types", line, 1, "type は 2 文字");
    ServiceRole role = ServiceRole::Linked;
    if (c[1] == "care") role = ServiceRole::Care;
    else if (c[1] == "rental") role = ServiceRole::Rental;
    else if (c[1] != "linked") fail("service_types", line, 2, "role が不明");
    parse_certainty(c[3], "service_types", line, 4);
    reg.roles_[type_index(c[0])] |= static_cast<std::uint8_t>(role);
  }
  const std::vector<std::string_view> header{"kind", "title", "layout", "month",     "from", "set",
                                             "key",  "unique", "month_item", "since", "ext",  "source"};
  for (auto& [line, c] : rows_of("kinds", table("kinds"), header)) {
    auto k = std::make_unique<FileKind>();
    k->prefix = std::string(c[0]);
    k->title = std::string(c[1]);
    k->image = c[10] == "jpg";
    if (!k->image && c[10] != "CSV") fail("kinds", line, 11, "ext は CSV か jpg");
    if (c[2] != "-") {
      k->layout = reg.layout(c[2]);
      if (k->layout == nullptr) {
        reg.layouts_.push_back(b.layout(std::string(c[2]), table(c[2])));
        k->layout = reg.layouts_.back().get();
      }
    } else if (!k->image) {
      fail("kinds", line, 3, "CSV の種類にレイアウトがない");
    }
    k->month = parse_name_month(c[3], line);
    if (c[4] != "care" && c[4] != "provider") fail("kinds", line, 5, "from は care か provider");
    k->from = c[4] == "care" ? Side::CareManager : Side::Provider;
    for (auto s : split(c[5], ',')) k->sets.emplace_back(s);
    k->key = parse_items(c[6], "kinds", line, 7);
    k->unique = parse_items(c[7], "kinds", line, 8);
    auto month_item = parse_items(c[8], "kinds", line, 9);
    if (month_item.size() > 1) fail("kinds", line, 8, "month_item は一つ");
    k->month_item = month_item.empty() ? 0 : month_item[0];
    k->since = reg.version(c[9]);
    if (k->since == nullptr) fail("kinds", line, 10, fmt::format("since の版がない: {}", c[9]));
    k->source = std::string(c[11]);
    for (int no : k->key) {
      if (k->layout == nullptr || no > k->layout->count()) fail("kinds", line, 7, "key の項番がレイアウトにない");
    }
    for (int no : k->unique) {
      if (k->layout == nullptr || no > k->layout->count()) fail("kinds", line, 8, "unique の項番がレイアウトにない");
    }
    if (k->month_item > 0 && (k->layout == nullptr || k->month_item > k->layout->count())) {
      fail("kinds", line, 9, "month_item の項番がレイアウトにない");
    }
    if ((k->month == NameMonth::None) != (k->month_item == 0)) fail("kinds", line, 9, "month と month_item が合わない");
    if (reg.kind(k->prefix) != nullptr) fail("kinds", line, 1, "種類が重複");
    reg.kinds_.push_back(std::move(k));
  }
  for (const auto& k : reg.kinds_) reg.by_length_.push_back(k.get());
  std::stable_sort(reg.by_length_.begin(), reg.by_length_.end(),
                   [](const FileKind* x, const FileKind* y) { return x->prefix.size() > y->prefix.size(); });
  return reg;
}

const Registry& Registry::instance() {
  static const Registry reg = [] {
    std::vector<std::pair<std::string, std::string_view>> tables;
    for (const auto& f : embedded::files()) {
      if (!starts_with(f.path, kDir) || f.path.size() < 4 || f.path.substr(f.path.size() - 4) != ".tsv") continue;
      tables.emplace_back(std::string(f.path.substr(kDir.size(), f.path.size() - kDir.size() - 4)), f.bytes);
    }
    return parse(tables);
  }();
  return reg;
}

const FileKind* Registry::kind(std::string_view prefix) const { return find_by(kinds_, &FileKind::prefix, prefix); }

const Layout* Registry::layout(std::string_view name) const { return find_by(layouts_, &Layout::name, name); }

const CodeList* Registry::codes(std::string_view name) const { return find_by(code_lists_, &CodeList::name, name); }

const CsvVersion* Registry::version(std::string_view value) const {
  return find_by(versions_, &CsvVersion::value, value);
}

const CsvVersion* Registry::version_for(YearMonth service_month) const {
  const CsvVersion* best = nullptr;
  for (const auto& v : versions_) {
    if (v->superseded || service_month < v->applies_from) continue;
    if (best == nullptr || best->applies_from < v->applies_from) best = v.get();
  }
  return best;
}

bool Registry::has_role(std::string_view type, ServiceRole role) const {
  return type.size() == 2 && (roles_[type_index(type)] & static_cast<std::uint8_t>(role)) != 0;
}

}  // namespace kaigo::careplan
