#include "kaigo/precheck/rules.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/strings.hpp"

namespace kaigo::precheck {
namespace {

constexpr std::string_view kDir = "src/kaigo/precheck/rules/";
constexpr std::size_t kFamilies = 5;     // RuleFamily values
constexpr std::size_t kKindSlots = 101;  // kind-less, then "00"–"99"

std::size_t kind_slot(std::string_view kind) {
  if (kind.size() != 2 || kind[0] < '0' || kind[0] > '9' || kind[1] < '0' || kind[1] > '9') return 0;
  return static_cast<std::size_t>((kind[0] - '0') * 10 + (kind[1] - '0')) + 1;
}

[[noreturn]] void fail(std::string_view table, std::size_t line, std::size_t column, std::string_view what) {
  throw std::runtime_error(fmt::format("precheck/rules/{}:{}: 列{}: {} / rule table error", table, line, column, what));
}

struct Row {
  std::size_t line = 0;
  std::vector<std::string_view> cols;
};

// Rows of a TSV whose header must be exactly `header`; '#' lines and empty lines are skipped.
std::vector<Row> read_table(std::string_view table, std::string_view text, const std::vector<std::string_view>& header) {
  auto all = lines(text);
  if (all.empty() || split(all[0], '\t') != header) fail(table, 1, 0, "ヘッダー行が不正");
  std::vector<Row> rows;
  for (std::size_t i = 1; i < all.size(); ++i) {
    if (all[i].empty() || all[i][0] == '#') continue;
    auto cols = split(all[i], '\t');
    if (cols.size() != header.size()) fail(table, i + 1, cols.size(), "列数が不正");
    rows.push_back({i + 1, std::move(cols)});
  }
  return rows;
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  if (s == "-") return out;
  for (auto w : split(s, ' ')) {
    if (!w.empty()) out.emplace_back(w);
  }
  return out;
}

int item_no(std::string_view table, const Row& r, std::size_t col) {
  auto v = parse_int(r.cols[col]);
  if (!v || *v < 0 || *v > 99) fail(table, r.line, col + 1, "項番が不正");
  return static_cast<int>(*v);
}

RuleFamily parse_family(std::string_view table, const Row& r) {
  if (auto f = kRuleFamilies.parse(r.cols[0])) return *f;
  fail(table, r.line, 1, fmt::format("family が不明: {}", r.cols[0]));
}

std::string kind_of(std::string_view s) { return s == "-" ? std::string() : std::string(s); }

Condition parse_condition(std::string_view table, std::size_t line, std::size_t col, std::string_view s) {
  Condition c;
  std::size_t op_at = s.find_first_of("!^=");
  if (op_at == std::string_view::npos) fail(table, line, col, fmt::format("条件が不正: {}", s));
  auto no = parse_int(s.substr(0, op_at));
  if (!no || *no < 1) fail(table, line, col, fmt::format("条件の項番が不正: {}", s));
  c.item = static_cast<int>(*no);
  std::string_view op = s.substr(op_at, s.find('=', op_at) - op_at + 1);
  if (op == "=") c.op = Condition::Op::In;
  else if (op == "!=") c.op = Condition::Op::NotIn;
  else if (op == "^=") c.op = Condition::Op::Prefix;
  else if (op == "!^=") c.op = Condition::Op::NotPrefix;
  else fail(table, line, col, fmt::format("条件の演算子が不正: {}", s));
  c.values = words(s.substr(op_at + op.size()));
  if (c.values.empty()) fail(table, line, col, fmt::format("条件の値がない: {}", s));
  return c;
}

std::vector<Condition> parse_when(std::string_view table, std::size_t line, std::size_t col, std::string_view s) {
  std::vector<Condition> out;
  if (s == "-") return out;
  for (auto part : split(s, '&')) out.push_back(parse_condition(table, line, col, part));
  return out;
}

ItemRuleKind parse_item_rule(std::string_view table, const Row& r) {
  const auto kind = parse_enum<ItemRuleKind>(r.cols[3]);
  if (!kind) fail(table, r.line, 4, fmt::format("rule が不明: {}", r.cols[3]));
  return *kind;
}

std::string code_of(std::string_view table, const Row& r, std::size_t col) {
  std::string_view c = r.cols[col];
  if (c.size() != 4) fail(table, r.line, col + 1, fmt::format("コードは4文字: {}", c));
  return std::string(c);
}

RuleSettings parse_settings(std::string_view text) {
  constexpr std::string_view t = "settings.tsv";
  RuleSettings s;
  for (const auto& r : read_table(t, text, {"key", "value", "source"})) {
    std::string_view key = r.cols[0];
    std::string_view value = r.cols[1];
    auto number = [&] {
      auto v = parse_int(value);
      if (!v || *v <= 0) fail(t, r.line, 2, "正の整数ではない");
      return static_cast<std::size_t>(*v);
    };
    if (key == "file_name_max_stem") s.file_name_max_stem = number();
    else if (key == "binary_head_bytes") s.binary_head_bytes = number();
    else if (key == "file_name_extensions") s.file_name_extensions = words(value);
    else if (key == "full_benefit_types") s.full_benefit_types = words(value);
    else if (key == "file_name_chars") {
      if (value != "alnum") fail(t, r.line, 2, "alnum のみ対応");
    } else {
      fail(t, r.line, 1, fmt::format("key が不明: {}", key));
    }
  }
  return s;
}

}  // namespace

std::optional<RuleFamily> rule_family(const exchange::Form* form) {
  if (form == nullptr) return std::nullopt;
  switch (form->family) {
    case exchange::Family::Statement: return RuleFamily::Statement;
    case exchange::Family::CarePlan: return RuleFamily::CarePlan;
    case exchange::Family::Plan: return RuleFamily::Plan;
    case exchange::Family::Invoice: return RuleFamily::Invoice;
    case exchange::Family::Appeal:
    case exchange::Family::Notice: return std::nullopt;
  }
  return std::nullopt;
}

bool Condition::holds(const exchange::Record& r) const {
  // Only the test the operator asks for: a rule's conditions run on every record it names.
  const std::string_view v = r.item(item);
  const auto in = [&] { return std::find(values.begin(), values.end(), v) != values.end(); };
  const auto prefixed = [&] {
    return std::any_of(values.begin(), values.end(), [&](const std::string& p) { return starts_with(v, p); });
  };
  switch (op) {
    case Op::In: return in();
    case Op::NotIn: return !in();
    case Op::Prefix: return prefixed();
    case Op::NotPrefix: return !prefixed();
  }
  return false;
}

bool all_hold(const std::vector<Condition>& when, const exchange::Record& r) {
  return std::all_of(when.begin(), when.end(), [&](const Condition& c) { return c.holds(r); });
}

Rules Rules::parse(const RuleTexts& texts) {
  Rules out;
  out.settings_ = parse_settings(texts.settings);

  constexpr std::string_view ti = "items.tsv";
  for (const auto& r : read_table(ti, texts.items, {"family", "kind", "item", "rule", "args", "when", "code", "source"})) {
    ItemRule rule{parse_family(ti, r), kind_of(r.cols[1]), item_no(ti, r, 2), parse_item_rule(ti, r),
                  words(r.cols[4]),     parse_when(ti, r.line, 6, r.cols[5]),   code_of(ti, r, 6)};
    if (rule.rule == ItemRuleKind::OneOf && rule.args.empty()) fail(ti, r.line, 5, "one_of に値がない");
    out.items_.push_back(std::move(rule));
  }

  constexpr std::string_view td = "duplicates.tsv";
  for (const auto& r : read_table(td, texts.duplicates, {"family", "kind", "items", "report_item", "when", "code", "source"})) {
    DuplicateRule rule;
    rule.family = parse_family(td, r);
    rule.kind = kind_of(r.cols[1]);
    for (const auto& w : words(r.cols[2])) {
      auto v = parse_int(w);
      if (!v || *v < 1) fail(td, r.line, 3, "項番が不正");
      rule.items.push_back(static_cast<int>(*v));
    }
    if (rule.items.empty()) fail(td, r.line, 3, "項番がない");
    rule.report_item = item_no(td, r, 3);
    rule.when = parse_when(td, r.line, 5, r.cols[4]);
    rule.code = code_of(td, r, 5);
    out.duplicates_.push_back(std::move(rule));
  }

  constexpr std::string_view ts = "structure.tsv";
  for (const auto& r : read_table(ts, texts.structure, {"family", "rule", "kinds", "item", "code", "source"})) {
    StructureRule rule;
    rule.family = parse_family(ts, r);
    std::string_view kind = r.cols[1];
    if (kind == "required") rule.rule = StructureKind::Required;
    else if (kind == "sequence") rule.rule = StructureKind::Sequence;
    else if (kind == "types_match") rule.rule = StructureKind::TypesMatch;
    else fail(ts, r.line, 2, fmt::format("rule が不明: {}", kind));
    std::string_view kinds = r.cols[2];
    if (rule.rule == StructureKind::TypesMatch) {
      auto gt = kinds.find('>');
      if (gt == std::string_view::npos) fail(ts, r.line, 3, "types_match は 明細>集計");
      rule.kinds = words(kinds.substr(0, gt));
      rule.kinds_to = words(kinds.substr(gt + 1));
    } else {
      rule.kinds = words(kinds);
    }
    rule.item = item_no(ts, r, 3);
    rule.code = code_of(ts, r, 4);
    out.structure_.push_back(std::move(rule));
  }

  constexpr std::string_view tr = "reader_levels.tsv";
  for (const auto& r : read_table(tr, texts.reader_levels, {"code", "level", "on_control", "note"})) {
    ReaderLevel l{std::string(r.cols[0]), parse_enum<Level>(r.cols[1]), parse_enum<Level>(r.cols[2])};
    if (!l.level && r.cols[1] != "-") fail(tr, r.line, 2, "level が不明");
    if (!l.on_control && r.cols[2] != "-") fail(tr, r.line, 3, "on_control が不明");
    out.reader_levels_.push_back(std::move(l));
  }

  out.by_kind_.resize(kFamilies * kKindSlots);
  for (std::size_t f = 0; f < kFamilies; ++f) {
    for (std::size_t k = 0; k < kKindSlots; ++k) {
      for (const auto& rule : out.items_) {
        if (static_cast<std::size_t>(rule.family) != f) continue;
        if (rule.kind.empty() || (k != 0 && kind_slot(rule.kind) == k)) out.by_kind_[f * kKindSlots + k].push_back(&rule);
      }
    }
  }
  return out;
}

// Looked up for every record of a file: an index, not a search.
const std::vector<const ItemRule*>& Rules::items_for(RuleFamily family, std::string_view kind) const {
  return by_kind_[static_cast<std::size_t>(family) * kKindSlots + kind_slot(kind)];
}

const ReaderLevel* Rules::reader_level(std::string_view code) const {
  for (const auto& l : reader_levels_) {
    if (l.code == code) return &l;
  }
  return nullptr;
}

bool Rules::full_benefit(std::string_view service_type) const {
  const auto& t = settings_.full_benefit_types;
  return std::find(t.begin(), t.end(), service_type) != t.end();
}

const Rules& rules() {
  static const Rules instance = [] {
    auto get = [](std::string_view name) {
      auto bytes = embedded::find(std::string(kDir) + std::string(name));
      if (!bytes) throw std::runtime_error(fmt::format("precheck/rules/{} が埋め込まれていません / table missing", name));
      return *bytes;
    };
    return Rules::parse({get("settings.tsv"), get("items.tsv"), get("duplicates.tsv"), get("structure.tsv"),
                         get("reader_levels.tsv")});
  }();
  return instance;
}

}  // namespace kaigo::precheck
