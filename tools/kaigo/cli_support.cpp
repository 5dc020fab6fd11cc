#include "cli_support.hpp"

#include <fmt/format.h>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kaigo::cli {

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{} を開けません / cannot open {}", path, path));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw std::runtime_error(fmt::format("{} を読めません / cannot read {}", path, path));
  return std::move(ss).str();
}

void print_diagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
}

std::optional<LocalDateTime> parse_at(const std::string& at) {
  if (at.empty()) return now_jst();
  auto t = LocalDateTime::parse(at);
  if (!t) {
    std::fprintf(
        stderr,
        "エラー: --at は YYYY-MM-DDTHH:MM[:SS]（日本時間）/ error: --at must be YYYY-MM-DDTHH:MM[:SS] in JST (%s)\n",
        at.c_str());
  }
  return t;
}

precheck::PrecheckContext precheck_context(store::Database& db, const store::TablesInForce& world) {
  precheck::PrecheckContext context;
  context.masters = &world.masters;
  if (db.latest_table(store::TableKind::Offices)) context.offices = &world.offices;
  if (db.latest_table(store::TableKind::Insurers)) context.insurers = &world.insurers;
  return context;
}

ReceptionSetup::ReceptionSetup(const std::string& path, store::Recipients recipients)
    : db(store::Database::open(path)), world(store::load_tables_in_force(*db, recipients)) {
  reception = std::make_unique<reception::Reception>(*db, db->settings().reception, precheck_context(*db, world));
}

void ReceptionSetup::resume(const LocalDateTime& at) {
  auto ids = reception->resume(at);
  for (auto id : ids) {
    std::fprintf(
        stderr, "%s",
        fmt::format("受付番号 {} は前回の処理が途中で止まっていたため、受付を完了しました / submission {} was left "
                    "half-received and has been finished\n",
                    id, id)
            .c_str());
  }
}

}  // namespace kaigo::cli
