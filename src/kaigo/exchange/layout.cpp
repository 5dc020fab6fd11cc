#include "kaigo/exchange/layout.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/exchange/document_key.hpp"

namespace kaigo::exchange {
namespace {

constexpr std::string_view kLayoutDir = "src/kaigo/exchange/layouts/";

[[noreturn]] void fail(std::string_view table, std::size_t line, int column, std::string_view what) {
  throw std::runtime_error(fmt::format("{}.tsv:{}: 列{} {} / layout table error", table, line, column, what));
}

text::CharClass parse_attr(std::string_view s, std::string_view table, std::size_t line) {
  if (auto c = parse_enum<text::CharClass>(s)) return *c;
  fail(table, line, 3, fmt::format("属性が不明: {}", s));
}

Requirement parse_req(std::string_view s, std::string_view table, std::size_t line) {
  if (auto r = parse_enum<Requirement>(s)) return *r;
  fail(table, line, 6, fmt::format("必須区分が不明: {}", s));
}

void parse_format(std::string_view s, ItemSpec& item, std::string_view table, std::size_t line) {
  if (s == "-") item.format = ItemFormat::Plain;
  else if (s == "ym") item.format = ItemFormat::YearMonth;
  else if (s == "ymd") item.format = ItemFormat::Date;
  else if (s == "code") item.format = ItemFormat::Code;
  else if (starts_with(s, "const=")) {
    item.format = ItemFormat::Const;
    item.const_value = std::string(s.substr(6));
  } else {
    fail(table, line, 7, fmt::format("形式が不明: {}", s));
  }
}

std::unique_ptr<RecordLayout> parse_layout(std::string name, std::string_view tsv) {
  auto layout = std::make_unique<RecordLayout>();
  layout->name = std::move(name);
  auto rows = lines(tsv);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].empty() || rows[i][0] == '#') continue;
    auto cols = split(rows[i], '\t');
    if (cols.size() != 9) fail(layout->name, i + 1, 0, fmt::format("列数が9ではない ({})", cols.size()));
    ItemSpec item;
    auto no = parse_int(cols[0]);
    if (!no || *no != layout->count() + 1) fail(layout->name, i + 1, 1, "項番が連続していない");
    item.no = static_cast<int>(*no);
    item.name = std::string(cols[1]);
    item.attr = parse_attr(cols[2], layout->name, i + 1);
    auto bytes = parse_int(cols[3]);
    if (!bytes || *bytes < 0) fail(layout->name, i + 1, 4, "バイト数が不正");
    item.max_bytes = static_cast<int>(*bytes);
    if (cols[4] != "S" && cols[4] != "-") fail(layout->name, i + 1, 5, "符号は S か -");
    item.is_signed = cols[4] == "S";
    item.req = parse_req(cols[5], layout->name, i + 1);
    parse_format(cols[6], item, layout->name, i + 1);
    if (cols[7] != "-") item.field = std::string(cols[7]);
    item.note = std::string(cols[8]);
    layout->items.push_back(std::move(item));
  }
  if (layout->items.empty()) fail(layout->name, 1, 0, "項目がない");
  for (const auto& item : layout->items) {
    layout->checks.push_back({item.attr, item.format, item.req == Requirement::Always, item.is_signed,
                              static_cast<std::uint16_t>(item.max_bytes)});
  }
  return layout;
}

Family parse_family(std::string_view s, std::size_t line) {
  if (auto f = kFamilies.parse(s)) return *f;
  fail("forms", line, 5, fmt::format("family が不明: {}", s));
}

}  // namespace

const RecordLayout* Form::layout_for(std::string_view kind) const {
  for (const auto& [k, layout] : kinds) {
    if (k == kind) return layout;
  }
  return nullptr;
}



Registry Registry::parse(std::string_view forms_tsv,
                         const std::vector<std::pair<std::string, std::string_view>>& layout_tsvs) {
  Registry reg;
  std::map<std::string, const RecordLayout*, std::less<>> by_name;
  for (const auto& [name, tsv] : layout_tsvs) {
    reg.layouts_.push_back(parse_layout(name, tsv));
    by_name[name] = reg.layouts_.back().get();
  }
  auto find_layout = [&](std::string_view name, std::size_t line) {
    auto it = by_name.find(name);
    if (it == by_name.end()) fail("forms", line, 6, fmt::format("レイアウトがない: {}", name));
    return it->second;
  };
  if (auto it = by_name.find("control"); it != by_name.end()) reg.control_ = it->second;
  else throw std::runtime_error("control.tsv がない / control layout missing");

  auto rows = lines(forms_tsv);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].empty() || rows[i][0] == '#') continue;
    auto cols = split(rows[i], '\t');
    if (cols.size() != 9) fail("forms", i + 1, 0, fmt::format("列数が9ではない ({})", cols.size()));
    Form f;
    f.code = std::string(cols[0]);
    f.title = std::string(cols[1]);
    if (cols[2] != "in" && cols[2] != "out") fail("forms", i + 1, 3, "direction は in か out");
    f.inbound = cols[2] == "in";
    f.data_type = std::string(cols[3]);
    f.family = parse_family(cols[4], i + 1);
    if (cols[5] == "-") {
      f.kinds.emplace_back("", find_layout(cols[6], i + 1));
    } else {
      for (auto pair : split(cols[5], ',')) {
        auto kv = split(pair, ':');
        if (kv.size() != 2) fail("forms", i + 1, 6, fmt::format("kind:layout の形でない: {}", pair));
        f.kinds.emplace_back(std::string(kv[0]), find_layout(kv[1], i + 1));
      }
    }
    if (cols[7] != "-") {
      for (auto k : split(cols[7], ',')) {
        auto n = parse_int(k);
        if (!n || *n < 1) fail("forms", i + 1, 8, "key の項番が不正");
        for (const auto& [kind, layout] : f.kinds) {
          if (*n > layout->count()) fail("forms", i + 1, 8, fmt::format("key の項番 {} が {} にない", *n, layout->name));
        }
        f.key_items.push_back(static_cast<int>(*n));
        if (f.key_items.size() >= DocumentKey::kMaxValues) fail("forms", i + 1, 8, "key の項番は15個まで");
        f.max_key_item = std::max(f.max_key_item, static_cast<int>(*n));
      }
    }
    f.valid = std::string(cols[8]);
    if (reg.form(f.code) != nullptr) fail("forms", i + 1, 1, fmt::format("交換情報識別番号が重複: {}", f.code));
    reg.forms_.push_back(std::move(f));
  }
  return reg;
}

const Registry& Registry::instance() {
  static const Registry reg = [] {
    std::vector<std::pair<std::string, std::string_view>> layouts;
    std::string_view forms;
    for (const auto& f : embedded::files()) {
      if (!starts_with(f.path, kLayoutDir) || f.path.size() < 4 || f.path.substr(f.path.size() - 4) != ".tsv") continue;
      auto name = f.path.substr(kLayoutDir.size(), f.path.size() - kLayoutDir.size() - 4);
      if (name == "forms") forms = f.bytes;
      else layouts.emplace_back(std::string(name), f.bytes);
    }
    return parse(forms, layouts);
  }();
  return reg;
}

const Form* Registry::form(std::string_view code) const {
  for (const auto& f : forms_) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

const RecordLayout* Registry::layout(std::string_view name) const {
  for (const auto& l : layouts_) {
    if (l->name == name) return l.get();
  }
  return nullptr;
}

}  // namespace kaigo::exchange
