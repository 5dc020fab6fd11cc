// The care-plan hub's pages in a real browser (issue 15 item 4, docs/web.md, docs/careplan.md): a
// month generated with mistakes (expected_errors.csv), every claim file received, licences for the
// care manager A (1370000001) and the service office B (1370000003) but none for C (1370000002).
// A drops its 予定 for B with a PDF attachment and sees B filled in from the file name, sends it with
// a message; B finds it in the inbox, downloads the same bytes, and A's outbox shows it received; a
// draft is kept, not delivered, and sent from the outbox; a DLTPLAN withdraws a person, which the
// outbox shows on the earlier 予定; C cannot receive A's set (403, nothing
// about it) and C's own send is refused for its missing licence, with the reason on the page; a file
// with an error is refused with its row (file, line, item, value, code); the reconcile page shows B
// exactly the cuts, holds and returns the review will make (codes and units), and the operator every
// office's. Each page is photographed and checked by axe-core; no page breaks its CSP or throws.
//   KAIGO_BIN=build/kaigo KAIGO_SMTP_SINK=build/tests/smtp_sink node --test careplan.test.mjs
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Browser } from "./browser.mjs";
import { World } from "./world.mjs";

const A = "1370000001";  // 居宅介護支援 (43), licensed
const B = "1370000003";  // 訪問介護 (11), licensed
const C = "1370000002";  // 訪問介護 (11), no licence

const world = new World({
  kaigoBin: resolve(process.env.KAIGO_BIN || "../../build/kaigo"),
  smtpSinkBin: resolve(process.env.KAIGO_SMTP_SINK || "../../build/tests/smtp_sink"),
  errors: 0.25,
  users: [["--id", `KJ${B}`, "--role", "office", "--office", B]],
  licences: [A, B],
  submitClaims: true,
});
const browser = new Browser(world);
const state = {};

before(async () => {
  await world.start();
  await browser.launch();
});

after(async () => {
  await browser.close();
  world.stop();
  world.remove();
});

// The file gen wrote from `from` to `to` of a kind (UPPLAN, UPJSK).
function fileFromTo(kind, from, to) {
  const f = world.careplanFilesOf(from).find((p) => basename(p).startsWith(`${kind}_202604_${from}_`) && basename(p).includes(`_${to}_`));
  assert.ok(f, `gen wrote no ${kind} from ${from} to ${to}`);
  return f;
}

// Files dropped on the page's drop zone as a browser gives them (a DataTransfer of File objects).
async function dropFiles(page, files) {
  const list = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes, "latin1").toString("base64") }));
  await page.evaluate((items) => {
    const dt = new DataTransfer();
    for (const i of items) {
      const raw = atob(i.base64);
      const bytes = new Uint8Array(raw.length);
      for (let k = 0; k < raw.length; k++) bytes[k] = raw.charCodeAt(k);
      dt.items.add(new File([bytes], i.name));
    }
    const zone = document.querySelector("#drop");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, list);
}

const cells = (page, selector) => page.$$eval(selector, (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));

test("A drops its 予定 for B with a PDF: B is filled in from the file name; sent with the message", async () => {
  const page = await browser.open(`KJ${A}`, "/careplan/send");
  state.a = page;
  await page.waitForSelector("#chosen tbody tr");
  await browser.check(page, "careplan-send");
  state.plan = fileFromTo("UPPLAN", A, B);
  await dropFiles(page, [
    { name: basename(state.plan), bytes: readFileSync(state.plan, "latin1") },
    { name: "week-plan.pdf", bytes: "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" },
  ]);
  const rows = await cells(page, "#chosen tbody tr");
  assert.deepEqual(rows.map((r) => r.slice(0, 5)), [
    [basename(state.plan), "UPPLAN", "202604", `${A}（43）`, `${B}（11）`],
    ["week-plan.pdf", "PDF 添付", "－", "－", "CSV の送信先すべて"],
  ]);
  assert.equal(await page.$eval("#receivers", (e) => e.textContent), `送信先 / receivers: ${B}（11）`);
  await page.type("#message", "4月分の予定です。第3表を添付します。");
  await page.click("#send-now");
  await page.waitForSelector("#answer-body .notice.ok");
  const answer = await page.$eval("#answer-body", (e) => e.textContent);
  assert.match(answer, /^送信済 番号 (\d+)・ファイル 2 件・送信 2026-05-05 10:\d\d:\d\d/);
  assert.match(answer, new RegExp(`送信先: ${B}（未受信）`));
  state.setId = Number(answer.match(/番号 (\d+)/)[1]);
  state.sentAt = answer.match(/送信 (2026-05-05 [\d:]{8})/)[1];  // the server's test clock, running
  assert.deepEqual(await cells(page, "#chosen tbody tr"), [["ファイルはまだありません。"]]);
  await browser.check(page, "careplan-send-sent");
});

