#include "support/text_scenario.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/billing/invoice.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/documents/statement_records.hpp"
#include "kaigo/exchange/layout.hpp"
#include "kaigo/exchange/writer.hpp"
#include "kaigo/report/notice_file.hpp"
#include "kaigo/report/office_lists.hpp"
#include "support/review_story.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

// ---- the Markdown of a scenario: headings, tables, a toml block ---------------------------------

struct TableRow {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

struct Table {
  std::size_t line = 0;
  std::vector<std::string> header;
  std::vector<TableRow> rows;
};

struct Section {
  int level = 0;  // 1 #, 2 ##, 3 ###
  std::string title;
  std::size_t line = 0;
  std::vector<Table> tables;
  std::string code;  // the fenced block under it (```toml … ```)
};

[[noreturn]] void bad(const fs::path& file, std::size_t line, const std::string& what) {
  throw std::runtime_error(fmt::format("{}:{}: {}", file.filename().string(), line, what));
}

std::vector<std::string> cells_of(std::string_view line) {
  std::vector<std::string> out;
  auto parts = split(trim(line), '|');
  // "| a | b |" splits into "", " a ", " b ", "".
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) out.emplace_back(trim(parts[i]));
  return out;
}

bool is_separator(const std::vector<std::string>& cells) {
  return !cells.empty() && std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
           return !c.empty() && c.find_first_not_of("-: ") == std::string::npos;
         });
}

std::vector<Section> parse_markdown(const fs::path& file, std::string_view text) {
  std::vector<Section> out{Section{0, "", 0, {}, {}}};
  bool in_code = false, in_table = false;
  auto rows = lines(text);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t no = i + 1;
    std::string_view l = rows[i];
    if (starts_with(l, "```")) {
      in_code = !in_code;
      continue;
    }
    if (in_code) {
      out.back().code += std::string(l) + "\n";
      continue;
    }
    if (starts_with(trim(l), "|")) {
      auto cells = cells_of(l);
      if (!in_table) {
        out.back().tables.push_back({no, std::move(cells), {}});
        in_table = true;
      } else if (!is_separator(cells)) {
        if (cells.size() != out.back().tables.back().header.size()) bad(file, no, "列の数が見出しと違います / wrong column count");
        out.back().tables.back().rows.push_back({no, std::move(cells)});
      }
      continue;
    }
    in_table = false;
    int level = 0;
    while (static_cast<std::size_t>(level) < l.size() && l[static_cast<std::size_t>(level)] == '#') ++level;
    if (level > 0 && static_cast<std::size_t>(level) < l.size() && l[static_cast<std::size_t>(level)] == ' ') {
      out.push_back({level, std::string(trim(l.substr(static_cast<std::size_t>(level)))), no, {}, {}});
    }
  }
  return out;
}

// One row of a table, its cells by column name.
class Cells {
 public:
  Cells(const fs::path& file, const Table& t, const TableRow& r) : file_(file), table_(t), row_(r) {}

  std::optional<std::string> get(std::string_view column) const {
    for (std::size_t i = 0; i < table_.header.size(); ++i) {
      if (table_.header[i] == column) return row_.cells[i];
    }
    return std::nullopt;
  }
  // Empty cells count as not given.
  std::optional<std::string> given(std::string_view column) const {
    auto v = get(column);
    return v && !v->empty() ? v : std::nullopt;
  }
  std::string need(std::string_view column) const {
    auto v = given(column);
    if (!v) fail(fmt::format("「{}」が必要です / column {} is required", column, column));
    return *v;
  }
  int number(std::string_view column, int fallback) const {
    auto v = given(column);
    if (!v) return fallback;
    auto n = parse_int(digits_only(*v));
    if (!n) fail(fmt::format("「{}」は数です: {}", column, *v));
    return static_cast<int>(*n);
  }
  bool yes(std::string_view column, bool fallback) const {
    auto v = given(column);
    if (!v) return fallback;
    if (*v == "はい" || *v == "1") return true;
    if (*v == "いいえ" || *v == "0") return false;
    fail(fmt::format("「{}」は はい か いいえ: {}", column, *v));
  }
  YearMonth month(std::string_view column) const {
    auto m = YearMonth::parse(need(column));
    if (!m) fail(fmt::format("「{}」は YYYYMM: {}", column, need(column)));
    return *m;
  }
  [[noreturn]] void fail(const std::string& what) const { bad(file_, row_.line, what); }

  static std::string digits_only(std::string_view v) {
    std::string out;
    for (char c : v) {
      if (c != ',') out.push_back(c);
    }
    return out;
  }

