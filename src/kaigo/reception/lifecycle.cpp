#include "kaigo/reception/lifecycle.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::reception {
namespace {

constexpr EnumTable<FileState, 8> kStates{{{
    {FileState::Arrived, "arrived", "連合会到達"},
    {FileState::Receiving, "receiving", "受付中"},
    {FileState::TransmissionError, "transmission_error", "伝送エラー"},
    {FileState::ExternalError, "external_error", "外部エラー"},
    {FileState::FormatErrors, "format_errors", "様式エラー有"},
    {FileState::Accepted, "accepted", "受付完了"},
    {FileState::Sent, "sent", "送信完了"},
    {FileState::Cancelled, "cancelled", "取消完了"},
}}};
static_assert(kStates.one_to_one());

}  // namespace

std::string_view state_name(FileState s) { return kStates.ja(s); }
std::string_view state_code(FileState s) { return kStates.code(s); }
std::optional<FileState> parse_state_code(std::string_view code) { return kStates.parse(code); }

bool can_move(FileState from, FileState to) {
  using S = FileState;
  switch (from) {
    case S::Arrived:
      return to == S::Receiving;
    case S::Receiving:
      return to == S::TransmissionError || to == S::ExternalError || to == S::FormatErrors || to == S::Accepted;
    case S::FormatErrors:
    case S::Accepted:
      return to == S::Sent || to == S::Cancelled;
    case S::TransmissionError:
    case S::ExternalError:
    case S::Sent:
    case S::Cancelled:
      return false;
  }
  return false;
}

}  // namespace kaigo::reception
