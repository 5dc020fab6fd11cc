// careplan/rules — the rules of the standard beyond single items: items of one record against each
// other (サービス利用日 in the month, 9999 times, 福祉用具貸与 codes, subtotal rows, limit slots …),
// records of one file against each other (duplicate keys, the grand total and subtotals of each
// person's 第7表) and against the file name's offices (実績 from its sender, no person unrelated to
// the receiver). docs/careplan.md lists each rule with its code and source.
// Owns: those rules. Must not: re-check items (the reader did) or look beyond the file.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kaigo/careplan/file_name.hpp"
#include "kaigo/careplan/reader.hpp"
#include "kaigo/core/diagnostic.hpp"

namespace kaigo::careplan {

// A finding about a person as a whole (no single record): the record's line is the person's first.
struct PersonFinding {
  Diagnostic diagnostic;
  std::string insurer_no;  // CP932 as written
  std::string insured_no;
};

class RuleChecker {
 public:
  explicit RuleChecker(std::string file);
  ~RuleChecker();
  RuleChecker(const RuleChecker&) = delete;
  RuleChecker& operator=(const RuleChecker&) = delete;

  void on_name(const std::optional<FileName>& name);
  // Findings about one record (only records whose items were checked against a layout).
  void check(const Record& record, std::vector<Diagnostic>& out);
  // Findings that need the whole file, each on the line of the record it names.
  void finish(std::vector<PersonFinding>& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace kaigo::careplan