 private:
  const fs::path& file_;
  const Table& table_;
  const TableRow& row_;
};

void check_columns(const fs::path& file, const Table& t, std::initializer_list<std::string_view> allowed) {
  for (const auto& h : t.header) {
    if (std::find(allowed.begin(), allowed.end(), h) == allowed.end()) {
      bad(file, t.line, fmt::format("知らない列「{}」 / unknown column {}", h, h));
    }
  }
}

template <class Fn>
void each_row(const fs::path& file, const Section& s, std::initializer_list<std::string_view> columns, Fn&& fn) {
  if (s.tables.empty()) bad(file, s.line, "表がありません / no table");
  for (const auto& t : s.tables) {
    check_columns(file, t, columns);
    for (const auto& r : t.rows) fn(Cells(file, t, r));
  }
}

// ---- the story's documents of one processing month ------------------------------------------------

struct OfficeFile {
  std::string data_type;
  std::vector<billing::ClaimStatement> statements;
  std::vector<documents::CarePlanFeeStatement> fees;
  std::int64_t extra_count = 0;  // 請求書の誤り
  std::int64_t extra_claim = 0;
};

// A file is named by its office and the story's label for it (「ファイル」, 1 unless given): one
// file per office unless the story sends some documents in a second one.
struct FileKey {
  std::string office;
  std::string label;
  auto operator<=>(const FileKey&) const = default;
};

struct MonthDocuments {
  std::map<FileKey, OfficeFile> claims;
  std::map<FileKey, std::vector<billing::BenefitPlan>> plans;  // of a 居宅介護支援事業所
  std::vector<std::string> kago_rows;
  std::vector<std::string> appeal_rows;  // rereview.csv
};

std::string file_label(const Cells& c) {
  auto label = c.given("ファイル").value_or("1");
  if (label.size() > 2 || label.find_first_not_of("0123456789") != std::string::npos) c.fail("ファイルは 1〜99");
  return label;
}

std::string data_type_of(std::string_view form_id) {
  const auto* f = exchange::Registry::instance().form(form_id);
  return f ? f->data_type : "711";
}

void add_plans(const fs::path& file, Story& s, const Section& sec, MonthDocuments& m) {
  std::map<std::string, billing::BenefitPlan> by_id;
  std::map<std::string, std::string> labels;
  std::vector<std::string> order;
  each_row(file, sec,
           {"給付管理票", "被保険者番号", "対象年月", "作成区分", "事業所番号", "サービス種類", "計画単位数",
            "記載の要介護度", "ファイル"},
           [&](const Cells& c) {
             const auto id = c.need("給付管理票");
             auto it = by_id.find(id);
             if (it == by_id.end()) {
               static const std::map<std::string, int> kKinds{{"新規", 1}, {"修正", 2}, {"取消", 3}};
               auto kind = c.given("作成区分").value_or("新規");
               if (!kKinds.count(kind)) c.fail("作成区分は 新規・修正・取消");
               it = by_id.emplace(id, s.plan(id, c.need("被保険者番号"), c.month("対象年月"), {}, kKinds.at(kind)).plan).first;
               if (auto level = c.given("記載の要介護度")) it->second.care_level = *level;
               labels[id] = file_label(c);
               order.push_back(id);
             }
             if (auto office = c.given("事業所番号")) {
               const Units units{c.number("計画単位数", 0)};
               it->second.lines.push_back({FixedText<10>(*office), 1, FixedText<2>(c.need("サービス種類")), units});
               it->second.total_units += units;
             }
           });
  for (const auto& id : order) m.plans[{by_id.at(id).support_office_no.str(), labels.at(id)}].push_back(by_id.at(id));
}

// A 公費 slot as written: "公費負担者番号 公費受給者番号" and, when the provider wrote another rate than
// the ledger's, the 公費給付率 after them.
FundSlip fund_slip(const Cells& c, std::string_view column, const std::string& cell) {
  auto words = split(cell, ' ');
  std::erase_if(words, [](std::string_view w) { return w.empty(); });
  if (words.size() < 2 || words.size() > 3) c.fail(fmt::format("「{}」は「公費負担者番号 公費受給者番号 [給付率]」", column));
  FundSlip f{std::string(words[0]), std::string(words[1]), std::nullopt};
  if (words.size() == 3) {
    auto rate = parse_int(words[2]);
    if (!rate) c.fail(fmt::format("「{}」の給付率は数です: {}", column, words[2]));
    f.rate = static_cast<int>(*rate);
  }
  return f;
}

