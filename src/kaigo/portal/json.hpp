// portal/json — the portal's values as JSON, one form for `kaigo subsidy … --format json`, `kaigo
// portal page --format json` and the API (DESIGN §3: the CLI's JSON and the API's agree). Texts in
// Japanese with English beside them; money in whole yen; days YYYYMMDD, months YYYYMM, moments
// ISO-8601 JST.
// Owns: the field names. Must not: decide anything.
#pragma once
#include <nlohmann/json.hpp>

#include "kaigo/portal/application.hpp"
#include "kaigo/portal/office_page.hpp"
#include "kaigo/portal/scheme.hpp"

namespace kaigo::portal {

nlohmann::json to_json(const Finding& f);
nlohmann::json to_json(const Step& s);
nlohmann::json to_json(const ReceiptLine& l);
nlohmann::json to_json(const Computation& c);
// An application: its state (English and Japanese), months, history, decision and payment; with
// `lines` its receipt lines too, and with `preview` (received applications) the computation as
// it would be decided today.
nlohmann::json to_json(const Application& a, bool lines, const Computation* preview = nullptr);
nlohmann::json to_json(const Scheme& s);
nlohmann::json to_json(const OfficePage& p);
nlohmann::json to_json(const auth::Refusal& r);

}  // namespace kaigo::portal
