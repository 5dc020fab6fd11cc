// Behaviour kept: a generated month with mistakes (kaigo gen, seed 7, 30 % of the people with one)
// taken through the command line as a 国保連 runs it — init, load, submit, review and results of
// 2026-05, then review and results of 2026-06 (the held 明細書 come back as 返戻) — and every file
// of both results folders compared with the SHA-256 recorded in golden/generated-month.sha256.
// The digests were recorded from main before issue 12 reshaped the code; a refactoring must not
// change a byte of them. When a change of behaviour is meant, record them again with
// `tests/scenarios/golden/record.sh build/kaigo` and say why in the commit.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "kaigo/core/sha256.hpp"
#include "support/test_support.hpp"

namespace kaigo::testing {
namespace {

std::map<std::string, std::string> recorded_digests() {
  std::map<std::string, std::string> out;
  std::istringstream in(read_file(source_dir() / "tests/scenarios/golden/generated-month.sha256"));
  std::string digest, path;
  while (in >> digest >> path) out[path] = digest;
  return out;
}

std::map<std::string, std::string> digests_under(const std::filesystem::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& folder : {"r5", "r6"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root / folder)) {
      if (!e.is_regular_file()) continue;
      out[std::filesystem::relative(e.path(), root).generic_string()] = sha256_hex(read_file(e.path()));
    }
  }
  return out;
}

TEST(GeneratedMonthResults, EveryResultFileIsByteIdenticalToTheRecordedOnes) {
  TempDir dir;
  const auto m = dir / "month";
  const auto db = (dir / "k.db").string();
  run_kaigo_ok("gen --out " + m.string() + " --month 202605 --offices 8 --recipients 200 --seed 7 --errors 0.3");
  run_kaigo_ok("init --db " + db + " --config " + (m / "kokuhoren.toml").string());
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    run_kaigo_ok(std::string("load --db ") + db + " " + kind + " " + (m / (std::string(kind) + ".csv")).string());
  }
  run_kaigo_ok("submit --db " + db + " --at 2026-05-05T10:00:00 " + (m / "submissions").string() + "/*/*.CSV");
  run_kaigo_ok("review --db " + db + " --month 202605");
  // 202605 printed with the results (--print), 202606 on demand afterwards: the same bytes either way.
  run_kaigo_ok("results --print --db " + db + " --month 202605 --out " + (dir / "r5").string());
  run_kaigo_ok("review --db " + db + " --month 202606");
  run_kaigo_ok("results --db " + db + " --month 202606 --out " + (dir / "r6").string());
  std::size_t printed_with_results = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir / "r6")) {
    const auto ext = e.path().extension();
    printed_with_results += ext == ".pdf" || ext == ".html" ? 1 : 0;
  }
  EXPECT_EQ(printed_with_results, 0u) << "without --print, results print nothing";
  run_kaigo_ok("render " + (dir / "r6").string());

  const auto expected = recorded_digests();
  const auto actual = digests_under(dir.path());
  ASSERT_EQ(expected.size(), 135u);  // 133 result files and the two folders' .kaigo-results marks
  std::string differences;
  for (const auto& [path, digest] : expected) {
    auto it = actual.find(path);
    if (it == actual.end()) differences += "  missing: " + path + "\n";
    else if (it->second != digest) differences += "  changed: " + path + "\n";
  }
  for (const auto& [path, digest] : actual) {
    if (!expected.count(path)) differences += "  new:     " + path + "\n";
  }
  EXPECT_EQ(differences, "") << "the results of the generated month differ from the recorded ones:\n" << differences;
}

}  // namespace
}  // namespace kaigo::testing
