// A month made by the command line, as a clerk would: `kaigo gen` of May 2026, a
// database made by `kaigo init` with the month's kokuhoren.toml, its masters and ledgers loaded, and
// the month's submission files listed in order. The CLI tests start from it.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace kaigo::testing {

struct CliMonth {
  TempDir dir;
  std::string db;
  std::filesystem::path gen;  // the generated month's folder
  std::vector<std::filesystem::path> files;

  // `gen_options` are given to `kaigo gen` ("--offices 6 --recipients 50"); `extra_config` is
  // appended to kokuhoren.toml before `kaigo init`.
  explicit CliMonth(const std::string& gen_options, const std::string& extra_config = "");
  // The submission files, each after a space, to append to a command line.
  std::string all_files() const;
};

}  // namespace kaigo::testing
