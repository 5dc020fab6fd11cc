#include "kaigo/review/detail/remark_check.hpp"

#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "kaigo/core/embedded_tsv.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/review/codes.hpp"

namespace kaigo::review {
namespace {

constexpr std::string_view kTable = "src/kaigo/review/detail/remark_rules.tsv";

enum class Content { ProductCode };

// One row of remark_rules.tsv.
struct RemarkRule {
  std::string_view service_type;
  std::string_view item_code;  // "*": every code of the type
  Content content = Content::ProductCode;
  std::string_view item;       // 項目名 on the 返戻一覧
};

std::vector<RemarkRule> load_rules() {
  std::vector<RemarkRule> rules;
  for (const auto& cells : embedded::tsv_rows(kTable, 4)) {
    if (cells[2] != "product_code") throw std::logic_error(fmt::format("remark_rules.tsv: unknown content {}", cells[2]));
    rules.push_back({cells[0], cells[1], Content::ProductCode, cells[3]});
  }
  return rules;
}

const RemarkRule* rule_for(std::string_view type, std::string_view item) {
  static const std::vector<RemarkRule> rules = load_rules();
  for (const auto& r : rules) {
    if (r.service_type == type && (r.item_code == "*" || r.item_code == item)) return &r;
  }
  return nullptr;
}

bool is_code_char(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); }

bool fits(Content content, std::string_view text) {
  switch (content) {
    case Content::ProductCode: return is_product_code(text);
  }
  return false;
}

std::string_view form_of(Content content) {
  switch (content) {
    case Content::ProductCode: return "企業コード5桁-商品コード6桁";
  }
  return {};
}

}  // namespace

bool is_product_code(std::string_view text) {
  if (text.size() != 12 || text[5] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 5 && !is_code_char(text[i])) return false;
  }
  return true;
}

void check_remarks(const billing::ClaimStatement& st, std::vector<Finding>& out) {
  for (const auto& d : st.details) {
    const auto* rule = rule_for(d.service_type, d.item_code);
    if (!rule || fits(rule->content, d.note)) continue;
    out.push_back(error("14QR", std::string(rule->item), d.service_type, d.note, std::string(form_of(rule->content))));
  }
}

}  // namespace kaigo::review
