// CSV text for spreadsheets: quoted only when needed, quotes doubled, LF after each row.
#include <gtest/gtest.h>

#include "kaigo/core/csv_text.hpp"

namespace kaigo {
namespace {

TEST(CsvText, QuotesOnlyWhatNeedsIt) {
  std::string out;
  append_csv_row(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "", "日本語"});
  append_csv_row(out, {"x"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,日本語\nx\n");
}

}  // namespace
}  // namespace kaigo
