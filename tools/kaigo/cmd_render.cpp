// kaigo render — prints result files (帳票): for each FILE.CSV writes FILE.pdf and FILE.html next
// to it; for a folder laid out as `kaigo results` writes them for every DIR/<office>/<code>.CSV.
// With --png, writes one page of one file as an image instead (for documentation).
#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "kaigo/report/notice_file.hpp"
#include "kaigo/report/office_lists.hpp"
#include "kaigo/report/render.hpp"
#include "kaigo/report/render_all.hpp"

namespace kaigo::cli {

void register_render(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("render", "帳票を PDF・HTML に印刷 / print result files as PDF and HTML");
  static std::vector<std::string> paths;
  static std::string png;
  static int page = 1;
  static double dpi = 100;
  cmd->add_option("PATH", paths, "結果ファイル (.CSV) またはフォルダ / result file or folder")->required();
  cmd->add_option("--png", png, "この PNG に 1 ページだけ描く / draw one page to this PNG");
  cmd->add_option("--page", page, "--png のページ (1 から) / page for --png")->check(CLI::PositiveNumber);
  cmd->add_option("--dpi", dpi, "--png の解像度 / resolution for --png")->check(CLI::Range(10.0, 600.0));
  cmd->callback([&status] {
    if (!png.empty()) {
      if (paths.size() != 1) throw CLI::ValidationError("--png", "ファイルは一つだけ / exactly one file");
      report::render_png(report::read_notice(paths[0]), page - 1, png, dpi);
      std::printf("%s\n", png.c_str());
      status = 0;
      return;
    }
    for (const auto& p : paths) {
      std::vector<std::filesystem::path> written;
      if (std::filesystem::is_directory(p)) {
        written = report::render_all(p);
      } else if (report::office_list_of(p) && std::filesystem::path(p).extension() == ".csv") {
        report::print_office_list(p);  // review-status.csv, treatment-bonus.csv (not 交換情報)
        std::filesystem::path pdf = p, page_html = p;
        written = {pdf.replace_extension(".pdf"), page_html.replace_extension(".html")};
      } else {
        auto notice = report::read_notice(p);
        std::filesystem::path pdf = p, page_html = p;
        report::render_pdf(notice, pdf.replace_extension(".pdf"));
        report::render_html(notice, page_html.replace_extension(".html"));
        written = {pdf, page_html};
      }
      for (const auto& w : written) std::printf("%s\n", w.c_str());
    }
    status = 0;
  });
}

}  // namespace kaigo::cli
