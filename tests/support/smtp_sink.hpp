// A small SMTP server for tests: it listens on 127.0.0.1 on an ephemeral port, accepts mail from
// anyone (HELO/EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps the messages for the test to
// read. Bounded: at most `max_messages` messages of at most `max_bytes` each, connections served one
// at a time with a read timeout, and it stops by itself after `lifetime`. Also run as a program
// (tests/tools/smtp_sink.cpp) for scripts that start `kaigo serve` with a relay.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace kaigo::testing {

class SmtpSink {
 public:
  struct Message {
    std::string from;             // MAIL FROM address
    std::vector<std::string> to;  // RCPT TO addresses
    std::string data;             // the message as sent (CRLF, dot-unstuffed)
  };
  struct Limits {
    std::size_t max_messages = 100;
    std::size_t max_bytes = 1 << 20;
    std::chrono::seconds lifetime{60};
    std::chrono::seconds read_timeout{5};
  };

  // Starts listening (port 0: any free port); throws std::runtime_error when it cannot.
  explicit SmtpSink(Limits limits, int port = 0);
  SmtpSink() : SmtpSink(Limits{}) {}
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::vector<Message> messages() const;
  // Waits until at least `count` messages arrived (true) or `timeout` passed (false).
  bool wait_for(std::size_t count, std::chrono::milliseconds timeout) const;
  // Called (on the sink's thread) for every message accepted.
  void on_message(std::function<void(const Message&)> callback);
  // Whether it has stopped (lifetime over, or max_messages received and the session ended).
  bool stopped() const { return stopped_; }
  void stop();

 private:
  void run();
  void serve(int fd);

  Limits limits_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> stopped_{false};
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<Message> messages_;
  std::function<void(const Message&)> callback_;
  std::thread thread_;
};

// The text body of a message as kaigo writes it (base64, UTF-8), decoded; the raw body otherwise.
std::string mail_body(const std::string& data);

}  // namespace kaigo::testing
