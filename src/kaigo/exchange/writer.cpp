#include "kaigo/exchange/writer.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/text/cp932.hpp"

namespace kaigo::exchange {

ControlFields ControlFields::from_items(std::span<const std::string> items) {
  auto at = [&](std::size_t no) { return no <= items.size() ? items[no - 1] : std::string(); };
  ControlFields c;
  c.volume = at(3);
  c.data_type = at(5);
  c.welfare_office = at(6);
  c.insurer_no = at(7);
  c.office_no = at(8);
  c.prefecture = at(9);
  c.media = at(10);
  c.processing_month = at(11);
  c.file_no = at(12);
  return c;
}

Writer::Writer(ControlFields control) : control_(std::move(control)) {}

Writer::~Writer() {
  if (spool_) std::fclose(spool_);
}

void Writer::append(std::string_view bytes) {
  body_.append(bytes);
  if (body_.size() >= kSpillBytes) spill();
}

void Writer::spill() {
  if (!spool_) {
    spool_ = std::tmpfile();
    if (!spool_) throw std::runtime_error("一時ファイルを作れません / cannot create a temporary file");
  }
  if (std::fwrite(body_.data(), 1, body_.size(), spool_) != body_.size())
    throw std::runtime_error("一時ファイルに書けません / cannot write the temporary file");
  body_.clear();
}

void Writer::add(std::span<const std::string_view> items) {
  ++count_;
  scratch_.clear();
  fmt::format_to(std::back_inserter(scratch_), "2,{}", count_ + 1);
  for (auto item : items) {
    scratch_ += ',';
    scratch_ += item;
  }
  scratch_ += "\r\n";
  append(scratch_);
}

void Writer::add_utf8(std::span<const std::string> items) {
  std::vector<std::string> encoded;
  encoded.reserve(items.size());
  for (const auto& s : items) encoded.push_back(text::to_cp932(s));
  std::vector<std::string_view> views(encoded.begin(), encoded.end());
  add(views);
}

std::string Writer::control_line() const {
  return fmt::format("1,1,{},{},{},{},{},{},{},{},{},{}\r\n", control_.volume, count_, control_.data_type,
                     control_.welfare_office, control_.insurer_no, control_.office_no, control_.prefecture,
                     control_.media, control_.processing_month, control_.file_no);
}

std::string Writer::end_line() const { return fmt::format("3,{}\r\n", count_ + 2); }

std::string Writer::finish_to_string() {
  std::string out = control_line();  // control items are CP932 bytes already
  if (spool_) {
    spill();
    std::rewind(spool_);
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, spool_)) > 0) out.append(buf, n);
    std::fclose(spool_);
    spool_ = nullptr;
  }
  out += body_;
  body_.clear();
  out += end_line();
  return out;
}

void Writer::finish_to_file(const std::filesystem::path& path) {
  auto tmp = path;
  tmp += ".part";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) throw std::runtime_error(fmt::format("書き込めません: {} / cannot write: {} ({})", tmp.string(), tmp.string(), std::strerror(errno)));
  auto put = [&](std::string_view s) {
    if (std::fwrite(s.data(), 1, s.size(), f) != s.size()) {
      std::fclose(f);
      throw std::runtime_error(fmt::format("書き込めません: {} / write failed: {}", tmp.string(), tmp.string()));
    }
  };
  put(control_line());
  if (spool_) {
    spill();
    std::rewind(spool_);
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, spool_)) > 0) put(std::string_view(buf, n));
    std::fclose(spool_);
    spool_ = nullptr;
  }
  put(body_);
  body_.clear();
  put(end_line());
  if (std::fflush(f) != 0 || std::fclose(f) != 0) throw std::runtime_error(fmt::format("書き込めません: {} / cannot write: {}", tmp.string(), tmp.string()));
  std::filesystem::rename(tmp, path);
}

}  // namespace kaigo::exchange
