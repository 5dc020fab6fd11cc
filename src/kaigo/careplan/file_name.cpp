#include "kaigo/careplan/file_name.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/text/charclass.hpp"

namespace kaigo::careplan {
namespace {

bool valid_office(std::string_view s) { return s.size() == 10 && all_code_chars(s); }
bool valid_type(std::string_view s) { return s.size() == 2 && all_code_chars(s); }

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

ParsedName bad(std::string ja, std::string en, Finding f = Finding::BadName) {
  ParsedName p;
  p.error = {f, std::move(ja), std::move(en)};
  return p;
}

// Checks one endpoint part; empty on success, else the reason (ja, en).
std::optional<std::pair<std::string, std::string>> endpoint_error(std::string_view office, std::string_view type,
                                                                  std::string_view who_ja, std::string_view who_en,
                                                                  bool with_type) {
  if (!valid_office(office)) {
    return std::pair{fmt::format("{}の事業所番号「{}」が10桁の半角英数字でない", who_ja, office),
                     fmt::format("the {} office number \"{}\" is not 10 half-width characters", who_en, office)};
  }
  if (with_type && !valid_type(type)) {
    return std::pair{fmt::format("{}のサービス種類コード「{}」が2桁の半角英数字でない", who_ja, type),
                     fmt::format("the {} service type \"{}\" is not 2 half-width characters", who_en, type)};
  }
  return std::nullopt;
}

}  // namespace

bool valid_serial(std::string_view s) {
  if (s.size() != 14 || !text::all_digits(s)) return false;
  if (!Date::parse(s.substr(0, 8))) return false;
  auto two = [&](std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); };
  return two(8) <= 23 && two(10) <= 59 && two(12) <= 59;
}

ParsedName parse_file_name(std::string_view name) {
  if (name.find("\xCC\xB2") != std::string_view::npos) {
    return bad("区切りが結合用下線 (U+0332) になっている — 半角の _ を使う",
               "the separators are COMBINING LOW LINE (U+0332), not the ASCII _");
  }
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return bad("拡張子がない", "no extension");
  std::string ext = upper(name.substr(dot + 1));
  std::string_view stem = name.substr(0, dot);

  const FileKind* kind = nullptr;
  for (const FileKind* k : Registry::instance().kinds_longest_first()) {
    if (stem.size() > k->prefix.size() && starts_with(stem, k->prefix) && stem[k->prefix.size()] == '_') {
      kind = k;
      break;
    }
  }
  if (kind == nullptr) {
    auto head = stem.substr(0, stem.find('_'));
    return bad(fmt::format("ファイル種類「{}」は標準仕様にない", head),
               fmt::format("\"{}\" is not a file kind of the standard", head), Finding::UnknownKind);
  }
  if (ext != (kind->image ? "JPG" : "CSV")) {
    return bad(fmt::format("拡張子が .{} ではない", kind->image ? "jpg" : "CSV"),
               fmt::format("the extension is not .{}", kind->image ? "jpg" : "CSV"));
  }
  auto parts = split(stem.substr(kind->prefix.size() + 1), '_');
  FileName fn;
  fn.kind = kind;
  std::size_t at = 0;
  if (kind->month != NameMonth::None) {
    std::string_view m = parts[0];
    if (m == "000000" && kind->month == NameMonth::MonthOrZero) {
      fn.zero_month = true;
    } else if (auto ym = YearMonth::parse(m); ym && text::all_digits(m)) {
      fn.month = *ym;
    } else {
      return bad(fmt::format("年月「{}」が YYYYMM でない", m), fmt::format("the month \"{}\" is not YYYYMM", m));
    }
    at = 1;
  }
  std::size_t fixed = at + (kind->image ? 1 : 0);
  std::size_t rest = parts.size() >= fixed ? parts.size() - fixed : 0;
  if (rest != 5 && rest != 3) {
    return bad("区切り（_）の数が規約と違う（送信元・種類・送信先・種類・連番）",
               "wrong number of _-separated parts (sender, type, receiver, type, serial)");
  }
  fn.form = rest == 5 ? NameForm::V4 : NameForm::V3;
  bool typed = fn.form == NameForm::V4;
  fn.sender.office_no = std::string(parts[at]);
  if (typed) fn.sender.service_type = std::string(parts[at + 1]);
  std::size_t r = at + (typed ? 2 : 1);
  fn.receiver.office_no = std::string(parts[r]);
  if (typed) fn.receiver.service_type = std::string(parts[r + 1]);
  fn.serial = std::string(parts[r + (typed ? 2 : 1)]);
  if (auto e = endpoint_error(fn.sender.office_no, fn.sender.service_type, "送信元", "sender", typed)) {
    return bad(e->first, e->second);
  }
  if (auto e = endpoint_error(fn.receiver.office_no, fn.receiver.service_type, "送信先", "receiver", typed)) {
    return bad(e->first, e->second);
  }
  if (!valid_serial(fn.serial)) {
    return bad(fmt::format("ファイル連番「{}」が YYYYMMDDHHMMSS（14桁）の日時でない", fn.serial),
               fmt::format("the serial \"{}\" is not a YYYYMMDDHHMMSS moment", fn.serial));
  }
  if (kind->image) {
    std::string_view b = parts.back();
    if (b.size() != 4 || !text::all_digits(b) || b == "0000") {
      return bad(fmt::format("枝番「{}」が 0001～9999 の4桁でない", b),
                 fmt::format("the branch number \"{}\" is not 0001–9999", b));
    }
    fn.branch = static_cast<int>(*parse_int(b));
  }
  ParsedName p;
  p.name = std::move(fn);
  return p;
}

std::string FileName::tail() const {
  if (form == NameForm::V4) {
    return fmt::format("{}_{}_{}_{}_{}", sender.office_no, sender.service_type, receiver.office_no,
                       receiver.service_type, serial);
  }
  return fmt::format("{}_{}_{}", sender.office_no, receiver.office_no, serial);
}

std::string FileName::str() const {
  if (kind == nullptr) throw std::invalid_argument("ファイル種類がない / no file kind");
  bool typed = form == NameForm::V4;
  auto check = [&](bool ok, std::string_view ja, std::string_view en) {
    if (!ok) throw std::invalid_argument(fmt::format("ファイル名を作れません: {} / cannot build the file name: {}", ja, en));
  };
  check(valid_office(sender.office_no) && valid_office(receiver.office_no), "事業所番号は10桁",
        "office numbers have 10 characters");
  check(!typed || (valid_type(sender.service_type) && valid_type(receiver.service_type)), "サービス種類コードは2桁",
        "service types have 2 characters");
  check(valid_serial(serial), "ファイル連番は YYYYMMDDHHMMSS", "the serial is YYYYMMDDHHMMSS");
  check(!kind->image || (branch >= 1 && branch <= 9999), "枝番は 1～9999", "the branch number is 1–9999");
  std::string out = kind->prefix + "_";
  switch (kind->month) {
    case NameMonth::None: check(!month && !zero_month, "この種類の名前に年月はない", "this kind has no month"); break;
    case NameMonth::Month: check(month.has_value() && !zero_month, "年月 YYYYMM が要る", "a month YYYYMM is needed"); break;
    case NameMonth::MonthOrZero: check(month.has_value() != zero_month, "年月か 000000 のどちらか", "a month or 000000"); break;
  }
  if (month) out += month->str() + "_";
  if (zero_month) out += "000000_";
  out += tail();
  if (kind->image) out += fmt::format("_{:04d}.jpg", branch);
  else out += ".CSV";
  return out;
}

bool all_code_chars(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

std::string base_name(std::string_view path) {
  auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace kaigo::careplan
