// Every hand-written fixture (one per 交換情報識別番号) is read without a Diagnostic, and writing
// what was read gives back the official bytes exactly.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>

#include "kaigo/exchange/reader.hpp"
#include "kaigo/exchange/writer.hpp"
#include "support/test_support.hpp"

namespace kaigo::exchange {
namespace {

struct Rewrite : Sink {
  std::unique_ptr<Writer> writer;
  std::vector<Diagnostic> diags;
  std::set<std::string> codes;
  void on_control(const ControlRecord& c) override { writer = std::make_unique<Writer>(ControlFields::from_items(c.items)); }
  void on_document(const Document& d) override {
    codes.insert(d.code);
    for (const auto& r : d.records()) writer->add(r.items);
  }
  void on_diagnostic(const Diagnostic& d) override { diags.push_back(d); }
};

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
