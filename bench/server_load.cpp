// The load test of kaigo serve (issue 13): a generated month of ≥ 2,000 files uploaded by ≥ 200
// concurrent clients over loopback TLS with office certificates (代理請求 accounts of up to 100
// offices each), every upload timed from the request to the pre-check's answer; then every
// acknowledged file checked byte for byte in the database. With --kill, the server is killed with
// -9 when half the files are acknowledged and started again; the clients retry what was not
// acknowledged with the same Idempotency-Key, and the check adds: nothing acknowledged is lost,
// nothing is stored twice. Loopback only; bounded in time (--deadline).
//
// Usage: kaigo_bench_server_load --kaigo build/kaigo [--offices 1500] [--clients 200] [--kill]
//                                [--work DIR] [--deadline 900]
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "kaigo/core/sha256.hpp"
#include "kaigo/store/database.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string kaigo_cli;  // the CLI
fs::path work;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Runs kaigo with `args`, stdin from `input` (a file) when given; throws on failure.
void run(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), kaigo_cli);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  const auto log = (work / "setup.log").string();
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (!input.empty()) posix_spawn_file_actions_addopen(&fa, 0, input.c_str(), O_RDONLY, 0);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, kaigo_cli.c_str(), &fa, nullptr, argv.data(), environ) != 0) throw std::runtime_error("spawn");
  posix_spawn_file_actions_destroy(&fa);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("kaigo " + args[1] + " failed; see " + log);
  }
}

struct Server {
  pid_t pid = -1;
  int port = 0;
  void start() {
    const auto log = (work / "serve.log").string();
    std::filesystem::remove(log);
    std::vector<std::string> args{kaigo_cli, "serve", "--db", (work / "k.db").string(), "--listen", "127.0.0.1:0",
                                  "--tls-cert", (work / "ca/server.crt").string(), "--tls-key",
                                  (work / "ca/server.key").string(), "--client-ca", (work / "ca/ca.crt").string(),
                                  "--test-clock", "2026-05-05T10:00:00", "--threads", "64"};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn(&pid, kaigo_cli.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; i < 600; ++i) {
      auto text = read_all(log);
      auto at = text.find("listening on https://127.0.0.1:");
      if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
        port = std::stoi(text.substr(at + 31));
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("the server did not start: " + read_all(log));
  }
  void kill9() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      pid = -1;
    }
  }
  void stop() {
    if (pid > 0) {
      ::kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
      pid = -1;
    }
  }
};

struct Account {
  std::string id;
  fs::path crt, key;
  std::deque<fs::path> files;  // to send
};

struct Shared {
  std::mutex mu;
  std::vector<Account> accounts;
  std::map<std::string, nlohmann::json> acknowledged;  // file path → answer
  std::vector<double> latencies_ms;                    // of acknowledged uploads
  std::atomic<int> port{0};
  std::atomic<bool> down{false};
  std::atomic<int> failures{0};
};

std::optional<fs::path> next_file(Shared& s, std::size_t account) {
  std::lock_guard lock(s.mu);
  auto& q = s.accounts[account].files;
  if (q.empty()) return std::nullopt;
  auto f = q.front();
  q.pop_front();
  return f;
}

void give_back(Shared& s, std::size_t account, const fs::path& f) {
  std::lock_guard lock(s.mu);
  s.accounts[account].files.push_back(f);
}

