// kaigo serve — the 電子請求受付 and the month over the network (DESIGN §3.4): parse the options,
// start server::Server, print where it listens, stop on SIGTERM or SIGINT after the requests in
// progress have ended.
#include <pthread.h>
#include <signal.h>

#include <fmt/format.h>
#include <thread>

#include "cli_support.hpp"
#include "commands.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/server/server.hpp"

namespace kaigo::cli {
namespace {

// "127.0.0.1:8443", "[::1]:8443", "localhost:0".
bool parse_listen(const std::string& text, std::string& host, int& port) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  auto p = parse_int(text.substr(colon + 1));
  if (host.empty() || !p || *p < 0 || *p > 65535) return false;
  port = static_cast<int>(*p);
  return true;
}

}  // namespace

void register_serve(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand("serve", "サーバを起動 / run the server (API over HTTPS)");
  // The options go straight into the server's own; --listen, --max-body-mb and --test-clock are
  // read in the callback.
  static server::ServerOptions o;
  static std::string listen = "127.0.0.1:8443";
  static std::string test_clock;
  static std::size_t max_body_mb = 256;
  cmd->add_option("--db", o.db, "データベース / database file")->required();
  cmd->add_option("--listen", listen, "待ち受けるアドレス（既定 127.0.0.1:8443）/ address to listen on");
  cmd->add_option("--tls-cert", o.tls_cert, "サーバ証明書 PEM / server certificate");
  cmd->add_option("--tls-key", o.tls_key, "サーバ秘密鍵 PEM / server key");
  cmd->add_option("--client-ca", o.client_ca, "事業所の電子証明書を発行した CA（相互 TLS）/ CA of office certificates");
  cmd->add_flag("--insecure-http", o.insecure_http, "TLS なし（手元の試用のみ）/ plain HTTP, local use only");
  cmd->add_option("--results", o.results_root, "帳票の置き場所（既定 DB.results）/ where results are written");
  cmd->add_option("--access-log", o.access_log, "アクセスログ / access log file (0600)");
  cmd->add_option("--threads", o.threads, "スレッド数 / worker threads")->check(CLI::Range(1, 1024));
  cmd->add_option("--max-body-mb", max_body_mb, "受け付ける最大サイズ MB / largest request body")->check(CLI::Range(1, 4096));
  cmd->add_option("--read-timeout", o.read_timeout_seconds,
                  "無通信で切断する秒数 / seconds of silence before a client is cut off")
      ->check(CLI::Range(1, 600));
  cmd->add_option("--test-clock", test_clock,
                  "この日時から進む時計（試験・デモ専用）/ a clock that starts at this JST moment (tests and demos only)");
  cmd->callback([&status] {
    if (!parse_listen(listen, o.host, o.port)) {
      err(fmt::format("エラー: --listen は HOST:PORT / error: --listen must be HOST:PORT ({})\n", listen));
      status = 2;
      return;
    }
    o.max_body_bytes = max_body_mb << 20;
    if (!test_clock.empty()) {
      o.test_clock = LocalDateTime::parse(test_clock);
      if (!o.test_clock) {
        err(fmt::format("エラー: --test-clock は YYYY-MM-DDTHH:MM:SS / error: --test-clock must be an ISO time ({})\n",
                        test_clock));
        status = 2;
        return;
      }
    }
    // SIGTERM and SIGINT are taken by this thread only (sigwait), in every thread the server starts.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);
    server::Server server(o);
    server.bind();
    out(fmt::format("kaigo serve: {} で待ち受けています / listening on {}\n", server.url(), server.url()));
    std::fflush(stdout);
    std::thread listener([&server] { server.serve(); });
    int sig = 0;
    sigwait(&stop_signals, &sig);
    out("kaigo serve: 停止します（処理中のリクエストを終えてから）/ stopping after the requests in progress\n");
    std::fflush(stdout);
    server.stop();
    listener.join();
    status = 0;
  });
}

}  // namespace kaigo::cli
