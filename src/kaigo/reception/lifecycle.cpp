#include "kaigo/reception/lifecycle.hpp"

#include "kaigo/core/enum_table.hpp"

namespace kaigo::reception {

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
