// platform/committee_pdf — the 認定審査会資料 as one PDF (seed 004 §4, §8 参照可能な情報 No.5:
// 認定調査票, 主治医意見書, 一次判定結果 … in a single PDF file): A4 pages of titled sections of
// labelled items, drawn with pango on cairo (Noto Sans CJK JP), page numbers in the footer.
// Owns: the drawing. Must not: choose what goes in (committee does) or touch storage.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace kaigo::platform {

struct PdfSection {
  std::string title;
  std::vector<std::pair<std::string, std::string>> items;  // 項目名, 内容
};

struct PdfContent {
  std::string title;
  std::vector<std::pair<std::string, std::string>> header;
  std::vector<PdfSection> sections;
};

struct PdfDocument {
  std::string bytes;
  int pages = 0;
};

PdfDocument draw_pdf(const PdfContent& content);

}  // namespace kaigo::platform
