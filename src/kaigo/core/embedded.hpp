// core/embedded — data files compiled into the library (layout tables, bundled masters).
// Owns: lookup of embedded bytes by source-relative path. Must not: parse or interpret them.
#pragma once
#include <optional>
#include <span>
#include <string_view>

namespace kaigo::embedded {

struct EmbeddedFile {
  std::string_view path;  // relative to the source root, e.g. "src/kaigo/exchange/layouts/claim-01.tsv"
  std::string_view bytes;
};

std::span<const EmbeddedFile> files();

// The bytes of the embedded file at `path`, or nullopt when no such file was embedded.
std::optional<std::string_view> find(std::string_view path);

}  // namespace kaigo::embedded