test("a file with an error is refused with its row: file, line, item, value, code and message", async () => {
  const page = state.a;
  const bad = readFileSync(state.plan, "latin1").replace(",20260401,", ",20260501,");
  await dropFiles(page, [{ name: basename(state.plan), bytes: bad }]);
  await page.click("#send-now");
  await page.waitForSelector("#answer-body .refusal");
  const head = await page.$eval("#answer-body .refusal", (e) => e.textContent);
  assert.match(head, /^CH15 送信できません \/ not sent: /);
  assert.equal(await page.$eval("#answer-body table.check caption", (e) => e.textContent), `${basename(state.plan)}: エラー 1 件・警告 0 件`);
  assert.deepEqual(await cells(page, "#answer-body table.check tbody tr"), [
    ["エラー", "CP50", "1", "サービス利用日（No.10）", "20260501", "2000000004",
      "サービス利用日が対象年月の外（対象年月は 202604） / service date outside the service month: the service month is 202604"],
  ]);
  await browser.check(page, "careplan-send-refused");
  await page.click("#chosen tbody button");  // take the bad file out again
});

test("B sees the set in its inbox, downloads the same bytes, and A's outbox shows it received", async () => {
  const page = await browser.open(`KJ${B}`, "/careplan/inbox");
  state.b = page;
  await page.waitForSelector(`#list tbody tr[data-set="${state.setId}"]`);
  const [row] = await cells(page, `#list tbody tr[data-set="${state.setId}"]`);
  assert.equal(row[1], B);
  assert.equal(row[2], A);
  assert.match(row[3], new RegExp(`UPPLAN ${basename(state.plan)}（\\d{1,3}(,\\d{3})* バイト）`));
  assert.match(row[3], /PDF week-plan\.pdf/);
  assert.equal(row[4], "4月分の予定です。第3表を添付します。");
  assert.equal(row[5], state.sentAt);
  assert.equal(row[6], "未受信");
  await browser.check(page, "careplan-inbox");
  await page.click(`#list tbody tr[data-set="${state.setId}"] button`);
  const saved = await browser.waitForDownload(basename(state.plan));
  assert.ok(readFileSync(saved).equals(readFileSync(state.plan)), "the downloaded file is the file sent, byte for byte");
  await page.waitForFunction((id) => document.querySelector(`#list tbody tr[data-set="${id}"] .received`).textContent.startsWith("受信済"), {}, state.setId);
  const received = await page.$eval(`#list tbody tr[data-set="${state.setId}"] .received`, (e) => e.textContent);
  assert.match(received, /^受信済 2026-05-05 10:\d\d:\d\d$/);

  const a = state.a;
  await browser.go(a, "/careplan/outbox");
  await a.waitForSelector(`#list tbody tr[data-set="${state.setId}"]`);
  const [sent] = await cells(a, `#list tbody tr[data-set="${state.setId}"]`);
  assert.equal(sent[1], "送信済");
  assert.equal(sent[4], `${B} ${received}`);
  // The receiving account is another office's: never in A's page.
  assert.equal((await a.content()).includes(`KJ${B}`), false);
  await browser.check(a, "careplan-outbox");
});

