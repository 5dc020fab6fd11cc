// kaigo — the command line (DESIGN §3.1). Each subcommand lives in its own cmd_*.cpp and registers
// itself in commands.hpp; this file only dispatches and maps failures to exit codes.
#include <sys/stat.h>

#include <cstdio>
#include <exception>
#include <string>

#include "commands.hpp"
#include "kaigo/core/strings.hpp"

int main(int argc, char** argv) {
  // What kaigo writes holds names, birth dates and bank accounts: nobody but the owner reads it,
  // unless a setting shares it with a group (the database and results set their own modes).
  ::umask(077);
  try {
    return kaigo::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::string text = "エラー / error: " + kaigo::escape_control(e.what()) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
    return 1;
  }
}
