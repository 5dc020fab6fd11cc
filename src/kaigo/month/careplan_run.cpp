#include "kaigo/month/careplan_run.hpp"

#include "kaigo/month/desk.hpp"
#include "kaigo/store/review_store.hpp"

namespace kaigo::month {

HubDesk::HubDesk(store::Database& db, const store::TablesInForce& world, const Settings& settings,
                 const std::filesystem::path& db_path)
    : store_(db),
      key_(careplan::SealingKey::from_file(careplan::key_path(settings.careplan, db_path), true)),
      hub_{store_, world.offices, key_, settings} {}

careplan::ReconcileReport run_reconcile(const std::filesystem::path& db_path, YearMonth month, const LocalDateTime& at) {
  Desk desk(db_path, store::Recipients::Load);
  const auto settings = desk.db().settings();
  HubDesk hub(desk.db(), desk.world(), settings, db_path);
  const auto sheets = careplan::month_sheets(hub.hub(), month.plus_months(-1));
  store::ReviewStore source(desk.db(), at, store::MonthFiles::InReview);
  const auto& w = desk.world();
  review::ReviewContext context{w.masters, w.offices, w.insurers, w.recipients, review::config_of(settings.review)};
  context.funds = w.funds ? &*w.funds : nullptr;
  return careplan::reconcile(source, context, sheets, month, at.date, precheck_context(desk.db(), w));
}

}  // namespace kaigo::month
