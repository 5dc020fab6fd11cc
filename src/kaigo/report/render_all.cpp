#include "kaigo/report/render_all.hpp"

#include <algorithm>
#include <stdexcept>

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

}  // namespace

std::vector<std::filesystem::path> render_all(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> inputs;
  for (const auto& office : std::filesystem::directory_iterator(dir)) {
    if (!office.is_directory()) continue;
    for (const auto& f : std::filesystem::directory_iterator(office.path()))
      if (f.is_regular_file() && is_result_file(f.path())) inputs.push_back(f.path());
  }
  std::sort(inputs.begin(), inputs.end());
  std::vector<std::filesystem::path> written;
  for (const auto& in : inputs) {
    try {
      auto notice = read_notice(in);
      auto pdf = in, page = in;
      render_pdf(notice, pdf.replace_extension(".pdf"));
      render_html(notice, page.replace_extension(".html"));
      written.push_back(pdf);
      written.push_back(page);
    } catch (const std::exception& e) {
      throw std::runtime_error(fmt::format("{} を印刷できません / cannot print {}: {}", in.string(), in.string(), e.what()));
    }
  }
  std::sort(written.begin(), written.end());
  return written;
}

}  // namespace kaigo::report
