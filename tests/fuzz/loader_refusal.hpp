// What every strict loader's fuzz target checks of a refused file: at least one reason, each naming
// the file and worded in Japanese and English; and of an accepted one: no reason at all. A broken
// promise traps (libFuzzer reports it as a crash).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace kaigo::fuzz {

// true when `r` was refused (the caller stops there); traps on a refusal without its reasons.
template <class Result>
bool refused_with_reasons(const Result& r, const std::string& file) {
  if (!r.ok()) {
    if (r.diagnostics.empty()) __builtin_trap();
    for (const auto& d : r.diagnostics) {
      if (d.file != file || d.message_ja.empty() || d.message_en.empty()) __builtin_trap();
    }
    return true;
  }
  if (!r.diagnostics.empty()) __builtin_trap();
  return false;
}

// The fuzzer's bytes loaded as `file` by `load(bytes, file)`: the loaded table, or nullopt when the
// loader refused them (its reasons checked as above).
template <class Load>
auto accepted(const std::uint8_t* data, std::size_t size, const std::string& file, const Load& load) {
  auto r = load(std::string_view(reinterpret_cast<const char*>(data), size), file);
  std::optional<std::decay_t<decltype(*r.table)>> table;
  if (!refused_with_reasons(r, file)) table = std::move(*r.table);
  return table;
}

}  // namespace kaigo::fuzz
