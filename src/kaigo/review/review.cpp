#include "kaigo/review/review.hpp"

#include <algorithm>
#include <stdexcept>

#include "kaigo/review/detail/claim_review.hpp"
#include "kaigo/review/detail/plan_review.hpp"

namespace kaigo::review {
namespace {

// Acceptance order, ties broken by id, so that the outcome never depends on input order.
template <class T>
void sort_in_order(std::vector<const T*>& items, auto order_of, auto id_of) {
  std::sort(items.begin(), items.end(), [&](const T* a, const T* b) {
    return order_of(*a) != order_of(*b) ? order_of(*a) < order_of(*b) : id_of(*a) < id_of(*b);
  });
}

template <class T>
std::vector<const T*> in_order(std::span<const T> items, auto order_of, auto id_of) {
  std::vector<const T*> out;
  out.reserve(items.size());
  for (const auto& x : items) out.push_back(&x);
  sort_in_order(out, order_of, id_of);
  return out;
}

std::vector<const SubmittedClaim*> claims_in_order(std::span<const SubmittedClaim> claims) {
  return in_order(claims, [](const SubmittedClaim& c) { return c.order; }, [](const SubmittedClaim& c) -> const std::string& { return c.id; });
}

}  // namespace

struct MonthReviewer::State {
  enum class Phase { Start, PlansDone, HeldDone };
  const ReviewContext& context;
  YearMonth month;
  const History& history;
  PlanRegistry plans;
  HistoryIndex index;
  ClaimRegister registered;
  Phase phase = Phase::Start;
  std::uint64_t last_order = 0;

  State(const ReviewContext& c, YearMonth m, const History& h) : context(c), month(m), history(h), plans(h.plans), index(h) {
    // A held 明細書 is registered: claiming it again this month is ANN2 (review-rules §4.3 [PUB-9b]).
    for (const auto& held : h.held) registered.add(billing::ClaimKey::from(held.claim.statement.key));
  }
  ClaimReviewDeps claim_deps() { return {context, month, plans, index, registered}; }
};

MonthReviewer::MonthReviewer(const ReviewContext& context, YearMonth month, const History& history)
    : s_(std::make_unique<State>(context, month, history)) {}

MonthReviewer::~MonthReviewer() = default;

std::vector<PlanDecision> MonthReviewer::review_plans(std::span<const SubmittedPlan> plans) {
  std::vector<const SubmittedPlan*> order;
  order.reserve(plans.size());
  for (const auto& p : plans) order.push_back(&p);
  return review_plans_sorting(order);
}

std::vector<PlanDecision> MonthReviewer::review_plans_sorting(std::vector<const SubmittedPlan*>& plans) {
  std::vector<PlanDecision> out;
  out.reserve(plans.size());
  review_plans_sorting(plans, [&](std::size_t, PlanDecision&& d) { out.push_back(std::move(d)); });
  return out;
}

void MonthReviewer::review_plans_sorting(std::vector<const SubmittedPlan*>& plans,
                                         const std::function<void(std::size_t, PlanDecision&&)>& decided) {
  if (s_->phase != State::Phase::Start) throw std::logic_error("review: plans must be reviewed first, once");
  s_->plans.reserve_more(plans.size());  // grown at once, not doubled along the way
  PlanReviewDeps deps{s_->context, s_->plans, s_->index};
  sort_in_order(plans, [](const SubmittedPlan& p) { return p.order; },
                [](const SubmittedPlan& p) -> const std::string& { return p.id; });
  for (std::size_t i = 0; i < plans.size(); ++i) decided(i, review_plan(*plans[i], deps));
  s_->phase = State::Phase::PlansDone;
}

std::vector<ClaimDecision> MonthReviewer::review_held() {
  if (s_->phase != State::Phase::PlansDone) throw std::logic_error("review: held claims come after the plans, once");
  const auto& held = s_->history.held;
  auto order = in_order(std::span<const HeldClaim>(held), [](const HeldClaim& h) { return h.claim.order; },
                        [](const HeldClaim& h) -> const std::string& { return h.claim.id; });
  auto deps = s_->claim_deps();
  std::vector<ClaimDecision> out;
  out.reserve(held.size());
  for (const auto* h : order) out.push_back(review_held_claim(*h, deps));
  s_->phase = State::Phase::HeldDone;
  return out;
}

ClaimDecision MonthReviewer::review_claim(const SubmittedClaim& claim) {
  if (s_->phase != State::Phase::HeldDone) throw std::logic_error("review: claims come after the plans and held claims");
  if (claim.order < s_->last_order) throw std::logic_error("review: claims must come in acceptance order");
  s_->last_order = claim.order;
  auto deps = s_->claim_deps();
  return review_new_claim(claim, deps);
}

void MonthReviewer::expect_claims(std::size_t n) { s_->registered.reserve_more(n); }

void MonthReviewer::prefetch(const SubmittedClaim& next) const {
  // One key, made once: the person and the person-month are parts of it.
  const auto claim = billing::ClaimKey::of(next.statement.key);
  if (!claim) return;
  s_->context.recipients.prefetch(claim->person_month().person());
  s_->plans.prefetch(claim->person_month());
  s_->registered.prefetch(*claim);
}

MonthOutcome review_month(const ReviewInput& input, const ReviewContext& context) {
  MonthReviewer reviewer(context, input.month, input.history);
  MonthOutcome out;
  out.plan_decisions = reviewer.review_plans(input.plans);
  out.claim_decisions = reviewer.review_held();
  out.claim_decisions.reserve(out.claim_decisions.size() + input.claims.size());
  for (const auto* c : claims_in_order(input.claims)) out.claim_decisions.push_back(reviewer.review_claim(*c));
  return out;
}

}  // namespace kaigo::review
