// A 被保険者番号 — an item of a document's key — that ends in a character outside ASCII is one
// provider's mistake, not the month's. Taken through the command line as a 国保連 runs it (gen, one
// number broken in one office's file, submit, review, results), the month is decided, the document
// is returned with the rule that refused it, and the 返戻一覧 (7411) names the number as written:
//  - a full-width digit in a 明細書: the pre-check refuses it (KC09), the review returns it for that
//    (事由 A). Before, the review missed reception's finding (the key read back in the file's bytes,
//    stored in UTF-8) and stopped the whole month on the number's length;
//  - a half-width カナ (it passes as 英数) in a 明細書, and in a 給付管理票: no such person (12P0,
//    事由 B). Before, the review stopped on the 明細書's number, and the results on the plan's.
#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "kaigo/core/strings.hpp"
#include "kaigo/text/cp932.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

struct BrokenNumber {
  const char* name;
  const char* file;       // the office's file, under submissions/1370000002 or 1370000001
  const char* form;       // 7131 or 8222
  std::size_t column;     // the 被保険者番号's column (from 0) in each of the form's records
  const char* last_cp932;  // what replaces the number's last digit, as CP932 bytes
  const char* last_utf8;
  const char* submit_state;  // the file's line of kaigo submit
  const char* review_line;   // in kaigo review's report
  const char* sheet;         // 7411 種別: 請 or 給
  const char* reason;        // 事由
  const char* content;
  const char* code;          // as the 7411 writes it (full-width)
};

void PrintTo(const BrokenNumber& c, std::ostream* os) { *os << c.name; }

const BrokenNumber kCases[] = {
    {"full_width_digit_in_a_statement", "1370000002/KK260501.CSV", "7131", 7, "\x82\x4f", "０",
     "KK260501.CSV\t様式エラー有\t202605\t4", "事前チェックのエラーで返戻 1", "請", "A",
     "被保険者番号：英数項目に使えない文字", "ＫＣ０９"},
    {"half_width_kana_in_a_statement", "1370000002/KK260501.CSV", "7131", 7, "\xb1", "ｱ",
     "KK260501.CSV\t受付完了\t202605\t0", "明細書 / claims:  決定 138  返戻 1", "請", "B",
     "被保険者番号：市町村の認定情報が未登録（受給者情報）", "１２Ｐ０"},
    {"half_width_kana_in_a_plan", "1370000001/KY260501.CSV", "8222", 10, "\xb1", "ｱ",
     "KY260501.CSV\t受付完了\t202605\t0", "給付管理票 / plans:  登録 59  返戻 1", "給", "B",
     "被保険者番号：市町村の認定情報が未登録（受給者情報）", "１２Ｐ０"},
};

// Rewrites the first document of the case's form in the file (each of its records): its
// 被保険者番号 ends in the case's character. Returns the number as it was.
std::string break_first_number(const std::filesystem::path& file, const BrokenNumber& c) {
  std::vector<std::string> out;
  std::string target;
  const std::string bytes = read_file(file);
  for (auto line : split(bytes, '\n')) {
    auto fields = split(line, ',');
    if (fields.size() > c.column && fields[2] == c.form) {
      if (target.empty()) target = std::string(fields[c.column]);
      if (fields[c.column] == target) {
        std::vector<std::string> changed(fields.begin(), fields.end());
        changed[c.column] = target.substr(0, target.size() - 1) + c.last_cp932;
        out.push_back(join(changed, ","));
        continue;
      }
    }
    out.emplace_back(line);
  }
  write_file(file, join(out, "\n"));
  return target;
}

std::vector<std::string> lines_naming(const std::string& utf8, const std::string& what) {
  std::vector<std::string> found;
  for (auto line : lines(utf8)) {
    if (line.find(what) != std::string_view::npos) found.emplace_back(line);
  }
  return found;
}

class NonAsciiKey : public ::testing::TestWithParam<BrokenNumber> {};

TEST_P(NonAsciiKey, TheMonthIsDecidedAndThe7411NamesTheNumberAsWritten) {
  const auto& c = GetParam();
  TempDir dir;
  const auto m = dir / "month";
  const auto db = (dir / "k.db").string();
  run_kaigo_ok("gen --out " + m.string() + " --month 202605 --offices 6 --recipients 60 --seed 3 --errors 0");
  const auto target = break_first_number(m / "submissions" / c.file, c);
  ASSERT_EQ(target.size(), 10u);
  run_kaigo_ok("init --db " + db + " --config " + (m / "kokuhoren.toml").string());
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    run_kaigo_ok(std::string("load --db ") + db + " " + kind + " " + (m / (std::string(kind) + ".csv")).string());
  }
  auto submit = run_kaigo_ok("submit --db " + db + " --at 2026-05-05T10:00:00 " + (m / "submissions").string() + "/*/*.CSV");
  EXPECT_NE(submit.out.find(c.submit_state), std::string::npos) << submit.out;

  auto review = run_kaigo_ok("review --db " + db + " --month 202605");
  EXPECT_NE(review.out.find(c.review_line), std::string::npos) << review.out;

  run_kaigo_ok("results --db " + db + " --month 202605 --out " + (dir / "r5").string());
  const auto office = std::filesystem::path(c.file).parent_path();
  const auto notice = text::to_utf8(read_file(dir / "r5" / office / "7411.CSV"));
  const std::string as_written = target.substr(0, 9) + c.last_utf8;
  const auto listed = lines_naming(notice, "," + as_written + ",");
  ASSERT_FALSE(listed.empty()) << notice;
  for (const auto& line : listed) {
    const auto f = split(line, ',');
    ASSERT_GE(f.size(), 15u) << line;
    EXPECT_EQ(f[2], "7411");
    EXPECT_EQ(f[6], as_written);
    EXPECT_EQ(f[8], c.sheet) << line;
    EXPECT_EQ(f[12], c.reason) << line;
    EXPECT_EQ(f[14], c.code) << line;
  }
  // The 被保険者番号's own line (12P0 lists the 証記載保険者番号 too).
  EXPECT_EQ(std::count_if(listed.begin(), listed.end(), [&](const std::string& l) { return split(l, ',')[13] == c.content; }),
            c.reason == std::string_view("A") ? static_cast<long>(listed.size()) : 1L)
      << notice;
}

INSTANTIATE_TEST_SUITE_P(Numbers, NonAsciiKey, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<BrokenNumber>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace kaigo::testing
