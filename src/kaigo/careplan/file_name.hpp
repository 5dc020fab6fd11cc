// careplan/file_name — the file-name rule of the standard (layout.txt ファイル名規約): the kind, the
// month, sender and receiver (事業所番号 + サービス種類コード), the ファイル連番 shared by the files
// of one 送信単位, and the 枝番 of a family-structure image. v4.1 names carry both service types;
// the names of CSV version 202208 (v3.x) do not — those are read, never written.
// Owns: parsing a name into a typed value and building one. Must not: look at file contents.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "kaigo/careplan/codes.hpp"
#include "kaigo/careplan/layout.hpp"
#include "kaigo/core/date.hpp"

namespace kaigo::careplan {

// Which rule a name follows.
enum class NameForm {
  V4,  // 4.0 / 4.1: …_送信元10_種類2_送信先10_種類2_YYYYMMDDHHMMSS
  V3,  // 202208 (3.x): …_送信元10_送信先10_YYYYMMDDHHMMSS (read only)
};

// 送信元 / 送信先: an office and, in v4 names, the service type the file is for.
struct Endpoint {
  std::string office_no;     // 事業所番号 (10)
  std::string service_type;  // サービス種類コード (2); empty in a V3 name
  auto operator<=>(const Endpoint&) const = default;
};

// A parsed file name.
struct FileName {
  const FileKind* kind = nullptr;
  NameForm form = NameForm::V4;
  std::optional<YearMonth> month;  // 対象年月 / 提供年月; nullopt when the kind has none, or 000000
  bool zero_month = false;         // UPHOSOKU_000000_…: tied to 第1表 / 第2表
  Endpoint sender;                 // 送信元
  Endpoint receiver;               // 送信先
  std::string serial;              // ファイル連番: YYYYMMDDHHMMSS, shared by one 送信単位
  int branch = 0;                  // 枝番 of UPKIHON_IMAGE (1–9999), else 0

  // The name by its rule: "UPPLAN_202505_1310000001_43_1310000002_11_20250420093000.CSV".
  // Throws std::invalid_argument (Japanese / English) when a part would break the rule.
  std::string str() const;
  // The part after the kind and month that the files of one 送信単位 share (SUB1 / SUB2 / IMAGE
  // reuse their parent's): "1310000001_43_1310000002_11_20250420093000".
  std::string tail() const;
};

// What is wrong with a name that does not parse: always BadName or UnknownKind.
struct NameError {
  Finding finding = Finding::BadName;
  std::string detail_ja;
  std::string detail_en;
};

struct ParsedName {
  std::optional<FileName> name;
  NameError error;  // meaningful when !name
};

// Parses the base name of a file (no directory).
ParsedName parse_file_name(std::string_view name);

// Whether every character is a half-width digit or capital (事業所番号, サービス種類, サービスコード).
bool all_code_chars(std::string_view s);

// The file name of a path as a browser or a client sent it (after the last / or \\).
std::string base_name(std::string_view path);

// Whether a ファイル連番 is a real moment: 14 digits, a valid date, 00–23 h, 00–59 min and s.
bool valid_serial(std::string_view serial);

}  // namespace kaigo::careplan
