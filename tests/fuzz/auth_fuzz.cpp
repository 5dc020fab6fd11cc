// libFuzzer target: what auth reads from outside — an --offices file, a user ID, a password or
// security code (policy), a security e-mail address, the texts of an audit row (what an attacker
// types at a login ends up there), a session token and a peer certificate in PEM — must never
// crash, hang or leak, whatever the bytes. The first byte chooses the reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kaigo/auth/audit.hpp"
#include "kaigo/auth/secrets.hpp"
#include "kaigo/auth/user.hpp"
#include "kaigo/auth/x509.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  using namespace kaigo::auth;
  switch (data[0] % 6) {
    case 0: {
      auto list = parse_office_list(text, "offices.txt");
      (void)check_offices(list.offices, 100);
      break;
    }
    case 1: {
      User u;
      u.id = std::string(text.substr(0, text.size() / 2));
      u.email = std::string(text.substr(text.size() / 2));
      u.name = u.email;
      (void)check_user(u, 100);
      (void)normalize_email(u.email);
      break;
    }
    case 2:
      (void)check_secret_policy(text, "KJ1370000001", 12);
      break;
    case 3: {
      AuditEvent e;
      e.actor = std::string(text);
      e.target = e.actor;
      e.detail = {{"typed", e.actor}};
      auto row = seal(e, 1, std::string(kGenesisHash));
      if (row_hash(row) != row.hash) __builtin_trap();
      break;
    }
    case 4:
      (void)csrf_token_for(text);
      (void)token_digest(text);
      break;
    default:
      (void)x509::read_certificate(text);
      break;
  }
  return 0;
}
