#include "kaigo/careplan/writer.hpp"

#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "kaigo/careplan/csv.hpp"
#include "kaigo/text/cp932.hpp"

namespace kaigo::careplan {

void Writer::add(std::span<const std::string_view> values, std::span<const std::uint8_t> quoted) {
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k > 0) out_ += ',';
    append_field(out_, values[k], k < quoted.size() && quoted[k] != 0);
  }
  out_ += "\r\n";
}

void Writer::add(std::span<const std::string_view> values) {
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (k > 0) out_ += ',';
    bool text = k < layout_.items.size() && layout_.items[k].format == ItemFormat::Text;
    append_field(out_, values[k], text);
  }
  out_ += "\r\n";
}

void Writer::add_utf8(std::span<const std::string> values) {
  if (static_cast<int>(values.size()) != layout_.count()) {
    throw std::invalid_argument(fmt::format("{} は {} 項目（{} 項目を渡された） / {} has {} items ({} given)", layout_.name,
                                            layout_.count(), values.size(), layout_.name, layout_.count(), values.size()));
  }
  std::vector<std::string> cp932(values.size());
  std::vector<std::string_view> views(values.size());
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (auto bad = text::utf8_to_cp932(values[k], cp932[k]); bad != text::npos) {
      const ItemSpec& item = layout_.items[k];
      throw std::invalid_argument(fmt::format("{} No.{} {}: {} バイト目の文字は MS932 にない / item {} ({}): the character "
                                              "at byte {} has no MS932 form",
                                              layout_.name, item.no, item.name, bad + 1, item.no, item.name, bad + 1));
    }
    views[k] = cp932[k];
  }
  add(views);
}

}  // namespace kaigo::careplan
