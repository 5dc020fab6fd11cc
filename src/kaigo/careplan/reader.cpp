#include "kaigo/careplan/reader.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "kaigo/careplan/csv.hpp"
#include "kaigo/careplan/encoding.hpp"
#include "kaigo/careplan/file_name.hpp"
#include "kaigo/careplan/items.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/exchange/line_source.hpp"
#include "kaigo/text/cp932.hpp"
#include "kaigo/text/charclass.hpp"
#include "kaigo/text/gaiji.hpp"

namespace kaigo::careplan {
namespace {

bool has_digit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// The side of the exchange that is the service office: the receiver of what the care manager
// sends, the sender of 実績.
const Endpoint& provider_end(const FileName& n) { return n.kind->from == Side::CareManager ? n.receiver : n.sender; }
const Endpoint& care_end(const FileName& n) { return n.kind->from == Side::CareManager ? n.sender : n.receiver; }

class Parser {
 public:
  Parser(std::string_view file_name, Sink& sink, const ReadOptions& options)
      : sink_(sink), options_(options) {
    summary_.file = base_name(file_name);
  }

  // The name and what it alone can say. False when the file is an image (no records to read).
  bool read_name();
  void read_image(std::string_view head, std::string_view tail, std::uint64_t size);
  void read_records(exchange::LineSource& lines);
  void finish(std::uint64_t bytes) {
    summary_.bytes = bytes;
    sink_.on_finish(summary_);
  }

 private:
  void emit(Diagnostic d, const Record* record) {
    if (d.severity == Severity::Error) ++summary_.errors;
    else ++summary_.warnings;
    sink_.on_diagnostic(d, record);
  }
  void file_finding(Finding f, std::uint64_t line, std::string_view ja = {}, std::string_view en = {}) {
    emit(make_diagnostic(f, summary_.file, line, ja, en), nullptr);
  }
  // A finding about item `no` of the current record (0 = the record as a whole).
  void item_finding(Finding f, int no, std::string_view ja = {}, std::string_view en = {});
  void csv_issues(const CsvSource& csv);
  bool encoding_ok(const CsvRecord& r, std::vector<std::uint8_t>& bad_items);
  void item_encoding(std::string_view value, int no);
  void check_items(const std::vector<std::uint8_t>& bad_items);
  void check_version();
  void check_months();
  void line_end(const CsvRecord& r);

