// kaigo — the command line (DESIGN §3.1). Each subcommand lives in its own cmd_*.cpp and registers
// itself in commands.hpp; this file only dispatches and maps failures to exit codes.
#include <cstdio>
#include <exception>
#include <string>

#include "commands.hpp"

int main(int argc, char** argv) {
  try {
    return kaigo::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "エラー / error: %s\n", e.what());
    return 1;
  }
}
