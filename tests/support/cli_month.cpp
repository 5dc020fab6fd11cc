#include "support/cli_month.hpp"

#include <gtest/gtest.h>

namespace kaigo::testing {

CliMonth::CliMonth(const std::string& gen_options, const std::string& extra_config)
    : db((dir / "k.db").string()), gen(dir / "m") {
  EXPECT_EQ(run_kaigo("gen --out " + gen.string() + " --month 202605 " + gen_options).exit_code, 0);
  if (!extra_config.empty()) write_file(gen / "kokuhoren.toml", read_file(gen / "kokuhoren.toml") + extra_config);
  EXPECT_EQ(run_kaigo("init --db " + db + " --config " + (gen / "kokuhoren.toml").string()).exit_code, 0);
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    EXPECT_EQ(run_kaigo(std::string("load --db ") + db + " " + kind + " " + (gen / (std::string(kind) + ".csv")).string())
                  .exit_code,
              0);
  }
  // kaigo gen --all-mistakes writes the 公費受給者台帳 too.
  if (std::filesystem::exists(gen / "kohi.csv")) {
    EXPECT_EQ(run_kaigo("load --db " + db + " kohi " + (gen / "kohi.csv").string()).exit_code, 0);
  }
  // … and each municipality's own 総合事業 codes.
  if (std::filesystem::exists(gen / "sougou.csv")) {
    EXPECT_EQ(run_kaigo("load --db " + db + " sougou " + (gen / "sougou.csv").string()).exit_code, 0);
  }
  files = regular_files_under(gen / "submissions");
}

std::string CliMonth::all_files() const {
  std::string s;
  for (const auto& f : files) s += " " + f.string();
  return s;
}

}  // namespace kaigo::testing
