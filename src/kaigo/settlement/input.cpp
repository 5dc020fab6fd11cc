#include "kaigo/settlement/input.hpp"

#include "kaigo/billing/invoice.hpp"

namespace kaigo::settlement {

Program program_of(std::string_view form_id) {
  return billing::invoice_class_of(form_id).invoice_form == "7113" ? Program::Sougou : Program::Care;
}

}  // namespace kaigo::settlement
