// report/office_lists — the two lists of a review month that are not 交換情報 files: the
// 事業所別審査状況一覧表 of a 伝送事業所 (seed 001 §3; seed 002 §4(2)⑨) and the 介護職員処遇改善加算等
// 総額・内訳のお知らせ (seed 002 §4(2)⑧, §12 ②③). No 交換情報識別番号 is known for either, so they
// are not written as official files: a UTF-8 CSV (CRLF, a header row of the item names) per office,
// DIR/<事業所番号>/review-status.csv and treatment-bonus.csv, and a printed page (PDF, HTML) made
// from that CSV when it is first asked for, like the notices.
// Owns: the CSV form of the lists, reading it back, and the printed page. Must not: count or sum
// (settlement did).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/report/content.hpp"
#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/settlement/results.hpp"

namespace kaigo::report {

enum class OfficeList { ReviewStatus, TreatmentBonus };

// "review-status" / "treatment-bonus": the file's stem.
std::string_view office_list_stem(OfficeList list);
// The list a file of the results folder is (its stem), if any.
std::optional<OfficeList> office_list_of(const std::filesystem::path& file);

// The CSV text; empty when the office has nothing on that list (then no file is written).
std::string review_status_csv(const settlement::OfficeResult& office, YearMonth month);
std::string treatment_bonus_csv(const settlement::OfficeResult& office, YearMonth month);

// Writes the office's lists into `office_dir`; returns the files written.
std::vector<std::filesystem::path> write_office_lists(const std::filesystem::path& office_dir,
                                                      const settlement::OfficeResult& office, YearMonth month);

// A list's CSV parsed: the header, then the rows (RFC 4180 quoting). Throws std::runtime_error
// (Japanese / English) naming the file and line when it is not such a CSV.
struct ListCsv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
ListCsv parse_list_csv(std::string_view text, std::string_view file_name);

// The printed page of a list's CSV; `issuer` is the 国保連合会名.
Content office_list_content(OfficeList list, const ListCsv& csv, const std::string& issuer);

// Prints `csv_path` (review-status.csv …) as .pdf and .html beside it, atomically; the 国保連合会名
// comes from the folder's summary.json. Throws std::runtime_error when it cannot be read.
void print_office_list(const std::filesystem::path& csv_path);

}  // namespace kaigo::report
