// The one table of codes (core/error_codes.tsv) against the code that raises them: every code any
// module raises is in the table, and every code of the table is raised somewhere — found by
// reading the sources the way a reviewer would (a quoted code in src/kaigo, or the `code` column
// of the pre-check's rule tables). The words of the 返戻（保留）一覧 that are not codes (保留, 増減A …)
// must be used by the review.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "kaigo/core/error_codes.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/review/codes.hpp"
#include "kaigo/review/decision.hpp"
#include "support/test_support.hpp"

namespace kaigo {
namespace {

namespace fs = std::filesystem;

// The shapes of a code: 国保連 A… (ABB0, ANN4, ASSA), ledger 1… (12PA, 10QF, 15P6), project K… (KP30).
// 交換情報識別番号 such as 71R1 start with 7 or 8 and are not codes.
const std::regex kQuotedCode(R"re("(A[A-Z]{2}[A-Z0-9]|1[0-9][A-Z][A-Z0-9]|K[A-Z][0-9]{2})")re");

bool is_code(std::string_view key) {
  return std::regex_match(std::string(key), std::regex(R"re(A[A-Z]{2}[A-Z0-9]|1[0-9][A-Z][A-Z0-9]|K[A-Z][0-9]{2})re"));
}

// Codes quoted in the C++ sources of `root` (comments included: a code named only in a comment is
// still named, and the table must explain it).
// The modules that keep a code set of their own are not read: accounts and certificates (KA, auth),
// the portal (KH), the server's answers (KW), the care-plan files and hub (CP, CH,
// careplan/error_codes.tsv) and the platform (its linkage_codes.tsv); docs/diagnostics.md lists
// each set and its table. This table is the claims month's: 返戻・査定, pre-check, reader,
// reception, settings, 過誤, ledgers.
bool has_own_code_set(const fs::path& file) {
  static const std::set<std::string> kOwnSets{"auth", "portal", "server", "careplan", "platform"};
  const auto module = file.lexically_relative(testing::source_dir() / "src/kaigo").begin()->string();
  return kOwnSets.count(module) > 0;
}

std::set<std::string> quoted_codes(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const auto ext = e.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    if (has_own_code_set(e.path())) continue;
    const std::string text = testing::read_file(e.path());
    for (std::sregex_iterator it(text.begin(), text.end(), kQuotedCode), end; it != end; ++it) out.insert((*it)[1]);
  }
  return out;
}

// The `code` column of every pre-check rule table.
std::set<std::string> rule_table_codes() {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(testing::source_dir() / "src/kaigo/precheck/rules")) {
    const std::string text = testing::read_file(e.path());
    auto rows = lines(text);
    if (rows.empty()) continue;
    auto header = split(rows[0], '\t');
    auto col = std::find(header.begin(), header.end(), "code");
    if (col == header.end()) continue;
    const auto at = static_cast<std::size_t>(col - header.begin());
    for (std::size_t i = 1; i < rows.size(); ++i) {
      auto cells = split(rows[i], '\t');
      if (at < cells.size()) out.insert(std::string(cells[at]));
    }
  }
  return out;
}

std::set<std::string> raised_codes() {
  auto codes = quoted_codes(testing::source_dir() / "src/kaigo");
  codes.merge(rule_table_codes());
  return codes;
}

TEST(ErrorCodes, EveryCodeRaisedAnywhereIsInTheTable) {
  std::set<std::string> missing;
  for (const auto& c : raised_codes()) {
    if (find_error_code(c) == nullptr) missing.insert(c);
  }
  EXPECT_EQ(missing, std::set<std::string>{});
}

TEST(ErrorCodes, EveryCodeOfTheTableIsRaisedBySomeRule) {
  const auto raised = raised_codes();
  std::set<std::string> never;
  for (const auto& e : error_codes()) {
    if (is_code(e.code) && !raised.count(std::string(e.code))) never.insert(std::string(e.code));
  }
  EXPECT_EQ(never, std::set<std::string>{}) << "raise them, or take them out of the table with a note in "
                                               "docs/diagnostics.md";
}