test("a draft is kept, not delivered, and sent from the outbox", async () => {
  const a = state.a;
  await browser.go(a, "/careplan/send");
  await a.waitForSelector("#files");
  const input = await a.$("#files");
  await input.uploadFile(state.plan);
  await a.waitForFunction(() => !document.querySelector("#save-draft").disabled);
  await a.click("#save-draft");
  await a.waitForSelector("#answer-body .notice.ok");
  const answer = await a.$eval("#answer-body", (e) => e.textContent);
  assert.match(answer, /^一時保存 番号 \d+・ファイル 1 件・作成 2026-05-05 10:\d\d:\d\d/);
  const draftId = Number(answer.match(/番号 (\d+)/)[1]);

  await browser.go(state.b, "/careplan/inbox");
  await state.b.waitForSelector(`#list tbody tr[data-set="${state.setId}"]`);
  assert.equal((await cells(state.b, "#list tbody tr")).length, 1, "a draft is not delivered");

  await browser.go(a, "/careplan/outbox");
  await a.waitForSelector(`#list tbody tr[data-set="${draftId}"] button`);
  const [draft] = await cells(a, `#list tbody tr[data-set="${draftId}"]`);
  assert.equal(draft[1], "一時保存");
  assert.equal(draft[4], "（一時保存：まだ誰にも届いていません）");
  await a.click(`#list tbody tr[data-set="${draftId}"] button`);
  await a.waitForSelector("#flash .notice.ok");
  await a.waitForFunction((id) => document.querySelector(`#list tbody tr[data-set="${id}"] td:nth-child(2)`).textContent === "送信済", {}, draftId);
  const [now] = await cells(a, `#list tbody tr[data-set="${draftId}"]`);
  assert.equal(now[4], `${B} 未受信`);

  await browser.go(state.b, "/careplan/inbox");
  await state.b.waitForSelector(`#list tbody tr[data-set="${draftId}"]`);
  assert.equal((await cells(state.b, "#list tbody tr")).length, 2);
});

test("a DLT file withdraws a person: the outbox shows the request and what it withdrew", async () => {
  const a = state.a;
  await browser.go(a, "/careplan/send");
  await a.waitForSelector("#chosen tbody tr");
  const name = `DLTPLAN_202604_${A}_43_${B}_11_20260505100000.CSV`;
  await dropFiles(a, [{ name, bytes: "202407,131013,2000000004,202604\r\n" }]);
  assert.deepEqual((await cells(a, "#chosen tbody tr"))[0].slice(0, 5), [name, "DLTPLAN", "202604", `${A}（43）`, `${B}（11）`]);
  await a.click("#send-now");
  await a.waitForSelector("#answer-body .notice.ok");
  // The person was in both sets sent to B (the first and the draft): two person rows withdrawn.
  assert.match(await a.$eval("#answer-body", (e) => e.textContent), /取下げた人数（DLT）: 2 人/);

  const persons = new Set(readFileSync(state.plan, "latin1").trim().split("\r\n").map((l) => l.split(",").slice(1, 3).join(","))).size;
  await browser.go(a, "/careplan/outbox");
  await a.waitForSelector(`#list tbody tr[data-set="${state.setId}"]`);
  const rows = await cells(a, "#list tbody tr");
  assert.match(rows[0][3], new RegExp(`^DLTPLAN ${name}（33 バイト） 取下げ依頼 / withdrawal$`));
  const [first] = await cells(a, `#list tbody tr[data-set="${state.setId}"]`);
  assert.match(first[3], new RegExp(`^UPPLAN ${basename(state.plan)}（[\\d,]+ バイト） 1/${persons} 人取下げPDF week-plan\\.pdf`));
  await browser.check(a, "careplan-outbox-withdrawn");
});

test("C cannot receive A's set (403, nothing about it); C's send is refused for its missing licence", async () => {
  const page = await browser.open(`KJ${C}`, "/careplan/inbox");
  await page.waitForSelector("#list tbody tr");
  assert.deepEqual(await cells(page, "#list tbody tr"), [["届いたものはありません。 / Nothing has arrived."]]);
  const tryReceive = (id) =>
    page.evaluate(async (setId) => {
      const r = await fetch(`/api/careplan/sets/${setId}/receive`, {
        method: "POST",
        headers: { "X-CSRF-Token": document.querySelector('meta[name="csrf-token"]').content, "Content-Type": "application/json" },
        body: "{}",
      });
      return { status: r.status, body: await r.text() };
    }, id);
  const theirs = await tryReceive(state.setId);
  const none = await tryReceive(999999);
  assert.equal(theirs.status, 403);
  assert.equal(theirs.body.includes("UPPLAN"), false);
  assert.deepEqual(theirs, none, "a set of others answers as one that does not exist");

  await browser.go(page, "/careplan/send");
  await page.waitForSelector("#files");
  const actual = fileFromTo("UPJSK", C, A);
  await (await page.$("#files")).uploadFile(actual);
  await page.waitForFunction(() => !document.querySelector("#send-now").disabled);
  assert.equal(await page.$eval("#receivers", (e) => e.textContent), `送信先 / receivers: ${A}（43）`);
  await page.click("#send-now");
  await page.waitForSelector("#answer-body .refusal");
  assert.equal(
    await page.$eval("#answer-body .refusal p", (e) => e.textContent),
    `CH01 送信できません / not sent: 送信元 ${C}: 事業所 ${C} にはケアプランデータ連携システムのライセンスがありません / sender ${C}: office ${C} holds no ケアプランデータ連携 licence`,
  );
  assert.match(await page.$eval("#answer-body .refusal", (e) => e.textContent), /根拠 \/ rule: seed 001 §7/);
  await browser.check(page, "careplan-send-unlicensed");
  await page.close();
});

