// What every strict loader's fuzz target checks of a refused file: at least one reason, each naming
// the file and worded in Japanese and English; and of an accepted one: no reason at all. A broken
// promise traps (libFuzzer reports it as a crash).
#pragma once
#include <string>

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

}  // namespace kaigo::fuzz
