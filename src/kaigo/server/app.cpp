#include "kaigo/server/app.hpp"

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <fmt/format.h>
#include <fstream>
#include <iterator>

#include "kaigo/core/strings.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/store/errors.hpp"

namespace kaigo::server {
namespace {

// This thread's connection, desk and auth stores; remade when the shared world changes.
struct ThreadState {
  const App* app = nullptr;
  std::unique_ptr<month::Desk> desk;
  std::unique_ptr<store::AuthStore> auth;
};
thread_local ThreadState t_state;

}  // namespace

// ---- clock ---------------------------------------------------------------------------------------

Clock::Clock(std::optional<LocalDateTime> start)
    : test_(start.has_value()), start_(start.value_or(LocalDateTime{})), started_(std::chrono::steady_clock::now()) {}

LocalDateTime Clock::now() const {
  if (!test_) return now_jst();
  std::lock_guard lock(mu_);
  auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_);
  return start_.plus_seconds(elapsed.count());
}

void Clock::set(const LocalDateTime& at) {
  std::lock_guard lock(mu_);
  start_ = at;
  started_ = std::chrono::steady_clock::now();
}

// ---- limits --------------------------------------------------------------------------------------

bool RateLimiter::allow(const std::string& key) {
  if (exhausted(key)) return false;
  count(key);
  return true;
}

bool RateLimiter::exhausted(const std::string& key) {
  std::lock_guard lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  auto it = seen_.find(key);
  if (it == seen_.end()) return false;
  std::erase_if(it->second, [&](auto t) { return now - t > window_; });
  return it->second.size() >= limit_;
}

void RateLimiter::count(const std::string& key) {
  std::lock_guard lock(mu_);
  seen_[key].push_back(std::chrono::steady_clock::now());
  if (seen_.size() > 10000) {
    const auto now = std::chrono::steady_clock::now();
    for (auto it = seen_.begin(); it != seen_.end();) {
      std::erase_if(it->second, [&](auto t) { return now - t > window_; });
      it = it->second.empty() ? seen_.erase(it) : std::next(it);
    }
  }
}

// ---- jobs ----------------------------------------------------------------------------------------

Jobs::~Jobs() { wait(); }

nlohmann::json job_json(const JobStatus& j) {
  return {{"kind", enum_code(j.kind)},
          {"by", j.by},
          {"started_at", j.started_at.str()},
          {"finished_at", j.finished_at ? nlohmann::json(j.finished_at->str()) : nlohmann::json(nullptr)},
          {"running", !j.finished_at.has_value()},
          {"ok", j.ok},
          {"message_ja", j.message_ja},
          {"message_en", j.message_en},
          {"report", j.report}};
}

bool Jobs::start(JobStatus status, std::function<JobStatus(JobStatus)> work) {
  std::lock_guard lock(mu_);
  if (running_) return false;
  if (runner_.joinable()) runner_.join();
  running_ = true;
  by_month_[status.month.str()] = status;
  runner_ = std::thread([this, status, work = std::move(work)] {
    JobStatus done = work(status);
    std::lock_guard inner(mu_);
    by_month_[done.month.str()] = done;
    running_ = false;
  });
  return true;
}

std::optional<JobStatus> Jobs::latest(YearMonth month) {
  std::lock_guard lock(mu_);
  auto it = by_month_.find(month.str());
  if (it == by_month_.end()) return std::nullopt;
  return it->second;
}

void Jobs::wait() {
  std::thread t;
  {
    std::lock_guard lock(mu_);
    t = std::move(runner_);
  }
  if (t.joinable()) t.join();
}

// ---- app -----------------------------------------------------------------------------------------

App::App(ServerOptions options) : options_(std::move(options)), clock_(options_.test_clock) {
  auto db = store::Database::open(options_.db);
  settings_ = db->settings();
  if (options_.results_root.empty()) {
    options_.results_root = options_.db;
    options_.results_root += ".results";
  }
  if (!options_.client_ca.empty()) {
    std::ifstream in(options_.client_ca, std::ios::binary);
    std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    verifier_ = std::make_unique<auth::PeerVerifier>(pem);
  }
}

