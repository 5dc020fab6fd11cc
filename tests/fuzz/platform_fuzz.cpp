// libFuzzer target for the municipal linkage reader (kaigo platform load, docs/platform.md): any
// bytes must give rows or errors, never a crash, hang, leak or undefined behaviour. Every error
// names a code of linkage_codes.tsv and a line within the file; a good row's stored form is JSON
// without the My Number it was given; the consent and housing readers take whatever good rows
// say.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kaigo/platform/consent.hpp"
#include "kaigo/platform/housing.hpp"
#include "kaigo/platform/linkage.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaigo::platform;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::size_t lines = 1;
  for (char c : bytes) lines += c == '\n';
  LinkageReader reader(bytes);
  LinkageRow row;
  std::vector<LinkageError> errors;
  std::vector<Record> records;
  while (reader.next(row, errors)) {
    for (const auto& e : errors) {
      (void)linkage_code(e.code);  // throws (and so fails) for a code not in the table
      if (e.line == 0 || e.line > lines) std::abort();
    }
    if (!errors.empty()) continue;
    if (!row.kind || row.line == 0 || row.line > lines) std::abort();
    Record r;
    r.id = static_cast<std::int64_t>(records.size() + 1);
    r.person = row.person;
    r.kind = row.kind->name;
    r.record_id = row.record_id;
    r.update = row.update;
    r.effective_on = row.effective_on;
    r.data = row.values.empty() ? std::string("{}") : record_data(row);
    if (nlohmann::json::parse(r.data, nullptr, false).is_discarded()) std::abort();
    const auto number = row.kind->column("my_number");
    if (number != std::string_view::npos && !row.values.empty() && !row.values[number].empty() &&
        r.data.find(row.values[number]) != std::string::npos) {
      std::abort();
    }
    records.push_back(std::move(r));
  }
  if (const auto& e = reader.file_error()) (void)linkage_code(e->code);
  if (!records.empty()) {
    (void)consent_on(records, records.back().effective_on);
    (void)housing_summary(records, records.back().effective_on);
  }
  return 0;
}