// The expected rows of `office` from gen's list of injected mistakes: insured → [outcome, code].
function expectedOf(office) {
  const lines = readFileSync(`${world.month}/expected_errors.csv`, "utf8").trim().split("\n").slice(1);
  const out = {};
  for (const l of lines) {
    const [, o, form, , , insured, , code, outcome] = l.split(",");
    if (o === office && form === "7131") out[insured] = [outcome, code];
  }
  return out;
}

test("reconcile: B sees exactly its cuts, holds and returns with codes and units; the operator every office's", async () => {
  const page = state.b;
  await browser.go(page, "/careplan/reconcile");
  await page.waitForFunction(() => document.querySelector("#state").textContent.startsWith("処理年月"));
  assert.equal(await page.$eval("#state", (e) => e.textContent), "処理年月 2026年05月（サービス提供年月 2026年04月）");
  const rows = await cells(page, "#claims tbody tr");
  // gen's mistakes for B: a 給付管理票 planning fewer units (増減 B), an undecided 区分変更 (12PA),
  // a person without 給付管理票 (保留) — and nothing else, and no other office's line.
  const expected = expectedOf(B);
  assert.deepEqual(expected, { 2000000004: ["増減B", ""], 2000000010: ["返戻", "12PA"], 2000000058: ["保留", ""] });
  // The units are those `kaigo careplan reconcile` gives (the same function as `kaigo review`): a
  // cut keeps what the 給付管理票 allows, a returned or held 明細書 is decided at 0 units.
  const cli = JSON.parse(world.run("careplan", "reconcile", "--month", "202605", "--at", "2026-05-05T10:00:00", "--office", B, "--format", "json"));
  const units = (insured) => {
    const row = cli.claims.find((c) => c.insured === insured).rows[0];
    return [row.written_units, row.decided_units, row.change].map((n) => n.toLocaleString("ja-JP"));
  };
  assert.deepEqual(rows, [
    [B, "7131", "00131013", "2000000004", "査定", "－", "11", "増減 B", ...units("2000000004"), "給付管理票の実績を超えるもの"],
    [B, "7131", "00131013", "2000000010", "返戻", "12PA", "11", "－", ...units("2000000010"), "12PA 市町村の認定変更が未決定"],
    [B, "7131", "00131013", "2000000058", "保留", "－", "11", "－", ...units("2000000058"), "支援事業所に請求明細書に対応した給付管理票の提出依頼が必要"],
  ]);
  assert.deepEqual(units("2000000004"), ["6,007", "4,806", "-1,201"]);
  assert.deepEqual(units("2000000010"), ["4,518", "0", "-4,518"]);
  assert.deepEqual(await page.$$eval("#summary .card", (cs) => cs.map((c) => c.textContent)),
    ["決定" + `${cli.summary.paid} 件`, "査定1 件", "保留1 件", "返戻1 件"]);
  await browser.check(page, "careplan-reconcile");

  const staff = await browser.open("KJ0000000001", "/careplan/reconcile");
  await staff.waitForFunction(() => document.querySelector("#state").textContent.startsWith("処理年月"));
  const everyone = await cells(staff, "#claims tbody tr");
  const all = JSON.parse(world.run("careplan", "reconcile", "--month", "202605", "--at", "2026-05-05T10:00:00", "--format", "json"));
  assert.deepEqual(
    [...new Set(everyone.map((r) => r[0]).filter(Boolean))].sort(),
    [...new Set(all.claims.map((c) => c.office))].sort(),
  );
  assert.equal(everyone.filter((r) => r[0]).length, all.claims.length);
  await browser.check(staff, "careplan-reconcile-operator");
  // Narrowed to B, the operator sees what B sees.
  await staff.type("#office-input", B);
  await staff.click("#filter button[type=submit]");
  await staff.waitForFunction(() => document.querySelectorAll("#claims tbody tr").length === 3);
  assert.deepEqual(await cells(staff, "#claims tbody tr"), rows);
  assert.match(staff.url(), new RegExp(`office=${B}`));
});

test("no page broke its Content-Security-Policy or threw", () => {
  assert.deepEqual(browser.problems, []);
});
