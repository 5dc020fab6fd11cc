// server/app — what every request of `kaigo serve` shares and what each one has: the options and
// clock, the ledgers and masters loaded once for every thread (reloaded when a load changes them),
// the peer-certificate verifier, the month jobs (review, results) running in the background, the
// limits on logins; and per request a Scope: this thread's own database connection with its
// reception desk and auth stores, the caller's session, and the audit trail.
// Owns: that wiring. Must not: hold business rules (month, auth and the rest decide).
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/auth/certificates.hpp"
#include "kaigo/month/desk.hpp"
#include "kaigo/server/options.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/sync_group.hpp"

namespace kaigo::server {

// The server's clock: Japan time now, or a test clock that starts at a given moment and runs.
class Clock {
 public:
  explicit Clock(std::optional<LocalDateTime> start);
  LocalDateTime now() const;
  bool is_test() const { return test_; }
  void set(const LocalDateTime& at);

 private:
  bool test_ = false;
  mutable std::mutex mu_;
  LocalDateTime start_;
  std::chrono::steady_clock::time_point started_;
};

// At most `limit` events per key in `window` (a sliding count, e.g. logins per address).
class RateLimiter {
 public:
  RateLimiter(std::size_t limit, std::chrono::seconds window) : limit_(limit), window_(window) {}
  // Counts one event; false when the key is over its limit (the event is not counted).
  bool allow(const std::string& key);
  // Whether the key is at its limit now (nothing counted).
  bool exhausted(const std::string& key);
  // Counts one event, whatever the limit.
  void count(const std::string& key);

 private:
  std::mutex mu_;
  std::size_t limit_;
  std::chrono::seconds window_;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> seen_;
};

// A review or a results run of one month, in the background.
struct JobStatus {
  auth::AuditAction kind;  // Review or Results: the job, and what the audit trail records when it starts
  YearMonth month;
  std::string by;
  LocalDateTime started_at;
  std::optional<LocalDateTime> finished_at;
  bool ok = false;
  std::string message_ja;
  std::string message_en;
  nlohmann::json report;  // what the run said (counts, files)
};
// A job as the API and the pages give it.
nlohmann::json job_json(const JobStatus& j);

class Jobs {
 public:
  ~Jobs();
  // Starts `work` in the background unless a job is running; false when one is.
  bool start(JobStatus status, std::function<JobStatus(JobStatus)> work);
  std::optional<JobStatus> latest(YearMonth month);
  // Waits for the running job (if any) to end.
  void wait();

 private:
  std::mutex mu_;
  std::map<std::string, JobStatus> by_month_;
  std::thread runner_;
  bool running_ = false;
};

class App {
 public:
  explicit App(ServerOptions options);
  const ServerOptions& options() const { return options_; }
  LocalDateTime now() const { return clock_.now(); }
  Clock& clock() { return clock_; }
  const Settings& settings() const { return settings_; }
  const auth::PeerVerifier* verifier() const { return verifier_.get(); }
  Jobs& jobs() { return jobs_; }
  // Failed logins per client address (many clerks may share one address: only failures count;
  // each account's own lockout is auth's) and reset requests per address.
  RateLimiter& login_limiter() { return login_limiter_; }
  // Argon2id takes 64 MiB a hash: at most two run at once, whatever the number of clients.
  std::counting_semaphore<2>& hashing() { return hashing_; }
  std::filesystem::path results_dir(YearMonth month) const;
  // Uploads received at the same time share one sync of the log (group commit, issue 19).
  store::SyncGroup& upload_sync() { return upload_sync_; }

  // The ledgers and masters of the database, shared by every thread, loaded again when a newer
  // load is in the database.
  std::shared_ptr<const store::TablesInForce> world(store::Database& db);

 private:
  ServerOptions options_;
  Clock clock_;
  Settings settings_;
  std::unique_ptr<auth::PeerVerifier> verifier_;
  Jobs jobs_;
  RateLimiter login_limiter_{30, std::chrono::seconds(60)};
  std::counting_semaphore<2> hashing_{2};
  store::SyncGroup upload_sync_;
  std::mutex world_mu_;
  std::int64_t world_version_ = -1;
  std::shared_ptr<const store::TablesInForce> world_;
};

// One request: this thread's connection and stores, and the caller.
class Scope {
 public:
  Scope(App& app, const httplib::Request& req);
  App& app() { return app_; }
  const httplib::Request& request() const { return req_; }
  LocalDateTime now() const { return now_; }
  month::Desk& desk();
  store::Database& db() { return desk().db(); }
  store::AuthStore& auth_store();
  auth::Accounts& accounts();

  // The caller's session (from the kaigo_session cookie), if it is live.
  const std::optional<auth::SessionView>& session();
  // The session, or 401.
  const auth::SessionView& require_session();
  const auth::User& user() { return require_session().user; }
  // The client certificate of this connection checked against the CA (when the server has one).
  std::optional<auth::PeerCheck> peer();
  auth::Caller caller();

  // Appends a row to the audit trail for this caller.
  void audit(auth::AuditAction action, std::string_view target, nlohmann::json detail = nlohmann::json::object(),
             std::string_view insurer_no = {}, std::string_view insured_no = {});

 private:
  App& app_;
  const httplib::Request& req_;
  LocalDateTime now_;
  bool session_read_ = false;
  std::optional<auth::SessionView> session_;
  std::unique_ptr<auth::Accounts> accounts_;
  std::unique_ptr<auth::SmtpMailer> mailer_;
};

// The value of cookie `name` in the request, if sent.
std::optional<std::string> cookie(const httplib::Request& req, std::string_view name);

inline constexpr std::string_view kSessionCookie = "kaigo_session";

}  // namespace kaigo::server
