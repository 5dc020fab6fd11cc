#include "kaigo/server/server.hpp"

#include <fcntl.h>
#include <openssl/ssl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/store/errors.hpp"

namespace kaigo::server {
namespace {

std::string status_code_of(int status) {
  switch (status) {
    case 400:
      return "KW00";
    case 404:
      return "KW04";
    case 405:
      return "KW06";
    case 413:
      return "KW07";
    case 414:
      return "KW08";
    default:
      return "KW99";
  }
}

// The error body for answers httplib gives itself (a malformed request, a body over the limit, a
// route that does not exist), so that every error has the same form.
void fill_error(httplib::Response& res) {
  if (!res.body.empty()) return;
  std::string ja = "リクエストを処理できません";
  std::string en = "the request cannot be handled";
  if (res.status == 404) {
    ja = "見つかりません";
    en = "not found";
  } else if (res.status == 413) {
    ja = "送信されたデータが大きすぎます";
    en = "the request body is too large";
  } else if (res.status == 400) {
    ja = "リクエストの形式が正しくありません";
    en = "the request is malformed";
  }
  res.set_content(error_body(status_code_of(res.status), ja, en).dump(), "application/json; charset=utf-8");
}

void write_error(httplib::Response& res, const ApiError& e) {
  auto body = error_body(e.code, e.message_ja, e.message_en);
  for (auto it = e.extra.begin(); e.extra.is_object() && it != e.extra.end(); ++it) body["error"][it.key()] = it.value();
  res.status = e.status;
  if (e.retry_after) res.set_header("Retry-After", std::to_string(*e.retry_after));
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

bool role_allowed(const Access& a, auth::Role role) {
  return a.roles.empty() || std::find(a.roles.begin(), a.roles.end(), role) != a.roles.end();
}

std::string presented_csrf(const httplib::Request& req) {
  auto h = req.get_header_value("X-CSRF-Token");
  if (!h.empty()) return h;
  if (req.is_multipart_form_data() && req.has_file("csrf")) return req.get_file_value("csrf").content;
  return req.get_param_value("csrf");
}

void check_access(Scope& scope, const Route& route, const httplib::Request& req) {
  if (route.access.open) return;
  const auto& s = scope.require_session();
  if (!role_allowed(route.access, s.user.role)) throw forbidden();
  if (route.changes_state && !auth::Accounts::csrf_ok(s, presented_csrf(req))) {
    throw ApiError(403, "KW02", "CSRF トークンがないか、正しくありません。画面を開き直してください",
                   "the CSRF token is missing or wrong; reload the page");
  }
  if (route.office_certificate) valid_office_certificate(scope);
}

std::FILE* open_log(const std::filesystem::path& p) {
  if (p.empty()) return nullptr;
  int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error(fmt::format("ログ {} を開けません / cannot open the log {}", p.string(), p.string()));
  ::fchmod(fd, 0600);
  return ::fdopen(fd, "a");
}

bool load_tls(SSL_CTX& ctx, const ServerOptions& o) {
  SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
  if (SSL_CTX_use_certificate_chain_file(&ctx, o.tls_cert.c_str()) != 1) return false;
  if (SSL_CTX_use_PrivateKey_file(&ctx, o.tls_key.c_str(), SSL_FILETYPE_PEM) != 1) return false;
  if (SSL_CTX_check_private_key(&ctx) != 1) return false;
  if (!o.client_ca.empty()) {
    if (SSL_CTX_load_verify_locations(&ctx, o.client_ca.c_str(), nullptr) != 1) return false;
    SSL_CTX_set_client_CA_list(&ctx, SSL_load_client_CA_file(o.client_ca.c_str()));
    // Ask for the office certificate but let the handshake through: each route that needs one
    // checks it (chain, expiry, revocation) and answers 403 with the reason, rather than a TLS
    // alert the clerk cannot read.
    SSL_CTX_set_verify(&ctx, SSL_VERIFY_PEER, [](int, X509_STORE_CTX*) { return 1; });
  }
  return true;
}

}  // namespace

Server::Server(ServerOptions options) {
  if (!options.insecure_http && (options.tls_cert.empty() || options.tls_key.empty())) {
    throw std::runtime_error(
        "TLS の証明書と鍵（--tls-cert, --tls-key; kaigo ca init が作ります）が必要です。手元の試用だけなら --insecure-http / "
        "the server needs --tls-cert and --tls-key (kaigo ca init makes them), or --insecure-http for local use only");
  }
  app_ = std::make_unique<App>(std::move(options));
  const auto& o = app_->options();
  {
    month::Desk desk(o.db);
    desk.recover(app_->now());
  }
  if (o.insecure_http) {
    http_ = std::make_unique<httplib::Server>();
  } else {
    auto tls = std::make_unique<httplib::SSLServer>([&o](SSL_CTX& ctx) { return load_tls(ctx, o); });
    if (!tls->is_valid()) {
      throw std::runtime_error(fmt::format(
          "TLS の証明書・鍵・CA を読めません（{}, {}, {}）/ cannot use the TLS certificate, key or CA ({}, {}, {})",
          o.tls_cert.string(), o.tls_key.string(), o.client_ca.string(), o.tls_cert.string(), o.tls_key.string(),
          o.client_ca.string()));
    }
    http_ = std::move(tls);
  }
  access_log_ = open_log(o.access_log);
  const auto threads = o.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_->set_read_timeout(o.read_timeout_seconds, 0);
  http_->set_write_timeout(30, 0);
  http_->set_keep_alive_timeout(o.keep_alive_seconds);
  http_->set_keep_alive_max_count(100);
  http_->set_payload_max_length(o.max_body_bytes);
  // An answer written in two pieces (headers, body) would otherwise wait for the client's delayed
  // ACK: 40 ms on every request.
  http_->set_tcp_nodelay(true);
  http_->set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
        fill_error(res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    write_error(res, ApiError(500, "KW98", "内部エラーです", "internal error"));
  });
  if (access_log_) {
    http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      // The path without its query, so that nothing sent in one reaches the log.
      auto line = fmt::format("{} {} {} {} {} {}\n", app_->now().str(), req.remote_addr, req.method,
                              escape_control(req.path), res.status, res.body.size());
      std::fputs(line.c_str(), access_log_);
      std::fflush(access_log_);
    });
  }
  install_routes();
}

