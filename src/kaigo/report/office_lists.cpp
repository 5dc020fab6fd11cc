#include "kaigo/report/office_lists.hpp"

#include <unistd.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kaigo/core/csv_text.hpp"
#include "kaigo/report/detail/text_file.hpp"
#include "kaigo/report/render.hpp"

namespace kaigo::report {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kReviewStatusStem = "review-status";
constexpr std::string_view kTreatmentBonusStem = "treatment-bonus";

// CRLF, as the notice files beside them (office_lists.hpp).
constexpr std::string_view kLineEnd = "\r\n";

const std::vector<std::string> kReviewStatusHeader{
    "審査年月", "事業所番号", "証記載保険者番号", "被保険者番号", "被保険者カナ氏名", "サービス提供年月", "様式",
    "審査結果", "保留復活", "請求単位数",   "決定単位数", "請求額",           "決定額",           "事由"};

const std::vector<std::string> kTreatmentBonusHeader{"審査年月",   "事業所番号", "サービス種類コード", "サービス種類名",
                                                     "加算の区分", "件数",       "単位数",             "加算額"};

std::string joined_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : " ") + c;
  return out;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("読めません / cannot read: {}", p.string()));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

ContentCell list_cell(std::string text, Align align = Align::Left) { return {{{std::move(text), true}}, align, 1}; }

// Which columns are numbers (right-aligned, thousands separators).
bool numeric_column(std::string_view name) {
  return name == "請求単位数" || name == "決定単位数" || name == "請求額" || name == "決定額" || name == "件数" ||
         name == "単位数" || name == "加算額";
}

ContentTable list_table(const ListCsv& csv, std::size_t skip_columns, std::string caption) {
  ContentTable t;
  t.caption = std::move(caption);
  for (std::size_t i = skip_columns; i < csv.header.size(); ++i) t.columns.push_back({{}, {csv.header[i]}, 1});
  for (const auto& r : csv.rows) {
    const bool total = r.size() > 3 && r[3] == "合計";
    ContentRow row{total ? "T1" : "D1", total, {}};
    for (std::size_t i = skip_columns; i < r.size() && i < csv.header.size(); ++i) {
      const bool number = numeric_column(csv.header[i]);
      row.cells.push_back(list_cell(number ? thousands(r[i]) : r[i], number ? Align::Right : Align::Left));
    }
    t.rows.push_back(std::move(row));
  }
  if (t.rows.empty()) t.rows.push_back({"", false, {{{{"該当なし", false}}, Align::Center, static_cast<int>(t.columns.size())}}});
  return t;
}

}  // namespace

std::string_view office_list_stem(OfficeList list) {
  return list == OfficeList::ReviewStatus ? kReviewStatusStem : kTreatmentBonusStem;
}

std::optional<OfficeList> office_list_of(const fs::path& file) {
  const auto stem = file.stem().string();
  if (stem == kReviewStatusStem) return OfficeList::ReviewStatus;
  if (stem == kTreatmentBonusStem) return OfficeList::TreatmentBonus;
  return std::nullopt;
}

std::string review_status_csv(const settlement::OfficeResult& o, YearMonth month) {
  if (o.review_status.empty()) return {};
  std::string out;
  append_csv_row(out, kReviewStatusHeader, kLineEnd);
  for (const auto& l : o.review_status) {
    append_csv_row(out, {month.str(), o.office.office_no, l.insurer_no, l.insured_no, l.name_kana, l.service_month.str(),
                         l.form, std::string(enum_ja(l.outcome)), l.released ? "1" : "",
                         std::to_string(l.written_units.value), std::to_string(l.decided_units.value),
                         std::to_string(l.written_claim.value), std::to_string(l.decided_claim.value),
                         joined_codes(l.codes)}, kLineEnd);
  }
  return out;
}

std::string treatment_bonus_csv(const settlement::OfficeResult& o, YearMonth month) {
  const auto& t = o.treatment_bonus;
  if (!t.present()) return {};
  std::string out;
  append_csv_row(out, kTreatmentBonusHeader, kLineEnd);
  for (const auto& r : t.rows) {
    append_csv_row(out,
                   {month.str(), o.office.office_no, r.service_type, r.service_type_name, r.kind,
                    std::to_string(r.count), std::to_string(r.units.value), std::to_string(r.amount.value)},
                   kLineEnd);
  }
  append_csv_row(out, {month.str(), o.office.office_no, "", "合計", "", std::to_string(t.count),
                       std::to_string(t.units.value), std::to_string(t.amount.value)}, kLineEnd);
  return out;
}

