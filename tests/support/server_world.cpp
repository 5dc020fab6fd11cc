#include "support/server_world.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

#include "kaigo/core/strings.hpp"

namespace kaigo::testing {
namespace {

namespace fs = std::filesystem;

void must(const CommandResult& r, const std::string& what) {
  if (r.exit_code != 0) throw std::runtime_error(what + " failed: " + r.err + r.out);
}

Certificate issue(const fs::path& db, const fs::path& out, const std::string& office, const std::string& extra,
                  const std::string& at) {
  const auto applied = at.substr(0, 4) + at.substr(5, 2) + at.substr(8, 2);
  must(run_kaigo("cert issue --db " + db.string() + " --office " + office + " --applied-on " + applied + " --at " + at +
                 " --out " + out.string() + " " + extra),
       "cert issue " + office);
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().extension() == ".crt") {
      auto key = e.path();
      key.replace_extension(".key");
      return {e.path(), key, e.path().stem().string()};
    }
  }
  throw std::runtime_error("no certificate written in " + out.string());
}

std::string config(const std::string& base, int smtp_port, int certificate_days) {
  return base + fmt::format(
                    "\n[auth]\npassword_ops = 1\npassword_mem_kib = 8192\nmail_relay = \"127.0.0.1:{}\"\n"
                    "reset_base_url = \"https://127.0.0.1\"\ncertificate_days = {}\n",
                    smtp_port, certificate_days);
}

}  // namespace

ServerWorld::ServerWorld(std::vector<std::string> extra_serve_args) : month_(dir_ / "m") {
  SmtpSink::Limits limits;
  limits.lifetime = std::chrono::seconds(600);
  smtp_ = std::make_unique<SmtpSink>(limits);
  must(run_kaigo("gen --out " + month_.string() + " --month 202605 --offices 6 --recipients 60 --seed 5"), "gen");
  const auto base = read_file(month_ / "kokuhoren.toml");
  const auto db = dir_ / "k.db";
  // Certificates valid 2 days first (for the expired one), then the usual 3 years.
  write_file(dir_ / "short.toml", config(base, smtp_->port(), 2));
  write_file(dir_ / "kokuhoren.toml", config(base, smtp_->port(), 1095));
  must(run_kaigo("init --db " + db.string() + " --config " + (dir_ / "short.toml").string()), "init");
  for (const char* kind : {"services", "offices", "insurers", "recipients"}) {
    must(run_kaigo(fmt::format("load --db {} {} {}", db.string(), kind, (month_ / (std::string(kind) + ".csv")).string())),
         "load");
  }
  must(run_kaigo("ca init --db " + db.string() + " --out " + (dir_ / "ca").string() + " --at 2026-04-01T00:00:00"), "ca init");
  certs_["expired"] = issue(db, dir_ / "c-expired", "1370000003", "", "2026-04-01T09:00:00");
  must(run_kaigo("init --db " + db.string() + " --config " + (dir_ / "kokuhoren.toml").string()), "init again");
  write_file(dir_ / "pw", std::string(kPassword) + "\n");
  write_file(dir_ / "group.txt", "1370000001\n1370000002\n1370000003\n");
  const auto pw = " < " + (dir_ / "pw").string();
  for (const std::string& add : std::vector<std::string>{"--id KJ1370000001 --role office --office 1370000001 --email office1@example.jp",
        "--id KJ1370000002 --role office --office 1370000002", "--id KJ1370000003 --role office --office 1370000003",
        "--id KJ9000000001 --role office --offices " + (dir_ / "group.txt").string(), "--id KJ0000000001 --role kokuhoren",
        "--id KJ0000000002 --role admin"}) {
    must(run_kaigo("user add --db " + db.string() + " " + add + pw), "user add " + add);
  }
  certs_["office1"] = issue(db, dir_ / "c-office1", "1370000001", "", "2026-05-01T09:00:00");
  certs_["office2"] = issue(db, dir_ / "c-office2", "1370000002", "", "2026-05-01T09:00:00");
  certs_["office3"] = issue(db, dir_ / "c-office3", "1370000003", "", "2026-05-01T09:00:00");
  certs_["group"] = issue(db, dir_ / "c-group", "1370000001", "--offices " + (dir_ / "group.txt").string(),
                          "2026-05-01T09:00:00");
  certs_["revoked"] = issue(db, dir_ / "c-revoked", "1370000001", "", "2026-05-01T09:00:00");
  must(run_kaigo("cert revoke --db " + db.string() + " " + certs_["revoked"].serial + " --at 2026-05-02T09:00:00"),
       "cert revoke");
  serve_args_ = {"--db", db.string(), "--listen", "127.0.0.1:0", "--tls-cert", (dir_ / "ca" / "server.crt").string(),
                 "--tls-key", (dir_ / "ca" / "server.key").string(), "--client-ca", ca_crt().string(), "--test-clock",
                 "2026-05-05T10:00:00", "--access-log", (dir_ / "access.log").string()};
  serve_args_.insert(serve_args_.end(), extra_serve_args.begin(), extra_serve_args.end());
  server_ = std::make_unique<ServerProcess>(serve_args_);
}

