// careplan/records — the v4.1 records of UPPLAN / UPJSK (第6表), UPSIKYU (第7表) and UPHOSOKU
// (利用者補足情報) as the values of values.hpp, both ways. Reading checks the file as `careplan
// check` does and turns every record no error names into values (the check tells about the rest);
// writing gives the official bytes (MS932, CR LF, free text quoted) in the version asked.
// Must not: decide anything about the values.
#pragma once
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/careplan/check.hpp"
#include "kaigo/careplan/values.hpp"

namespace kaigo::careplan {

template <class T>
struct ReadValues {
  std::vector<T> values;  // in order of first appearance
  FileCheck check;        // every finding; records with errors are not in values
};

// 第6表 of UPPLAN (予定) or UPJSK (実績) files, one sheet per person and month.
ReadValues<UsageSheet> read_usage_sheets(std::string_view file_name, std::string_view bytes);
ReadValues<UsageSheet> read_usage_sheets(const std::filesystem::path& path);
// 第7表 of UPSIKYU files, one sheet per person and month.
ReadValues<BenefitSheet> read_benefit_sheets(std::string_view file_name, std::string_view bytes);
ReadValues<BenefitSheet> read_benefit_sheets(const std::filesystem::path& path);
// UPHOSOKU records, one per record.
ReadValues<UserSupplement> read_supplements(std::string_view file_name, std::string_view bytes);
ReadValues<UserSupplement> read_supplements(const std::filesystem::path& path);

// The file bytes of values. `version` defaults to the one this project writes (versions.tsv
// current). Throws std::invalid_argument when a text has no MS932 form.
std::string write_usage_sheets(std::span<const UsageSheet> sheets, const CsvVersion* version = nullptr);
std::string write_benefit_sheets(std::span<const BenefitSheet> sheets, const CsvVersion* version = nullptr);
std::string write_supplements(std::span<const UserSupplement> supplements, const CsvVersion* version = nullptr);

}  // namespace kaigo::careplan