// One client: logs in as its account, sends that account's files one after the other.
void client(Shared& s, std::size_t account, Clock::time_point deadline) {
  const auto& a = s.accounts[account];
  std::string cookie;
  std::string csrf;
  int session_port = 0;
  while (Clock::now() < deadline) {
    if (s.down) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      continue;
    }
    const int port = s.port;
    httplib::SSLClient c("127.0.0.1", port, a.crt.string(), a.key.string());
    c.set_ca_cert_path((work / "ca/ca.crt").string().c_str());
    c.enable_server_certificate_verification(true);
    c.set_read_timeout(120, 0);
    c.set_keep_alive(true);
    c.set_tcp_nodelay(true);
    if (session_port != port) {
      auto r = c.Post("/api/login", nlohmann::json{{"user", a.id}, {"password", "load test passphrase"}}.dump(),
                      "application/json");
      if (!r || r->status != 200) {
        ++s.failures;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        continue;
      }
      auto set = r->get_header_value("Set-Cookie");
      cookie = set.substr(0, set.find(';'));
      csrf = nlohmann::json::parse(r->body)["csrf_token"];
      session_port = port;
    }
    for (;;) {
      if (Clock::now() >= deadline || s.down || s.port != port) break;
      auto file = next_file(s, account);
      if (!file) return;
      httplib::Headers h{{"Cookie", cookie},
                         {"X-CSRF-Token", csrf},
                         {"X-File-Name", file->filename().string()},
                         {"Idempotency-Key", file->string()}};
      auto bytes = read_all(*file);
      auto t0 = Clock::now();
      auto r = c.Post("/api/submissions", h, bytes, "application/octet-stream");
      auto ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (r && (r->status == 201 || r->status == 200)) {
        std::lock_guard lock(s.mu);
        s.acknowledged[file->string()] = nlohmann::json::parse(r->body);
        s.latencies_ms.push_back(ms);
      } else {
        ++s.failures;
        give_back(s, account, *file);
        break;  // reconnect (the server may have been killed)
      }
    }
  }
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  int offices = 1500;
  int clients = 200;
  bool kill = false;
  int deadline_s = 900;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return std::string(i + 1 < argc ? argv[++i] : ""); };
    if (a == "--kaigo") kaigo_cli = next();
    else if (a == "--offices") offices = std::stoi(next());
    else if (a == "--clients") clients = std::stoi(next());
    else if (a == "--kill") kill = true;
    else if (a == "--work") work = next();
    else if (a == "--deadline") deadline_s = std::stoi(next());
  }
  if (kaigo_cli.empty()) {
    std::fprintf(stderr, "usage: kaigo_bench_server_load --kaigo PATH [--offices N] [--clients N] [--kill]\n");
    return 2;
  }
  kaigo_cli = fs::absolute(kaigo_cli).string();
  const bool own_work = work.empty();
  if (own_work) work = fs::temp_directory_path() / fmt::format("kaigo-load-{}", ::getpid());
  fs::create_directories(work);
  Server server;
  try {
    // The month and the 国保連: ledgers, the CA, one 代理請求 account and certificate per 100 offices.
    run({"gen", "--out", (work / "m").string(), "--month", "202605", "--offices", std::to_string(offices), "--recipients",
         std::to_string(offices * 40), "--seed", "13"});
    auto toml = read_all(work / "m/kokuhoren.toml") + "\n[auth]\npassword_ops = 1\npassword_mem_kib = 8192\n";
    std::ofstream(work / "k.toml") << toml;
    run({"init", "--db", (work / "k.db").string(), "--config", (work / "k.toml").string()});
    for (const char* t : {"services", "offices", "insurers", "recipients"}) {
      run({"load", "--db", (work / "k.db").string(), t, (work / "m" / (std::string(t) + ".csv")).string()});
    }
    run({"ca", "init", "--db", (work / "k.db").string(), "--out", (work / "ca").string(), "--at", "2026-04-01T00:00:00"});
    std::ofstream(work / "pw") << "load test passphrase\n";
    Shared s;
    std::vector<fs::path> offices_dirs;
    for (const auto& e : fs::directory_iterator(work / "m/submissions")) offices_dirs.push_back(e.path());
    std::sort(offices_dirs.begin(), offices_dirs.end());
    std::size_t total_files = 0;
    for (std::size_t g = 0; g * 100 < offices_dirs.size(); ++g) {
      Account a;
      a.id = fmt::format("KJ8{:09d}", g + 1);
      std::string list;
      for (std::size_t k = g * 100; k < std::min(offices_dirs.size(), g * 100 + 100); ++k) {
        list += offices_dirs[k].filename().string() + "\n";
        for (const auto& f : fs::directory_iterator(offices_dirs[k])) a.files.push_back(f.path());
      }
      total_files += a.files.size();
      const auto list_file = work / fmt::format("group{}.txt", g);
      std::ofstream(list_file) << list;
      run({"user", "add", "--db", (work / "k.db").string(), "--id", a.id, "--role", "office", "--offices",
           list_file.string()},
          (work / "pw").string());
      const auto out = work / fmt::format("cert{}", g);
      run({"cert", "issue", "--db", (work / "k.db").string(), "--office", offices_dirs[g * 100].filename().string(),
           "--offices", list_file.string(), "--applied-on", "20260501", "--at", "2026-05-01T09:00:00", "--out",
           out.string()});
      for (const auto& e : fs::directory_iterator(out)) {
        if (e.path().extension() == ".crt") a.crt = e.path();
        if (e.path().extension() == ".key") a.key = e.path();
      }
      s.accounts.push_back(std::move(a));
    }
    std::uint64_t total_bytes = 0;
    for (const auto& a : s.accounts) {
      for (const auto& f : a.files) total_bytes += fs::file_size(f);
    }
    std::printf("month: %zu files (%.1f MB) of %d offices, %zu 代理請求 accounts; %d clients%s\n", total_files,
                static_cast<double>(total_bytes) / 1e6, offices, s.accounts.size(), clients,
                kill ? "; the server killed (-9) at half and restarted" : "");

    server.start();
    s.port = server.port;
    const auto deadline = Clock::now() + std::chrono::seconds(deadline_s);
    const auto t0 = Clock::now();
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
      threads.emplace_back(client, std::ref(s), static_cast<std::size_t>(i) % s.accounts.size(), deadline);
    }
    bool killed = false;
    std::size_t acknowledged_before_kill = 0;
    while (true) {
      std::size_t done = 0;
      {
        std::lock_guard lock(s.mu);
        done = s.acknowledged.size();
      }
      if (done >= total_files || Clock::now() >= deadline) break;
      if (kill && !killed && done >= total_files / 2) {
        s.down = true;
        server.kill9();
        acknowledged_before_kill = done;
        server.start();
        s.port = server.port;
        s.down = false;
        killed = true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (auto& t : threads) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    server.stop();

    // Every acknowledged file is in the store byte for byte, once.
    auto db = kaigo::store::Database::open(work / "k.db");
    std::size_t lost = 0;
    std::size_t duplicates = 0;
    for (const auto& [path, answer] : s.acknowledged) {
      auto id = answer["submission"].get<std::int64_t>();
      auto stored = db->submission(id);
      if (!stored || kaigo::sha256_hex(db->bytes(id)) != kaigo::sha256_hex(read_all(path))) ++lost;
      for (const auto& e : stored ? stored->errors : std::vector<kaigo::precheck::ErrorRow>{}) {
        if (e.code == "ANN2" || e.code == "ANN0") {
          ++duplicates;
          break;
        }
      }
    }
    auto page = db->list_submissions({std::nullopt, true, {}, "", 0, 1000000});
    std::size_t taken = 0;
    std::size_t interrupted = 0;
    for (const auto& sub : page.rows) {
      if (sub.state == kaigo::reception::FileState::TransmissionError) {
        ++interrupted;
      } else {
        ++taken;
      }
    }
    std::printf("acknowledged %zu of %zu files in %.1f s: %.1f files/s, %.1f MB/s; upload-to-answer p50 %.0f ms, "
                "p99 %.0f ms, max %.0f ms; retried requests %d\n",
                s.acknowledged.size(), total_files, seconds, static_cast<double>(s.acknowledged.size()) / seconds,
                static_cast<double>(total_bytes) / 1e6 / seconds, percentile(s.latencies_ms, 0.5),
                percentile(s.latencies_ms, 0.99), percentile(s.latencies_ms, 1.0), s.failures.load());
    if (kill) {
      std::printf("killed after %zu acknowledged; stored files taken in %zu (expected %zu), interrupted (KR03) %zu\n",
                  acknowledged_before_kill, taken, total_files, interrupted);
    }
    std::printf("check: lost %zu, stored twice %zu%s\n", lost, duplicates,
                lost == 0 && duplicates == 0 && s.acknowledged.size() == total_files && taken == total_files
                    ? " — OK"
                    : " — FAILED");
    if (own_work) fs::remove_all(work);
    return lost == 0 && duplicates == 0 && s.acknowledged.size() == total_files && taken == total_files ? 0 : 1;
  } catch (const std::exception& e) {
    server.kill9();
    std::fprintf(stderr, "load test failed: %s\n", e.what());
    return 1;
  }
}
