// Settlement in the stories: each decision of a reviewed Month paired with the 明細書 it is about
// (as the store pairs claim_decisions with the documents it keeps), the 請求書 an office writes
// for its 明細書, and the notices of a settled month read back from their official bytes.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kaigo/billing/types.hpp"
#include "kaigo/report/notice.hpp"
#include "kaigo/report/settlement_notices.hpp"
#include "kaigo/settlement/input.hpp"
#include "kaigo/settlement/results.hpp"
#include "support/review_story.hpp"

namespace kaigo::testing {

// seed 002's issuer, and fixed dates so that notices are the same on every run.
report::IssueInfo seed_issue();

settlement::SettledClaim settled(const review::SubmittedClaim& claim, const Month& month, YearMonth review_month);
settlement::SettledPlan settled(const review::SubmittedPlan& plan, const Month& month);

// Every claim decision of `month` with its 明細書 (`claims`: every 明細書 the review saw).
std::vector<settlement::SettledClaim> settled_claims(const Month& month, YearMonth review_month,
                                                     const std::vector<review::SubmittedClaim>& claims);
std::vector<settlement::SettledPlan> settled_plans(const Month& month, const std::vector<review::SubmittedPlan>& plans);

// The 請求書 (7111 / 7113 rows) written correctly for these 明細書.
std::vector<billing::InvoiceRow> invoice_of(const std::vector<review::SubmittedClaim>& claims);

// The smallest story a settlement test starts from: one 訪問介護 (11) office and person 0000000001,
// the person's plan of `planned` units and one 明細書 of `uses` for `service`, reviewed the month
// after. `setup` registers the codes the 明細書 uses (Story::code) and anything else of the person.
struct OneClaimMonth {
  Story s;
  review::SubmittedPlan plan;
  review::SubmittedClaim claim;
  Month month;
  OneClaimMonth(const std::string& office_no, YearMonth service, std::int64_t planned, const std::vector<Use>& uses,
                const std::function<void(Story&)>& setup);
  // The settlement of `review_month`: the decision with its 明細書, the plan, and the 請求書.
  settlement::SettlementInput input(YearMonth review_month) const;
};

const settlement::OfficeResult& office_of(const settlement::MonthSettlement& s, std::string_view office_no);

// The notice `form` of the office, written to its official bytes (CP932, CRLF) and read back.
// Fails the test (and throws) when the office has no such notice.
report::Notice official(const settlement::MonthSettlement& s, std::string_view office_no, std::string_view form,
                        const report::IssueInfo& issue = seed_issue());
// Every form the office gets.
std::vector<std::string> forms_of(const settlement::MonthSettlement& s, std::string_view office_no,
                                  const report::IssueInfo& issue = seed_issue());

// Records as "KIND,item3,item4,…" (the CSV items after 項番 2), for field-by-field comparison.
std::vector<std::string> records(const report::Notice& n, std::string_view kind = {});

}  // namespace kaigo::testing