void add_claims(const fs::path& file, Story& s, const Section& sec, MonthDocuments& m) {
  struct Pending {
    std::string office, insured;
    YearMonth month;
    std::vector<Use> uses;
    ClaimSlip slip;
    std::string label;
    std::vector<std::optional<std::string>> remarks;  // 摘要 per line, as written in the table
    std::vector<std::optional<std::int64_t>> units;   // 単位数 per line, when written
    std::vector<std::string> facility_insurers;       // 施設所在保険者番号 per line (住所地特例)
  };
  std::map<std::string, Pending> by_id;
  std::vector<std::string> order;
  each_row(file, sec,
           {"明細書", "事業所番号", "被保険者番号", "提供年月", "サービス種類", "項目", "回数", "記載の給付率",
            "記載の保険請求額", "記載の要介護度", "記載の生年月日", "記載の保険者番号", "開始年月日", "中止年月日",
            "摘要", "ファイル", "記載の単位数", "施設所在保険者番号", "公費1", "公費2", "公費3", "特定入所者項目",
            "特定入所者日数", "費用単価", "負担限度額"},
           [&](const Cells& c) {
             const auto id = c.need("明細書");
             auto [it, fresh] = by_id.try_emplace(id);
             if (fresh) {
               it->second = {c.need("事業所番号"), c.need("被保険者番号"), c.month("提供年月"), {}, {}, file_label(c), {}, {}, {}};
               auto& slip = it->second.slip;
               if (c.given("記載の給付率")) slip.rate(c.number("記載の給付率", 0));
               if (c.given("記載の保険請求額")) slip.insurance_claim(c.number("記載の保険請求額", 0));
               if (auto v = c.given("記載の要介護度")) slip.level(*v);
               if (auto v = c.given("記載の生年月日")) slip.birth(*v);
               if (auto v = c.given("記載の保険者番号")) slip.insurer(*v);
               if (auto v = c.given("開始年月日")) slip.started(*v);
               if (auto v = c.given("中止年月日")) slip.ended(*v);
               for (const char* column : {"公費1", "公費2", "公費3"}) {
                 if (auto v = c.given(column)) slip.fund(fund_slip(c, column, *v));
               }
               order.push_back(id);
             }
             it->second.uses.push_back({c.need("サービス種類"), c.need("項目"), c.number("回数", 1)});
             it->second.units.push_back(c.given("記載の単位数") ? std::optional<std::int64_t>(c.number("記載の単位数", 0))
                                                               : std::nullopt);
             it->second.facility_insurers.push_back(c.given("施設所在保険者番号").value_or(""));
             if (auto item = c.given("特定入所者項目")) {
               it->second.slip.facility({*item, c.number("特定入所者日数", 0), c.number("費用単価", 0), c.number("負担限度額", 0)});
             }
             it->second.remarks.push_back(c.given("摘要"));
           });
  for (const auto& id : order) {
    auto& p = by_id.at(id);
    if (std::any_of(p.remarks.begin(), p.remarks.end(), [](const auto& r) { return r.has_value(); })) {
      std::vector<std::string> written;
      for (std::size_t i = 0; i < p.uses.size(); ++i) {
        const auto& t = p.uses[i].type;
        const std::string fallback = t == "17" || t == "67" ? "00000-111111" : "";
        written.push_back(!p.remarks[i] ? fallback : *p.remarks[i] == "空" ? "" : *p.remarks[i]);
      }
      p.slip.remarks(std::move(written));
    }
    if (std::any_of(p.units.begin(), p.units.end(), [](const auto& u) { return u.has_value(); })) p.slip.units(p.units);
    if (std::any_of(p.facility_insurers.begin(), p.facility_insurers.end(), [](const auto& f) { return !f.empty(); })) {
      p.slip.facility_insurers(p.facility_insurers);
    }
    auto claim = s.claim(id, p.office, p.insured, p.month, p.uses, p.slip);
    const auto type = data_type_of(claim.statement.key.form_id);
    auto& f = m.claims[{p.office, type == "711" ? p.label : p.label + "R"}];
    f.data_type = type;
    f.statements.push_back(std::move(claim.statement));
  }
}

void add_fees(const fs::path& file, Story& s, const Section& sec, MonthDocuments& m) {
  each_row(file, sec, {"明細書", "被保険者番号", "提供年月", "項目"}, [&](const Cells& c) {
    auto fee = s.care_plan_fee_statement(c.need("被保険者番号"), c.month("提供年月"), c.need("項目"));
    auto& f = m.claims[{fee.office_no, "1"}];
    f.data_type = "711";
    f.fees.push_back(std::move(fee));
  });
}

