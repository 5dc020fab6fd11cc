// kaigo serve against bad and hostile requests (issue 13): malformed multipart, a body over the
// limit, a client that goes silent, file names with "../" or control characters, invalid JSON,
// 10,000 connections of random bytes — each answered with its documented status (or cut off), and
// the server still serving afterwards. And the retry semantics: an upload retried with its
// Idempotency-Key is stored once, also across a kill -9 of the server.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <random>
#include <thread>

#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/store/database.hpp"
#include "support/server_process.hpp"
#include "support/server_world.hpp"

namespace kaigo::testing {
namespace {

using namespace std::chrono_literals;

int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

// A TLS connection of our own, to send exactly the bytes a test wants.
struct RawTls {
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL* ssl = nullptr;
  int fd = -1;
  explicit RawTls(int port) {
    fd = connect_loopback(port);
    ssl = SSL_new(ctx);
    SSL_set_fd(ssl, fd);
    if (SSL_connect(ssl) != 1) {
      SSL_free(ssl);
      ssl = nullptr;
    }
  }
  ~RawTls() {
    if (ssl) SSL_free(ssl);
    if (fd >= 0) ::close(fd);
    SSL_CTX_free(ctx);
  }
  RawTls(const RawTls&) = delete;
  RawTls& operator=(const RawTls&) = delete;
  bool send(std::string_view bytes) { return ssl && SSL_write(ssl, bytes.data(), static_cast<int>(bytes.size())) > 0; }
  // Says nothing more will be sent (close_notify and the write half of the socket).
  void done() {
    if (ssl) SSL_shutdown(ssl);
    ::shutdown(fd, SHUT_WR);
  }
  // Everything until the server closes (or the socket's timeout).
  std::string read_all() {
    std::string out;
    char buf[4096];
    for (;;) {
      int n = ssl ? SSL_read(ssl, buf, sizeof buf) : -1;
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
};

bool healthy(ServerWorld& w) {
  ApiClient c(w);
  return c.get("/api/health").status == 200;
}

TEST(ServerRobustness, BadRequestsGetTheirDocumentedStatus) {
  ServerWorld w({"--max-body-mb", "1"});
  ApiClient c(w, "office1");
  ASSERT_EQ(c.login("KJ1370000001").status, 200);

  // Invalid JSON.
  auto bad_json = c.post_json("/api/password", nlohmann::json("not an object"));
  EXPECT_EQ(bad_json.status, 400);
  EXPECT_EQ(bad_json.error_code(), "KW10");
  RawTls raw(w.server().port());
  ASSERT_TRUE(raw.send("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n"
                       "Connection: close\r\n\r\n{\"user\":]"));
  auto answer = raw.read_all();
  EXPECT_EQ(answer.substr(0, 12), "HTTP/1.1 400") << answer;
  EXPECT_NE(answer.find("\"KW10\""), std::string::npos) << answer;

  // Malformed multipart.
  RawTls mp(w.server().port());
  const std::string body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nbroken without its end";
  ASSERT_TRUE(mp.send("POST /api/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n"
                      "Content-Length: " +
                      std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body));
  auto mp_answer = mp.read_all();
  EXPECT_EQ(mp_answer.substr(0, 12), "HTTP/1.1 400") << mp_answer;
  EXPECT_NE(mp_answer.find("\"error\""), std::string::npos) << mp_answer;

  // A body over the limit (1 MiB here).
  auto big = c.upload("KK260501.CSV", std::string((1u << 20) + 10, 'A'));
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(big.error_code(), "KW07");

  // Names with a folder or control characters.
  for (const std::string& name : {std::string("../KK260501.CSV"), std::string("KK\n.CSV"), std::string("a/b.CSV"),
                                  std::string(".."), std::string()}) {
    auto r = c.upload(name, read_file(w.files_of("1370000001")[0]));
    EXPECT_EQ(r.status, 422) << name << ": " << r.body;
    EXPECT_EQ(r.error_code(), "KW20") << name;
  }
  // An unknown route.
  EXPECT_EQ(c.get("/api/nothing").status, 404);
  EXPECT_EQ(c.get("/api/nothing").error_code(), "KW04");
  EXPECT_TRUE(healthy(w));
  // Nothing of it was stored.
  EXPECT_EQ(c.get("/api/submissions").json()["total"], 0);
}

// A client that sends a little and then nothing is cut off after the read timeout, while the
// others are served.
TEST(ServerRobustness, ASilentClientIsCutOffAndOthersAreServed) {
  ServerWorld w({"--read-timeout", "2"});
  RawTls slow(w.server().port());
  ASSERT_TRUE(slow.send("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"));
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_TRUE(healthy(w));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
  auto rest = slow.read_all();  // returns when the server closes the connection
  auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(waited, 1500ms);
  EXPECT_LT(waited, 15s);  // the read timeout, then the keep-alive wait of the 400 it is answered
  EXPECT_TRUE(healthy(w));
}

// 10,000 connections of random bytes: 9,000 to a plain-HTTP server (the HTTP parser's side) and
// 1,000 to the TLS one (half before any handshake, half as HTTP inside TLS). None takes either
// server down.
TEST(ServerRobustness, TenThousandRandomRequestsLeaveItServing) {
  ServerWorld w;
  ServerProcess plain({"--db", w.db(), "--listen", "127.0.0.1:0", "--insecure-http"});
  // Each connection sends its junk, says it is done, and reads whatever comes back: nothing (the
  // server closed it), an HTTP 4xx answer, or on the TLS port a TLS alert — never anything else.
  std::atomic<int> unexpected{0};
  auto hammer = [&unexpected](int port, int count, int tls_every, std::uint32_t seed) {
    std::mt19937 rng(seed);
    int sent = 0;
    for (int i = 0; i < count; ++i) {
      std::string junk(std::uniform_int_distribution<std::size_t>(1, 600)(rng), '\0');
      for (auto& ch : junk) ch = static_cast<char>(rng());
      if (i % 2 == 0) junk += "\r\n\r\n";  // ends like a request, so that the parser answers
      std::string answer;
      if (tls_every > 0 && i % tls_every == 0) {
        RawTls tls(port);
        tls.send(junk);
        tls.done();
        answer = tls.read_all();
      } else {
        int fd = connect_loopback(port);
        if (fd < 0) continue;
        [[maybe_unused]] auto n = ::write(fd, junk.data(), junk.size());
        ::shutdown(fd, SHUT_WR);
        char buf[4096];
        for (ssize_t got; (got = ::read(fd, buf, sizeof buf)) > 0;) answer.append(buf, static_cast<std::size_t>(got));
        ::close(fd);
      }
      // On the TLS port, bytes that are not TLS get a TLS alert record (0x15 0x03 …) and the close.
      const bool tls_alert = tls_every > 0 && answer.rfind("\x15\x03", 0) == 0;
      if (!answer.empty() && answer.rfind("HTTP/1.1 4", 0) != 0 && !tls_alert) {
        ++unexpected;
        ADD_FAILURE() << "answered: " << escape_control(answer.substr(0, 200));
      }
      ++sent;
    }
    return sent;
  };
  std::vector<std::thread> threads;
  std::atomic<int> sent{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { sent += hammer(plain.port(), 2250, 0, static_cast<std::uint32_t>(t + 1)); });
  }
  threads.emplace_back([&] { sent += hammer(w.server().port(), 1000, 2, 99); });
  for (auto& th : threads) th.join();
  EXPECT_EQ(sent.load(), 10000);
  EXPECT_EQ(unexpected.load(), 0);
  EXPECT_TRUE(healthy(w));
  EXPECT_TRUE(w.server().running());
  EXPECT_TRUE(plain.running());
  httplib::Client http("127.0.0.1", plain.port());
  auto h = http.Get("/api/health");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
  ApiClient c(w, "office1");
  EXPECT_EQ(c.login("KJ1370000001").status, 200);
}

TEST(ServerRobustness, AnUploadRetriedWithItsKeyIsStoredOnce) {
  ServerWorld w;
  ApiClient c(w, "office1");
  ASSERT_EQ(c.login("KJ1370000001").status, 200);
  auto file = w.files_of("1370000001")[0];
  auto h = c.headers();
  httplib::SSLClient raw("127.0.0.1", w.server().port(), w.certificate("office1").crt.string(),
                         w.certificate("office1").key.string());
  raw.enable_server_certificate_verification(false);
  h.emplace("X-File-Name", file.filename().string());
  h.emplace("Idempotency-Key", "office1-KK260501-try");
  auto first = raw.Post("/api/submissions", h, read_file(file), "application/octet-stream");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 201);
  auto second = raw.Post("/api/submissions", h, read_file(file), "application/octet-stream");
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  auto a = nlohmann::json::parse(first->body);
  auto b = nlohmann::json::parse(second->body);
  EXPECT_EQ(a["submission"], b["submission"]);
  EXPECT_TRUE(b["replayed"].get<bool>());
  EXPECT_EQ(b["state"], "受付完了");  // not ANN2
  EXPECT_EQ(c.get("/api/submissions").json()["total"], 1);
}

// Uploads in flight when the server is killed with -9: after a restart, each one retried with its
// key is stored exactly once, and every answer given before the kill holds, byte for byte.
TEST(ServerRobustness, KillNineLosesNothingAcknowledgedAndStoresNothingTwice) {
  ServerWorld w;
  std::vector<std::filesystem::path> files;
  for (const auto& office : {"1370000001", "1370000002", "1370000003"}) {
    for (const auto& f : w.files_of(office)) files.push_back(f);
  }
  std::map<std::string, nlohmann::json> acknowledged;  // key → answer
  std::mutex mu;
  auto send_all = [&](bool stop_early) {
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < files.size(); ++i) {
      threads.emplace_back([&, i] {
        const auto key = "k-" + std::to_string(i);
        {
          std::lock_guard lock(mu);
          if (acknowledged.count(key)) return;
        }
        ApiClient c(w, "group");
        if (c.login("KJ9000000001").status != 200) return;
        auto h = c.headers();
        h.emplace("X-File-Name", files[i].filename().string());
        h.emplace("Idempotency-Key", key);
        httplib::SSLClient raw("127.0.0.1", w.server().port(), w.certificate("group").crt.string(),
                               w.certificate("group").key.string());
        raw.enable_server_certificate_verification(false);
        raw.set_read_timeout(20, 0);
        auto r = raw.Post("/api/submissions", h, read_file(files[i]), "application/octet-stream");
        if (r && (r->status == 201 || r->status == 200)) {
          std::lock_guard lock(mu);
          acknowledged[key] = nlohmann::json::parse(r->body);
        }
      });
      if (stop_early && i == files.size() / 2) w.server().kill9();
    }
    for (auto& t : threads) t.join();
  };
  send_all(true);
  const auto before_restart = acknowledged.size();
  w.restart();
  send_all(false);
  EXPECT_EQ(acknowledged.size(), files.size());
  EXPECT_LT(before_restart, files.size()) << "the kill came after every answer; nothing was tested";
  auto db = store::Database::open(w.db());
  for (const auto& [key, answer] : acknowledged) {
    auto id = answer["submission"].get<std::int64_t>();
    auto s = db->submission(id);
    ASSERT_TRUE(s) << key;
    EXPECT_EQ(sha256_hex(db->bytes(id)), answer["sha256"]) << key;
    EXPECT_NE(s->state, reception::FileState::TransmissionError) << key;
    for (const auto& e : s->errors) EXPECT_NE(e.code, "ANN2") << key << " was stored twice";
  }
  // Every key names one stored file; the rest of what was stored was never acknowledged (KR03).
  auto st = db->list_submissions({std::nullopt, true, {}, "", 0, 10000});
  std::size_t kept = 0;
  for (const auto& s : st.rows) {
    if (s.state == reception::FileState::TransmissionError) continue;
    ++kept;
  }
  EXPECT_EQ(kept, files.size());
}

}  // namespace
}  // namespace kaigo::testing
