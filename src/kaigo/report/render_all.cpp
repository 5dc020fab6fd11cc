#include "kaigo/report/render_all.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include <fmt/format.h>

#include "kaigo/report/design.hpp"
#include "kaigo/report/notice_file.hpp"
#include "kaigo/report/office_lists.hpp"
#include "kaigo/report/render.hpp"

namespace kaigo::report {
namespace {

// Prints one result file; returns an empty string or the error.
std::string render_one(const std::filesystem::path& in) {
  try {
    if (office_list_of(in)) {
      print_office_list(in);
      return {};
    }
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
      if (f.is_regular_file() && (is_printable(f.path()) || (office_list_of(f.path()) && f.path().extension() == ".csv")))
        inputs.push_back(f.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

}  // namespace

bool is_printable(const std::filesystem::path& csv) {
  auto ext = csv.extension().string();
  return (ext == ".CSV" || ext == ".csv") && design_for(csv.stem().string()) != nullptr;
}

void print_notice(const std::filesystem::path& csv) {
  auto notice = read_notice(csv);
  // A name of this process's and thread's own: concurrent printers of one notice (the server's
  // threads, a kaigo render beside it) do not write into each other's file.
  const auto own =
      fmt::format(".{}-{:x}.part", ::getpid(), std::hash<std::thread::id>{}(std::this_thread::get_id()));
  for (const char* ext : {".pdf", ".html"}) {
    auto target = csv;
    target.replace_extension(ext);
    auto part = target;
    part += own;
    if (std::string_view(ext) == ".pdf") {
      render_pdf(notice, part);
    } else {
      render_html(notice, part);
    }
    std::filesystem::rename(part, target);
  }
}

bool printed_on_demand(const std::filesystem::path& file) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(file, ec)) return true;
  const auto ext = file.extension().string();
  if (ext != ".pdf" && ext != ".html") return false;
  if (office_list_of(file)) {
    auto list_csv = file;
    list_csv.replace_extension(".csv");
    if (!std::filesystem::is_regular_file(list_csv, ec)) return false;
    print_office_list(list_csv);
    return true;
  }
  auto csv = file;
  csv.replace_extension(".CSV");
  if (!std::filesystem::is_regular_file(csv, ec) || !is_printable(csv)) return false;
  print_notice(csv);
  return true;
}

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