Server::~Server() {
  if (access_log_) std::fclose(access_log_);
}

void Server::install_routes() {
  routes_ = api_routes();
  auto pages = page_routes();
  routes_.insert(routes_.end(), std::make_move_iterator(pages.begin()), std::make_move_iterator(pages.end()));
  // Every answer, JSON or page: no type sniffing, no referrer (routes_pages adds the pages' CSP).
  http_->set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
  for (const auto& route : routes_) {
    auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
      Scope scope(*app_, req);
      try {
        check_access(scope, route, req);
        route.handler(scope, req, res);
      } catch (const ApiError& e) {
        write_error(res, e);
      } catch (const store::StoreBusy&) {
        ApiError e(503, "KW53", "混み合っています。しばらくしてから、もう一度送信してください",
                   "the database is busy; nothing was changed — try again in a moment");
        e.retry_after = 2;
        write_error(res, e);
      } catch (const std::exception& e) {
        write_error(res, ApiError(500, "KW98", std::string("内部エラーです: ") + escape_control(e.what()),
                                  std::string("internal error: ") + escape_control(e.what())));
      }
    };
    if (route.method == "GET") {
      http_->Get(route.pattern, handler);
    } else {
      http_->Post(route.pattern, handler);
    }
  }
}

int Server::bind() {
  const auto& o = app_->options();
  if (o.port == 0) {
    port_ = http_->bind_to_any_port(o.host);
  } else {
    port_ = http_->bind_to_port(o.host, o.port) ? o.port : -1;
  }
  if (port_ <= 0) {
    throw std::runtime_error(fmt::format("{}:{} で待ち受けできません / cannot listen on {}:{}", o.host, o.port, o.host, o.port));
  }
  return port_;
}

void Server::serve() { http_->listen_after_bind(); }

void Server::stop() {
  http_->stop();
  app_->jobs().wait();
}

std::string Server::url() const {
  const auto& o = app_->options();
  const bool v6 = o.host.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}:{}", o.insecure_http ? "http" : "https", v6 ? "[" : "", o.host, v6 ? "]" : "", port_);
}

}  // namespace kaigo::server
