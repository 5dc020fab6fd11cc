#include "kaigo/portal/receipt.hpp"

#include <array>
#include <set>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/master/csv.hpp"

namespace kaigo::portal {
namespace {

constexpr std::string_view kUnitDai = "台";
constexpr std::string_view kRuleReceipt = "seed 003 2-5: 領収書に「カードリーダー」「台数」「設定費用」等、用途を記載";

// The digit ending just before byte `end` of `text` (ASCII or full-width), and where it starts.
std::optional<std::pair<int, std::size_t>> digit_before(std::string_view text, std::size_t end) {
  if (end >= 1) {
    char c = text[end - 1];
    if (c >= '0' && c <= '9') return std::make_pair(c - '0', end - 1);
  }
  // ０–９ are U+FF10–U+FF19: EF BC 90–99.
  if (end >= 3 && static_cast<unsigned char>(text[end - 3]) == 0xEF &&
      static_cast<unsigned char>(text[end - 2]) == 0xBC) {
    auto last = static_cast<unsigned char>(text[end - 1]);
    if (last >= 0x90 && last <= 0x99) return std::make_pair(last - 0x90, end - 3);
  }
  return std::nullopt;
}

// Skips spaces (ASCII and U+3000) that end just before `end`.
std::size_t skip_spaces_before(std::string_view text, std::size_t end) {
  while (true) {
    if (end >= 1 && text[end - 1] == ' ') {
      --end;
    } else if (end >= 3 && text.substr(end - 3, 3) == "\u3000") {
      end -= 3;
    } else {
      return end;
    }
  }
}

std::set<ItemKind> kinds_named(std::string_view text, const Schemes& schemes) {
  std::set<ItemKind> kinds;
  for (const auto& p : schemes.purposes()) {
    if (text.find(p.keyword) != std::string_view::npos) kinds.insert(p.kind);
  }
  return kinds;
}

Finding returned(std::string code, int position, std::string ja, std::string en) {
  return {std::move(code), Effect::Return, position, std::string(kRuleReceipt), std::move(ja), std::move(en)};
}

void read_breakdown(const ReceiptLine& line, int position, int tax_percent, LineReading& out) {
  if (line.net && line.tax) {
    out.net = *line.net;
    out.tax = *line.tax;
    if (*line.net + *line.tax != line.amount) {
      out.findings.push_back(
          {"KH14", Effect::Return, position, "seed 003 2-5: 領収書の内訳（税抜金額・消費税等）",
           fmt::format("領収書{}の内訳（税抜 {}＋消費税等 {}）が金額 {}と合いません", line.receipt, yen_text(*line.net),
                       yen_text(*line.tax), yen_text(line.amount)),
           fmt::format("receipt {}: the breakdown ({} + {} yen) does not add up to {} yen", line.receipt,
                       grouped(line.net->value), grouped(line.tax->value), grouped(line.amount.value))});
    }
    return;
  }
  if (line.net) {
    out.net = *line.net;
    out.tax = line.amount - *line.net;
  } else if (line.tax) {
    out.tax = *line.tax;
    out.net = line.amount - *line.tax;
  } else {
    out.tax = tax_included(line.amount, tax_percent);
    out.net = line.amount - out.tax;
  }
  out.derived = true;
  if (out.net < Yen{} || out.tax < Yen{}) {
    out.findings.push_back(
        {"KH14", Effect::Return, position, "seed 003 2-5: 領収書の内訳（税抜金額・消費税等）",
         fmt::format("領収書{}の内訳が金額 {}を超えています", line.receipt, yen_text(line.amount)),
         fmt::format("receipt {}: the breakdown exceeds the amount {} yen", line.receipt, grouped(line.amount.value))});
  }
}

}  // namespace

Yen tax_included(Yen amount, int tax_percent) { return {floor_div(amount.value * tax_percent, 100 + tax_percent)}; }

std::optional<int> count_in_text(std::string_view text) {
  std::optional<int> found;
  for (auto at = text.find(kUnitDai); at != std::string_view::npos; at = text.find(kUnitDai, at + kUnitDai.size())) {
    std::size_t end = skip_spaces_before(text, at);
    long value = 0, scale = 1;
    bool any = false;
    while (auto d = digit_before(text, end)) {
      if (scale > 100000) return std::nullopt;  // no one buys a million readers: not a count
      value += d->first * scale;
      scale *= 10;
      end = d->second;
      any = true;
    }
    if (!any) continue;
    if (found && *found != static_cast<int>(value)) return std::nullopt;
    found = static_cast<int>(value);
  }
  return found;
}

LineReading read_line(const ReceiptLine& line, int position, const Schemes& schemes, int tax_percent) {
  LineReading out;
  read_breakdown(line, position, tax_percent, out);
  auto text = trim(line.purpose);
  auto kinds = kinds_named(text, schemes);
  if (text.empty() || kinds.empty()) {
    out.findings.push_back(returned(
        "KH10", position,
        text.empty()
            ? fmt::format("領収書{}に用途（カードリーダー、台数、設定費用など）の記載がありません", line.receipt)
            : fmt::format("領収書{}の用途「{}"
                          "」が助成対象経費のどれか分かりません（カードリーダー、設定費用などと記載してください）",
                          line.receipt, escape_control(text)),
        text.empty()
            ? fmt::format("receipt {} does not name its purpose (card reader, number of readers, set-up)", line.receipt)
            : fmt::format("receipt {}: the purpose \"{}\" names no eligible item", line.receipt,
                          escape_control(text))));
    return out;
  }
  if (kinds.size() > 1) {
    out.findings.push_back(returned(
        "KH11", position,
        fmt::format(
            "領収書{}の一行に複数の用途（「{}」）があり、それぞれの金額が分かりません（用途ごとに記載してください）",
            line.receipt, escape_control(text)),
        fmt::format("receipt {}: one line names several purposes (\"{}\"); the amount of each is not known",
                    line.receipt, escape_control(text))));
    return out;
  }
  out.kind = *kinds.begin();
  if (out.kind != ItemKind::CardReader) return out;
  auto written = count_in_text(text);
  if (line.count && written && *line.count != *written) {
    out.findings.push_back(returned("KH13", position,
                                    fmt::format("領収書{}の台数が一致しません（台数 {}、記載「{}」）", line.receipt,
                                                *line.count, escape_control(text)),
                                    fmt::format("receipt {}: two different numbers of readers ({} and \"{}\")",
                                                line.receipt, *line.count, escape_control(text))));
    return out;
  }
  out.count = line.count ? line.count : written;
  if (!out.count || *out.count <= 0) {
    out.count.reset();
    out.findings.push_back(
        returned("KH12", position, fmt::format("領収書{}のカードリーダーの台数が記載されていません", line.receipt),
                 fmt::format("receipt {}: the number of card readers is not written", line.receipt)));
  }
  return out;
}

namespace {

enum Col : std::size_t { kReceipt, kIssued, kPurpose, kAmount, kCount, kNet, kTax, kDone };
constexpr std::array<master::Column, 8> kColumns{{
    {"receipt", "領収書番号"},
    {"issued_on", "発行日"},
    {"purpose", "用途（但し書き）"},
    {"amount", "金額（税込）"},
    {"count", "台数", true},
    {"net", "税抜金額", true},
    {"tax", "消費税等", true},
    {"done_on", "実施日", true},
}};
constexpr std::int64_t kMaxYen = 1'000'000'000;

}  // namespace

ReceiptsFile parse_receipts(std::string_view text, const std::string& file_name) {
  ReceiptsFile out;
  master::CsvFile csv(text, file_name, {kColumns}, out.diagnostics);
  std::vector<ReceiptLine> lines;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    master::RowReader r(csv, i, out.diagnostics);
    auto receipt = r.integer(kReceipt, 1, 9999, true);
    auto issued = r.date(kIssued, true);
    auto amount = r.integer(kAmount, 1, kMaxYen, true);
    auto count = r.integer(kCount, 1, 10000, false);
    auto net = r.integer(kNet, 0, kMaxYen, false);
    auto tax = r.integer(kTax, 0, kMaxYen, false);
    auto done = r.date(kDone, false);
    auto purpose = std::string(trim(r.text(kPurpose)));
    if (purpose.size() > 300)
      r.fail(kPurpose, master::code::kNumber, "用途が長すぎます（300バイトまで）",
             "the purpose is too long (300 bytes at most)");
    if (!r.ok() || !receipt || !issued || !amount) continue;
    ReceiptLine line;
    line.receipt = static_cast<int>(*receipt);
    line.issued_on = *issued;
    line.done_on = done;
    line.purpose = std::move(purpose);
    if (count) line.count = static_cast<int>(*count);
    line.amount = Yen{*amount};
    if (net) line.net = Yen{*net};
    if (tax) line.tax = Yen{*tax};
    line.source_line = r.line();
    lines.push_back(std::move(line));
  }
  if (csv.ok() && csv.size() == 0) {
    out.diagnostics.push_back(master::make_diagnostic(master::code::kRequired, file_name, 0, 0, "", "",
                                                      "領収書の行がありません", "the file has no receipt lines"));
  }
  if (out.diagnostics.empty()) out.lines = std::move(lines);
  return out;
}

}  // namespace kaigo::portal
