// The 受給者台帳 as the review holds it in memory (issue 19 item 5: at most ~150 bytes a person):
// loads a recipients.csv (kaigo gen writes one) and prints the bytes the loaded ledger takes, per
// person and per version, measured as the heap the process gained (mallinfo2), the CSV text freed.
// Usage: kaigo_bench_ledger_memory recipients.csv
#include <malloc.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "kaigo/master/ledgers.hpp"

namespace {

std::size_t heap_in_use() {
  const auto m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s recipients.csv\n", argv[0]);
    return 2;
  }
  const auto before = heap_in_use();
  std::string text;
  {
    std::ifstream in(argv[1], std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  auto loaded = kaigo::master::load_recipients(text, argv[1]);
  if (!loaded.table) {
    std::fprintf(stderr, "the file was refused (%zu diagnostics)\n", loaded.diagnostics.size());
    return 1;
  }
  text.clear();
  text.shrink_to_fit();
  const auto after = heap_in_use();
  const auto& ledger = *loaded.table;
  const auto people = ledger.table().key_count();
  const auto versions = ledger.size();
  const auto bytes = static_cast<double>(after) - static_cast<double>(before);
  std::printf("sizeof(Recipient) %zu, sizeof(PersonKey) %zu\n", sizeof(kaigo::master::Recipient), sizeof(kaigo::master::PersonKey));
  std::printf("people %zu, versions %zu, ledger %.1f MB: %.0f bytes a person, %.0f a version\n", people, versions,
              bytes / 1e6, bytes / static_cast<double>(people), bytes / static_cast<double>(versions));
  return 0;
}
