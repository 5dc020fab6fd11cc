// portal/application — a 助成金 application (助成金申請) from receipt to payment: an office or medical
// institution applies within its scheme's window (令和7年度: 2025-10-17 to 2026-03-13) with its
// receipts; the 国保中央会 decides in the month after (交付決定, 不交付決定, or 返戻 with the reasons)
// and pays the month after that (seed 003 4-1). Each state, with who and when, is visible to the
// applicant. The rules — who may do what, in which state and from which month, one live
// application per applicant and scheme — are here; storage is the SubsidyRepository this header
// declares and store/portal_store implements.
// Owns: the states, their transitions and the refusals. Must not: hold SQL, know HTTP, or own
// accounts (auth::User says who is acting).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/core/enum_table.hpp"
#include "kaigo/auth/audit.hpp"
#include "kaigo/auth/refusal.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/core/clock.hpp"
#include "kaigo/master/ledgers.hpp"
#include "kaigo/portal/computation.hpp"

namespace kaigo::portal {

// 申請の状態.
enum class State : std::uint8_t {
  Received,   // 申請受付 (審査待ち)
  Returned,   // 返戻 (不備: the applicant applies again)
  Decided,    // 交付決定
  Rejected,   // 不交付決定 (nothing eligible)
  Paid,       // 振込済
  Withdrawn,  // 取下げ (by the applicant, before the decision)
};
inline constexpr EnumTable<State, 6> kApplicationStates{{{
#include "kaigo/portal/application_state.enum.inc"
}}};
constexpr const auto& enum_table(State) { return kApplicationStates; }
std::optional<State> parse_state(std::string_view name);  // the English or the Japanese word
// Received and Decided/Paid count against the one live application per applicant and scheme.
bool is_live(State s);

struct StateChange {
  State state = State::Received;
  LocalDateTime at;
  std::string by;    // user ID (or cli:<OS user>)
  std::string note;  // e.g. the staff's reason of a return
};

// 審査結果 as decided and kept: the figures in force, whatever the tables say later.
struct Decision {
  Outcome outcome = Outcome::Nothing;
  Yen amount;
  std::vector<Step> steps;
  Findings findings;
};

struct Payment {
  Date paid_on;  // 振込日
  Yen amount;
};

struct Application {
  std::int64_t id = 0;  // 申請番号
  std::string scheme;   // Scheme::id
  Applicant applicant;
  LocalDateTime applied_at;
  std::string applied_by;
  std::vector<ReceiptLine> lines;
  State state = State::Received;
  YearMonth decision_month;  // 審査・結果通知の月
  YearMonth payment_month;   // 振込の月
  std::optional<Decision> decision;
  std::optional<Payment> payment;
  std::vector<StateChange> history;  // oldest first; the last is the state
};

struct ApplicationFilter {
  std::optional<Program> program;           // a みなし事業所's 事業所番号 may equal a 医療機関コード
  std::optional<std::string> applicant_no;  // one applicant (事業所番号 / 医療機関コード)
  std::vector<std::string> applicants;      // … or any of these (an office account's offices)
  std::optional<std::string> scheme;
  std::optional<State> state;
  std::optional<YearMonth> decision_month;  // decided in (or due in) this month
  bool everyone = false;                    // the 国保連 / 国保中央会: no applicant restriction
};

// What the portal needs from storage. One per thread (its own database connection).
class SubsidyRepository {
 public:
  virtual ~SubsidyRepository() = default;
  // Stores a new application (its lines and first state) with `event`, in one write transaction,
  // unless the applicant already has `live_limit` live applications under the scheme; the new id,
  // or nullopt (nothing written) when it has.
  virtual std::optional<std::int64_t> add_application(const Application& application, int live_limit,
                                                      const auth::AuditEvent& event) = 0;
  virtual std::optional<Application> application(std::int64_t id) = 0;
  // Newest first, without lines and steps (history and the amounts included).
  virtual std::vector<Application> applications(const ApplicationFilter& filter) = 0;
  // Moves the application to `to` if its state is still `from`, storing the decision or payment
  // given and `event`, in one transaction; false (nothing written) when the state had changed.
  virtual bool change_state(std::int64_t id, State from, const StateChange& to, const Decision* decision,
                            const Payment* payment, const auth::AuditEvent& event) = 0;
};

// What an applicant sends.
struct ApplyRequest {
  Program program = Program::Office;
  std::string applicant_no;           // 事業所番号 / 医療機関コード
  std::string applicant_name;         // medical: its name (an office's comes from the 事業所台帳)
  std::vector<std::string> services;  // office: the service types applied for (empty: all registered)
  std::optional<Facility> facility;   // medical: hospital | clinic
  std::optional<int> beds;            // medical: 病床数
  std::optional<std::string> scheme;  // a scheme named by the applicant (default: the one open that day)
  std::vector<ReceiptLine> lines;
};

struct ApplyResult {
  auth::Refusals refusals;                 // KH01–KH09 (nothing stored)
  std::optional<Application> application;  // stored, with its id
  std::optional<Computation> preview;      // what the decision would be today (for the applicant)
};

// The services an office is registered for on `day` (事業所台帳), sorted.
std::vector<std::string> registered_services(const master::OfficeLedger& offices, std::string_view office_no, Date day);

// 申請: checks the caller (the office's or medical institution's own account), the scheme and its
// window (KH01 closed for the named scheme, KH02 none open), the applicant (KH04–KH07), the lines
// (KH08), and stores it — refused (KH03) while the applicant has a live application under the scheme.
ApplyResult apply(SubsidyRepository& repo, const master::OfficeLedger& offices, const ApplyRequest& request,
                  const auth::User& user, const auth::Caller& by);

// 申請内容の確認 (the page's preview before applying): everything apply checks — KH03 too, from
// the applications stored — and the computation as it would be decided today; nothing is stored
// and nothing audited (no application exists yet). The application has no id.
ApplyResult check_application(SubsidyRepository& repo, const master::OfficeLedger& offices, const ApplyRequest& request,
                              const auth::User& user, const auth::Caller& by);

struct ChangeResult {
  auth::Refusals refusals;  // KH40 not found (or not the caller's), KH41 state, KH42–KH45
  std::optional<Application> application;
};

// 審査・決定 by the 国保連 (kokuhoren): from the first day of the decision month, of a received
// application: computed and decided (交付決定 / 不交付決定), or returned with the computation's
// reasons, or — when `return_reason` is given — returned with the staff's reason (KH30).
ChangeResult decide(SubsidyRepository& repo, std::int64_t id, const std::optional<std::string>& return_reason,
                    const auth::User& user, const auth::Caller& by);
// 振込 by the 国保連: of a decided application, from the first day of its payment month.
ChangeResult pay(SubsidyRepository& repo, std::int64_t id, const auth::User& user, const auth::Caller& by);
// 取下げ by the applicant while the application awaits its decision.
ChangeResult withdraw(SubsidyRepository& repo, std::int64_t id, const auth::User& user, const auth::Caller& by);

// Whether `user` may see the application: the applicant's own accounts, the 国保連, administrators.
bool may_see(const auth::User& user, const Application& application);
// The applications `user` may see that match `filter` (the applicant restriction is added).
std::vector<Application> visible_applications(SubsidyRepository& repo, const auth::User& user,
                                              ApplicationFilter filter);
// One application if `user` may see it (KH40 otherwise, whether it exists or not).
ChangeResult visible_application(SubsidyRepository& repo, std::int64_t id, const auth::User& user);

// What the applicant sees for a received application: the computation as it would be decided.
Computation preview(const Application& application);

}  // namespace kaigo::portal