// 保留, 返戻 and the 増減 事由 are the review's words on the 返戻（保留）一覧 and the 増減単位数通知書.
TEST(ErrorCodes, TheWordsThatAreNotCodesAreTheReviews) {
  const auto codes_cpp = testing::read_file(testing::source_dir() / "src/kaigo/review/codes.cpp");
  std::set<std::string_view> words;  // what the review's outcome tables print
  for (const auto& r : review::kClaimOutcomes.rows) words.insert(r.ja);
  for (const auto& r : review::kPlanOutcomes.rows) words.insert(r.ja);
  for (const auto& r : review::kCutReasons.rows) words.insert(r.code);
  for (const auto& e : error_codes()) {
    if (is_code(e.code)) continue;
    EXPECT_TRUE(words.count(e.code) || codes_cpp.find("\"" + std::string(e.code) + "\"") != std::string::npos)
        << e.code;
  }
}

TEST(ErrorCodes, EveryRowIsWordedAndExplainedInBothLanguages) {
  for (const auto& e : error_codes()) {
    EXPECT_FALSE(e.title_ja.empty() || e.title_en.empty() || e.cause_ja.empty() || e.action_ja.empty() ||
                 e.cause_en.empty() || e.action_en.empty() || e.source.empty())
        << e.code;
    EXPECT_EQ(e.detail_ja.empty(), e.detail_en.empty()) << e.code;
  }
}

// The review and the pre-check word a code from the same row: on the 返戻（保留）一覧 「項目名：内容」
// reads the same whichever raised it (the store words the pre-check's rows with title_ja).
TEST(ErrorCodes, TheReviewWordsACodeAsTheTableDoes) {
  for (const char* c : {"ADD0", "ADD1", "ADD2", "ADDA", "ASSA", "ASS0", "ATT5", "ANN0", "ANN2"}) {
    const auto f = review::error(c, "保険請求額");
    EXPECT_EQ(f.content(), "保険請求額：" + std::string(error_code(c).title_ja)) << c;
    EXPECT_EQ(f.list_reason, error_code(c).list_reason) << c;
  }
  EXPECT_EQ(review::hold(false).message_ja, error_code("保留").title_ja);
  EXPECT_EQ(review::hold(true).list_reason, 'D');
  EXPECT_EQ(review::cut(review::CutReason::OverPlan, "11", Units{120}, Units{100}).message_ja,
            "給付管理票の実績を超えるもの");
  EXPECT_THROW(review::error("ZZZZ", "x"), std::logic_error);
}

TEST(ErrorCodes, ActionsOfTheSeedsCodes) {
  EXPECT_EQ(error_code("12PA").action_ja,
            "市町村に区分変更申請の結果を確認し、決定・登録された後に正しい要介護度で請求してください。");
  EXPECT_NE(error_code("ANN4").action_ja.find("過誤申立"), std::string_view::npos);
  EXPECT_EQ(error_code("ASSA").list_reason, 'B');
  EXPECT_EQ(error_code("ADD0").list_reason, 'A');
  EXPECT_EQ(error_code("KC08").detail_ja, "数字項目に数字以外の文字があります");
}

// The check above cannot be fooled by a code that only looks raised: a made-up one is caught.
TEST(ErrorCodes, TheScanFindsAQuotedCodeOutsideTheTable) {
  testing::TempDir dir;
  testing::write_file(dir / "x.cpp", "if (form == \"71R1\") out.push_back(error(\"ANNZ\", \"様式番号\"));\n");
  EXPECT_EQ(quoted_codes(dir.path()), (std::set<std::string>{"ANNZ"}));
  EXPECT_EQ(find_error_code("ANNZ"), nullptr);
}

}  // namespace
}  // namespace kaigo
