// Every hand-written fixture (one per 交換情報識別番号) is read without a Diagnostic, and writing
// what was read gives back the official bytes exactly.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>

#include "kaigo/core/strings.hpp"
#include "kaigo/text/cp932.hpp"

#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"
#include "support/rewrite.hpp"
#include "support/test_support.hpp"
#include "unit/exchange/sample_file.hpp"

namespace kaigo::exchange {
namespace {

using kaigo::testing::quote_fields;
using kaigo::testing::Rewrite;

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(kaigo::testing::fixture("exchange"))) {
    if (e.path().extension() == ".csv") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixture, ReadsCleanAndRoundTripsByteForByte) {
  auto utf8 = kaigo::testing::read_file(kaigo::testing::fixture("exchange/" + GetParam() + ".csv"));
  auto bytes = kaigo::testing::official_bytes(utf8);
  Rewrite w;
  read_bytes(GetParam() + ".CSV", bytes, w);
  for (const auto& d : w.diags) ADD_FAILURE() << d.to_string();
  EXPECT_TRUE(w.codes.count(GetParam())) << "the fixture holds a document of its own code";
  ASSERT_TRUE(w.writer);
  EXPECT_EQ(w.writer->finish_to_string(), bytes);
}

INSTANTIATE_TEST_SUITE_P(Exchange, Fixture, ::testing::ValuesIn(fixture_names()),
                         [](const auto& param_info) { return param_info.param; });

// What real senders write (claims-format.md §0, §1.3), applied to each fixture line by line.
std::string variant(const std::string& utf8, const std::string& kind) {
  std::string out;
  for (auto line : lines(utf8)) {
    std::string l(line);
    bool data = !l.empty() && l[0] == '2';
    if (kind == "ndensan") l = quote_fields(l, [](int) { return true; });
    if (kind == "qkan" && data) l = quote_fields(l, [](int c) { return c >= 2; });
    if (kind == "honobono" && data) l = quote_fields(l, [](int c) { return c == 2 || c == 7; });
    if (kind == "trailing" && !l.empty() && l[0] == '1') l += ",";
    out += l;
    out += kind == "lf" ? "\n" : "\r\n";
  }
  return text::to_cp932(out);
}

TEST(Fixtures, TolerateWhatRealSendersWriteAndRewriteCanonically) {
  for (const auto& name : fixture_names()) {
    auto utf8 = kaigo::testing::read_file(kaigo::testing::fixture("exchange/" + name + ".csv"));
    auto canonical = kaigo::testing::official_bytes(utf8);
    for (const std::string kind : {"lf", "ndensan", "qkan", "honobono", "trailing"}) {
      Rewrite w;
      read_bytes(name + ".CSV", variant(utf8, kind), w);
      for (const auto& d : w.diags) ADD_FAILURE() << kind << ": " << d.to_string();
      ASSERT_TRUE(w.writer) << name << " " << kind;
      EXPECT_EQ(w.writer->finish_to_string(), canonical) << name << " " << kind;
    }
  }
}

TEST(Fixtures, CoverEveryFormOfTheRegistry) {
  auto names = fixture_names();
  std::set<std::string> have(names.begin(), names.end());
  for (const auto& f : Registry::instance().forms()) {
    if (f.code == "7111" || f.code == "7113") continue;  // inside every 711 / 71R fixture
    EXPECT_TRUE(have.count(f.code)) << "no fixture for " << f.code;
  }
}

}  // namespace
}  // namespace kaigo::exchange
