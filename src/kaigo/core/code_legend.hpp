// core/code_legend — the 「コードの説明 / codes」 block printed under a check list: for each code the
// list used, its title, the usual cause and what to do, in Japanese and English. The pre-check's
// error list and the care-plan check list print it alike, each from its own table of codes.
// Owns: the wording of the block. Must not: know which codes exist (the caller's lookup does).
#pragma once
#include <set>
#include <string>

#include <fmt/format.h>

namespace kaigo {

// `find(code)` gives a pointer to an entry with code, title_ja/_en, cause_ja/_en and action_ja/_en,
// or nullptr (such a code is left out). Nothing at all when `codes` is empty.
template <class Find>
void append_code_legend(std::string& out, const std::set<std::string>& codes, Find find) {
  if (codes.empty()) return;
  out += "コードの説明 / codes\n";
  for (const auto& code : codes) {
    const auto* t = find(code);
    if (t == nullptr) continue;
    out += fmt::format("  {} {} / {}\n", t->code, t->title_ja, t->title_en);
    out += fmt::format("       原因: {} / cause: {}\n", t->cause_ja, t->cause_en);
    out += fmt::format("       対応: {} / what to do: {}\n", t->action_ja, t->action_en);
  }
}

}  // namespace kaigo
