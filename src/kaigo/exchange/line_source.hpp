// exchange/line_source — splits bytes from memory or from a file read in chunks into lines.
// Owns: LF / CRLF handling and the line-length limit. Must not: look inside lines.
// Public: the care-plan files (careplan/reader) are read line by line with it too.
#pragma once
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace kaigo::exchange {

struct Line {
  std::string_view text;    // without the line end
  bool too_long = false;    // longer than the limit; text holds only the first part
  bool crlf = false;        // ended in CR LF
  bool terminated = false;  // ended in a line break (false only for the last line)
};

class LineSource {
 public:
  virtual ~LineSource() = default;
  // The next line, or false at the end of input.
  virtual bool next(Line& line) = 0;
  virtual std::uint64_t bytes_read() const = 0;
};

class MemoryLines final : public LineSource {
 public:
  MemoryLines(std::string_view bytes, std::size_t max_line) : bytes_(bytes), max_line_(max_line) {}
  bool next(Line& line) override;
  std::uint64_t bytes_read() const override { return pos_; }

 private:
  std::string_view bytes_;
  std::size_t max_line_;
  std::size_t pos_ = 0;
};

// Reads a FILE* in chunks; memory is bounded by chunk size + line limit.
class FileLines final : public LineSource {
 public:
  FileLines(std::FILE* file, std::size_t chunk, std::size_t max_line);
  bool next(Line& line) override;
  std::uint64_t bytes_read() const override { return consumed_; }

 private:
  bool fill();  // reads more; false at EOF with nothing new
  std::FILE* file_;
  std::size_t max_line_;
  std::unique_ptr<char[]> buf_;  // capacity chunk_ + max_line_ + 1; not zero-filled
  std::size_t capacity_ = 0;
  std::size_t size_ = 0;   // bytes held in buf_
  std::size_t begin_ = 0;  // start of unconsumed data in buf_
  bool eof_ = false;
  bool skipping_ = false;  // inside the rest of a too-long line
  std::uint64_t consumed_ = 0;
};

}  // namespace kaigo::exchange