std::filesystem::path App::results_dir(YearMonth month) const { return options_.results_root / month.str(); }

std::shared_ptr<const store::TablesInForce> App::world(store::Database& db) {
  auto version = db.latest_load_id();
  std::lock_guard lock(world_mu_);
  if (!world_ || version != world_version_) {
    world_ = std::make_shared<const store::TablesInForce>(store::load_tables_in_force(db, store::Recipients::Skip));
    world_version_ = version;
  }
  return world_;
}

// ---- scope ---------------------------------------------------------------------------------------

Scope::Scope(App& app, const httplib::Request& req) : app_(app), req_(req), now_(app.now()) {}

month::Desk& Scope::desk() {
  auto& t = t_state;
  auto fresh = [&] {
    t.auth.reset();
    auto db = store::Database::open(app_.options().db);
    auto world = app_.world(*db);
    t.desk = std::make_unique<month::Desk>(std::move(db), std::move(world));
    t.app = &app_;
  };
  if (t.app != &app_ || !t.desk) {
    fresh();
  } else if (app_.world(t.desk->db()) != t.desk->shared_world()) {
    fresh();  // a ledger or master was loaded: the pre-check uses the new one from now on
  }
  return *t.desk;
}

store::AuthStore& Scope::auth_store() {
  auto& d = desk();
  if (!t_state.auth) t_state.auth = std::make_unique<store::AuthStore>(d.db());
  return *t_state.auth;
}

auth::Accounts& Scope::accounts() {
  if (!accounts_) {
    mailer_ = std::make_unique<auth::SmtpMailer>(app_.settings().auth);
    auto& store = auth_store();
    accounts_ = std::make_unique<auth::Accounts>(store, store, app_.settings().auth, mailer_.get(), app_.settings().name);
  }
  return *accounts_;
}

const std::optional<auth::SessionView>& Scope::session() {
  if (!session_read_) {
    session_read_ = true;
    if (auto token = cookie(req_, kSessionCookie)) session_ = accounts().session(*token, now_);
  }
  return session_;
}

const auth::SessionView& Scope::require_session() {
  const auto& s = session();
  if (!s) throw unauthorized();
  return *s;
}

std::optional<auth::PeerCheck> Scope::peer() {
  if (!app_.verifier() || req_.ssl == nullptr) return std::nullopt;
  X509* cert = SSL_get1_peer_certificate(req_.ssl);
  if (cert == nullptr) return std::nullopt;
  auto check = app_.verifier()->check(auth_store(), cert, now_);
  X509_free(cert);
  return check;
}

auth::Caller Scope::caller() {
  const auto& s = session();
  return {s ? s->user.id : std::string("anonymous"), req_.remote_addr, now_};
}

void Scope::audit(auth::AuditAction action, std::string_view target, nlohmann::json detail,
                  std::string_view insurer_no, std::string_view insured_no) {
  auth::AuditEvent e;
  e.at = now_;
  const auto& s = session();
  e.actor = s ? s->user.id : "anonymous";
  e.source = req_.remote_addr;
  e.action = std::string(enum_code(action));
  e.target = std::string(target);
  e.detail = std::move(detail);
  e.insurer_no = std::string(insurer_no);
  e.insured_no = std::string(insured_no);
  auth_store().append(e);
}

std::optional<std::string> cookie(const httplib::Request& req, std::string_view name) {
  for (std::size_t i = 0; i < req.get_header_value_count("Cookie"); ++i) {
    auto header = req.get_header_value("Cookie", i);
    for (auto part : split(header, ';')) {
      auto kv = trim(part);
      auto eq = kv.find('=');
      if (eq == std::string_view::npos) continue;
      if (trim(kv.substr(0, eq)) == name) return std::string(trim(kv.substr(eq + 1)));
    }
  }
  return std::nullopt;
}

}  // namespace kaigo::server
