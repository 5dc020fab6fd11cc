// The 証記載保険者番号 as the ledger's 6-digit number: master::normalize_insurer_no and its SQL twin
// (store/detail/claim_sql.hpp normalized_insurer), which the 過誤 and 再審査 queries match by, give
// the same answer for every writing.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "kaigo/master/keys.hpp"
#include "kaigo/store/database.hpp"
#include "kaigo/store/detail/claim_sql.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/test_support.hpp"

namespace kaigo::store {
namespace {

// (as written, as the ledger holds it)
const std::vector<std::pair<std::string, std::string>> kWritings = {
    {"300000", "300000"},      {"0300000", "300000"},    {"00300000", "300000"},    {"00000000", "000000"},
    {"12300000", "12300000"},  {"01300000", "01300000"}, {"1300000", "1300000"},    {"000300000", "000300000"},
    {"30000", "30000"},        {"", ""},
};

TEST(NormalizedInsurer, ZeroPaddingToSevenOrEightDigitsIsTheSameInsurer) {
  for (const auto& [written, six] : kWritings) EXPECT_EQ(master::normalize_insurer_no(written), six) << written;
}

TEST(NormalizedInsurer, SqlAndCppAgree) {
  testing::TempDir dir;
  auto db = Database::create(dir.path() / "k.db");
  auto st = db->connection().prepare("SELECT " + normalized_insurer("x") + " FROM (SELECT ?1 AS x)");
  for (const auto& [written, six] : kWritings) {
    st.bind(1, written);
    ASSERT_TRUE(st.step()) << written;
    EXPECT_EQ(st.text(0), six) << written;
    st.reset();
  }
}

}  // namespace
}  // namespace kaigo::store