void add_invoice_errors(const fs::path& file, const Section& sec, MonthDocuments& m) {
  each_row(file, sec, {"事業所番号", "件数", "保険請求額"}, [&](const Cells& c) {
    auto& f = m.claims[{c.need("事業所番号"), "1"}];
    f.extra_count += c.number("件数", 0);
    f.extra_claim += c.number("保険請求額", 0);
  });
}

void add_kago(const fs::path& file, const Section& sec, MonthDocuments& m) {
  each_row(file, sec, {"被保険者番号", "事業所番号", "提供年月", "様式", "申立事由", "申立日", "記載の保険者番号"},
           [&](const Cells& c) {
    m.kago_rows.push_back(fmt::format("{},{},{},{},{},{},{}", c.given("記載の保険者番号").value_or(std::string(kInsurer)),
                                      c.need("事業所番号"), c.need("被保険者番号"),
                                      c.month("提供年月").str(), c.given("様式").value_or(""), c.need("申立事由"),
                                      c.need("申立日")));
  });
}

// 再審査申立 (DESIGN §3.2 rereview.csv): 申立者 1 事業所 / 2 保険者; 決定 upheld / restored.
void add_appeals(const fs::path& file, const Section& sec, MonthDocuments& m) {
  each_row(file, sec,
           {"申立日", "申立者", "事業所番号", "被保険者番号", "提供年月", "サービス種類", "項目", "申立単位数",
            "申立事由", "決定", "決定単位数"},
           [&](const Cells& c) {
             m.appeal_rows.push_back(fmt::format(
                 "{},{},{},{},{},{},{},{},{},{},{},{}", c.need("申立日"), c.given("申立者").value_or("1"),
                 c.need("事業所番号"), kInsurer, c.need("被保険者番号"), c.month("提供年月").str(),
                 c.need("サービス種類"), c.need("項目"), c.need("申立単位数"), c.need("申立事由"), c.need("決定"),
                 c.given("決定単位数").value_or("")));
           });
}

std::vector<fs::path> write_files(const MonthDocuments& m, YearMonth month, const fs::path& dir) {
  std::vector<fs::path> out;
  auto control = [&](const std::string& type, const std::string& office) {
    exchange::ControlFields c;
    c.data_type = type;
    c.office_no = office;
    c.processing_month = month.str();
    return c;
  };
  const std::string stem = month.str().substr(2);  // KKyymm01.CSV: at most 8 characters before .CSV
  auto name = [&](const char* prefix, const FileKey& key) {
    return fmt::format("{}{}{:0>2}.CSV", prefix, stem, key.label.substr(0, key.label.find('R')));
  };
  for (const auto& [key, f] : m.claims) {
    const auto& office = key.office;
    std::vector<billing::ClaimStatement> all = f.statements;
    for (const auto& fee : f.fees) all.push_back(documents::as_statement(fee));
    auto invoice = billing::build_invoice(all).rows;
    if (!invoice.empty()) {
      invoice.front().count += f.extra_count;
      invoice.front().insurance_claim += Yen{f.extra_claim};
      invoice.front().cost_total += Yen{f.extra_claim};
    }
    exchange::Writer w(control(f.data_type, office));
    for (const auto& row : invoice) documents::write_invoice_row(row, w);
    for (const auto& st : f.statements) documents::write_statement(st, w);
    for (const auto& fee : f.fees) documents::write_care_plan_fee(fee, w);
    fs::create_directories(dir / office);
    out.push_back(dir / office / name(f.data_type == "711" ? "KK" : "KS", key));
    w.finish_to_file(out.back());
  }
  for (const auto& [key, plans] : m.plans) {
    exchange::Writer w(control("821", key.office));
    for (const auto& p : plans) documents::write_plan(p, w);
    fs::create_directories(dir / key.office);
    out.push_back(dir / key.office / name("KY", key));
    w.finish_to_file(out.back());
  }
  return out;
}

// ---- the expected outcome --------------------------------------------------------------------------

