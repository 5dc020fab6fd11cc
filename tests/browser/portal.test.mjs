// The portal's pages in a real browser (issue 17 "Done when"): an 訪問系 office (居宅介護支援) applies
// for the 令和8年度 subsidy with the seed's numbers — 4 card readers at 20,000 円 and 10,000 円 of
// set-up — and sees every step of the computation before applying (60,000 + 10,000 = 70,000, capped
// at 64,000 円), then 申請受付; a second office's receipt without purpose is previewed and applied as
// it is; neither office can open the other's application (403); the 国保連 decides both in the
// decision month; the first office sees 交付決定 with 64,000 円 and every step and downloads the
// decision notice (a PDF: status 200, application/pdf, %PDF), the second sees 返戻 with the reason
// (KH10); the operator pays it in the payment month; マイページ lists the application; /golive shows
// the go-live dates loaded with `kaigo platform golive` with their states on the test clock's day.
// Every page is photographed and checked by axe-core; no page breaks its CSP or throws.
//   KAIGO_BIN=build/kaigo KAIGO_SMTP_SINK=build/tests/smtp_sink node --test portal.test.mjs
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { Browser } from "./browser.mjs";
import { World } from "./world.mjs";

const world = new World({
  kaigoBin: resolve(process.env.KAIGO_BIN || "../../build/kaigo"),
  smtpSinkBin: resolve(process.env.KAIGO_SMTP_SINK || "../../build/tests/smtp_sink"),
});
const b = new Browser(world);
const state = {};

function text(page, selector) {
  return page.$eval(selector, (e) => e.textContent);
}

// The rows of a table body as arrays of cell texts.
function rows(page, selector) {
  return page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
}

before(async () => {
  await world.start();
  // Three insurers (the generated month has one) and the go-live dates of two of them: the server
  // reads a newer load of the ledger by itself.
  writeFileSync(join(world.dir, "insurers.csv"),
    "insurer_no,name,valid_from,valid_to\n131013,さくら市,20000401,\n131021,みどり市,20000401,\n131030,あおば町,20000401,\n");
  world.run("load", "insurers", join(world.dir, "insurers.csv"));
  writeFileSync(join(world.dir, "golive.csv"), "insurer_no,golive_on\n131013,20260401\n131021,20260701\n");
  world.run("platform", "golive", join(world.dir, "golive.csv"));
  await b.launch();
});

after(async () => {
  await b.close();
  world.stop();
  world.remove();
});

async function setLine(page, n, values) {
  for (const [name, value] of Object.entries(values)) {
    await page.$eval(`#lines tbody tr:nth-child(${n}) [name=${name}]`, (e, v) => {
      e.value = v;
      e.dispatchEvent(new Event("input", { bubbles: true }));
    }, value);
  }
}

// [code, amount] of each row of a steps table.
function steps(page, selector) {
  return page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [tr.dataset.step, tr.cells[3].textContent]));
}

async function fact(page, name) {
  return page.$eval(`#detail-facts dd[data-fact="${name}"]`, (e) => e.textContent);
}

const SEED_STEPS = [
  ["line", "80,000 円"], ["line", "10,000 円"], ["readers", "60,000 円"], ["support", "10,000 円"],
  ["cost", "70,000 円"], ["rate", "70,000 円"], ["limit", "64,000 円"], ["amount", "64,000 円"],
];

