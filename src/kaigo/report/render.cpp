#include "kaigo/report/render.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/core/free_with.hpp"
#include "kaigo/report/design.hpp"
#include "kaigo/report/detail/paint.hpp"
#include "kaigo/report/detail/text_engine.hpp"
#include "kaigo/report/typeset.hpp"

namespace kaigo::report {
namespace {

using Surface = OwnedBy<cairo_surface_t, cairo_surface_destroy>;
using CairoContext = OwnedBy<cairo_t, cairo_destroy>;

void check(cairo_status_t status, const std::filesystem::path& path) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(fmt::format("描画できません: {} ({}) / cannot render: {}", path.string(),
                                         cairo_status_to_string(status), path.string()));
}

std::filesystem::path part_of(const std::filesystem::path& path) {
  auto tmp = path;
  tmp += ".part";
  return tmp;
}

// A page drawn on a white image surface at `dpi`.
Surface draw_image(const PageLayout& page, double dpi) {
  double scale = dpi / 72.0;
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(page.width * scale)),
                                       static_cast<int>(std::lround(page.height * scale))));
  check(cairo_surface_status(s.get()), "image");
  CairoContext cr(cairo_create(s.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), scale, scale);
  TextEngine text;
  paint(cr.get(), text, page);
  cairo_surface_flush(s.get());
  return s;
}

// ISO 8601 (JST) of the 作成年月日 in H1, or the first day of the notice's month when it has none.
std::string creation_date(const Notice& n) {
  const auto& h = design_for(n.form)->header;
  auto d = Date::parse(n.records.front().item(h.created));
  Date day = d ? *d : Date{n.month.year, n.month.month, 1};
  return fmt::format("{:04d}-{:02d}-{:02d}T00:00:00+09:00", day.year, day.month, day.day);
}

const PageLayout& page_at(const std::vector<PageLayout>& pages, int page) {
  if (page < 0 || static_cast<std::size_t>(page) >= pages.size())
    throw std::out_of_range(fmt::format("ページ {} はありません (全 {} ページ) / no page {}", page + 1, pages.size(), page + 1));
  return pages[static_cast<std::size_t>(page)];
}

std::string iso_day(const Date& d) {
  return fmt::format("{:04d}-{:02d}-{:02d}T00:00:00+09:00", d.year, d.month, d.day);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Draws every page of every document on `s` (a PDF surface), each page at its own size.
void draw_pdf(cairo_surface_t* s, std::span<const std::vector<PageLayout>> documents, const std::string& title,
              const std::string& created, const std::filesystem::path& what) {
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "kaigo");
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
  CairoContext cr(cairo_create(s));
  TextEngine text;
  for (const auto& pages : documents) {
    for (const auto& page : pages) {
      cairo_pdf_surface_set_size(s, page.width, page.height);
      paint(cr.get(), text, page);
      cairo_show_page(cr.get());
    }
  }
  check(cairo_status(cr.get()), what);
  cr.reset();
  cairo_surface_finish(s);
  check(cairo_surface_status(s), what);
}

std::vector<std::vector<PageLayout>> typeset_all(std::span<const Content> documents) {
  if (documents.empty()) throw std::invalid_argument("印刷する文書がありません / no document to print");
  std::vector<std::vector<PageLayout>> out;
  for (const auto& d : documents) out.push_back(typeset(d));
  return out;
}

}  // namespace

void render_pdf(const Notice& notice, const std::filesystem::path& path) {
  auto content = build_content(notice);
  std::vector<std::vector<PageLayout>> pages{typeset(content)};
  auto tmp = part_of(path);
  {
    Surface s(cairo_pdf_surface_create(tmp.c_str(), pages.front().front().width, pages.front().front().height));
    check(cairo_surface_status(s.get()), tmp);
    // The 作成年月日 of the notice, not the clock: the same notice gives the same bytes.
    draw_pdf(s.get(), pages, content.title, creation_date(notice), tmp);
  }
  std::filesystem::rename(tmp, path);
}

std::string pdf_bytes(std::span<const Content> documents, const Date& created) {
  auto pages = typeset_all(documents);
  std::string bytes;
  {
    Surface s(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, pages.front().front().width,
                                                  pages.front().front().height));
    check(cairo_surface_status(s.get()), "pdf");
    draw_pdf(s.get(), pages, documents.front().title, iso_day(created), "pdf");
  }
  return bytes;
}

void render_pdf(std::span<const Content> documents, const Date& created, const std::filesystem::path& path) {
  auto bytes = pdf_bytes(documents, created);
  auto tmp = part_of(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out)
      throw std::runtime_error(fmt::format("書き込めません: {} / cannot write: {}", tmp.string(), tmp.string()));
  }
  std::filesystem::rename(tmp, path);
}

int page_count(const Notice& notice) { return static_cast<int>(typeset(notice).size()); }

PageImage render_page_image(const Notice& notice, int page, double dpi) {
  auto pages = typeset(notice);
  auto s = draw_image(page_at(pages, page), dpi);
  PageImage img;
  img.width = cairo_image_surface_get_width(s.get());
  img.height = cairo_image_surface_get_height(s.get());
  img.dpi = dpi;
  img.gray.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height));
  const unsigned char* data = cairo_image_surface_get_data(s.get());
  auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(s.get()));
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      std::uint32_t px;
      std::memcpy(&px, data + static_cast<std::size_t>(y) * stride + static_cast<std::size_t>(x) * 4, 4);
      auto r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
      img.gray[static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)] =
          static_cast<std::uint8_t>((r * 299 + g * 587 + b * 114) / 1000);
    }
  }
  return img;
}

void render_png(const Notice& notice, int page, const std::filesystem::path& path, double dpi) {
  auto pages = typeset(notice);
  auto s = draw_image(page_at(pages, page), dpi);
  auto tmp = part_of(path);
  check(cairo_surface_write_to_png(s.get(), tmp.c_str()), tmp);
  std::filesystem::rename(tmp, path);
}

}  // namespace kaigo::report
