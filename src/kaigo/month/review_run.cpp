#include "kaigo/month/review_run.hpp"

#include "kaigo/month/desk.hpp"
#include "kaigo/store/review_store.hpp"
#include "kaigo/store/tables.hpp"

namespace kaigo::month {

ReviewRun run_review(const std::filesystem::path& db_path, YearMonth month, const LocalDateTime& at, bool again) {
  ReviewRun run;
  // The 受給者台帳 is loaded once the review has started, while the history is read on another
  // core (the month's first 0.4 s used one core of two); the masters and the other ledgers first,
  // so that a database whose masters no longer load is refused before the month moves.
  Desk desk(db_path, store::Recipients::Skip);
  desk.recover(at);
  auto& reception = desk.reception();
  run.step = reception.start_review(month, at, again);
  if (!run.step.done) return run;
  try {
    // The month is 審査済 only after the last batch, so the batches need not wait for the
    // disk: an interrupted review leaves the month 審査中 and is run again. Durable before it returns.
    store::Database::DeferredSync sync(desk.db());
    store::ReviewStore reviews(desk.db(), at);
    reviews.read_history_ahead(month);
    reviews.on_last_batch([&] { reception.finish_review(month, at); });
    const auto people = store::load_people_in_force(desk.db());
    const auto& w = desk.world();
    review::ReviewContext context{w.masters, w.offices, w.insurers, people.recipients,
                            review::config_of(desk.db().settings().review)};
    context.funds = people.funds ? &*people.funds : nullptr;
    run.report = review::run_month(reviews, reviews, context, month);
    sync.durable();
  } catch (...) {
    // The month stays 審査中 with the decisions kept so far; running the review again starts over.
    reception.abandon_job();
    throw;
  }
  return run;
}

}  // namespace kaigo::month
