// report/paint — draws one laid-out page on a cairo context (a PDF page or an image), in points.
// Owns: colours and strokes. Must not: move anything (typeset placed it). Internal to report.
#pragma once
#include <cairo.h>

#include "kaigo/report/detail/text_engine.hpp"
#include "kaigo/report/typeset.hpp"

namespace kaigo::report {

void paint(cairo_t* cr, TextEngine& text, const PageLayout& page);

}  // namespace kaigo::report
