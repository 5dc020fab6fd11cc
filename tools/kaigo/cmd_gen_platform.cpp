// What `kaigo gen` prints about the platform month it writes beside the claims month
// (gen/platform_month.hpp): kept apart from cmd_gen.cpp so that the claims generator's command stays
// as it is.
#include <cstdio>

#include <fmt/format.h>

#include "kaigo/gen/platform_month.hpp"

namespace kaigo::cli {

void print_platform_month(const gen::PlatformMonthReport& p) {
  std::fputs(fmt::format("  介護情報基盤 platform/: {} 人, 保険者 {}, 連携ファイル 初回 {} 行・日次 {} 行, PMHエラー {}, 主治医意見書 {}\n",
                         p.people, p.insurers, p.initial_rows, p.daily_rows, p.pmh_errors, p.opinions)
                 .c_str(),
             stdout);
  std::fputs(fmt::format("  包括同意: ①令和8年3月31日以前 {}  ②利用開始前 {}  ③利用開始後 {}  4月以降の旧様式 {}  同意なし {}\n",
                         p.consent_before_april_2026, p.consent_before_golive, p.consent_after_golive, p.consent_old_form,
                         p.no_consent)
                 .c_str(),
             stdout);
}

}  // namespace kaigo::cli
