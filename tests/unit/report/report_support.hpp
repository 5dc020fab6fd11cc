// Helpers of the report tests: notices built from the fixtures of tests/fixtures/exchange/, long
// notices made from them, and running the poppler tools on a rendered PDF.
#pragma once
#include <sys/wait.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "kaigo/report/notice.hpp"
#include "kaigo/report/notice_file.hpp"
#include "support/test_support.hpp"

namespace kaigo::report::testing {

// The eleven result forms of claims-format.md §7.
inline const std::vector<std::string>& result_forms() {
  static const std::vector<std::string> forms{"7211", "7221", "7311", "7411", "7421", "7513",
                                              "7521", "7541", "7611", "7631", "7621"};
  return forms;
}

// The official bytes (CP932, CRLF) of a fixture.
inline std::string fixture_bytes(const std::string& code) {
  return kaigo::testing::official_bytes(kaigo::testing::read_file(kaigo::testing::fixture("exchange/" + code + ".csv")));
}

inline Notice fixture_notice(const std::string& code) { return read_notice_bytes(code + ".CSV", fixture_bytes(code)); }

// The fixture with its D1 records repeated until there are `rows` of them, each with a distinct
// 被保険者番号 where the form has one (項番 5), so that the table must flow over several pages.
inline Notice long_notice(const std::string& code, int rows) {
  auto base = fixture_notice(code);
  std::vector<NoticeRecord> d1, rest;
  for (const auto& r : base.records) (r.kind == "D1" ? d1 : rest).push_back(r);
  if (d1.empty()) throw std::invalid_argument(code + " has no D1 records");
  std::vector<NoticeRecord> records{rest.front()};
  for (int i = 0; i < rows; ++i) {
    auto r = d1[static_cast<std::size_t>(i) % d1.size()];
    bool person = code == "7311" || code == "7411" || code == "7421" || code == "7611" || code == "7631" || code == "7621";
    if (person) r.items[code == "7311" ? 1 : 2] = std::to_string(1000000000 + i).substr(0, 10);
    records.push_back(std::move(r));
  }
  for (std::size_t i = 1; i < rest.size(); ++i) records.push_back(rest[i]);
  return make_notice(code, std::move(records));
}

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Runs a shell command, capturing its standard output and standard error.
inline Run run(const std::string& command) {
  kaigo::testing::TempDir tmp;
  auto cmd = command + " >" + (tmp / "out").string() + " 2>" + (tmp / "err").string();
  int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = kaigo::testing::read_file(tmp / "out");
  r.err = kaigo::testing::read_file(tmp / "err");
  return r;
}

inline bool have_poppler() { return std::system("command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1") == 0; }

}  // namespace kaigo::report::testing