test("an 訪問系 office previews the seed's receipts step by step, applies, and sees 申請受付", async () => {
  const page = await b.open("KJ1370000001", "/subsidy");
  state.office = page;
  await page.waitForSelector('#scheme [data-scheme="R8-office"]');
  await page.waitForSelector('#service-list input[data-service="43"]');
  assert.match(await text(page, "#scheme"), /令和8年度/);
  assert.match(await text(page, "#scheme"), /2026-04-01 以降/);
  // The form starts with one line dated today (2026-05-05, the test clock: work from 2026-04-01 counts).
  await setLine(page, 1, { purpose: "カードリーダー 4台", amount: "80000" });
  await page.click("#add-line");
  await setLine(page, 2, { receipt: "2", purpose: "設定費用", amount: "10000" });
  assert.equal(await page.$eval("#apply", (e) => e.disabled), true);  // not before the preview
  await page.click("#check");
  await page.waitForSelector('#preview-steps tr[data-step="amount"]');
  assert.deepEqual(await steps(page, "#preview-steps"), SEED_STEPS);
  const readers = await page.$eval('#preview-steps tr[data-step="readers"]', (tr) => tr.cells[2].textContent);
  assert.equal(readers, "4台（限度 3台、1台は対象外）: 80,000 円 × 3台 ÷ 4台 = 60,000 円");
  assert.match(await text(page, "#preview-result"), /見込み: 交付決定 64,000 円（助成対象経費 70,000 円、補助率適用後 70,000 円、限度額 64,000 円）/);
  const findings = await page.$$eval("#preview-findings tbody tr", (trs) => trs.map((tr) => tr.dataset.code));
  assert.deepEqual(findings, ["KH21", "KH22"]);
  await b.check(page, "subsidy-preview");
  // A change after the preview needs a new one.
  await setLine(page, 2, { amount: "10001" });
  assert.equal(await page.$eval("#apply", (e) => e.disabled), true);
  await setLine(page, 2, { amount: "10000" });
  await page.click("#check");
  await page.waitForFunction(() => !document.querySelector("#apply").disabled);
  await page.click("#apply");
  await page.waitForFunction(() => /申請番号 \d+ を受け付けました/.test(document.querySelector("#flash").textContent));
  await page.waitForSelector("#detail:not([hidden])");
  state.granted = Number(await fact(page, "申請番号"));
  assert.equal(await fact(page, "状態"), "申請受付");
  assert.equal(await fact(page, "審査月"), "2026年06月");
  assert.equal(await fact(page, "振込月"), "2026年07月");
  assert.deepEqual(await steps(page, "#detail-steps"), SEED_STEPS);
  const list = await rows(page, "#applications");
  assert.deepEqual(list.map((r) => [r[0], r[4]]), [[String(state.granted), "申請受付"]]);
  await b.check(page, "subsidy");
});

test("a receipt without purpose is previewed as 返戻 (KH10); another office cannot open the first one's", async () => {
  const page = await b.open("KJ1370000002", "/subsidy");
  state.other = page;
  await page.waitForSelector('#service-list input[data-service="11"]');
  await setLine(page, 1, { purpose: "", count: "1", amount: "20000" });
  await page.click("#check");
  await page.waitForSelector('#preview-result [data-outcome="returned"]');
  assert.deepEqual(await page.$$eval("#preview-findings tbody tr", (trs) => trs.map((tr) => tr.dataset.code)), ["KH10"]);
  assert.match(await text(page, "#flash"), /この内容では返戻になります/);
  await page.click("#apply");
  await page.waitForFunction(() => /申請番号 \d+ を受け付けました/.test(document.querySelector("#flash").textContent));
  await page.waitForSelector("#detail:not([hidden])");
  state.returned = Number(await fact(page, "申請番号"));
  // The first office's application: refused (403, whether it exists or not), in the API and the page.
  const answers = await page.evaluate(async (id) => {
    const one = await fetch(`/api/subsidies/${id}`);
    const pdf = await fetch(`/api/subsidies/${id}/notice.pdf`);
    const missing = await fetch("/api/subsidies/999999");
    return [one.status, (await one.json()).error.code, pdf.status, missing.status];
  }, state.granted);
  assert.deepEqual(answers, [403, "KH40", 403, 403]);
  await b.go(page, `/subsidy?id=${state.granted}`);
  await page.waitForSelector("#flash .notice.error");
  assert.match(await text(page, "#flash"), /KH40/);
  assert.equal(await page.$eval("#detail", (e) => e.hidden), true);
  assert.deepEqual((await rows(page, "#applications")).map((r) => r[0]), [String(state.returned)]);
  // Neither may it open the first office's マイページ.
  const mypage = await b.go(page, "/mypage?office=1370000001");
  assert.equal(mypage.status(), 403);
});

test("a 代理請求 account applies for its third office, withdraws while awaiting the decision, and applies again", async () => {
  const page = await b.newUser();
  state.group = page;
  page.on("dialog", (d) => d.accept());  // the withdrawal's confirmation
  await b.login(page, "KJ9000000001");
  await b.go(page, "/subsidy");
  await page.waitForSelector('#service-list input[data-service="43"]');  // its first office, 1370000001
  await page.select("#office", "1370000003");
  await page.waitForSelector('#service-list input[data-service="11"]');
  const applyOne = async () => {
    await setLine(page, 1, { purpose: "カードリーダー 1台", amount: "21000" });
    await page.click("#check");
    await page.waitForFunction(() => !document.querySelector("#apply").disabled);
    await page.click("#apply");
    await page.waitForFunction(() => /申請番号 \d+ を受け付けました/.test(document.querySelector("#flash").textContent));
    return Number(await fact(page, "申請番号"));
  };
  state.withdrawn = await applyOne();
  assert.match(await fact(page, "申請者"), /^1370000003 /);
  await page.click("#withdraw");
  await page.waitForFunction(() => /取り下げました/.test(document.querySelector("#flash").textContent));
  assert.equal(await fact(page, "状態"), "取下げ");
  assert.equal(await page.$eval("#withdraw", (e) => e.hidden), true);
  state.staffReturned = await applyOne();  // allowed again after the withdrawal
  assert.equal(await fact(page, "状態"), "申請受付");
  const list = await rows(page, "#applications");
  assert.deepEqual(list.map((r) => [r[0], r[4]]), [
    [String(state.staffReturned), "申請受付"], [String(state.withdrawn), "取下げ"], [String(state.returned), "申請受付"],
    [String(state.granted), "申請受付"],
  ]);  // the group's account sees the applications of the three offices it acts for
});

