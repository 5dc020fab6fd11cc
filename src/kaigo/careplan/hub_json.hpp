// careplan/hub_json — the hub's and the reconcile's answers as JSON (UTF-8), the same for
// `kaigo careplan … --format json` and the API (docs/careplan.md "The hub", openapi/careplan.json),
// and the reconcile as text for a person.
// Owns: the form of those documents. Must not: decide anything.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "kaigo/auth/refusal.hpp"
#include "kaigo/careplan/hub.hpp"
#include "kaigo/careplan/reconcile.hpp"

namespace kaigo::careplan {

// {id, state, sender_office, sender_user, message, created_at, sent_at, files: [...], receipts: [...]}
nlohmann::json to_json(const Parcel& parcel);
// The parcel as its receiver sees it, with {office, received: bool}.
nlohmann::json to_json(const InboxEntry& entry);
nlohmann::json to_json(const Licence& licence);
nlohmann::json to_json(const auth::Refusal& refusal);
// {review_month, service_month, plans_to_send, files: [{office, name, bytes, errors}],
//  differences: [...], claims: [{claim_id, form, office, insurer, insured, service_month, outcome,
//  released, codes, rows: [{service_type, cut, plan_units, written_units, decided_units, change}],
//  findings: [{kind, code, remark, service_type, item, found, expected, message_ja, message_en}]}],
//  summary: {outcome: count}}. `all_claims` false: only the 明細書 not paid as claimed.
nlohmann::json to_json(const ReconcileReport& report, bool all_claims);
std::string format_text(const ReconcileReport& report);

}  // namespace kaigo::careplan