// Full-width letters, digits and spaces as printed (１２ＰＡ) read as written (12PA); numbers may
// be written with thousands separators.
std::string normalized(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size();) {
    const auto c = static_cast<unsigned char>(v[i]);
    // U+FF10–FF19, FF21–FF3A, FF41–FF5A are EF BC 90–99, EF BC A1–BA, EF BD 81–9A in UTF-8.
    if (v.substr(i, 3) == "\u3000") {  // 全角スペース
      out.push_back(' ');
      i += 3;
      continue;
    }
    if (c == 0xEF && i + 2 < v.size()) {
      const auto b1 = static_cast<unsigned char>(v[i + 1]), b2 = static_cast<unsigned char>(v[i + 2]);
      if (b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) { out.push_back(static_cast<char>('0' + (b2 - 0x90))); i += 3; continue; }
      if (b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) { out.push_back(static_cast<char>('A' + (b2 - 0xA1))); i += 3; continue; }
      if (b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A) { out.push_back(static_cast<char>('a' + (b2 - 0x81))); i += 3; continue; }
    }
    out.push_back(v[i]);
    ++i;
  }
  if (!out.empty() && out.find_first_not_of("-0123456789,") == std::string::npos) return Cells::digits_only(out);
  return out;
}

std::string side_by_side(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& expected,
                         const std::vector<std::vector<std::string>>& actual) {
  auto join = [](const std::vector<std::string>& cells) {
    std::string s;
    for (const auto& c : cells) s += (s.empty() ? "" : " | ") + c;
    return s;
  };
  std::size_t width = join(header).size();
  for (const auto& r : expected) width = std::max(width, join(r).size());
  std::string out = fmt::format("    {:<{}}    {}\n", "期待 / expected", width, "実際 / actual");
  out += fmt::format("    {:<{}}    {}\n", join(header), width, join(header));
  for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
    const std::string e = i < expected.size() ? join(expected[i]) : "（なし）";
    const std::string a = i < actual.size() ? join(actual[i]) : "（なし）";
    out += fmt::format("  {} {:<{}}    {}\n", e == a ? ' ' : '*', e, width, a);
  }
  return out;
}

void check_result(const fs::path& file, const Section& sec, const fs::path& results, YearMonth month,
                  std::vector<std::string>& failures) {
  auto words = split(sec.title, ' ');
  if (words.size() < 4) bad(file, sec.line, "「### 結果 事業所番号 帳票 レコード」の形で書きます");
  const std::string office(words[1]), form(words[2]), kind(words[3]);
  const auto* f = exchange::Registry::instance().form(form);
  const auto* layout = f ? f->layout_for(kind) : nullptr;
  if (!layout) bad(file, sec.line, fmt::format("{} に {} レコードはありません", form, kind));
  if (sec.tables.size() != 1) bad(file, sec.line, "表を一つ書きます / one table");
  const Table& t = sec.tables.front();
  std::vector<int> items;
  for (const auto& h : t.header) {
    int no = 0;
    for (const auto& item : layout->items) {
      if (item.name == h) no = item.no;
    }
    if (no == 0) bad(file, t.line, fmt::format("{} {} に項目「{}」はありません", form, kind, h));
    items.push_back(no);
  }
  std::vector<std::vector<std::string>> expected, actual;
  for (const auto& r : t.rows) {
    std::vector<std::string> row;
    for (const auto& c : r.cells) row.push_back(normalized(c));
    expected.push_back(std::move(row));
  }
  const auto path = results / office / (form + ".CSV");
  const std::string where = fmt::format("{}: 処理年月 {} の {} {} {}", file.filename().string(), month.str(), office, form, kind);
  if (!fs::exists(path)) {
    failures.push_back(fmt::format("{}: {} がありません / no such result file", where, path.filename().string()));
    return;
  }
  for (const auto& rec : report::read_notice(path).records) {
    if (rec.kind != kind) continue;
    std::vector<std::string> row;
    for (int no : items) row.push_back(normalized(rec.item(no)));
    actual.push_back(std::move(row));
  }
  if (expected != actual) failures.push_back(where + " が違います / differs:\n" + side_by_side(t.header, expected, actual));
}

void check_forms(const fs::path& file, const Section& sec, const fs::path& results, YearMonth month,
                 std::vector<std::string>& failures) {
  auto words = split(sec.title, ' ');
  if (words.size() < 2) bad(file, sec.line, "「### 帳票 事業所番号」の形で書きます");
  const std::string office(words[1]);
  std::set<std::string> expected, actual;
  for (const auto& t : sec.tables) {
    check_columns(file, t, {"帳票"});
    for (const auto& r : t.rows) {
      if (r.cells[0] != "なし") expected.insert(r.cells[0]);
    }
  }
  if (fs::exists(results / office)) {
    for (const auto& e : fs::directory_iterator(results / office)) {
      if (e.path().extension() == ".CSV") actual.insert(e.path().stem().string());
    }
  }
  if (expected != actual) {
    auto list = [](const std::set<std::string>& s) {
      std::string out;
      for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
      return out.empty() ? std::string("なし") : out;
    };
    failures.push_back(fmt::format("{}: 処理年月 {} の {} の帳票が違います / forms differ: 期待 {} ・ 実際 {}",
                                   file.filename().string(), month.str(), office, list(expected), list(actual)));
  }
}

