#include "kaigo/report/notice.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "kaigo/exchange/layout.hpp"
#include "kaigo/report/design.hpp"

namespace kaigo::report {
namespace {

[[noreturn]] void fail(const std::string& ja, const std::string& en) {
  throw std::invalid_argument(ja + " / " + en);
}

const exchange::Form& notice_form(std::string_view code) {
  const auto* form = exchange::Registry::instance().form(code);
  if (!form || form->family != exchange::Family::Notice || !design_for(code))
    fail(fmt::format("帳票の交換情報識別番号ではありません: {}", code), fmt::format("not a result form: {}", code));
  return *form;
}

void check_record(const exchange::Form& form, const NoticeRecord& r, std::size_t index) {
  const auto* layout = form.layout_for(r.kind);
  if (!layout)
    fail(fmt::format("{} の {} 件目: 帳票レコード種別 {} はこの帳票にありません", form.code, index + 1, r.kind),
         fmt::format("{} record {}: kind {} is not part of this form", form.code, index + 1, r.kind));
  auto expected = static_cast<std::size_t>(layout->count() - 2);
  if (r.items.size() != expected)
    fail(fmt::format("{} の {} 件目 ({}): 項目数 {} (レイアウトは {})", form.code, index + 1, r.kind, r.items.size() + 2,
                     expected + 2),
         fmt::format("{} record {} ({}): {} items, the layout has {}", form.code, index + 1, r.kind, r.items.size() + 2,
                     expected + 2));
}

void check_header(const Notice& n, std::string_view what_ja, std::string_view what_en, std::string_view value, int item) {
  if (item == 0) return;
  auto in_h1 = n.records.front().item(item);
  if (value != in_h1)
    fail(fmt::format("{} の{}が H1 の項番 {} と違います: {} / {}", n.form, what_ja, item, value, in_h1),
         fmt::format("{}: {} differs from H1 item {}: {} / {}", n.form, what_en, item, value, in_h1));
}

}  // namespace

std::string_view NoticeRecord::item(int no) const {
  auto i = static_cast<std::size_t>(no - 3);
  return no >= 3 && i < items.size() ? std::string_view(items[i]) : std::string_view{};
}

void validate(const Notice& n) {
  const auto& form = notice_form(n.form);
  if (n.records.empty() || n.records.front().kind != "H1")
    fail(fmt::format("{}: 最初の帳票レコードが H1 ではありません", n.form), fmt::format("{}: the first record is not H1", n.form));
  for (std::size_t i = 0; i < n.records.size(); ++i) {
    check_record(form, n.records[i], i);
    if (i > 0 && n.records[i].kind == "H1")
      fail(fmt::format("{}: H1 が二つあります ({} 件目)", n.form, i + 1), fmt::format("{}: a second H1 (record {})", n.form, i + 1));
  }
  const auto& h = design_for(n.form)->header;
  check_header(n, "事業所番号", "office number", n.office_no, h.office_no);
  check_header(n, "事業所名", "office name", n.office_name, h.office_name);
  check_header(n, "年月", "month", n.month.str(), h.month);
  check_header(n, "国保連合会名", "issuer", n.kokuhoren, h.issuer);
}

Notice make_notice(std::string form, std::vector<NoticeRecord> records) {
  const auto& spec = notice_form(form);
  if (records.empty() || records.front().kind != "H1")
    fail(fmt::format("{}: 最初の帳票レコードが H1 ではありません", form), fmt::format("{}: the first record is not H1", form));
  check_record(spec, records.front(), 0);
  const auto& h = design_for(form)->header;
  const auto& h1 = records.front();
  auto month = YearMonth::parse(h1.item(h.month));
  if (!month)
    fail(fmt::format("{}: H1 の項番 {} が年月ではありません: {}", form, h.month, h1.item(h.month)),
         fmt::format("{}: H1 item {} is not a month: {}", form, h.month, h1.item(h.month)));
  Notice n{std::move(form), std::string(h1.item(h.office_no)), std::string(h1.item(h.office_name)), *month,
           std::string(h1.item(h.issuer)), std::move(records), {}};
  validate(n);
  return n;
}

}  // namespace kaigo::report
