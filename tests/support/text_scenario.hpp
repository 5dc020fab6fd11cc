// Scenarios as text (DESIGN §4; tests/scenarios/README.md): one story of ledgers, plans, 明細書 and
// 過誤 told in a Markdown file a 国保連 clerk can read and extend — tables under headings — and
// run month by month through the `kaigo` command line as a 国保連 runs it (init, load, submit,
// kago, review, results). The outcome each month is compared with the rows the story expects in
// the official result files; a difference is shown as the expected and the actual rows side by
// side.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace kaigo::testing {

// Every *.md of tests/scenarios but README.md, by name.
std::vector<std::filesystem::path> scenario_files();

// Runs the scenario of `file`; returns what did not come out as it says, one message per
// difference (empty: the story holds). Throws std::runtime_error naming the line of a malformed
// file.
std::vector<std::string> run_text_scenario(const std::filesystem::path& file);

}  // namespace kaigo::testing
