// core/code_legend — what the pre-check's error list and the care-plan check list share: the
// 「コードの説明 / codes」 block printed under the list (for each code the list used, its title, the
// usual cause and what to do, in Japanese and English) and its JSON form, the codes a list used,
// and the frame of the text list. Each list keeps its own table of codes and its own rows.
// Owns: the wording of the block. Must not: know which codes exist (the caller's lookup does).
#pragma once
#include <set>
#include <span>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace kaigo {

// The codes of every row of every file, each once, in order; `rows_of(file)` gives a file's rows,
// each with a `code`.
template <class File, class RowsOf>
std::set<std::string> codes_used(std::span<const File> files, RowsOf rows_of) {
  std::set<std::string> codes;
  for (const auto& f : files) {
    for (const auto& r : rows_of(f)) codes.insert(r.code);
  }
  return codes;
}

// 「－」 where a list shows an empty value.
inline std::string dash_if_empty(const std::string& s) { return s.empty() ? std::string("－") : s; }

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

// A check list as text: each file as `text_file(out, file)` writes it, followed by an empty line,
// then the legend of the codes used.
template <class File, class TextFile, class Find>
std::string check_list_text(std::span<const File> files, TextFile text_file, const std::set<std::string>& codes,
                            Find find) {
  std::string out;
  for (const auto& f : files) {
    text_file(out, f);
    out += '\n';
  }
  append_code_legend(out, codes, find);
  return out;
}

// The legend as JSON: code → its titles, causes and actions; `more(entry_json, entry)` adds what
// the caller's table has beyond them.
template <class Find, class More>
nlohmann::json code_legend_json(const std::set<std::string>& codes, Find find, More more) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& code : codes) {
    const auto* t = find(code);
    if (t == nullptr) continue;
    nlohmann::json entry = {{"title_ja", t->title_ja}, {"title_en", t->title_en}, {"cause_ja", t->cause_ja},
                            {"action_ja", t->action_ja}, {"cause_en", t->cause_en}, {"action_en", t->action_en}};
    more(entry, *t);
    out[code] = std::move(entry);
  }
  return out;
}

template <class Find>
nlohmann::json code_legend_json(const std::set<std::string>& codes, Find find) {
  return code_legend_json(codes, find, [](nlohmann::json&, const auto&) {});
}

}  // namespace kaigo
