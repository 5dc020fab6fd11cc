// careplan/writer — writes records of the standard's files: items separated by commas, MS932 bytes,
// CR LF after every record (the reader also takes LF), free text enclosed in quotes with embedded
// quotes doubled (layout.txt ※フリーテキスト), other items as they are. Records read and written
// again with their quoting give back the same bytes.
// Owns: the bytes of a record. Must not: check values (the reader checks what it reads).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kaigo/careplan/layout.hpp"

namespace kaigo::careplan {

class Writer {
 public:
  explicit Writer(const Layout& layout) : layout_(layout) {}

  // CP932 values with their quoting as read: the round trip.
  void add(std::span<const std::string_view> values, std::span<const std::uint8_t> quoted);
  // CP932 values quoted as the standard says: free text (also empty) quoted, other items not.
  void add(std::span<const std::string_view> values);
  // UTF-8 values, converted to MS932 and quoted as the standard says. Throws std::invalid_argument
  // (Japanese / English, naming the item) when the count differs from the layout or a character has
  // no MS932 form (the standard: convert such characters before output).
  void add_utf8(std::span<const std::string> values);

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  const Layout& layout_;
  std::string out_;
};

}  // namespace kaigo::careplan
