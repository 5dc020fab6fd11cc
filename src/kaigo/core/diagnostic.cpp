#include "kaigo/core/diagnostic.hpp"

#include <fmt/format.h>

namespace kaigo {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) out += fmt::format(":{}", line);
  out += fmt::format(": [{}]", code);
  if (record_no > 0) out += fmt::format(" レコード番号{}", record_no);
  if (item_no > 0) out += fmt::format(" {}(項番{})", item_name, item_no);
  if (!value.empty() || item_no > 0) out += fmt::format("=\"{}\"", value);
  out += fmt::format(": {} / {}", message_ja, message_en);
  return out;
}

}  // namespace kaigo
