// kaigo_bench_bigfile OUT MEGABYTES — writes a valid 711 claim file of about that size, streaming
// (the Writer spools to a temporary file), for the bounded-memory reader benchmark.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "synthetic_file.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: kaigo_bench_bigfile OUT MEGABYTES\n");
    return 2;
  }
  std::size_t bytes = std::strtoull(argv[2], nullptr, 10) << 20;
  kaigo::exchange::Writer w(kaigo::bench::synthetic_control());
  for (std::uint64_t n = 0; n * 560 < bytes; ++n) kaigo::bench::add_statement(w, n);
  w.finish_to_file(argv[1]);
  return 0;
}
