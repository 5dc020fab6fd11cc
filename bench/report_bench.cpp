// Printing notices: a 請求明細書・給付管理票返戻（保留）一覧表 (7411) of one page, and one of 1,000
// rows laid out, drawn to PDF, and written as HTML (docs/performance.md).
#include <benchmark/benchmark.h>

#include <array>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "kaigo/report/render.hpp"
#include "kaigo/report/typeset.hpp"

namespace {

using namespace kaigo::report;

// 1,000 D1 rows in the mix of docs/samples/7411.csv: a held 明細書 and returns with the contents of
// seed 002 §5(3), each for another person.
const Notice& thousand_rows() {
  static const Notice n = [] {
    std::vector<NoticeRecord> records{{"H1", {"1370000001", "訪問介護ステーション千代田", "202605", "20260520", "1",
                                              "東京都国民健康保険団体連合会"}}};
    const std::vector<std::array<std::string, 3>> reasons{
        {"C", "支援事業所に請求明細書に対応した給付管理票の提出依頼が必要", "保留"},
        {"B", "要介護状態区分コード：市町村の認定情報が未登録", "１２Ｐ０"},
        {"B", "証記載保険者番号：市町村の認定変更が未決定", "１２ＰＡ"},
        {"B", "様式番号：過去に同じ請求明細書を提出済", "ＡＮＮ４"},
        {"B", "保険請求額：記載された値が計算値を超過", "ＡＳＳＡ"}};
    for (int i = 0; i < 1000; ++i) {
      const auto& r = reasons[static_cast<std::size_t>(i) % reasons.size()];
      records.push_back({"D1", {i % 2 ? "00131011" : "00131029", i % 2 ? "千代田区" : "中央区", fmt::format("{:010d}", 20000 + i),
                                "ﾀﾅｶ ｼﾞﾛｳ", "請", "202604", "11", std::to_string(1000 + 37 * i), r[0], r[1], r[2], ""}});
    }
    return make_notice("7411", std::move(records));
  }();
  return n;
}

// The common case: a notice of one page (8 rows).
const Notice& one_page() {
  static const Notice n = [] {
    auto records = thousand_rows().records;
    records.resize(9);
    return make_notice("7411", std::move(records));
  }();
  return n;
}

// Draws `notice` to a PDF in the temp folder each iteration; the counter is the file's size.
void render_pdf_in_temp(benchmark::State& state, const Notice& notice, const char* file_name) {
  auto path = std::filesystem::temp_directory_path() / file_name;
  for (auto _ : state) render_pdf(notice, path);
  state.counters["bytes"] = static_cast<double>(std::filesystem::file_size(path));
  std::filesystem::remove(path);
}

void BM_RenderPdf7411_OnePage(benchmark::State& state) {
  render_pdf_in_temp(state, one_page(), "kaigo-bench-7411-1.pdf");
}
BENCHMARK(BM_RenderPdf7411_OnePage)->Unit(benchmark::kMillisecond);

void BM_Typeset7411_1000(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(typeset(thousand_rows()).size());
}
BENCHMARK(BM_Typeset7411_1000)->Unit(benchmark::kMillisecond);

void BM_RenderPdf7411_1000(benchmark::State& state) {
  render_pdf_in_temp(state, thousand_rows(), "kaigo-bench-7411.pdf");
}
BENCHMARK(BM_RenderPdf7411_1000)->Unit(benchmark::kMillisecond);

void BM_Html7411_1000(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(html(thousand_rows()).size());
}
BENCHMARK(BM_Html7411_1000)->Unit(benchmark::kMillisecond);

}  // namespace
