// A 明細書 whose 被保険者番号 — an item of its key — ends in a full-width digit (a typing slip the
// pre-check refuses, KC09) is one provider's mistake, not the month's: taken through the command
// line as a 国保連 runs it, the review returns that 明細書 for the pre-check's error (事由 A) and
// decides the others, and the 返戻一覧 (7411) names the number as it was written. Before, the review
// missed reception's finding (its key read back in the file's bytes, stored in UTF-8) and stopped
// the whole month on the number's length.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kaigo/core/strings.hpp"
#include "kaigo/text/cp932.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

const std::string kFullWidthZero = "\x82\x4f";  // ０ in CP932

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

// Rewrites the first 7131 明細書 of the file (all its records): its 被保険者番号 (項番 8 of each
// record's line, column 7) ends in ０. Returns the number as it was.
std::string break_first_insured_no(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::string target;
  const std::string bytes = read_file(file);
  for (auto line : split(bytes, '\n')) {
    auto fields = split(line, ',');
    if (fields.size() > 8 && fields[2] == "7131") {
      if (target.empty()) target = std::string(fields[7]);
      if (fields[7] == target) {
        std::vector<std::string> changed(fields.begin(), fields.end());
        changed[7] = target.substr(0, target.size() - 1) + kFullWidthZero;
        out.push_back(joined(changed, ","));
        continue;
      }
    }
    out.emplace_back(line);
  }
  write_file(file, joined(out, "\n"));
  return target;
}

std::vector<std::string> lines_naming(const std::string& utf8, const std::string& what) {
  std::vector<std::string> found;
  for (auto line : lines(utf8)) {
    if (line.find(what) != std::string_view::npos) found.emplace_back(line);
  }
  return found;
}

TEST(NonAsciiKey, TheMonthIsDecidedAndThe7411NamesTheNumberAsWritten) {
  TempDir dir;
  const auto m = dir / "month";
  const auto db = (dir / "k.db").string();
  run_kaigo_ok("gen --out " + m.string() + " --month 202605 --offices 6 --recipients 60 --seed 3 --errors 0");
  const auto office_dir = m / "submissions" / "1370000002";
  const auto target = break_first_insured_no(office_dir / "KK260501.CSV");
  ASSERT_EQ(target.size(), 10u);
  run_kaigo_ok("init --db " + db + " --config " + (m / "kokuhoren.toml").string());
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    run_kaigo_ok(std::string("load --db ") + db + " " + kind + " " + (m / (std::string(kind) + ".csv")).string());
  }
  auto submit = run_kaigo_ok("submit --db " + db + " --at 2026-05-05T10:00:00 " + (m / "submissions").string() + "/*/*.CSV");
  EXPECT_NE(submit.out.find("KK260501.CSV\t様式エラー有\t202605\t4"), std::string::npos) << submit.out;  // 4 records
  EXPECT_NE(submit.err.find("[様式エラー] KC09"), std::string::npos) << submit.err;

  auto review = run_kaigo_ok("review --db " + db + " --month 202605");
  EXPECT_NE(review.out.find("事前チェックのエラーで返戻 1"), std::string::npos) << review.out;
  EXPECT_NE(review.out.find("返戻 1"), std::string::npos) << review.out;

  run_kaigo_ok("results --db " + db + " --month 202605 --out " + (dir / "r5").string());
  const auto notice = text::to_utf8(read_file(dir / "r5" / "1370000002" / "7411.CSV"));
  const std::string as_written = target.substr(0, 9) + "０";
  const auto listed = lines_naming(notice, "," + as_written + ",");
  ASSERT_FALSE(listed.empty()) << notice;
  for (const auto& line : listed) {
    const auto f = split(line, ',');
    ASSERT_GE(f.size(), 15u) << line;
    EXPECT_EQ(f[2], "7411");
    EXPECT_EQ(f[6], as_written);
    EXPECT_EQ(f[12], "A") << line;  // 事由 A: the pre-check's error
    EXPECT_EQ(f[13], "被保険者番号：英数項目に使えない文字") << line;
    EXPECT_EQ(f[14], "ＫＣ０９") << line;
  }
}

}  // namespace
}  // namespace kaigo::testing
