// exchange/writer — writes a 交換情報 file in exactly the official form: CP932 bytes, CRLF, a
// control record with the データ種別 and the レコード件数, data records numbered from 2, an end record.
// Owns: the byte form of records. Must not: check business content (callers pass valid items).
#pragma once
#include <cstdio>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kaigo::exchange {

// The items of a control record (claims-format.md §2) that the writer does not compute itself.
struct ControlFields {
  std::string volume = "0";          // ボリューム通番
  std::string data_type;             // データ種別 (711, 821, 71R, 741, …)
  std::string welfare_office = "0";  // 福祉事務所特定番号
  std::string insurer_no = "0";      // 保険者番号
  std::string office_no;             // 事業所番号
  std::string prefecture = "0";      // 都道府県番号
  std::string media = "7";           // 媒体区分 (7 = インターネット伝送)
  std::string processing_month;      // 処理対象年月 YYYYMM
  std::string file_no = "0";         // ファイル管理番号

  // From the 12 items of a control record as read (レコード番号 and レコード件数 are ignored).
  static ControlFields from_items(std::span<const std::string> items);
};

class Writer {
 public:
  explicit Writer(ControlFields control);
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Appends one data record; items are CP932 bytes, items[0] is 項番 1 (交換情報識別番号).
  void add(std::span<const std::string_view> items);
  void add(std::initializer_list<std::string_view> items) { add(std::span<const std::string_view>(items.begin(), items.size())); }
  // Appends one data record given in UTF-8; throws std::invalid_argument when a character has no
  // CP932 form.
  void add_utf8(std::span<const std::string> items);

  std::uint64_t data_records() const { return count_; }

  // Completes the file: control + data + end. The writer is finished afterwards.
  std::string finish_to_string();
  // Writes the file atomically (temporary file + rename).
  void finish_to_file(const std::filesystem::path& path);

 private:
  void append(std::string_view bytes);
  void spill();
  std::string control_line() const;
  std::string end_line() const;

  ControlFields control_;
  std::uint64_t count_ = 0;
  std::string body_;
  std::FILE* spool_ = nullptr;  // body beyond kSpillBytes goes to a temporary file
  std::string scratch_;
  static constexpr std::size_t kSpillBytes = 8 << 20;
};

}  // namespace kaigo::exchange
