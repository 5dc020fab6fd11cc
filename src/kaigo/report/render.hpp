// report/render — the printed 帳票 of a notice: a PDF with every page, one page as a PNG image or
// as pixels (the same drawing code on a cairo image surface), and the HTML rendering.
// Owns: output surfaces and atomic writes. Must not: change content or layout (content and
// typeset decide those).
#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "kaigo/report/content.hpp"
#include "kaigo/report/notice.hpp"

namespace kaigo::report {

// Writes all pages as a PDF (A4, fonts embedded), atomically (temporary file + rename). Throws
// std::invalid_argument for an inconsistent notice, std::runtime_error when writing fails.
void render_pdf(const Notice& notice, const std::filesystem::path& path);

// Documents that are not result files (the portal's decision notices and KJ-ID letters): the pages
// of each Content in turn, one PDF, dated `created` (not the clock, so the same documents give the
// same bytes). The caller composes the texts; this only lays them out and draws them.
std::string pdf_bytes(std::span<const Content> documents, const Date& created);
// The same, written atomically to `path` (mode as the process's umask leaves it).
void render_pdf(std::span<const Content> documents, const Date& created, const std::filesystem::path& path);

// Writes the same content as a standalone HTML file (UTF-8, inline CSS, print-friendly), atomically.
void render_html(const Notice& notice, const std::filesystem::path& path);
std::string html(const Notice& notice);
// The HTML of a page composed without a notice (statistics, the office lists of office_lists).
std::string html(const Content& content);

// One page rendered to 8-bit gray pixels (0 black … 255 white), row by row.
struct PageImage {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<std::uint8_t> gray;
  std::uint8_t at(int x, int y) const { return gray[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
  // Pixels from a point measure (1/72 inch).
  int px(double points) const { return static_cast<int>(points * dpi / 72.0); }
};

int page_count(const Notice& notice);
// `page` counts from 0; throws std::out_of_range when there is no such page.
PageImage render_page_image(const Notice& notice, int page, double dpi);
void render_png(const Notice& notice, int page, const std::filesystem::path& path, double dpi);

}  // namespace kaigo::report
