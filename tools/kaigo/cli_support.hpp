// Small helpers shared by the subcommands: reading an input file whole, printing diagnostics and JSON.
#pragma once
#include <memory>
#include <cstdio>
#include <optional>
#include <span>
#include <string>

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/diagnostic.hpp"

namespace kaigo::cli {

// The bytes of `path`; throws std::runtime_error (Japanese / English) when it cannot be read or is
// not a regular file (a folder is refused by name).
std::string read_whole_file(const std::string& path);

// The paths listed in `list` (`-`: standard input), one a line; a trailing CR is dropped and empty
// lines are skipped. For more files than one command line holds (a national month is ~270,000 claim
// files): every file in one call, so the tables are loaded once. Throws as read_whole_file.
std::vector<std::string> read_path_list(const std::string& list);

// One line per diagnostic on stderr.
void print_diagnostics(const Diagnostics& diagnostics);

// Writes `text` whole to stdout / stderr (a NUL or any other byte in it is not a terminator).
void out(std::string_view text);
void err(std::string_view text);

// --at (JST) or now; nullopt after a message on stderr when it does not parse.
std::optional<LocalDateTime> parse_at(const std::string& at);
// The same, setting `status` to `usage_status` when it does not parse (the caller then returns).
std::optional<LocalDateTime> parse_at(const std::string& at, int& status, int usage_status = 2);

// A check list as --format asks: json, csv, or text (the default). The pre-check's and the care-plan
// check's lists each have to_json, format_csv and format_text beside their file type (found by ADL).
template <class File>
void print_check_list(std::string_view format, std::span<const File> files) {
  if (format == "json") {
    std::fputs(to_json(files).dump(2).c_str(), stdout);
    std::fputs("\n", stdout);
  } else if (format == "csv") {
    std::fputs(format_csv(files).c_str(), stdout);
  } else {
    std::fputs(format_text(files).c_str(), stdout);
  }
}

// A JSON document as printed: UTF-8 always (a byte that is not is replaced, never a failure after
// the work is done).
std::string dump_json(const nlohmann::json& j);

// Says on stderr which files another process left half-received and were recovered (KR03).
void report_recovered(const std::vector<std::int64_t>& ids);

}  // namespace kaigo::cli
