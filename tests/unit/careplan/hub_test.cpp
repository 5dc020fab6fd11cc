// The hub's routing (issue 15 "Done when"): A sends to B; only B sees it; C is refused; an
// unlicensed or expired office is refused with the reason; a draft is not delivered; a DLT
// withdraws; the receipt shows on the sender's side; retention removes expired files and nothing
// else; files are sealed at rest and come back byte for byte.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "kaigo/careplan/records.hpp"
#include "kaigo/careplan/writer.hpp"
#include "kaigo/core/sha256.hpp"
#include "kaigo/store/fees_due.hpp"
#include "kaigo/store/detail/sqlite.hpp"
#include "support/hub_world.hpp"

namespace kaigo::careplan {
namespace {

using testing::HubWorld;
using testing::jst;

struct Route {
  std::filesystem::path file;
  std::string a, b, c;  // care manager → service office; c: an office the file is not for
};

Route first_route(const HubWorld& w) {
  Route r;
  r.file = w.files("UPPLAN").front();
  auto name = parse_file_name(r.file.filename().string()).name.value();
  r.a = name.sender.office_no;
  r.b = name.receiver.office_no;
  for (const auto& f : w.files("UPPLAN")) {
    auto other = parse_file_name(f.filename().string()).name.value().receiver.office_no;
    if (other != r.b) {
      r.c = other;
      break;
    }
  }
  return r;
}

std::vector<std::string> codes(const auth::Refusals& r) {
  std::vector<std::string> out;
  for (const auto& x : r) out.push_back(x.code);
  return out;
}

class HubTest : public ::testing::Test {
 protected:
  HubWorld w;
  Route r = first_route(w);
  void SetUp() override {
    for (const auto& o : {r.a, r.b, r.c}) w.license(o, "20260401");
  }
  SendResult send_plan(const char* at, bool draft = false, const char* message = "4月分の予定です") {
    auto up = HubWorld::upload(r.file);
    return send(w.hub(), HubWorld::office(r.a), std::span(&up, 1), message, draft, jst(at));
  }
};

TEST_F(HubTest, AsetGoesToTheReceiverOfItsFileNameAndOnlyItSeesIt) {
  ASSERT_FALSE(r.c.empty());
  auto sent = send_plan("2026-04-25T09:00");
  ASSERT_TRUE(sent.refusals.empty()) << sent.refusals.at(0).to_string();
  const auto id = sent.parcel->id;
  EXPECT_EQ(sent.parcel->state, ParcelState::Sent);
  ASSERT_EQ(sent.parcel->receipts.size(), 1u);
  EXPECT_EQ(sent.parcel->receipts[0].office_no, r.b);
  EXPECT_FALSE(sent.parcel->receipts[0].received_at);

  auto b_inbox = inbox(w.hub(), HubWorld::office(r.b));
  ASSERT_EQ(b_inbox.size(), 1u);
  EXPECT_EQ(b_inbox[0].parcel.id, id);
  EXPECT_EQ(b_inbox[0].parcel.message, "4月分の予定です");
  EXPECT_EQ(b_inbox[0].parcel.files.at(0).name, r.file.filename().string());
  EXPECT_TRUE(inbox(w.hub(), HubWorld::office(r.c)).empty());
  EXPECT_TRUE(inbox(w.hub(), HubWorld::office(r.a)).empty());

  auto c_fetch = fetch(w.hub(), HubWorld::office(r.c), id, "", jst("2026-04-26T09:00"));
  EXPECT_EQ(codes(c_fetch.refusals), std::vector<std::string>{"CH40"});
  EXPECT_TRUE(c_fetch.files.empty());
  // An id that does not exist answers the same as another office's.
  EXPECT_EQ(fetch(w.hub(), HubWorld::office(r.c), id + 100, "", jst("2026-04-26T09:00")).refusals.at(0).message_en,
            fmt::format("set {} is not addressed to this user's offices", id + 100));

  auto got = fetch(w.hub(), HubWorld::office(r.b), id, "", jst("2026-04-26T10:15"));
  ASSERT_TRUE(got.refusals.empty());
  ASSERT_EQ(got.files.size(), 1u);
  EXPECT_EQ(got.files[0].bytes, testing::read_file(r.file));
  EXPECT_EQ(sha256_hex(got.files[0].bytes), got.entry->parcel.files.at(0).sha256);

  // The sender sees the receipt.
  auto mine = outbox(w.hub(), HubWorld::office(r.a));
  ASSERT_EQ(mine.size(), 1u);
  ASSERT_TRUE(mine[0].receipts.at(0).received_at);
  EXPECT_EQ(mine[0].receipts[0].received_at->str(), "2026-04-26T10:15:00");
  EXPECT_EQ(mine[0].receipts[0].received_by, "KJ" + r.b);
  // A second download keeps the first receipt.
  fetch(w.hub(), HubWorld::office(r.b), id, "", jst("2026-04-27T08:00"));
  EXPECT_EQ(w.store().parcel(id)->receipts.at(0).received_at->str(), "2026-04-26T10:15:00");
}

TEST_F(HubTest, FilesAreSealedAtRestWithTheirHash) {
  auto sent = send_plan("2026-04-25T09:00");
  const auto& f = sent.parcel->files.at(0);
  const auto plain = testing::read_file(r.file);
  EXPECT_EQ(f.sha256, sha256_hex(plain));
  EXPECT_EQ(f.size, static_cast<std::int64_t>(plain.size()));
  auto sealed = w.store().sealed(f.id).value();
  EXPECT_EQ(sealed.find(plain.substr(0, 40)), std::string::npos);
  EXPECT_EQ(sealed.size(), plain.size() + 24 + 16);
  // Another key does not open it.
  testing::TempDir other;
  auto wrong = SealingKey::from_file(other / "k", true);
  EXPECT_FALSE(wrong.open(sealed, f.sha256 + "|" + f.name));
}

TEST_F(HubTest, UnlicensedExpiredAndNotYetLicensedOfficesAreRefusedWithTheReason) {
  // The licence runs from 2026-04-01 to 2027-03-31.
  auto late = send_plan("2027-04-01T09:00");
  ASSERT_EQ(codes(late.refusals), (std::vector<std::string>{"CH02", "CH02"}));
  EXPECT_EQ(late.refusals[0].message_ja,
            fmt::format("送信元 {}: 事業所 {} のライセンスは 20270331 で終了しています（20270401 時点）", r.a, r.a));
  EXPECT_EQ(late.refusals[1].message_en,
            fmt::format("receiver {}: the licence of office {} ended on 20270331 (as of 20270401)", r.b, r.b));
  EXPECT_TRUE(inbox(w.hub(), HubWorld::office(r.b)).empty());
  auto early = send_plan("2026-03-31T23:59");
  EXPECT_EQ(codes(early.refusals), (std::vector<std::string>{"CH03", "CH03"}));

  HubWorld fresh;
  auto route = first_route(fresh);
  fresh.license(route.a, "20260401");
  auto up = HubWorld::upload(route.file);
  auto none = send(fresh.hub(), HubWorld::office(route.a), std::span(&up, 1), "", false, jst("2026-04-25T09:00"));
  ASSERT_EQ(codes(none.refusals), std::vector<std::string>{"CH01"});
  EXPECT_EQ(none.refusals[0].message_ja,
            fmt::format("送信先 {}: 事業所 {} にはケアプランデータ連携システムのライセンスがありません", route.b, route.b));
}

TEST_F(HubTest, ADraftIsNotDeliveredUntilItIsSent) {
  auto draft = send_plan("2026-04-24T17:00", true, "一時保存");
  ASSERT_TRUE(draft.refusals.empty());
  EXPECT_EQ(draft.parcel->state, ParcelState::Draft);
  EXPECT_TRUE(draft.parcel->receipts.empty());
  EXPECT_TRUE(inbox(w.hub(), HubWorld::office(r.b)).empty());
  EXPECT_EQ(codes(fetch(w.hub(), HubWorld::office(r.b), draft.parcel->id, "", jst("2026-04-24T18:00")).refusals),
            std::vector<std::string>{"CH40"});
  // Only its own office sends it.
  EXPECT_EQ(codes(send_draft(w.hub(), HubWorld::office(r.b), draft.parcel->id, jst("2026-04-25T09:00")).refusals),
            std::vector<std::string>{"CH40"});
  auto sent = send_draft(w.hub(), HubWorld::office(r.a), draft.parcel->id, jst("2026-04-25T09:00"));
  ASSERT_TRUE(sent.refusals.empty());
  EXPECT_EQ(sent.parcel->id, draft.parcel->id);
  EXPECT_EQ(sent.parcel->sent_at->str(), "2026-04-25T09:00:00");
  auto b_inbox = inbox(w.hub(), HubWorld::office(r.b));
  ASSERT_EQ(b_inbox.size(), 1u);
  EXPECT_EQ(b_inbox[0].parcel.message, "一時保存");
}

TEST_F(HubTest, ReceiversMustBeRegisteredWithTheServiceTypeOfTheName) {
  auto name = parse_file_name(r.file.filename().string()).name.value();
  name.receiver.service_type = name.receiver.service_type == "11" ? "15" : "11";
  name.serial = "20260425090000";
  Upload up{name.str(), testing::read_file(r.file)};
  auto sent = send(w.hub(), HubWorld::office(r.a), std::span(&up, 1), "", false, jst("2026-04-25T09:00"));
  ASSERT_EQ(codes(sent.refusals), std::vector<std::string>{"CH20"});
  EXPECT_EQ(sent.refusals[0].message_en,
            fmt::format("{}: the receiver {} (service type {}) is not in the office ledger for 202604", up.name,
                        name.receiver.office_no, name.receiver.service_type));
  // A file whose sender is not the user's office, and a file that fails the standard.
  auto theirs = send(w.hub(), HubWorld::office(r.c), std::span(&up, 1), "", false, jst("2026-04-25T09:00"));
  EXPECT_EQ(codes(theirs.refusals), std::vector<std::string>{"CH13"});
  Upload broken{r.file.filename().string(), testing::read_file(r.file) + "bad,row\r\n"};
  auto bad = send(w.hub(), HubWorld::office(r.a), std::span(&broken, 1), "", false, jst("2026-04-25T09:00"));
  EXPECT_EQ(codes(bad.refusals), std::vector<std::string>{"CH15"});
  ASSERT_EQ(bad.checks.size(), 1u);
  EXPECT_GT(bad.checks[0].error_count, 0u);
}

TEST_F(HubTest, AttachmentsAndTheMessageGoWithTheCsvFiles) {
  auto up = HubWorld::upload(r.file);
  std::vector<Upload> files{up, {"第3表.pdf", "%PDF-1.4\n%test\n"}};
  auto sent = send(w.hub(), HubWorld::office(r.a), files, "FAX頭紙: よろしくお願いします", false, jst("2026-04-25T09:00"));
  ASSERT_TRUE(sent.refusals.empty());
  auto got = fetch(w.hub(), HubWorld::office(r.b), sent.parcel->id, "", jst("2026-04-25T10:00"));
  ASSERT_EQ(got.files.size(), 2u);
  EXPECT_EQ(got.files[1].name, "第3表.pdf");
  EXPECT_EQ(got.files[1].bytes, "%PDF-1.4\n%test\n");
  EXPECT_EQ(got.entry->parcel.message, "FAX頭紙: よろしくお願いします");
  Upload alone{"第3表.pdf", "%PDF-1.4\n"};
  auto lone = send(w.hub(), HubWorld::office(r.a), std::span(&alone, 1), "", false, jst("2026-04-25T09:00"));
  // Without a CSV file the set has no receiver.
  EXPECT_EQ(codes(lone.refusals), std::vector<std::string>{"CH16"});
  Upload fake{"x.pdf", "not a pdf"};
  EXPECT_EQ(codes(send(w.hub(), HubWorld::office(r.a), std::span(&fake, 1), "", false, jst("2026-04-25T09:00")).refusals),
            std::vector<std::string>{"CH18"});
}

// A DLTJSK for one person of an earlier UPJSK from the same office to the same care manager.
Upload delete_actual(const UsageSheet& s, const FileName& of, const std::string& serial) {
  FileName name = of;
  name.kind = Registry::instance().kind("DLTJSK");
  name.serial = serial;
  Writer writer(*name.kind->layout);
  std::vector<std::string> items{Registry::instance().current_version().value, s.person.insurer_no, s.person.insured_no,
                                 s.month.str(), of.sender.office_no, of.sender.service_type};
  writer.add_utf8(items);
  return {name.str(), writer.take()};
}

// month_sheets reads files on every core, a few ahead: however many files came for a person, the
// one sent last is the one in force (spec §5.1.1), whatever order the reading finishes in.
TEST_F(HubTest, TheLastOfManyFilesSentForAPersonIsTheOneInForce) {
  const auto plan = w.file("UPPLAN", r.a, r.b);
  auto name = parse_file_name(plan.filename().string()).name.value();
  auto sheets = read_usage_sheets(plan).values;
  ASSERT_GE(sheets.size(), 1u);
  ASSERT_TRUE(sheets[0].lines[0].units.has_value());
  const Units first_units = sheets[0].lines[0].units.value();
  constexpr int kSends = 12;  // more than the files read ahead on any machine this runs on
  for (int i = 1; i <= kSends; ++i) {
    sheets[0].lines[0].units = first_units + Units{i};
    name.serial = fmt::format("202605021000{:02d}", i);
    Upload up{name.str(), write_usage_sheets(sheets)};
    auto sent = send(w.hub(), HubWorld::office(r.a), std::span(&up, 1), "", false,
                     jst(fmt::format("2026-05-02T10:{:02d}", i).c_str()));
    ASSERT_TRUE(sent.refusals.empty()) << sent.refusals.at(0).to_string();
  }
  auto in_force = month_sheets(w.hub(), sheets[0].month);
  EXPECT_TRUE(in_force.problems.empty());
  ASSERT_EQ(in_force.plans.size(), sheets.size());
  const auto& latest = *std::find_if(in_force.plans.begin(), in_force.plans.end(),
                                     [&](const UsageSheet& s) { return s.person == sheets[0].person; });
  EXPECT_EQ(latest.units_of(sheets[0].lines[0].office_no, sheets[0].lines[0].service_type()),
            sheets[0].units_of(sheets[0].lines[0].office_no, sheets[0].lines[0].service_type()));
  EXPECT_EQ(latest.total_units(), sheets[0].total_units());
}

TEST_F(HubTest, ADeleteFileWithdrawsWhatTheSameSenderSentForThatPerson) {
  const auto actual = w.file("UPJSK", r.b, r.a);
  auto name = parse_file_name(actual.filename().string()).name.value();
  auto sheets = read_usage_sheets(actual).values;
  ASSERT_GE(sheets.size(), 1u);
  auto up = HubWorld::upload(actual);
  auto sent = send(w.hub(), HubWorld::office(r.b), std::span(&up, 1), "", false, jst("2026-05-02T10:00"));
  ASSERT_TRUE(sent.refusals.empty()) << sent.refusals.at(0).to_string();
  const auto month = sheets[0].month;
  EXPECT_EQ(month_sheets(w.hub(), month).actuals.size(), sheets.size());

  auto del = delete_actual(sheets[0], name, "20260503100000");
  auto withdrawn = send(w.hub(), HubWorld::office(r.b), std::span(&del, 1), "", false, jst("2026-05-03T10:00"));
  ASSERT_TRUE(withdrawn.refusals.empty()) << withdrawn.refusals.at(0).to_string();
  EXPECT_EQ(withdrawn.withdrawn, 1);
  auto first = w.store().parcel(sent.parcel->id).value();
  EXPECT_EQ(first.files[0].withdrawn_persons, 1);
  EXPECT_EQ(first.files[0].withdrawn(), sheets.size() == 1);
  // The withdrawn person's 実績 no longer count; the others do.
  auto after = month_sheets(w.hub(), month);
  EXPECT_EQ(after.actuals.size(), sheets.size() - 1);
  for (const auto& s : after.actuals) EXPECT_NE(s.person, sheets[0].person);
  // The delete goes to the care manager like any file, and the same DLT again withdraws nothing.
  EXPECT_EQ(inbox(w.hub(), HubWorld::office(r.a)).size(), 2u);
  auto again = delete_actual(sheets[0], name, "20260504100000");
  EXPECT_EQ(send(w.hub(), HubWorld::office(r.b), std::span(&again, 1), "", false, jst("2026-05-04T10:00")).withdrawn, 0);
  // Another office's delete cannot withdraw it.
  auto foreign = delete_actual(sheets[1 % sheets.size()], name, "20260505100000");
  EXPECT_EQ(codes(send(w.hub(), HubWorld::office(r.c), std::span(&foreign, 1), "", false, jst("2026-05-05T10:00")).refusals),
            std::vector<std::string>{"CH13"});
}

TEST_F(HubTest, RetentionRemovesExpiredFilesAndNothingElse) {
  w.settings().careplan.retention_days = 30;
  auto old_set = send_plan("2026-04-01T09:00");
  auto draft = send_plan("2026-04-02T09:00", true);
  auto new_set = send_plan("2026-04-20T09:00");
  const auto old_file = old_set.parcel->files[0].id;
  // 30 days after 2026-04-01T09:00 is 2026-05-01T09:00: at that very second nothing has expired.
  EXPECT_TRUE(purge_expired(w.hub(), jst("2026-05-01T09:00")).empty());
  auto purged = purge_expired(w.hub(), jst("2026-05-02T12:00"));
  EXPECT_EQ(purged, (std::vector<std::int64_t>{old_file, draft.parcel->files[0].id}));
  EXPECT_FALSE(w.store().sealed(old_file));
  EXPECT_TRUE(w.store().sealed(new_set.parcel->files[0].id));
  EXPECT_EQ(w.store().parcel(old_set.parcel->id)->files[0].purged_at->str(), "2026-05-02T12:00:00");
  auto gone = fetch(w.hub(), HubWorld::office(r.b), old_set.parcel->id, "", jst("2026-05-02T13:00"));
  EXPECT_EQ(codes(gone.refusals), std::vector<std::string>{"CH41"});
  auto kept = fetch(w.hub(), HubWorld::office(r.b), new_set.parcel->id, "", jst("2026-05-02T13:00"));
  EXPECT_EQ(kept.files.at(0).bytes, testing::read_file(r.file));
  EXPECT_TRUE(purge_expired(w.hub(), jst("2026-05-02T12:00")).empty());
}

TEST(CarePlanLicence, TermsFeesAndTheCampaignAreDatedData) {
  EXPECT_EQ(licence_end({2025, 6, 10}, 12), (Date{2026, 6, 9}));
  EXPECT_EQ(licence_end({2024, 2, 29}, 12), (Date{2025, 2, 27}));
  EXPECT_EQ(terms_for({2025, 5, 31})->name, "standard");
  EXPECT_EQ(terms_for({2025, 6, 1})->name, "free_pass");
  EXPECT_EQ(terms_for({2026, 5, 31})->name, "free_pass");
  EXPECT_EQ(terms_for({2026, 6, 1})->name, "standard");
  EXPECT_EQ(terms_for({2023, 3, 31}), nullptr);

  HubWorld w;
  auto route = first_route(w);
  auto paid = w.license(route.a, "20250510");
  EXPECT_FALSE(paid.free);
  EXPECT_EQ(paid.valid_to, (Date{2026, 5, 9}));
  EXPECT_EQ(paid.fee_month->str(), "202505");  // 5月10日: May's reception is open
  auto free = w.license(route.b, "20250601");
  EXPECT_TRUE(free.free);
  EXPECT_FALSE(free.fee_month);
  auto renewal = w.license(route.a, "20260510");  // still inside the campaign's application period
  EXPECT_TRUE(renewal.free);
  EXPECT_EQ(renewal.terms, "free_pass");
  auto late = w.license(route.c, "20260611");  // after the 10th: the next month's payment
  ASSERT_TRUE(late.fee_month);
  EXPECT_EQ(late.fee_month->str(), "202607");
  auto overlap = apply_licence(w.store(), w.world().offices, route.a, {2026, 6, 1}, jst("2026-06-01T09:00"), "", w.settings());
  EXPECT_EQ(codes(overlap.refusals), std::vector<std::string>{"CH04"});
  auto unknown = apply_licence(w.store(), w.world().offices, "1399999999", {2026, 6, 1}, jst("2026-06-01T09:00"), "", w.settings());
  EXPECT_EQ(codes(unknown.refusals), std::vector<std::string>{"CH05"});

  // The fees due that settlement deducts on the 7513: one per licence that is not free.
  auto may = store::due_fees(w.db(), {2025, 5});
  ASSERT_EQ(may.size(), 1u);
  EXPECT_EQ(may[0].charge.office_no, route.a);
  EXPECT_EQ(may[0].charge.kind, FeeKind::CarePlanLicense);
  EXPECT_EQ(may[0].charge.applied_on, (Date{2025, 5, 10}));
  EXPECT_EQ(w.settings().settlement.fee(FeeKind::CarePlanLicense, may[0].charge.applied_on)->value, 21000);
  EXPECT_TRUE(store::due_fees(w.db(), {2025, 6}).empty());  // the free-pass licence causes none

  store::CarePlanLicencePage page(w.db(), w.settings());
  auto shown = page.licences_of(route.b);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_FALSE(shown[0].fee);
  EXPECT_EQ(shown[0].note, "フリーパスキャンペーン");
  EXPECT_EQ(page.licences_of(route.a).at(0).fee->value, 21000);
}

}  // namespace
}  // namespace kaigo::careplan
