#include "support/reception_world.hpp"

#include <algorithm>
#include <stdexcept>

#include "kaigo/gen/generator.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "kaigo/store/review_store.hpp"
#include "support/gen_month.hpp"

namespace kaigo::testing {

LocalDateTime jst(const char* iso) {
  auto t = LocalDateTime::parse(iso);
  if (!t) throw std::invalid_argument(iso);
  return *t;
}

ReceptionWorld::ReceptionWorld(double error_rate, int offices, int recipients) {
  auto masters = master::load_bundled_masters();
  const auto o = gen_month_options(dir_ / "month", {2026, 5}, offices, recipients, 3, error_rate);
  gen::generate(o, *masters.table);
  files_ = regular_files_under(o.out / "submissions");
  db_ = store::Database::create(db_path());
  db_->store_settings(read_file(o.out / "kokuhoren.toml"), "kokuhoren.toml", jst("2026-05-01T00:00"));
  for (auto kind : {store::TableKind::Services, store::TableKind::Offices, store::TableKind::Insurers,
                    store::TableKind::Recipients}) {
    auto name = std::string(enum_code(kind)) + ".csv";
    auto r = store::load_table(*db_, kind, name, read_file(o.out / name), jst("2026-05-01T00:00"));
    if (!r.stored) throw std::runtime_error("ledger did not load: " + name);
  }
  world_ = store::load_tables_in_force(*db_);
  precheck::PrecheckContext context;
  context.masters = &world_.masters;
  context.offices = &world_.offices;
  context.insurers = &world_.insurers;
  reception_ = std::make_unique<reception::Reception>(*db_, db_->settings().reception, context);
}

std::filesystem::path ReceptionWorld::claim_file() const {
  for (const auto& f : files_) {
    if (f.filename().string().starts_with("KK")) return f;
  }
  throw std::logic_error("no claim file");
}

std::filesystem::path ReceptionWorld::plan_file() const {
  for (const auto& f : files_) {
    if (f.filename().string().starts_with("KY")) return f;
  }
  throw std::logic_error("no plan file");
}

reception::Submission ReceptionWorld::submit(const std::filesystem::path& file, const char* at) {
  return reception_->submit(file.filename().string(), read_file(file), jst(at));
}

reception::Submission ReceptionWorld::submit_bytes(const std::string& name, const std::string& bytes, const char* at) {
  return reception_->submit(name, bytes, jst(at));
}

std::vector<std::string> ReceptionWorld::submit_month(const char* at) {
  for (const auto& f : files_) submit(f, at);
  auto st = db_->connection().prepare("SELECT DISTINCT office_no FROM submissions WHERE data_type = '711' ORDER BY 1");
  std::vector<std::string> offices;
  while (st.step()) offices.push_back(st.text(0));
  return offices;
}

review::RunReport ReceptionWorld::review(YearMonth month, const char* at, const review::ReviewContext& context) {
  auto when = jst(at);
  auto step = reception_->start_review(month, when, true);
  if (!step.done) throw std::runtime_error("review refused: " + step.message_en);
  store::ReviewStore reviews(*db_, when);
  reviews.on_last_batch([&] { reception_->finish_review(month, when); });
  return review::run_month(reviews, reviews, context, month);
}

}  // namespace kaigo::testing
