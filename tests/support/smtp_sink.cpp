#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace kaigo::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Reads CRLF-terminated lines from a socket with a deadline per read.
class LineReader {
 public:
  LineReader(int fd, std::chrono::seconds timeout, const std::atomic<bool>& stop)
      : fd_(fd), timeout_(timeout), stop_(stop) {}

  // A line without its CRLF; nullopt on close, timeout, stop or a line over `max` bytes.
  std::optional<std::string> line(std::size_t max) {
    while (true) {
      auto eol = buffer_.find("\r\n");
      if (eol != std::string::npos) {
        std::string out = buffer_.substr(0, eol);
        buffer_.erase(0, eol + 2);
        return out;
      }
      if (buffer_.size() > max) return std::nullopt;
      if (!fill()) return std::nullopt;
    }
  }

 private:
  bool fill() {
    const auto deadline = Clock::now() + timeout_;
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      int rc = ::poll(&p, 1, 100);
      if (rc < 0 && errno != EINTR) return false;
      if (rc > 0) {
        char buf[4096];
        auto n = ::recv(fd_, buf, sizeof buf, 0);
        if (n <= 0) return false;
        buffer_.append(buf, static_cast<std::size_t>(n));
        return true;
      }
      if (Clock::now() > deadline) return false;
    }
    return false;
  }

  int fd_;
  std::chrono::seconds timeout_;
  const std::atomic<bool>& stop_;
  std::string buffer_;
};

void reply(int fd, const std::string& text) {
  std::string line = text + "\r\n";
  ::send(fd, line.data(), line.size(), MSG_NOSIGNAL);
}

std::string address_of(const std::string& arg) {
  auto open = arg.find('<');
  auto close = arg.find('>', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return arg;
  return arg.substr(open + 1, close - open - 1);
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

SmtpSink::SmtpSink(Limits limits, int port) : limits_(limits) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("smtp sink: socket failed");
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 8) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error(std::string("smtp sink: cannot listen on 127.0.0.1: ") + std::strerror(errno));
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { run(); });
}

SmtpSink::~SmtpSink() {
  stop();
  if (thread_.joinable()) thread_.join();
  if (listen_fd_ >= 0) ::close(listen_fd_);
}

void SmtpSink::stop() { stop_ = true; }

std::vector<SmtpSink::Message> SmtpSink::messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

bool SmtpSink::wait_for(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout, [&] { return messages_.size() >= count; });
}

void SmtpSink::on_message(std::function<void(const Message&)> callback) {
  std::lock_guard lock(mutex_);
  callback_ = std::move(callback);
}

void SmtpSink::run() {
  const auto end = Clock::now() + limits_.lifetime;
  while (!stop_ && Clock::now() < end) {
    {
      std::lock_guard lock(mutex_);
      if (messages_.size() >= limits_.max_messages) break;
    }
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    serve(fd);
    ::close(fd);
  }
  stopped_ = true;
  arrived_.notify_all();
}

void SmtpSink::serve(int fd) {
  LineReader in(fd, limits_.read_timeout, stop_);
  reply(fd, "220 kaigo-test-sink ESMTP");
  Message current;
  bool have_from = false;
  while (auto line = in.line(1000)) {
    const auto verb = upper(line->substr(0, 4));
    if (verb == "EHLO") {
      reply(fd, "250-kaigo-test-sink");
      reply(fd, "250-8BITMIME");
      reply(fd, "250 SIZE " + std::to_string(limits_.max_bytes));
    } else if (verb == "HELO") {
      reply(fd, "250 kaigo-test-sink");
    } else if (verb == "MAIL") {
      current = {};
      current.from = address_of(line->substr(5));
      have_from = true;
      reply(fd, "250 OK");
    } else if (verb == "RCPT") {
      if (!have_from) {
        reply(fd, "503 MAIL first");
        continue;
      }
      current.to.push_back(address_of(line->substr(5)));
      reply(fd, "250 OK");
    } else if (verb == "DATA") {
      if (current.to.empty()) {
        reply(fd, "503 RCPT first");
        continue;
      }
      std::size_t limit;
      {
        std::lock_guard lock(mutex_);
        limit = messages_.size() >= limits_.max_messages ? 0 : limits_.max_bytes;
      }
      if (limit == 0) {
        reply(fd, "452 too many messages");
        continue;
      }
      reply(fd, "354 end with <CRLF>.<CRLF>");
      bool too_big = false;
      bool ended = false;
      while (auto data = in.line(limit + 1000)) {
        if (*data == ".") {
          ended = true;
          break;
        }
        if (!data->empty() && data->front() == '.') data->erase(0, 1);
        if (current.data.size() + data->size() + 2 > limit) too_big = true;
        if (!too_big) current.data += *data + "\r\n";
      }
      if (!ended) return;
      if (too_big) {
        reply(fd, "552 message too big");
        current = {};
        have_from = false;
        continue;
      }
      std::function<void(const Message&)> callback;
      {
        std::lock_guard lock(mutex_);
        messages_.push_back(current);
        callback = callback_;
      }
      arrived_.notify_all();
      if (callback) callback(current);
      reply(fd, "250 OK queued");
      current = {};
      have_from = false;
    } else if (verb == "RSET") {
      current = {};
      have_from = false;
      reply(fd, "250 OK");
    } else if (verb == "NOOP") {
      reply(fd, "250 OK");
    } else if (verb == "QUIT") {
      reply(fd, "221 bye");
      return;
    } else {
      reply(fd, "502 not implemented");
    }
  }
}

std::string mail_body(const std::string& data) {
  auto split = data.find("\r\n\r\n");
  if (split == std::string::npos) return {};
  const auto headers = data.substr(0, split);
  const auto body = data.substr(split + 4);
  if (headers.find("Content-Transfer-Encoding: base64") == std::string::npos) return body;
  std::string out;
  int bits = 0;
  std::uint32_t acc = 0;
  for (char c : body) {
    int v = base64_value(c);
    if (v < 0) continue;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

}  // namespace kaigo::testing
