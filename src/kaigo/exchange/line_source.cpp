#include "kaigo/exchange/line_source.hpp"

#include <cstring>
#include <stdexcept>

namespace kaigo::exchange {
namespace {

void finish_line(std::string_view raw, bool terminated, Line& line) {
  line.terminated = terminated;
  line.crlf = false;
  if (terminated && !raw.empty() && raw.back() == '\r') {
    raw.remove_suffix(1);
    line.crlf = true;
  }
  line.text = raw;
}

}  // namespace

bool MemoryLines::next(Line& line) {
  if (pos_ >= bytes_.size()) return false;
  const char* start = bytes_.data() + pos_;
  std::size_t rest = bytes_.size() - pos_;
  const void* nl = std::memchr(start, '\n', rest);
  std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : rest;
  pos_ += len + (nl ? 1 : 0);
  line.too_long = len > max_line_;
  finish_line(std::string_view(start, line.too_long ? max_line_ : len), nl != nullptr && !line.too_long, line);
  if (line.too_long) line.terminated = nl != nullptr;
  return true;
}

FileLines::FileLines(std::FILE* file, std::size_t chunk, std::size_t max_line)
    : file_(file),
      max_line_(max_line),
      buf_(std::make_unique_for_overwrite<char[]>(chunk + max_line + 1)),
      capacity_(chunk + max_line + 1) {}

bool FileLines::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buf_.get(), buf_.get() + begin_, size_ - begin_);
    size_ -= begin_;
    begin_ = 0;
  }
  // At most max_line_ bytes are kept (a longer line is reported and skipped), so a chunk fits.
  std::size_t got = std::fread(buf_.get() + size_, 1, capacity_ - size_, file_);
  size_ += got;
  if (got == 0) {
    if (std::ferror(file_)) throw std::runtime_error("ファイルを読めません / read error");
    eof_ = true;
    return false;
  }
  return true;
}

bool FileLines::next(Line& line) {
  while (true) {
    std::string_view avail(buf_.get() + begin_, size_ - begin_);
    const void* nl = std::memchr(avail.data(), '\n', avail.size());
    if (skipping_) {
      // Discard the rest of a too-long line without holding it.
      if (nl) {
        std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - avail.data());
        begin_ += len + 1;
        consumed_ += len + 1;
        skipping_ = false;
        continue;
      }
      consumed_ += avail.size();
      begin_ = size_;
      if (!fill()) return false;
      continue;
    }
    if (nl) {
      std::size_t len = static_cast<std::size_t>(static_cast<const char*>(nl) - avail.data());
      if (len > max_line_) {
        line.too_long = true;
        finish_line(avail.substr(0, max_line_), false, line);
        line.terminated = true;
      } else {
        line.too_long = false;
        finish_line(avail.substr(0, len), true, line);
      }
      begin_ += len + 1;
      consumed_ += len + 1;
      return true;
    }
    if (avail.size() > max_line_) {
      // Report the line now and skip the rest of it as it arrives.
      line.too_long = true;
      finish_line(avail.substr(0, max_line_), false, line);
      line.terminated = true;
      consumed_ += avail.size();
      begin_ = size_;
      skipping_ = true;
      // The text view must stay valid until the next call: keep the buffer as is.
      return true;
    }
    if (!fill()) {
      if (avail.empty()) return false;
      // Last line without a line break.
      line.too_long = false;
      std::string_view rest(buf_.get() + begin_, size_ - begin_);
      finish_line(rest, false, line);
      consumed_ += rest.size();
      begin_ = size_;
      return true;
    }
  }
}

}  // namespace kaigo::exchange
