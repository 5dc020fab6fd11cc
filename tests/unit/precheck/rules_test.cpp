// The rule tables and the code explanations: they parse, a malformed row is refused naming its
// table, line and column, and every code the system can list is explained.
#include <gtest/gtest.h>

#include <set>

#include "kaigo/exchange/codec_diagnostics.hpp"
#include "kaigo/precheck/codes.hpp"
#include "kaigo/precheck/rules.hpp"

namespace kaigo::precheck {
namespace {

const RuleTexts kMinimal{"key\tvalue\tsource\n", "family\tkind\titem\trule\targs\twhen\tcode\tsource\n",
                         "family\tkind\titems\treport_item\twhen\tcode\tsource\n",
                         "family\trule\tkinds\titem\tcode\tsource\n", "code\tlevel\ton_control\tnote\n"};

TEST(PrecheckRules, EmbeddedTablesParse) {
  const Rules& r = rules();
  EXPECT_EQ(r.settings().file_name_max_stem, 8u);
  EXPECT_EQ(r.settings().file_name_extensions, std::vector<std::string>{"CSV"});
  EXPECT_TRUE(r.full_benefit("AF"));
  EXPECT_FALSE(r.full_benefit("11"));
  EXPECT_GE(r.items().size(), 40u);
  EXPECT_GE(r.duplicates().size(), 8u);
  EXPECT_GE(r.structure().size(), 9u);
  // A kind without rules of its own gets the family's kind-less rules only.
  EXPECT_TRUE(r.items_for(RuleFamily::Statement, "12").empty());
  EXPECT_FALSE(r.items_for(RuleFamily::Plan, "").empty());
  EXPECT_FALSE(r.items_for(RuleFamily::Statement, "01").empty());
}

TEST(PrecheckRules, ConditionsOfTheWhenColumn) {
  RuleTexts t = kMinimal;
  std::string items = std::string(t.items) + "statement\t01\t29\trequired\t-\t1!=8171&6!^=H\tABB0\ttest\n" +
                      "plan\t-\t18\tone_of\t1 2\t8!=99\tKP26\ttest\n";
  t.items = items;
  Rules r = Rules::parse(t);
  ASSERT_EQ(r.items().size(), 2u);
  const auto& when = r.items()[0].when;
  ASSERT_EQ(when.size(), 2u);
  EXPECT_EQ(when[0].item, 1);
  EXPECT_EQ(when[0].op, Condition::Op::NotIn);
  EXPECT_EQ(when[0].values, std::vector<std::string>{"8171"});
  EXPECT_EQ(when[1].item, 6);
  EXPECT_EQ(when[1].op, Condition::Op::NotPrefix);
  EXPECT_EQ(r.items()[1].args, (std::vector<std::string>{"1", "2"}));
}

TEST(PrecheckRules, MalformedRowsAreRefused) {
  auto refused = [](RuleTexts t, std::string_view table, std::string bad, std::string_view where) {
    std::string text;
    if (table == "items") text = std::string(t.items) + bad;
    if (table == "structure") text = std::string(t.structure) + bad;
    if (table == "settings") text = std::string(t.settings) + bad;
    if (table == "items") t.items = text;
    if (table == "structure") t.structure = text;
    if (table == "settings") t.settings = text;
    try {
      Rules::parse(t);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
    }
  };
  refused(kMinimal, "items", "statement\t01\t29\tcompute\t-\t-\tABB0\tx\n", "items.tsv:2: 列4");
  refused(kMinimal, "items", "clinic\t01\t29\trequired\t-\t-\tABB0\tx\n", "items.tsv:2: 列1");
  refused(kMinimal, "items", "statement\t01\t29\trequired\t-\t1~3\tABB0\tx\n", "items.tsv:2: 列6");
  refused(kMinimal, "items", "statement\t01\t29\trequired\t-\t-\tAB\tx\n", "items.tsv:2: 列7");
  refused(kMinimal, "items", "statement\t01\t29\trequired\n", "items.tsv:2: 列4");
  refused(kMinimal, "structure", "statement\ttypes_match\t02 14\t7\tKP23\tx\n", "structure.tsv:2: 列3");
  refused(kMinimal, "settings", "file_name_max_stem\teight\tx\n", "settings.tsv:2: 列2");
}

TEST(PrecheckRules, EveryCodeOfTheTablesIsExplained) {
  const Rules& r = rules();
  std::set<std::string> codes;
  for (const auto& i : r.items()) codes.insert(i.code);
  for (const auto& d : r.duplicates()) codes.insert(d.code);
  for (const auto& s : r.structure()) codes.insert(s.code);
  // Codes the checks use in code: file, control, ledgers, masters, amounts, 請求書, copies.
  for (const char* c : {"KP01", "KP02", "KP03", "KP04", "KP11", "KP12", "KP13", "KP27", "KP28", "KP29", "KP30", "KP31",
                        "KP32", "KP33", "ADD0", "ADD1", "ADD2", "ADDA", "ASSA", "ASS0", "ATT5", "ANN0", "ANN2"}) {
    codes.insert(c);
  }
  for (const auto& c : codes) {
    const CodeText* t = code_text(c);
    ASSERT_NE(t, nullptr) << c;
    EXPECT_FALSE(t->title_ja.empty() || t->title_en.empty() || t->cause_ja.empty() || t->action_ja.empty() ||
                 t->cause_en.empty() || t->action_en.empty() || t->source.empty())
        << c;
  }
}

TEST(PrecheckRules, EveryReaderCodeHasALevelAndAnExplanation) {
  for (int i = 0; i <= static_cast<int>(exchange::CodecIssue::RepeatedDocument); ++i) {
    std::string_view code = exchange::issue_text(static_cast<exchange::CodecIssue>(i)).code;
    EXPECT_NE(rules().reader_level(code), nullptr) << code;
    EXPECT_NE(code_text(code), nullptr) << code;
  }
}

TEST(PrecheckRules, TheReviewCodesAreExplained) {
  // The review lists the same table (review-rules §1.3): the codes of the seeds among others.
  for (const char* c : {"12PA", "12P0", "12SA", "12QT", "ANN2", "ANN4", "ANNM", "ANN0", "ANNJ", "ANN9", "12P3", "12PD",
                        "12QJ", "ASS6", "14QR", "15P6", "保留", "返戻"}) {
    const CodeText* t = code_text(c);
    ASSERT_NE(t, nullptr) << c;
  }
  EXPECT_EQ(code_text("12PA")->action_ja,
            "市町村に区分変更申請の結果を確認し、決定・登録された後に正しい要介護度で請求してください。");
  EXPECT_NE(code_text("ANN4")->action_ja.find("過誤申立"), std::string_view::npos);
}

}  // namespace
}  // namespace kaigo::precheck