test("the 国保連 decides both in the decision month: 交付決定 64,000 円 and 返戻", async () => {
  await world.setClock("2026-06-01T09:00:00");
  const page = await b.open("KJ0000000001", "/subsidy/review");
  state.operator = page;
  await page.waitForSelector(`#applications tr[data-id="${state.granted}"]`);
  const received = await rows(page, "#applications");
  assert.deepEqual(received.map((r) => [r[0], r[2], r[4]]), [
    [String(state.staffReturned), "1370000003 あおば訪問介護ステーション1", "申請受付"],
    [String(state.returned), "1370000002 ひまわり訪問介護ステーション1", "申請受付"],
    [String(state.granted), "1370000001 さくら居宅介護支援事業所1", "申請受付"],
  ]);
  await page.click(`#applications tr[data-id="${state.granted}"] button`);
  await page.waitForSelector("#decide-box:not([hidden])");
  assert.deepEqual(await steps(page, "#detail-steps"), SEED_STEPS);
  await b.check(page, "subsidy-review");
  await page.click("#decide");
  await page.waitForFunction(() => /交付決定（64,000 円）/.test(document.querySelector("#flash").textContent));
  assert.equal(await fact(page, "状態"), "交付決定");
  // Paying before the payment month (2026-07) is refused with its rule.
  await page.waitForSelector("#pay:not([hidden])");
  await page.click("#pay");
  await page.waitForFunction(() => /KH43/.test(document.querySelector("#flash").textContent));
  // The list shows the received ones (the default filter).
  assert.deepEqual((await rows(page, "#applications")).map((r) => r[0]), [String(state.staffReturned), String(state.returned)]);
  await page.click(`#applications tr[data-id="${state.returned}"] button`);
  await page.waitForFunction((id) => document.querySelector('#detail-facts dd[data-fact="申請番号"]')?.textContent === String(id), {}, state.returned);
  await page.click("#decide");
  await page.waitForFunction(() => /: 返戻/.test(document.querySelector("#flash").textContent));
  assert.equal(await fact(page, "状態"), "返戻");
  // The third: returned by the staff with their reason (KH30).
  await page.click(`#applications tr[data-id="${state.staffReturned}"] button`);
  await page.waitForFunction((id) => document.querySelector('#detail-facts dd[data-fact="申請番号"]')?.textContent === String(id), {}, state.staffReturned);
  await page.click("#return-form button[type=submit]");  // no reason: refused in the page
  await page.waitForFunction(() => /返戻の理由を入力してください/.test(document.querySelector("#flash").textContent));
  await page.type("#return-reason", "領収書の宛名が事業所名と異なります");
  await page.click("#return-form button[type=submit]");
  await page.waitForFunction(() => /: 返戻/.test(document.querySelector("#flash").textContent));
  const kh30 = await page.$eval('#detail-findings tr[data-code="KH30"]', (tr) => tr.cells[3].textContent);
  assert.equal(kh30, "審査の結果、返戻します: 領収書の宛名が事業所名と異なります / returned by the review: 領収書の宛名が事業所名と異なります");
  assert.deepEqual(await rows(page, "#applications"), [["該当する申請はありません。"]]);  // nothing left to decide
});

test("the office sees 交付決定 with 64,000 円 and every step, and downloads the notice PDF", async () => {
  const page = state.office;
  await b.login(page, "KJ1370000001");  // a month later: the session has ended
  await b.go(page, `/subsidy?id=${state.granted}`);
  await page.waitForFunction(() => document.querySelector('#detail-facts dd[data-fact="状態"]')?.textContent === "交付決定");
  assert.equal(await fact(page, "交付決定額"), "64,000 円");
  assert.equal(await fact(page, "審査結果"), "交付決定");
  assert.match(await text(page, "#detail-steps caption"), /計算の内訳（決定）/);
  assert.deepEqual(await steps(page, "#detail-steps"), SEED_STEPS);
  const pdf = await page.evaluate(async (id) => {
    const r = await fetch(`/api/subsidies/${id}/notice.pdf`);
    const bytes = new Uint8Array(await r.arrayBuffer());
    return [r.status, r.headers.get("content-type"), String.fromCharCode(...bytes.slice(0, 5)), bytes.length];
  }, state.granted);
  assert.deepEqual(pdf.slice(0, 3), [200, "application/pdf", "%PDF-"]);
  await page.click("#notice");
  const saved = await b.waitForDownload(`subsidy-${state.granted}.pdf`);
  const file = readFileSync(saved);
  assert.equal(file.length, pdf[3]);
  const words = execFileSync("pdftotext", ["-layout", saved, "-"], { encoding: "utf8" });
  assert.match(words, /助成金交付決定通知書/);
  assert.match(words, /64,000/);
  assert.match(words, /70,000/);
  assert.equal(await page.$eval("#withdraw", (e) => e.hidden), true);  // no withdrawal after the decision
  await b.check(page, "subsidy-decided");
});

