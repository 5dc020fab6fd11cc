// auth (docs/performance.md "auth"): what a login costs with the default [auth] settings — the
// Argon2id hash alone, and a whole login over a SQLite store (verify, session row and audit row in
// one fully synced transaction) — a session lookup, an audit append, and verifying a 10,000-row
// audit chain.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "kaigo/auth/accounts.hpp"
#include "kaigo/auth/secrets.hpp"
#include "kaigo/store/auth_store.hpp"
#include "kaigo/store/database.hpp"
#include "kaigo/store/errors.hpp"

namespace {

using namespace kaigo;

struct BenchDb {
  std::filesystem::path dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::AuthStore> store;
  AuthSettings settings;  // the defaults: Argon2id t=2, 32 MiB
  BenchDb() {
    dir = std::filesystem::temp_directory_path() / ("kaigo-auth-bench-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    db = store::Database::create(dir / "k.db");
    store = std::make_unique<store::AuthStore>(*db);
    auth::User u;
    u.id = "KJ1370000001";
    u.offices = {"1370000001"};
    auth::Accounts(*store, *store, settings).add(u, "correct horse battery", {"bench", "cli", now_jst()});
  }
  ~BenchDb() {
    store.reset();
    db.reset();
    std::filesystem::remove_all(dir);
  }
};

void BM_HashPassword(benchmark::State& state) {
  const auto cost = auth::hash_cost(AuthSettings{});
  for (auto _ : state) benchmark::DoNotOptimize(auth::hash_secret("correct horse battery", cost));
}
BENCHMARK(BM_HashPassword)->Unit(benchmark::kMillisecond);

void BM_Login(benchmark::State& state) {
  BenchDb b;
  auth::Accounts acc(*b.store, *b.store, b.settings);
  for (auto _ : state) {
    auto r = acc.login("KJ1370000001", "correct horse battery", now_jst(), "127.0.0.1");
    if (r.status != auth::LoginStatus::Ok) state.SkipWithError("login failed");
  }
}
BENCHMARK(BM_Login)->Unit(benchmark::kMillisecond);

void BM_SessionLookup(benchmark::State& state) {
  BenchDb b;
  auth::Accounts acc(*b.store, *b.store, b.settings);
  const auto at = now_jst();
  const auto token = acc.login("KJ1370000001", "correct horse battery", at, "127.0.0.1").token;
  for (auto _ : state) benchmark::DoNotOptimize(acc.session(token, at));
}
BENCHMARK(BM_SessionLookup)->Unit(benchmark::kMicrosecond);

void BM_AuditAppend(benchmark::State& state) {
  BenchDb b;
  auth::AuditEvent e{now_jst(), "KJ1370000001", "127.0.0.1", "download", "42", {{"file", "7513.CSV"}}, "", ""};
  for (auto _ : state) b.store->append(e);
}
BENCHMARK(BM_AuditAppend)->Unit(benchmark::kMillisecond);

void BM_AuditVerify10k(benchmark::State& state) {
  BenchDb b;
  auth::AuditEvent e{now_jst(), "KJ1370000001",     "127.0.0.1", "view",
                     "card",    {{"kind", "card"}}, "131001",    "0000000001"};
  {
    store::Database::DeferredSync setup(*b.db);  // setting up only: 10,000 commits, one fsync
    for (int i = 0; i < 10000; ++i) b.store->append(e);
    setup.durable();
  }
  for (auto _ : state) {
    auto v = auth::verify_audit(*b.store);
    if (!v.ok() || v.rows != 10001) state.SkipWithError("chain broken");
  }
}
BENCHMARK(BM_AuditVerify10k)->Unit(benchmark::kMillisecond);

}  // namespace