// `### 審査状況一覧 <事業所番号>` / `### 処遇改善加算 <事業所番号>`: every row of the office's
// review-status.csv / treatment-bonus.csv (report/office_lists), the columns named by the table's
// header; a table of one row 「なし」 says the office gets no such file.
void check_list(const fs::path& file, const Section& sec, const fs::path& results, YearMonth month,
                std::vector<std::string>& failures) {
  auto words = split(sec.title, ' ');
  if (words.size() < 2) bad(file, sec.line, "「### 審査状況一覧 事業所番号」の形で書きます");
  const std::string office(words[1]);
  const auto list = words[0] == "審査状況一覧" ? report::OfficeList::ReviewStatus : report::OfficeList::TreatmentBonus;
  if (sec.tables.size() != 1) bad(file, sec.line, "表を一つ書きます / one table");
  const Table& t = sec.tables.front();
  const auto path = results / office / (std::string(report::office_list_stem(list)) + ".csv");
  const std::string where =
      fmt::format("{}: 処理年月 {} の {} {}", file.filename().string(), month.str(), office, path.filename().string());
  const bool none = t.rows.size() == 1 && t.rows.front().cells.front() == "なし";
  if (none || !fs::exists(path)) {
    if (none != !fs::exists(path)) {
      failures.push_back(fmt::format("{}: {} / {}", where, none ? "あるはずのないファイルがあります" : "ファイルがありません",
                                     none ? "the file should not be there" : "no such file"));
    }
    return;
  }
  const auto csv = report::parse_list_csv(read_file(path), path.filename().string());
  std::vector<std::size_t> columns;
  for (const auto& h : t.header) {
    auto at = std::find(csv.header.begin(), csv.header.end(), h);
    if (at == csv.header.end()) bad(file, t.line, fmt::format("{} に項目「{}」はありません", path.filename().string(), h));
    columns.push_back(static_cast<std::size_t>(at - csv.header.begin()));
  }
  std::vector<std::vector<std::string>> expected, actual;
  for (const auto& r : t.rows) {
    std::vector<std::string> row;
    for (const auto& c : r.cells) row.push_back(normalized(c));
    expected.push_back(std::move(row));
  }
  for (const auto& r : csv.rows) {
    std::vector<std::string> row;
    for (auto col : columns) row.push_back(normalized(r[col]));
    actual.push_back(std::move(row));
  }
  if (expected != actual) failures.push_back(where + " が違います / differs:\n" + side_by_side(t.header, expected, actual));
}

// ---- running the story -------------------------------------------------------------------------------

