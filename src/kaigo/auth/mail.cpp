#include "kaigo/auth/mail.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <mutex>

#include "kaigo/auth/secrets.hpp"

namespace kaigo::auth {
namespace {

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

// RFC 2047 encoded-words of at most 45 bytes of text each (60 characters of base64), cut between
// characters, folded onto continuation lines.
std::string encoded_subject(std::string_view subject) {
  bool ascii = std::all_of(subject.begin(), subject.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
  if (ascii && subject.size() <= 60) return std::string(subject);
  std::string out;
  while (!subject.empty()) {
    std::size_t n = std::min<std::size_t>(45, subject.size());
    while (n < subject.size() && n > 0 && (static_cast<unsigned char>(subject[n]) & 0xC0) == 0x80) --n;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(subject.substr(0, n)) + "?=";
    subject.remove_prefix(n);
  }
  return out;
}

std::string date_header(const LocalDateTime& at) {
  static constexpr std::array<const char*, 7> kDays{"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto serial = at.date.serial();
  auto weekday = static_cast<std::size_t>(((serial % 7) + 7) % 7);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0900", kDays[weekday], at.date.day,
                     kMonths[static_cast<std::size_t>(at.date.month - 1)], at.date.year, at.hour, at.minute, at.second);
}

bool header_safe(std::string_view s) { return s.find_first_of("\r\n") == std::string_view::npos; }

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  std::size_t n = std::min(size * count, up->data.size() - up->offset);
  std::memcpy(buffer, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

}  // namespace

std::string mime_text(const MailMessage& m, std::string_view message_id) {
  if (!header_safe(m.from) || !header_safe(m.to) || !header_safe(m.subject)) {
    throw MailError("メールの宛先・件名に改行は使えません / a mail header may not contain a line break");
  }
  std::string out;
  out += "Date: " + date_header(m.at) + "\r\n";
  out += "From: <" + m.from + ">\r\n";
  out += "To: <" + m.to + ">\r\n";
  out += "Subject: " + encoded_subject(m.subject) + "\r\n";
  out += "Message-ID: <" + std::string(message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  // text/plain in canonical form (CRLF) before the transfer encoding (RFC 2046 §4.1.1).
  std::string crlf;
  for (char c : m.body) {
    if (c == '\n' && (crlf.empty() || crlf.back() != '\r')) crlf += '\r';
    crlf += c;
  }
  const auto body = base64(crlf);
  for (std::size_t i = 0; i < body.size(); i += 76) out += body.substr(i, 76) + "\r\n";
  return out;
}

SmtpMailer::SmtpMailer(const AuthSettings& s)
    : relay_(s.mail_relay), starttls_(s.mail_starttls), timeout_seconds_(s.mail_timeout_seconds) {}

void SmtpMailer::send(const MailMessage& m) {
  init_curl();
  const auto id = fmt::format("{}@kaigo", random_token().substr(0, 22));
  const auto text = mime_text(m, id);
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw MailError("libcurl を初期化できません / cannot initialise libcurl");
  const auto url = "smtp://" + relay_;
  const auto from = "<" + m.from + ">";
  const auto to = "<" + m.to + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(curl_slist_append(nullptr, to.c_str()),
                                                                   curl_slist_free_all);
  Upload upload{text};
  std::array<char, CURL_ERROR_SIZE> error{};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_seconds_);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_seconds_);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for timeouts
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error.data());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp");
  if (starttls_) curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  const auto rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    throw MailError(fmt::format("メールを中継サーバ {} に渡せません / cannot hand the mail to relay {}: {}", relay_,
                                relay_, error[0] ? error.data() : curl_easy_strerror(rc)));
  }
}

}  // namespace kaigo::auth