void ServerWorld::restart() {
  server_.reset();
  server_ = std::make_unique<ServerProcess>(serve_args_);
}

std::vector<fs::path> ServerWorld::files_of(const std::string& office) const {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(month_ / "submissions" / office)) out.push_back(e.path());
  std::sort(out.begin(), out.end());  // KK… before KY…
  return out;
}

nlohmann::json ApiResponse::json() const { return nlohmann::json::parse(body); }

std::string ApiResponse::error_code() const {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return {};
  return j["error"].value("code", "");
}

ApiClient::ApiClient(ServerWorld& world, const std::string& cert) {
  const auto port = world.server().port();
  if (cert.empty()) {
    client_ = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
  } else {
    const auto& c = world.certificate(cert);
    client_ = std::make_unique<httplib::SSLClient>("127.0.0.1", port, c.crt.string(), c.key.string());
  }
  client_->set_ca_cert_path(world.ca_crt().string().c_str());
  client_->enable_server_certificate_verification(true);
  client_->set_read_timeout(60, 0);
  client_->set_connection_timeout(10, 0);
}

httplib::Headers ApiClient::headers() const {
  httplib::Headers h;
  if (!cookie_.empty()) h.emplace("Cookie", cookie_);
  if (!csrf_.empty()) h.emplace("X-CSRF-Token", csrf_);
  return h;
}

namespace {

ApiResponse to_response(const httplib::Result& r) {
  ApiResponse out;
  if (!r) {
    out.status = -1;
    out.body = httplib::to_string(r.error());
    return out;
  }
  out.status = r->status;
  out.body = r->body;
  for (const auto& [k, v] : r->headers) out.headers[k] = v;
  return out;
}

}  // namespace

ApiResponse ApiClient::login(const std::string& user, const std::string& password) {
  auto r = client_->Post("/api/login", headers(), nlohmann::json{{"user", user}, {"password", password}}.dump(),
                         "application/json");
  auto out = to_response(r);
  if (out.status == 200) {
    auto set = r->get_header_value("Set-Cookie");
    cookie_ = set.substr(0, set.find(';'));
    csrf_ = out.json()["csrf_token"];
  }
  return out;
}

ApiResponse ApiClient::get(const std::string& path) { return to_response(client_->Get(path.c_str(), headers())); }

ApiResponse ApiClient::post_json(const std::string& path, const nlohmann::json& body) {
  return to_response(client_->Post(path.c_str(), headers(), body.dump(), "application/json"));
}

ApiResponse ApiClient::send(const std::string& method, const std::string& path, const httplib::Headers& extra,
                            const std::string& body, const std::string& content_type) {
  auto h = headers();
  for (const auto& [k, v] : extra) h.emplace(k, v);
  if (method == "GET") return to_response(client_->Get(path.c_str(), h));
  return to_response(client_->Post(path.c_str(), h, body, content_type.c_str()));
}

ApiResponse ApiClient::upload(const std::string& name, const std::string& bytes) {
  return post_bytes("/api/submissions", name, bytes, "application/octet-stream");
}

ApiResponse ApiClient::post_bytes(const std::string& path, const std::string& name, const std::string& bytes,
                                  const std::string& content_type) {
  auto h = headers();
  h.emplace("X-File-Name", name);
  return to_response(client_->Post(path.c_str(), h, bytes, content_type.c_str()));
}

nlohmann::json wait_for_job(ApiClient& op, const std::string& month) {
  nlohmann::json last;
  for (int i = 0; i < 600; ++i) {
    auto r = op.get("/api/months/" + month + "/summary");
    last = r.json();
    if (last.contains("job") && last["job"].is_object() && !last["job"]["running"].get<bool>()) return last;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return last;
}

std::string mail_text(const std::string& data) {
  auto body = data.substr(data.find("\r\n\r\n") + 4);
  std::string compact;
  for (char c : body) {
    if (c != '\r' && c != '\n') compact += c;
  }
  std::string out(compact.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(compact.data()), static_cast<int>(compact.size()));
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}

void must(const CommandResult& r) { ASSERT_EQ(r.exit_code, 0) << r.err << r.out; }

std::string with_bad_amount(const std::filesystem::path& claim_file) {
  auto bytes = read_file(claim_file);
  auto at = bytes.find(",30,");  // the 請求書's 件数 then its 単位数
  auto end = bytes.find(',', at + 4);
  bytes[end - 1] = 'X';  // a non-digit in a numeric item
  return bytes;
}

}  // namespace kaigo::testing
