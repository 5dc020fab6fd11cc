// store/file_packing — how a received file's bytes are kept in submission_bytes: as one zstd frame
// (packing 'zstd'), or as received in databases of schema 6 and before (packing ''). A month's files
// are ~95 MB of CP932 text that zstd's fastest level shrinks ~8×; written as received, they went
// to the write-ahead log and again into the database at the checkpoint, a fifth of kaigo submit
// (issue 19). Unpacking gives back the bytes as received, byte for byte.
// Owns: the packing and its names. Must not: run SQL.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kaigo::store {

// What submission_bytes.packing holds for bytes stored by this version.
inline constexpr std::string_view kFilePacking = "zstd";

std::string pack_file(std::string_view bytes);

// The bytes as received from `stored` (kept with `packing`), which must be `size` bytes long.
// Throws StoreError naming the file (`submission`) when they cannot be: a packing this version does
// not know, a damaged frame, or a length other than the one recorded at reception.
std::string unpack_file(std::string_view stored, std::string_view packing, std::int64_t size, std::int64_t submission);

// A received file as the database keeps it, to be unpacked where there is a core to spare
// (parse_on_cores: on the parsing workers, not on the thread that reads the database).
struct StoredFile {
  std::int64_t submission = 0;
  std::string stored;
  std::string packing;
  std::int64_t size = 0;
  std::string unpack() const { return unpack_file(stored, packing, size, submission); }
};

}  // namespace kaigo::store
