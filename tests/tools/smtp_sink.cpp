// smtp_sink — the tests' SMTP sink as a program, for scripts that run `kaigo serve` with a mail
// relay: listens on 127.0.0.1 (--port, default any free port), prints the port on the first line
// of standard output, writes each message to DIR/NNNN.eml (mode 0600), and exits after --lifetime
// seconds, after --max messages, or on SIGTERM / SIGINT.
//   smtp_sink --dir DIR [--port N] [--max N] [--lifetime SECONDS]
#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "support/smtp_sink.hpp"

namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

int usage() {
  std::fprintf(stderr, "usage: smtp_sink --dir DIR [--port N] [--max N] [--lifetime SECONDS]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  int port = 0;
  kaigo::testing::SmtpSink::Limits limits;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i], value = argv[i + 1];
    if (key == "--dir")
      dir = value;
    else if (key == "--port")
      port = std::atoi(value.c_str());
    else if (key == "--max")
      limits.max_messages = static_cast<std::size_t>(std::atol(value.c_str()));
    else if (key == "--lifetime")
      limits.lifetime = std::chrono::seconds(std::atol(value.c_str()));
    else
      return usage();
  }
  if (dir.empty() || argc % 2 == 0 || port < 0 || port > 65535 || limits.max_messages == 0 ||
      limits.lifetime.count() <= 0) {
    return usage();
  }
  std::filesystem::create_directories(dir);
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  try {
    kaigo::testing::SmtpSink sink(limits, port);
    int count = 0;
    sink.on_message([&](const kaigo::testing::SmtpSink::Message& m) {
      char name[32];
      std::snprintf(name, sizeof name, "%04d.eml", ++count);
      auto path = std::filesystem::path(dir) / name;
      int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0) return;
      std::string text = "X-Envelope-From: " + m.from + "\r\n";
      for (const auto& to : m.to) text += "X-Envelope-To: " + to + "\r\n";
      text += m.data;
      auto written = ::write(fd, text.data(), text.size());
      (void)written;
      ::close(fd);
    });
    std::printf("%d\n", sink.port());
    std::fflush(stdout);
    while (!g_stop && !sink.stopped()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "smtp_sink: %s\n", e.what());
    return 1;
  }
  return 0;
}