void apply_ledgers(const fs::path& file, const Section& sec, Story& s, std::set<std::string>& internet) {
  if (sec.title.starts_with("事業所台帳")) {
    each_row(file, sec, {"事業所番号", "サービス種類", "級地", "請求"}, [&](const Cells& c) {
      s.office(c.need("事業所番号"), c.need("サービス種類"), c.number("級地", 0));
      if (auto v = c.given("請求")) {
        if (*v == "インターネット") internet.insert(c.need("事業所番号"));
        else if (*v != "その他") bad(file, sec.line, "請求 は インターネット か その他 / 請求 is インターネット or その他");
      }
    });
  } else if (sec.title.starts_with("受給者台帳")) {
    each_row(file, sec,
             {"被保険者番号", "カナ氏名", "要介護度", "給付率", "区分変更申請中", "限度額", "認定開始", "認定終了",
              "作成区分", "支援事業所", "台帳", "変更日", "変更後の要介護度", "生年月日", "性別", "負担限度額段階"},
             [&](const Cells& c) {
               Person& p = s.person(c.need("被保険者番号"));
               if (auto v = c.given("カナ氏名")) p.kana = *v;
               if (auto v = c.given("要介護度")) p.level = *v;
               if (auto v = c.given("給付率")) p.rate = *v == "なし" ? std::nullopt : std::optional<int>(c.number("給付率", 90));
               p.change_pending = c.yes("区分変更申請中", false);
               if (c.given("限度額")) p.limit_units = c.number("限度額", 0);
               if (auto v = c.given("認定開始")) p.cert_from = *v;
               if (auto v = c.given("認定終了")) p.cert_to = *v;
               p.plan_kind = c.number("作成区分", p.plan_kind);
               if (auto v = c.given("支援事業所")) p.support_office = *v;
               p.registered = c.yes("台帳", true);
               if (auto v = c.given("変更日")) p.changed_on = *v;
               if (auto v = c.given("変更後の要介護度")) p.new_level = *v;
               if (auto v = c.given("生年月日")) p.birth = *v;
               p.sex = c.number("性別", p.sex);
               if (auto v = c.given("負担限度額段階")) p.burden_stage = *v == "なし" ? std::string() : *v;
             });
  } else if (sec.title.starts_with("公費受給者台帳")) {
    each_row(file, sec, {"公費負担者番号", "公費受給者番号", "被保険者番号", "給付率", "本人負担額", "有効期間開始", "有効期間終了"},
             [&](const Cells& c) {
               Fund f;
               f.payer = c.need("公費負担者番号");
               f.recipient = c.need("公費受給者番号");
               f.insured = c.need("被保険者番号");
               f.rate = c.number("給付率", 100);
               f.self_pay = c.number("本人負担額", 0);
               if (auto v = c.given("有効期間開始")) f.from = *v;
               if (auto v = c.given("有効期間終了")) f.to = *v;
               s.fund(std::move(f));
             });
  } else if (sec.title.starts_with("サービスコード")) {
    each_row(file, sec, {"サービス種類", "項目", "名称", "単位数", "限度額対象"}, [&](const Cells& c) {
      s.code(c.need("サービス種類"), c.need("項目"), c.need("名称"), c.number("単位数", 0), c.yes("限度額対象", true));
    });
  } else if (sec.title.starts_with("総合事業サービスコード")) {
    each_row(file, sec,
             {"保険者番号", "サービス種類", "項目", "名称", "単位数", "算定単位", "給付率", "利用者負担額", "単価",
              "適用開始", "適用終了"},
             [&](const Cells& c) {
               SougouCodeRow row;
               if (auto v = c.given("保険者番号")) row.insurer = *v;
               row.type = c.need("サービス種類");
               row.item = c.need("項目");
               row.name = c.need("名称");
               row.units = c.number("単位数", 0);
               row.unit_kind = c.number("算定単位", 1);
               if (c.given("給付率")) row.benefit_rate = c.number("給付率", 0);
               if (c.given("利用者負担額")) row.burden = c.number("利用者負担額", 0);
               if (c.given("単価")) row.unit_price = c.number("単価", 0);
               if (auto v = c.given("適用開始")) row.from = *v;
               if (auto v = c.given("適用終了")) row.to = *v;
               s.sougou_code(std::move(row));
             });
  } else {
    bad(file, sec.line, fmt::format("知らない見出し「{}」 / unknown heading", sec.title));
  }
}

void run(const std::string& args, const std::string& what) {
  auto r = run_kaigo(args);
  if (r.exit_code != 0) throw std::runtime_error(fmt::format("kaigo {} が失敗しました / failed:\n{}{}", what, r.out, r.err));
}

}  // namespace

