#include "kaigo/report/render_all.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "kaigo/report/design.hpp"
#include "kaigo/report/notice_file.hpp"
#include "kaigo/report/render.hpp"

namespace kaigo::report {
namespace {

bool is_result_file(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  return (ext == ".CSV" || ext == ".csv") && design_for(p.stem().string()) != nullptr;
}

// Prints one result file; returns an empty string or the error.
std::string render_one(const std::filesystem::path& in) {
  try {
    auto notice = read_notice(in);
    auto pdf = in, page = in;
    render_pdf(notice, pdf.replace_extension(".pdf"));
    render_html(notice, page.replace_extension(".html"));
    return {};
  } catch (const std::exception& e) {
    return fmt::format("{} を印刷できません / cannot print {}: {}", in.string(), in.string(), e.what());
  }
}

std::vector<std::filesystem::path> result_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> inputs;
  for (const auto& office : std::filesystem::directory_iterator(dir)) {
    if (!office.is_directory()) continue;
    for (const auto& f : std::filesystem::directory_iterator(office.path()))
      if (f.is_regular_file() && is_result_file(f.path())) inputs.push_back(f.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

std::vector<std::filesystem::path> render_all(const std::filesystem::path& dir, unsigned threads) {
  auto inputs = result_files(dir);
  std::vector<std::string> errors(inputs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next++) < inputs.size();) errors[i] = render_one(inputs[i]);
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<std::size_t>(threads, inputs.size()); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (const auto& e : errors)
    if (!e.empty()) throw std::runtime_error(e);
  std::vector<std::filesystem::path> written;
  for (auto in : inputs) {
    written.push_back(in.replace_extension(".html"));
    written.push_back(in.replace_extension(".pdf"));
  }
  std::sort(written.begin(), written.end());
  return written;
}

}  // namespace kaigo::report
