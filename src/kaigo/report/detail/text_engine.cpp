#include "kaigo/report/detail/text_engine.hpp"

#include <pango/pangocairo.h>

#include <stdexcept>

namespace kaigo::report {
namespace {

int pango_units(double points) { return static_cast<int>(points * PANGO_SCALE + 0.5); }
double points(int units) { return static_cast<double>(units) / PANGO_SCALE; }

}  // namespace

TextEngine::TextEngine() {
  auto* font_map = pango_cairo_font_map_get_default();  // per thread, owned by pango
  context_ = pango_font_map_create_context(font_map);
  if (!context_) throw std::runtime_error("pango の初期化に失敗しました / cannot create a pango context");
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context_, 72.0);
  pango_context_set_round_glyph_positions(context_, FALSE);
  layout_ = pango_layout_new(context_);
  attrs_ = pango_attr_list_new();
  pango_attr_list_insert(attrs_, pango_attr_font_features_new("tnum=1"));
  pango_layout_set_attributes(layout_, attrs_);
  set("あ", 100);
  PangoRectangle logical;
  pango_layout_get_extents(layout_, nullptr, &logical);
  line_factor_ = points(logical.height) / 100.0;
}

TextEngine::~TextEngine() {
  if (attrs_) pango_attr_list_unref(attrs_);
  if (layout_) g_object_unref(layout_);
  if (context_) g_object_unref(context_);
}

void TextEngine::set(std::string_view text, double size) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family_static(font, kFontFamily);
  pango_font_description_set_weight(font, PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout_, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout_, -1);
  pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
}

double TextEngine::width(std::string_view text, double size) {
  set(text, size);
  PangoRectangle logical;
  pango_layout_get_extents(layout_, nullptr, &logical);
  return points(logical.width);
}

std::vector<std::string> TextEngine::wrap(std::string_view text, double size, double max_width) {
  set(text, size);
  pango_layout_set_width(layout_, pango_units(max_width));
  pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  std::vector<std::string> out;
  for (GSList* l = pango_layout_get_lines_readonly(layout_); l; l = l->next) {
    const auto* line = static_cast<PangoLayoutLine*>(l->data);
    auto piece = text.substr(static_cast<std::size_t>(line->start_index), static_cast<std::size_t>(line->length));
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.remove_suffix(1);
    out.emplace_back(piece);
  }
  if (out.empty()) out.emplace_back();
  return out;
}

void TextEngine::draw(cairo_t* cr, std::string_view text, double x, double y, double size) {
  set(text, size);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout_);
}

}  // namespace kaigo::report
