// reception/reception — 電子請求受付: takes a file in, gives it its 処理年月 by the window, keeps it,
// pre-checks it, flags documents already received and not cancelled (the future ANN2 / ANN0),
// and moves it through the states of seed 002 §3(1); cancels (取消) until the cut-off; marks a
// month's files 送信完了 when its review starts.
// Owns: those decisions. Must not: review claims or know how files are stored.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/settings.hpp"
#include "kaigo/precheck/precheck.hpp"
#include "kaigo/reception/repository.hpp"

namespace kaigo::reception {

// Project codes of reception (docs/diagnostics.md).
namespace code {
inline constexpr std::string_view kOutsideWindow = "KR01";  // 受付期間外
}  // namespace code

struct CancelResult {
  bool cancelled = false;
  std::string message_ja;  // why not, when refused
  std::string message_en;
};

class Reception {
 public:
  Reception(Repository& repo, ReceptionSettings settings, precheck::PrecheckContext context)
      : repo_(repo), settings_(settings), context_(context) {}

  // Receives one file at `at`. The bytes are kept before anything else is done with them.
  Submission submit(std::string_view file_name, std::string_view bytes, const LocalDateTime& at);

  // 取消 of a file: allowed for 受付完了 and 様式エラー有 until the cut-off of its month.
  CancelResult cancel(std::int64_t id, const LocalDateTime& at);

  // Finishes files left 受付中 by a stopped process; returns their ids.
  std::vector<std::int64_t> resume(const LocalDateTime& at);

  // 送信完了 for every file of `month` that goes to the review; returns how many.
  std::size_t start_review(YearMonth month, const LocalDateTime& at);

 private:
  void finish(std::int64_t id, std::string_view file_name, std::string_view bytes, std::optional<YearMonth> month,
              const LocalDateTime& at);

  Repository& repo_;
  ReceptionSettings settings_;
  precheck::PrecheckContext context_;
};

}  // namespace kaigo::reception
