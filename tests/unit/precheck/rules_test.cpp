// The rule tables and the code explanations: they parse, a malformed row is refused naming its
// table, line and column, and every code the system can list is explained.
#include <gtest/gtest.h>

#include <set>

#include "kaigo/exchange/codec_diagnostics.hpp"
#include "kaigo/core/error_codes.hpp"
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

TEST(PrecheckRules, EveryReaderCodeHasALevelAndAnExplanation) {
  for (int i = 0; i <= static_cast<int>(exchange::CodecIssue::RepeatedDocument); ++i) {
    std::string_view code = exchange::issue_text(static_cast<exchange::CodecIssue>(i)).code;
    EXPECT_NE(rules().reader_level(code), nullptr) << code;
    EXPECT_NE(find_error_code(code), nullptr) << code;
  }
}

}  // namespace
}  // namespace kaigo::precheck