std::vector<fs::path> write_office_lists(const fs::path& office_dir, const settlement::OfficeResult& o, YearMonth month) {
  std::vector<fs::path> written;
  const std::pair<OfficeList, std::string> lists[] = {{OfficeList::ReviewStatus, review_status_csv(o, month)},
                                                      {OfficeList::TreatmentBonus, treatment_bonus_csv(o, month)}};
  for (const auto& [list, text] : lists) {
    if (text.empty()) continue;
    fs::create_directories(office_dir);
    auto path = office_dir / (std::string(office_list_stem(list)) + ".csv");
    write_text_file(path, text);
    written.push_back(std::move(path));
  }
  return written;
}

ListCsv parse_list_csv(std::string_view text, std::string_view file_name) {
  std::vector<std::vector<std::string>> lines;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  std::size_t line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"' && field.empty()) {
      quoted = true;
    } else if (ch == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      lines.push_back(std::move(row));
      row.clear();
      ++line;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    throw std::runtime_error(fmt::format("{}:{}: 引用符が閉じていません / unterminated quote", file_name, line));
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    lines.push_back(std::move(row));
  }
  if (lines.empty()) throw std::runtime_error(fmt::format("{}: 空のファイルです / the file is empty", file_name));
  ListCsv out;
  out.header = std::move(lines.front());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].size() != out.header.size()) {
      throw std::runtime_error(fmt::format("{}:{}: 項目の数が {} です（見出しは {}）/ {} fields, the header has {}", file_name,
                                           i + 1, lines[i].size(), out.header.size(), lines[i].size(),
                                           out.header.size()));
    }
    out.rows.push_back(std::move(lines[i]));
  }
  return out;
}

Content office_list_content(OfficeList list, const ListCsv& csv, const std::string& issuer) {
  Content c;
  c.orientation = Orientation::Landscape;
  c.office_no_label = "事業所番号";
  // 審査年月 and 事業所番号 are the first two columns of every row (a file cut short prints without them).
  if (!csv.rows.empty() && csv.rows.front().size() >= 2) {
    c.office_no = csv.rows.front()[1];
    if (auto m = YearMonth::parse(csv.rows.front()[0])) c.month_text = wareki_year_month(*m) + "審査分";
  }
  c.issuer = {issuer};
  // The first two columns (審査年月, 事業所番号) are in the page's head.
  if (list == OfficeList::ReviewStatus) {
    c.title = "事業所別審査状況一覧表";
    c.tables.push_back(list_table(csv, 2, "利用者毎の審査状況 / each 明細書 decided this month"));
    c.notes.push_back("インターネット請求の事業所（伝送事業所）にだけ作成します。請求額・決定額は保険請求額と公費請求額の合計（特定入所者介護サービス費等を含む）。");
    c.notes.push_back("事由: エラーコード、保留、返戻、増減A・増減B（査定の事由）。この一覧表に交換情報識別番号はありません（公式の交換情報ファイルではありません）。");
  } else {
    c.title = "介護職員処遇改善加算等総額・内訳のお知らせ";
    c.tables.push_back(list_table(csv, 2, "サービス種類別の内訳 / by サービス種類"));
    c.notes.push_back("今月審査で決定（査定を含む）した明細書の処遇改善加算等。加算額は明細書の集計ごとに 単位数 × 単位数単価（1円未満切捨て）。");
  }
  return c;
}

void print_office_list(const fs::path& csv_path) {
  const auto list = office_list_of(csv_path);
  if (!list || csv_path.extension() != ".csv") {
    throw std::runtime_error(fmt::format("印刷できる一覧表ではありません / not a printable list: {}", csv_path.string()));
  }
  const auto csv = parse_list_csv(read_text(csv_path), csv_path.filename().string());
  std::string issuer;
  auto month = csv.rows.empty() || csv.rows.front().empty() ? std::nullopt : YearMonth::parse(csv.rows.front()[0]);
  Date created = month ? Date{month->year, month->month, month->days()} : Date{2000, 4, 1};
  const auto summary = csv_path.parent_path().parent_path() / "summary.json";
  std::error_code ec;
  if (fs::is_regular_file(summary, ec)) {
    auto j = nlohmann::json::parse(read_text(summary), nullptr, false);
    if (j.is_object()) {
      issuer = j.value("kokuhoren", std::string());
      if (auto d = Date::parse(j.value("created_on", std::string()))) created = *d;
    }
  }
  const auto content = office_list_content(*list, csv, issuer);
  // A name of this process's and thread's own, then renamed into place: two requests printing the
  // same list at once (the server's threads) do not write into each other's file.
  const auto own =
      fmt::format(".{}-{:x}.part", ::getpid(), std::hash<std::thread::id>{}(std::this_thread::get_id()));
  auto pdf = csv_path;
  pdf.replace_extension(".pdf");
  auto pdf_part = pdf;
  pdf_part += own;
  render_pdf(std::span(&content, 1), created, pdf_part);
  fs::rename(pdf_part, pdf);
  auto page = csv_path;
  page.replace_extension(".html");
  auto page_part = page;
  page_part += own;
  write_text_file(page_part, html(content));
  fs::rename(page_part, page);
}

}  // namespace kaigo::report