test("the second office sees 返戻 with the reason", async () => {
  const page = state.other;
  await b.login(page, "KJ1370000002");
  await b.go(page, `/subsidy?id=${state.returned}`);
  await page.waitForFunction(() => document.querySelector('#detail-facts dd[data-fact="状態"]')?.textContent === "返戻");
  assert.equal(await fact(page, "審査結果"), "返戻");
  const reason = await page.$eval('#detail-findings tr[data-code="KH10"]', (tr) => [...tr.cells].map((c) => c.textContent));
  assert.equal(reason[1], "返戻");
  assert.equal(reason[2], "1");
  assert.match(reason[3], /用途/);
});

test("the operator pays in the payment month: 振込済", async () => {
  await world.setClock("2026-07-01T09:00:00");
  const page = state.operator;
  await b.login(page, "KJ0000000001");
  await b.go(page, `/subsidy/review?state=decided`);
  await page.waitForSelector(`#applications tr[data-id="${state.granted}"]`);
  await page.click(`#applications tr[data-id="${state.granted}"] button`);
  await page.waitForSelector("#pay:not([hidden])");
  await page.click("#pay");
  await page.waitForFunction(() => /振込済/.test(document.querySelector("#flash").textContent));
  await page.waitForSelector('#detail-facts dd[data-fact="振込日"]');
  assert.equal(await fact(page, "振込日"), "2026-07-01（64,000 円）");
  assert.equal(await fact(page, "状態"), "振込済");
});

test("マイページ: the office's KJ ID, its services and its application with its state", async () => {
  const page = state.office;
  await b.login(page, "KJ1370000001");
  await b.go(page, "/mypage");
  await page.waitForSelector(`#subsidies tr[data-id="${state.granted}"]`);
  const app = (await rows(page, "#subsidies"))[0];
  assert.deepEqual([app[0], app[3], app[4], app[5], app[6]], [String(state.granted), "振込済", "2026年06月", "2026年07月", "64,000 円"]);
  assert.ok((await rows(page, "#accounts")).some((r) => r[0] === "KJ1370000001" && r[2] === "自事業所"));
  assert.deepEqual((await rows(page, "#services")).map((r) => r.slice(0, 2)), [["43", "居宅介護支援"]]);
  await b.check(page, "mypage");
});

test("/golive: each insurer with its loaded date and its state on the day", async () => {
  const page = state.other;
  await b.login(page, "KJ1370000002");
  await b.go(page, "/golive");  // the clock: 2026-07-01
  await page.waitForSelector('#golive tr[data-insurer="131030"]');
  assert.deepEqual(await rows(page, "#golive"), [
    ["131013", "さくら市", "2026-04-01", "利用開始済"],
    ["131021", "みどり市", "2026-07-01", "利用開始済"],
    ["131030", "あおば町", "－", "未定"],
  ]);
  await b.check(page, "golive");
  // The day before みどり市's date.
  await page.$eval("#on", (e) => (e.value = "2026-06-30"));
  await page.click("#filter button[type=submit]");
  await page.waitForFunction(() => document.querySelector('#golive tr[data-insurer="131021"] td:nth-child(4)')?.textContent === "開始予定");
  assert.deepEqual(await page.$$eval("#counts [data-count]", (ps) => ps.map((p) => p.textContent)), ["1 保険者", "1 保険者", "1 保険者"]);
  const csv = await page.evaluate(async () => {
    const r = await fetch(document.querySelector("#csv").href);
    // ignoreBOM: keep the BOM in the text (a plain r.text() would drop it).
    return [r.status, r.headers.get("content-type"), new TextDecoder("utf-8", { ignoreBOM: true }).decode(await r.arrayBuffer())];
  });
  assert.deepEqual(csv, [200, "text/csv; charset=utf-8",
    "\uFEFF保険者番号,保険者名,利用開始日,状態,state\n131013,さくら市,20260401,利用開始済,live\n" +
    "131021,みどり市,20260701,開始予定,scheduled\n131030,あおば町,,未定,undecided\n"]);
});

test("no page broke its Content-Security-Policy or threw", () => {
  assert.deepEqual(b.problems, []);
});
