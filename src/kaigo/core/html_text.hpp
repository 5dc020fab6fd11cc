// core/html_text — text put into HTML: the printed notices' HTML (report) and the pages' frame
// (server) escape with this one function.
// Owns: escaping. Must not: build markup.
#pragma once
#include <string>
#include <string_view>

namespace kaigo {

// Which quotes are escaped besides & < >: the double quote always; the single quote too where a
// value may stand in a single-quoted attribute. The notices' HTML never does, and keeps its bytes.
enum class HtmlQuotes { Double, Both };

std::string html_escape(std::string_view text, HtmlQuotes quotes = HtmlQuotes::Both);

}  // namespace kaigo