  Sink& sink_;
  const ReadOptions& options_;
  FileSummary summary_;
  std::optional<FileName> name_;
  const Layout* layout_ = nullptr;  // of the kind, when the name gave one
  // the current record
  Record record_;
  std::vector<Diagnostic> pending_;
  std::vector<std::uint64_t> item_lines_;
  std::vector<std::size_t> bad_quotes_;  // items of the current record with a misplaced quote
  // once-per-file findings
  bool seen_high_byte_ = false;
  bool seen_content_ = false;  // a line with content was read
  bool reported_lf_ = false;
  bool reported_unquoted_ = false;
  bool reported_version_ = false;  // CP21 / CP23 / CP24 / CP25 / CP03 checked on the first versioned record
  bool reported_mixed_ = false;
  bool reported_unknown_ = false;
  std::string first_version_;
  std::string name_month_;  // the name's month as written (YYYYMM or 000000)
  bool cached_version_ = false;
  std::string cached_version_value_;
  const CsvVersion* cached_version_ptr_ = nullptr;
};

void Parser::item_finding(Finding f, int no, std::string_view ja, std::string_view en) {
  std::uint64_t line = record_.line;
  if (no >= 1 && static_cast<std::size_t>(no) <= item_lines_.size()) line = item_lines_[static_cast<std::size_t>(no - 1)];
  Diagnostic d = make_diagnostic(f, summary_.file, line, ja, en);
  if (no >= 1) {
    d.item_no = no;
    if (layout_ != nullptr && no <= layout_->count()) d.item_name = layout_->item(no).name;
    d.value = text::printable(record_.item(no));
  }
  if (d.severity == Severity::Error) record_.has_errors = true;
  pending_.push_back(std::move(d));
}

bool Parser::read_name() {
  auto parsed = parse_file_name(summary_.file);
  if (!parsed.name) {
    file_finding(parsed.error.finding, 0, parsed.error.detail_ja, parsed.error.detail_en);
    sink_.on_name(std::nullopt);
    return true;
  }
  name_ = std::move(parsed.name);
  summary_.name = name_;
  if (name_->month) name_month_ = name_->month->str();
  else if (name_->zero_month) name_month_ = "000000";
  sink_.on_name(name_);
  const auto& reg = Registry::instance();
  const FileKind& kind = *name_->kind;
  layout_ = kind.layout;
  if (name_->form == NameForm::V3 && kind.since->has_layouts) {
    file_finding(Finding::NameFormVersion, 0, fmt::format("{} は 4.0 版で追加された種類", kind.prefix),
                 fmt::format("{} was added by 4.0", kind.prefix));
  }
  if (name_->sender.office_no == name_->receiver.office_no) {
    file_finding(Finding::SameOffice, 0, name_->sender.office_no, name_->sender.office_no);
  }
  if (name_->form == NameForm::V4) {
    const auto& provider = provider_end(*name_).service_type;
    if (!reg.has_role(provider, ServiceRole::Linked)) {
      file_finding(Finding::TypeOutOfScope, 0, fmt::format("サービス事業所側の種類 {}", provider),
                   fmt::format("service office's type {}", provider));
    }
    const auto& care = care_end(*name_).service_type;
    if (!reg.has_role(care, ServiceRole::Care)) {
      file_finding(Finding::NotCareManagerType, 0, fmt::format("居宅介護支援側の種類 {}", care),
                   fmt::format("care-management side's type {}", care));
    }
  }
  return !kind.image;
}

void Parser::read_image(std::string_view head, std::string_view tail, std::uint64_t size) {
  bool jpeg = size >= 4 && head.size() >= 3 && static_cast<unsigned char>(head[0]) == 0xFF &&
              static_cast<unsigned char>(head[1]) == 0xD8 && static_cast<unsigned char>(head[2]) == 0xFF &&
              tail.size() >= 2 && static_cast<unsigned char>(tail[tail.size() - 2]) == 0xFF &&
              static_cast<unsigned char>(tail[tail.size() - 1]) == 0xD9;
  if (!jpeg) file_finding(Finding::NotJpeg, 0);
}

void Parser::csv_issues(const CsvSource& csv) {
  bad_quotes_.clear();
  for (const auto& issue : csv.issues()) {
    int no = static_cast<int>(issue.field) + 1;
    switch (issue.problem) {
      case CsvProblem::BadQuote:
        if (std::find(bad_quotes_.begin(), bad_quotes_.end(), issue.field) != bad_quotes_.end()) break;
        bad_quotes_.push_back(issue.field);
        item_finding(Finding::BadQuote, no);
        break;
      case CsvProblem::Unterminated: {
        Diagnostic d = make_diagnostic(Finding::UnterminatedQuote, summary_.file, issue.line,
                                       fmt::format("{}行目で開いた引用符", issue.line),
                                       fmt::format("quote opened on line {}", issue.line));
        d.item_no = no;
        if (layout_ != nullptr && no <= layout_->count()) d.item_name = layout_->item(no).name;
        record_.has_errors = true;
        pending_.push_back(std::move(d));
        break;
      }
      case CsvProblem::TooLong:
        item_finding(Finding::RecordTooLong, 0, fmt::format("上限 {} バイト", options_.max_record_bytes),
                     fmt::format("limit {} bytes", options_.max_record_bytes));
        break;
    }
  }
  if (csv.stopped()) summary_.refused = true;
}

// MS932 only: UTF-8 is recognised (the first line holding a non-ASCII byte decides) and refused;
// bytes that are no MS932 character, 外字 and NUL are reported on their item. The record is scanned
// once; only an item found at fault is looked at again. False: stop reading.
bool Parser::encoding_ok(const CsvRecord& r, std::vector<std::uint8_t>& bad_items) {
  bad_items.assign(r.fields.size(), 0);
  for (std::size_t k : bad_quotes_) {
    if (k < bad_items.size()) bad_items[k] = 1;
  }
  if (!seen_high_byte_ && !text::is_ascii(r.raw)) {
    seen_high_byte_ = true;
    if (looks_like_utf8(r.raw)) {
      summary_.refused = true;
      item_finding(Finding::Utf8, 0, "UTF-8 の多バイト文字", "UTF-8 multi-byte characters");
      return false;
    }
  }
  std::size_t at = find_bad_byte(r.raw, 0);
  while (at != text::npos) {
    std::size_t k = 0;
    while (k + 1 < r.offsets.size() && r.offsets[k + 1] <= at) ++k;
    item_encoding(r.fields[k], static_cast<int>(k) + 1);
    bad_items[k] = 1;
    if (k + 1 >= r.offsets.size()) break;
    at = find_bad_byte(r.raw, r.offsets[k + 1]);
  }
  return true;
}

// What exactly is wrong with the bytes of one item.
void Parser::item_encoding(std::string_view v, int no) {
  if (auto at = text::find_invalid_cp932(v); at != text::npos) {
    item_finding(Finding::InvalidBytes, no, fmt::format("{} バイト目", at + 1), fmt::format("byte {}", at + 1));
  } else if (auto g = text::find_user_defined_cp932(v); g != text::npos) {
    item_finding(Finding::InvalidBytes, no, fmt::format("外字（{} バイト目）", g + 1),
                 fmt::format("a user-defined character (外字) at byte {}", g + 1));
  } else {
    item_finding(Finding::BadCharacters, no, "NUL (0x00) がある", "a NUL byte");
  }
}

void Parser::check_items(const std::vector<std::uint8_t>& bad_items) {
  const auto& items = layout_->items;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (bad_items[k] != 0) continue;
    const ItemSpec& spec = items[k];
    std::string_view v = record_.values[k];
    if (!quick_ok(spec, v)) {
      if (auto p = check_item(spec, v)) item_finding(p->finding, spec.no, p->detail_ja, p->detail_en);
    }
    if (spec.format == ItemFormat::Text && !v.empty() && record_.quoted[k] == 0 && !reported_unquoted_) {
      reported_unquoted_ = true;
      item_finding(Finding::UnquotedText, spec.no, "以降の行は省略", "later ones not listed");
    }
  }
}

// CSVバージョン: known, in force for the service month, one per file, with layouts we hold.
void Parser::check_version() {
  std::string_view v = record_.item(1);
  const auto& reg = Registry::instance();
  // Records of one file carry one version: look it up again only when it changes.
  if (!cached_version_ || v != cached_version_value_) {
    cached_version_ = true;
    cached_version_value_.assign(v);
    cached_version_ptr_ = reg.version(v);
  }
  record_.version = cached_version_ptr_;
  if (first_version_.empty() && !v.empty()) {
    first_version_ = std::string(v);
    summary_.version = first_version_;
  } else if (!v.empty() && v != first_version_ && !reported_mixed_) {
    reported_mixed_ = true;
    item_finding(Finding::MixedVersions, 1, fmt::format("最初のレコードは {}", first_version_),
                 fmt::format("the first record has {}", first_version_));
  }
  if (record_.version == nullptr) {
    if (text::all_digits(v) && v.size() == 6 && !reported_unknown_) {
      reported_unknown_ = true;
      item_finding(Finding::UnknownVersion, 1);
    }
    return;
  }
  if (reported_version_) return;
  reported_version_ = true;
  const CsvVersion& ver = *record_.version;
  const FileKind* kind = record_.kind;
  if (kind != nullptr && ver.applies_from < kind->since->applies_from) {
    item_finding(Finding::KindNotInVersion, 1, fmt::format("{} は {} から", kind->prefix, kind->since->value),
                 fmt::format("{} exists from {}", kind->prefix, kind->since->value));
  }
  if (name_ && name_->form == NameForm::V3 && ver.has_layouts && !name_->kind->since->has_layouts) {
    item_finding(Finding::NameFormVersion, 1, "サービス種類コードのない旧形式の名前", "an old name without service types");
  }
  if (!ver.has_layouts) item_finding(Finding::VersionWithoutLayout, 1, ver.edition, ver.edition);
  std::optional<YearMonth> month;
  if (name_ && name_->month) month = name_->month;
  else if (kind != nullptr && kind->month_item > 0 && !(name_ && name_->zero_month)) {
    month = YearMonth::parse(record_.item(kind->month_item));
  }
  if (!month) {
    if (ver.superseded) item_finding(Finding::SupersededVersion, 1);
    return;
  }
  const CsvVersion* expected = reg.version_for(*month);
  if (expected == &ver) return;
  if (ver.superseded && expected != nullptr && expected->applies_from == ver.applies_from) {
    item_finding(Finding::SupersededVersion, 1);
    return;
  }
  if (expected == nullptr) {
    item_finding(Finding::VersionNotForMonth, 1, fmt::format("サービス提供年月 {} に適用される版がない", month->str()),
                 fmt::format("no version applies to service month {}", month->str()));
  } else {
    item_finding(Finding::VersionNotForMonth, 1,
                 fmt::format("サービス提供年月 {} は {}（{}）", month->str(), expected->value, expected->edition),
                 fmt::format("service month {} takes {}", month->str(), expected->value));
  }
}

// The record's 対象年月 against the name; the 利用者補足情報's link items against the name month.
void Parser::check_months() {
  if (!name_ || record_.layout == nullptr) return;
  const FileKind& kind = *name_->kind;
  if (kind.month_item == 0) return;
  const std::string& expected = name_month_;
  std::string_view got = record_.item(kind.month_item);
  bool item_ok = !got.empty() && check_item(kind.layout->item(kind.month_item), got) == std::nullopt;
  if (item_ok && got != expected) {
    item_finding(Finding::MonthMismatch, kind.month_item, fmt::format("ファイル名は {}", expected),
                 fmt::format("the name says {}", expected));
  }
  if (kind.month != NameMonth::MonthOrZero) return;
  // UPHOSOKU item 4: the plan date when tied to 第1表 (000000), 00000000 when tied to 第6表.
  std::string_view plan_date = record_.item(4);
  if (plan_date.size() != 8 || check_item(kind.layout->item(4), plan_date)) return;
  if (name_->zero_month && plan_date == "00000000") {
    item_finding(Finding::SupplementLink, 4, "第1表・第2表に紐づく補足には作成（変更）日が要る",
                 "a 補足 tied to 第1表/第2表 needs the plan date");
  } else if (!name_->zero_month && plan_date != "00000000") {
    item_finding(Finding::SupplementLink, 4, "第6表・第7表に紐づく補足は 00000000", "a 補足 tied to 第6表/第7表 has 00000000");
  }
}

void Parser::line_end(const CsvRecord& r) {
  if (r.terminated && !r.crlf && !reported_lf_) {
    reported_lf_ = true;
    file_finding(Finding::LfLineEnd, r.end_line, "以降の行は省略", "later ones not listed");
  }
  if (!r.terminated && !summary_.refused) file_finding(Finding::NoFinalNewline, r.end_line);
}

void Parser::read_records(exchange::LineSource& lines) {
  CsvSource csv(lines, options_.max_record_bytes);
  CsvRecord r;
  std::vector<std::uint8_t> bad_items;
  const Layout* layout = layout_;
  while (csv.next(r)) {
    record_ = Record{};
    record_.kind = name_ ? name_->kind : nullptr;
    record_.line = r.line;
    record_.end_line = r.end_line;
    record_.values = r.fields;
    record_.quoted = r.quoted;
    item_lines_.assign(r.fields.size(), r.line);
    if (r.end_line != r.line) {
      for (std::size_t k = 0; k < r.fields.size(); ++k) item_lines_[k] = r.line_of(k);
    }
    record_.item_lines = item_lines_;
    pending_.clear();
    csv_issues(csv);
    bool empty_line = r.raw.empty() && r.fields.size() <= 1 && csv.issues().empty();
    if (empty_line) {
      if (r.terminated) file_finding(Finding::EmptyLine, r.line);
      continue;
    }
    if (r.fields.empty() || csv.stopped()) {  // too long to read, or the rest of the file is one open quote
      for (auto& d : pending_) emit(std::move(d), nullptr);
      if (summary_.refused) break;
      continue;
    }
    // The first line with content may carry a byte-order mark (UTF-8) or be a header row.
    bool first = !seen_content_;
    seen_content_ = true;
    if (first && starts_with(r.raw, "\xEF\xBB\xBF")) {
      summary_.refused = true;
      file_finding(Finding::Utf8, r.line, "UTF-8 の BOM (EF BB BF)", "a UTF-8 byte-order mark (EF BB BF)");
      break;
    }
    if (!encoding_ok(r, bad_items)) {
      for (auto& d : pending_) emit(std::move(d), nullptr);
      break;
    }
    if (first && !has_digit(r.fields[0])) {
      file_finding(Finding::HeaderRow, r.line);
      line_end(r);
      continue;
    }
    ++summary_.records;
    check_version();
    if (layout != nullptr && (record_.version == nullptr || record_.version->has_layouts)) {
      if (static_cast<int>(r.fields.size()) != layout->count()) {
        item_finding(Finding::ItemCount, 0, fmt::format("{} 項目のところ {} 項目", layout->count(), r.fields.size()),
                     fmt::format("{} items expected, {} given", layout->count(), r.fields.size()));
      } else {
        record_.layout = layout;
        check_items(bad_items);
        check_months();
      }
    }
    for (auto& d : pending_) emit(std::move(d), &record_);
    sink_.on_record(record_);
    line_end(r);
    if (summary_.refused) break;
  }
  summary_.lines = csv.lines_read();
  if (summary_.records == 0 && !summary_.refused) file_finding(Finding::EmptyFile, 0);
}

}  // namespace

