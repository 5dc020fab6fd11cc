#include "kaigo/month/review_run.hpp"

#include "kaigo/month/desk.hpp"
#include "kaigo/store/review_store.hpp"

namespace kaigo::month {

ReviewRun run_review(const std::filesystem::path& db_path, YearMonth month, const LocalDateTime& at, bool again) {
  ReviewRun run;
  Desk desk(db_path, store::Recipients::Load);
  desk.recover(at);
  auto& reception = desk.reception();
  run.step = reception.start_review(month, at, again);
  if (!run.step.done) return run;
  try {
    // The month is 審査済 only after the last batch, so the batches need not wait for the
    // disk: an interrupted review leaves the month 審査中 and is run again. Durable before it returns.
    store::Database::DeferredSync sync(desk.db());
    store::ReviewStore reviews(desk.db(), at);
    reviews.on_last_batch([&] { reception.finish_review(month, at); });
    const auto& w = desk.world();
    review::ReviewContext context{w.masters, w.offices, w.insurers, w.recipients,
                            review::config_of(desk.db().settings().review)};
    context.funds = w.funds ? &*w.funds : nullptr;
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
