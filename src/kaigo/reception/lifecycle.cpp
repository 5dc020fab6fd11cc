#include "kaigo/reception/lifecycle.hpp"

#include <array>

namespace kaigo::reception {
namespace {

struct StateInfo {
  FileState state;
  std::string_view name;
  std::string_view code;
};

constexpr std::array<StateInfo, 8> kStates{{
    {FileState::Arrived, "連合会到達", "arrived"},
    {FileState::Receiving, "受付中", "receiving"},
    {FileState::TransmissionError, "伝送エラー", "transmission_error"},
    {FileState::ExternalError, "外部エラー", "external_error"},
    {FileState::FormatErrors, "様式エラー有", "format_errors"},
    {FileState::Accepted, "受付完了", "accepted"},
    {FileState::Sent, "送信完了", "sent"},
    {FileState::Cancelled, "取消完了", "cancelled"},
}};

}  // namespace

std::string_view state_name(FileState s) { return kStates[static_cast<std::size_t>(s)].name; }
std::string_view state_code(FileState s) { return kStates[static_cast<std::size_t>(s)].code; }

std::optional<FileState> parse_state_code(std::string_view code) {
  for (const auto& info : kStates) {
    if (info.code == code) return info.state;
  }
  return std::nullopt;
}

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