Diagnostic make_diagnostic(Finding finding, std::string_view file, std::uint64_t line, std::string_view detail_ja,
                           std::string_view detail_en) {
  const FindingText& t = finding_text(finding);
  Diagnostic d;
  d.severity = t.severity;
  d.code = std::string(t.code);
  d.file = std::string(file);
  d.line = line;
  d.message_ja = detail_ja.empty() ? std::string(t.title_ja) : fmt::format("{}（{}）", t.title_ja, detail_ja);
  d.message_en = detail_en.empty() ? std::string(t.title_en) : fmt::format("{}: {}", t.title_en, detail_en);
  return d;
}

void read_bytes(std::string_view file_name, std::string_view bytes, Sink& sink, const ReadOptions& options) {
  Parser p(file_name, sink, options);
  if (!p.read_name()) {
    p.read_image(bytes.substr(0, 3), bytes.substr(bytes.size() >= 2 ? bytes.size() - 2 : 0), bytes.size());
  } else {
    exchange::MemoryLines lines(bytes, options.max_record_bytes);
    p.read_records(lines);
  }
  p.finish(bytes.size());
}

void read_file(const std::filesystem::path& path, Sink& sink, const ReadOptions& options) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    throw std::runtime_error(fmt::format("ファイルを開けません: {} / cannot open file: {}", path.string(), path.string()));
  }
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) size = 0;
  Parser p(path.filename().string(), sink, options);
  char head[3] = {0, 0, 0};
  std::size_t got = std::fread(head, 1, sizeof head, f.get());
  if (!p.read_name()) {
    char tail[2] = {0, 0};
    std::size_t tail_got = 0;
    if (size >= 2 && std::fseek(f.get(), -2, SEEK_END) == 0) tail_got = std::fread(tail, 1, 2, f.get());
    p.read_image({head, got}, {tail, tail_got}, size);
  } else {
    std::rewind(f.get());
    exchange::FileLines lines(f.get(), options.chunk_bytes, options.max_record_bytes);
    p.read_records(lines);
  }
  if (std::ferror(f.get())) throw std::runtime_error(fmt::format("読み込みエラー: {} / read error", path.string()));
  p.finish(size);
}

}  // namespace kaigo::careplan