std::vector<fs::path> scenario_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(source_dir() / "tests/scenarios")) {
    if (e.path().extension() == ".md" && e.path().filename() != "README.md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> run_text_scenario(const fs::path& file) {
  const auto sections = parse_markdown(file, read_file(file));
  Story s;
  std::set<std::string> internet;  // 伝送事業所: their files are sent as their office account
  std::string settings = "name = \"和歌山県国民健康保険団体連合会\"\n";
  // The story's ledgers first, then its months in order.
  std::vector<std::pair<YearMonth, std::vector<const Section*>>> months;
  for (const auto& sec : sections) {
    if (sec.level == 2 && sec.title.starts_with("設定")) {
      settings += sec.code;
    } else if (sec.level == 2 && sec.title.starts_with("処理年月")) {
      auto words = split(sec.title, ' ');
      auto m = words.size() > 1 ? YearMonth::parse(words[1]) : std::nullopt;
      if (!m) bad(file, sec.line, "「## 処理年月 YYYYMM」の形で書きます");
      months.push_back({*m, {}});
    } else if (sec.level == 3) {
      if (months.empty()) bad(file, sec.line, "「###」は「## 処理年月」の下に書きます");
      months.back().second.push_back(&sec);
    } else if (sec.level == 2) {
      apply_ledgers(file, sec, s, internet);
    }
  }

  TempDir dir;
  const auto db = (dir / "k.db").string();
  write_file(dir / "kokuhoren.toml", settings);
  write_file(dir / "services.csv", s.services_csv());
  write_file(dir / "offices.csv", s.offices_csv());
  write_file(dir / "insurers.csv", s.insurers_csv());
  write_file(dir / "recipients.csv", s.recipients_csv());
  run("init --db " + db + " --config " + (dir / "kokuhoren.toml").string(), "init");
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    run(fmt::format("load --db {} {} {}", db, kind, (dir / (std::string(kind) + ".csv")).string()), "load");
  }
  if (const auto sougou = s.sougou_csv(); !sougou.empty()) {
    write_file(dir / "sougou.csv", sougou);
    run(fmt::format("load --db {} sougou {}", db, (dir / "sougou.csv").string()), "load");
  }
  if (s.has_funds()) {
    write_file(dir / "kohi.csv", s.kohi_csv());
    run(fmt::format("load --db {} kohi {}", db, (dir / "kohi.csv").string()), "load");
  }
  if (!internet.empty()) {
    write_file(dir / "pw", "correct horse battery staple\n");
    for (const auto& office : internet) {
      run(fmt::format("user add --db {} --id KJ{} --role office --office {} < {}", db, office, office, (dir / "pw").string()),
          "user add");
    }
  }

  std::vector<std::string> failures;
  for (const auto& [month, parts] : months) {
    MonthDocuments docs;
    std::vector<const Section*> checks;
    for (const Section* sec : parts) {
      const auto& t = sec->title;
      if (t.starts_with("給付管理票")) add_plans(file, s, *sec, docs);
      else if (t.starts_with("明細書")) add_claims(file, s, *sec, docs);
      else if (t.starts_with("居宅介護支援費")) add_fees(file, s, *sec, docs);
      else if (t.starts_with("請求書の誤り")) add_invoice_errors(file, *sec, docs);
      else if (t.starts_with("過誤申立")) add_kago(file, *sec, docs);
      else if (t.starts_with("再審査申立")) add_appeals(file, *sec, docs);
      else if (t.starts_with("結果") || t.starts_with("帳票") || t.starts_with("審査状況一覧 ") || t.starts_with("処遇改善加算 "))
        checks.push_back(sec);
      else bad(file, sec->line, fmt::format("知らない見出し「{}」 / unknown heading", t));
    }
    const auto files = write_files(docs, month, dir / "sent" / month.str());
    // Each 伝送事業所's files as sent by its account; the others' from the command line.
    std::map<std::string, std::vector<fs::path>> by_sender;
    for (const auto& f : files) {
      const auto office = f.parent_path().filename().string();
      by_sender[internet.contains(office) ? "KJ" + office : ""].push_back(f);
    }
    for (const auto& [sender, sent] : by_sender) {
      std::string args = fmt::format("submit --db {} --at {}-{:02}-05T10:00:00", db, month.year, month.month);
      if (!sender.empty()) args += " --as " + sender;
      for (const auto& f : sent) args += " " + f.string();
      run(args, "submit");
    }
    if (!docs.kago_rows.empty()) {
      std::string csv = "insurer_no,office_no,insured_no,service_month,form_no,kago_code,filed_on\n";
      for (const auto& r : docs.kago_rows) csv += r + "\n";
      write_file(dir / ("kago" + month.str() + ".csv"), csv);
      run(fmt::format("kago --db {} --month {} {}", db, month.str(), (dir / ("kago" + month.str() + ".csv")).string()), "kago");
    }
    if (!docs.appeal_rows.empty()) {
      std::string csv =
          "filed_on,applicant,office_no,insurer_no,insured_no,service_month,service_type,service_item,requested_units,"
          "reason_code,decision,decided_units\n";
      for (const auto& r : docs.appeal_rows) csv += r + "\n";
      const auto path = dir / ("rereview" + month.str() + ".csv");
      write_file(path, csv);
      run(fmt::format("rereview --db {} --month {} {}", db, month.str(), path.string()), "rereview");
    }
    run(fmt::format("review --db {} --month {}", db, month.str()), "review");
    const auto results = dir / ("results" + month.str());
    run(fmt::format("results --db {} --month {} --out {}", db, month.str(), results.string()), "results");
    for (const Section* sec : checks) {
      if (sec->title.starts_with("結果")) check_result(file, *sec, results, month, failures);
      else if (sec->title.starts_with("帳票")) check_forms(file, *sec, results, month, failures);
      else check_list(file, *sec, results, month, failures);
    }
  }
  // KAIGO_SCENARIO_KEEP=DIR keeps every file of the run (ledgers, files sent, database, results).
  if (const char* keep = std::getenv("KAIGO_SCENARIO_KEEP")) {
    const auto to = fs::path(keep) / file.stem();
    fs::remove_all(to);
    fs::create_directories(to.parent_path());
    fs::copy(dir.path(), to, fs::copy_options::recursive);
  }
  return failures;
}

}  // namespace kaigo::testing
