// kaigo_bench_pages — how fast every web page answers (issue 14: under 300 ms on the 1M-明細書
// month): each page's HTML and each API call the page makes, timed from a client over loopback TLS,
// as an office clerk and as an operator. Run by scripts/bench_pages.sh against a served month.
//   kaigo_bench_pages URL CA_CRT PASSWORD OFFICE_USER OFFICE_NO OPERATOR_USER MONTH INSURED_NO SUBMISSION [RUNS]
// Prints one line per request: p50, p95 and max in ms, the answer's size, and "over" when the
// slowest run took 300 ms or more; exits 1 when any did (or answered other than 200).
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace {

struct Client {
  httplib::SSLClient http;
  std::string cookie;
  Client(const std::string& host, int port, const std::string& ca) : http(host, port) {
    http.set_ca_cert_path(ca.c_str());
    http.enable_server_certificate_verification(true);
    http.set_read_timeout(60, 0);
  }
  bool login(const std::string& user, const std::string& password) {
    auto r = http.Post("/api/login", nlohmann::json{{"user", user}, {"password", password}}.dump(), "application/json");
    if (!r || r->status != 200) return false;
    auto set = r->get_header_value("Set-Cookie");
    cookie = set.substr(0, set.find(';'));
    return true;
  }
};

// Times `runs` GETs of `path` (one warm-up first); false when one failed or the slowest is ≥ 300 ms.
bool timed(Client& c, const std::string& who, const std::string& path, int runs) {
  httplib::Headers h{{"Cookie", c.cookie}};
  auto warm = c.http.Get(path.c_str(), h);
  if (!warm || warm->status != 200) {
    std::printf("%-8s %-70s FAILED (%d)\n", who.c_str(), path.c_str(), warm ? warm->status : -1);
    return false;
  }
  std::vector<double> ms;
  std::size_t bytes = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = c.http.Get(path.c_str(), h);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!r || r->status != 200) return false;
    bytes = r->body.size();
  }
  std::sort(ms.begin(), ms.end());
  const double p50 = ms[ms.size() / 2];
  const double p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  const bool ok = ms.back() < 300.0;
  std::printf("%-8s %-70s p50 %7.1f  p95 %7.1f  max %7.1f ms  %8zu B%s\n", who.c_str(), path.c_str(), p50, p95, ms.back(),
              bytes, ok ? "" : "  over 300 ms");
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 10) {
    std::fprintf(stderr,
                 "usage: kaigo_bench_pages URL CA_CRT PASSWORD OFFICE_USER OFFICE_NO OPERATOR_USER MONTH INSURED_NO "
                 "SUBMISSION [RUNS]\n");
    return 2;
  }
  const std::string url = argv[1], ca = argv[2], password = argv[3], office_user = argv[4], office = argv[5],
                    operator_user = argv[6], month = argv[7], insured = argv[8], submission = argv[9];
  const int runs = argc > 10 ? std::atoi(argv[10]) : 20;
  const auto colon = url.rfind(':');
  const auto host = url.substr(url.find("//") + 2, colon - url.find("//") - 2);
  const int port = std::atoi(url.c_str() + colon + 1);
  Client clerk(host, port, ca), op(host, port, ca);
  if (!clerk.login(office_user, password) || !op.login(operator_user, password)) {
    std::fprintf(stderr, "login failed\n");
    return 1;
  }
  bool ok = true;
  const auto m = month;
  // The office's pages: 送信結果, 事前チェック結果, 通知文書 (HTML and every call each page makes).
  for (const auto& p : std::vector<std::string>{
           "/results", "/api/submissions?month=" + m + "&page=1&per_page=50", "/send", "/submissions/" + submission,
           "/api/submissions/" + submission + "/errors?sort=seq&order=asc&page=1&per_page=100",
           "/api/submissions/" + submission + "/errors?sort=code&order=desc&page=1&per_page=100",
           "/api/codes?code=ANN2,KC08", "/notices?month=" + m, "/api/results/" + m + "?office=" + office,
           "/api/results/" + m + "/" + office + "/summary", "/api/results/" + m + "/" + office + "/7513/view",
           "/api/decisions?office=" + office + "&month=" + m + "&type=claims&page=1&per_page=20"}) {
    ok = timed(clerk, "office", p, runs) && ok;
  }
  // The operator's pages: 処理月の状況, 照会, アカウント, 電子証明書, 監査ログ, and 送信結果 of everyone.
  for (const auto& p : std::vector<std::string>{
           "/month", "/api/months/" + m + "/overview?page=1&per_page=20",
           "/api/months/" + m + "/reasons", "/api/submissions?month=" + m + "&page=1&per_page=50",
           "/api/submissions?month=" + m + "&page=100&per_page=50", "/lookup",
           "/api/submissions?office=" + office + "&page=1&per_page=20&month=" + m,
           "/api/decisions?office=" + office + "&month=" + m + "&type=claims&page=1&per_page=20",
           "/api/decisions?office=" + office + "&month=" + m + "&type=plans&page=1&per_page=20",
           "/api/decisions?insured_no=" + insured + "&type=claims&page=1&per_page=20",
           "/api/decisions?insured_no=" + insured + "&type=plans&page=1&per_page=20",
           "/api/decisions?submission=" + submission + "&type=claims&page=1&per_page=20", "/accounts",
           "/api/accounts?page=1&per_page=50", "/certificates", "/api/certificates?page=1&per_page=50", "/audit",
           "/api/audit?page=1&per_page=50", "/api/audit?action=upload&page=1&per_page=50",
           "/api/audit?action=upload&page=50&per_page=50", "/static/js/common.js", "/static/kaigo.css"}) {
    ok = timed(op, "operator", p, runs) && ok;
  }
  std::printf("%s\n", ok ? "every page and call under 300 ms" : "SOME OVER 300 ms OR FAILED");
  return ok ? 0 : 1;
}
