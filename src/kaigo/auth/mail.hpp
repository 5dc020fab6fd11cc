// auth/mail — sending a mail (the security e-mail of a password or security-code reset, seed 000
// §3(2)): the Mailer interface auth sends through, its libcurl SMTP implementation that hands the
// mail to the configured relay ([auth] mail_relay, plain SMTP or STARTTLS), and the MIME text
// (UTF-8, base64, RFC 2047 subject).
// Owns: the message format and the SMTP hand-off. Must not: know accounts or tokens (the caller
// writes the text) or log a message body (it holds a one-time link).
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "kaigo/core/clock.hpp"
#include "kaigo/core/settings.hpp"

namespace kaigo::auth {

struct MailMessage {
  std::string from;     // envelope and header sender
  std::string to;       // one recipient
  std::string subject;  // UTF-8
  std::string body;     // UTF-8 text, lines ending in \n
  LocalDateTime at;     // the Date header (JST)
};

// A mail that could not be handed over; the message names the relay, never the body.
class MailError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Hands the message to the relay; throws MailError when the relay refuses it or is unreachable.
  virtual void send(const MailMessage& message) = 0;
};

// SMTP through libcurl to [auth] mail_relay, within mail_timeout_seconds.
class SmtpMailer : public Mailer {
 public:
  explicit SmtpMailer(const AuthSettings& settings);
  void send(const MailMessage& message) override;

 private:
  std::string relay_;
  bool starttls_;
  long timeout_seconds_;
};

// The RFC 5322 text of the message: Date, From, To, Subject (RFC 2047 B, split on character
// boundaries), Message-ID, MIME-Version, text/plain UTF-8, base64 body; CRLF line ends.
std::string mime_text(const MailMessage& message, std::string_view message_id);

}  // namespace kaigo::auth
