// The web pages in a real browser (issue 14): Debian's headless Chromium driven over the DevTools
// protocol by puppeteer-core, against a real `kaigo serve` on loopback (world.mjs). One clerk's and
// one operator's month, step by step: log in (a wrong password first); send a clean file and one
// with errors and watch the 送信結果 list turn them into 受付完了 and 様式エラー有 by itself; find
// the exact error row with its cause and remedy, sort and filter; cancel with the confirmation that
// says until when; another office's file and notices are refused when the URL is edited; the
// operator runs the review and the results with their progress; the office opens its 7411 in the
// page and downloads its PDF, whose text pdftotext reads; the operator looks up decisions,
// accounts, certificates and the audit trail; the reset mail's link sets a new password. Every page
// is photographed at 1366×768 (KAIGO_SCREENSHOT_DIR) and checked by axe-core: no serious or
// critical violation; no page breaks its Content-Security-Policy or throws.
//   KAIGO_BIN=build/kaigo KAIGO_SMTP_SINK=build/tests/smtp_sink node --test pages.test.mjs
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import puppeteer from "puppeteer-core";
import { PASSWORD, World } from "./world.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const shots = process.env.KAIGO_SCREENSHOT_DIR ? resolve(process.env.KAIGO_SCREENSHOT_DIR) : null;
const chromium = process.env.KAIGO_CHROMIUM || "/usr/bin/chromium";

const world = new World({
  kaigoBin: resolve(process.env.KAIGO_BIN || "../../build/kaigo"),
  smtpSinkBin: resolve(process.env.KAIGO_SMTP_SINK || "../../build/tests/smtp_sink"),
});
let browser;
const profile = mkdtempSync(join(tmpdir(), "kaigo-chromium-"));
const downloads = mkdtempSync(join(tmpdir(), "kaigo-downloads-"));
const problems = [];  // CSP refusals and script errors seen on any page

before(async () => {
  await world.start();
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--window-size=1366,768", "--lang=ja-JP",
      // Trust the test server's key only: every other certificate error still stops the page.
      `--ignore-certificate-errors-spki-list=${world.serverSpki()}`,
    ],
  });
  if (shots) mkdirSync(shots, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  world.stop();
  world.remove();
  rmSync(profile, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

// A fresh session (its own cookies) in a 1366×768 tab.
async function newUser() {
  const context = await browser.createBrowserContext();
  const cdp = await browser.target().createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads, browserContextId: context.id });
  const page = await context.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  page.setDefaultTimeout(20000);
  return page;
}

async function go(page, path) {
  const res = await page.goto(`${world.url}${path}`, { waitUntil: "domcontentloaded" });
  return res;
}

async function login(page, user, password = PASSWORD) {
  await go(page, "/login");
  await page.type("#user", user);
  await page.type("#password", password);
  await Promise.all([page.waitForNavigation({ waitUntil: "domcontentloaded" }), page.click("#login button[type=submit]")]);
}

async function text(page, selector) {
  return page.$eval(selector, (e) => e.textContent);
}

// axe-core in the page (evaluated through the DevTools protocol, which the page's CSP does not
// govern); the violations that are serious or critical.
async function accessibility(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

// A photograph of the page at 1366×768 and its accessibility check.
async function check(page, name) {
  if (shots) await page.screenshot({ path: join(shots, `page-${name}.png`) });
  assert.deepEqual(await accessibility(page), [], `axe on ${name}`);
}

// The generated claim file of office 1 with a non-digit in the 請求書's 単位数 (KC08, KP30), the
// same change as the server tests make.
function badFile() {
  const bytes = readFileSync(world.filesOf("1370000001")[0], "latin1");
  const at = bytes.indexOf(",30,");
  const end = bytes.indexOf(",", at + 4);
  const bad = bytes.slice(0, end - 1) + "X" + bytes.slice(end);
  const dir = mkdtempSync(join(world.dir, "bad-"));  // removed with the world
  const path = join(dir, "KK260502.CSV");
  writeFileSync(path, bad, "latin1");
  return path;
}

async function waitForDownload(suffix) {
  for (let i = 0; i < 200; i++) {
    const f = readdirSync(downloads).find((n) => n.endsWith(suffix));
    if (f && !readdirSync(downloads).some((n) => n.endsWith(".crdownload"))) return join(downloads, f);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download ending in ${suffix}`);
}

const state = {};

test("log in: a wrong password is refused with its message; the page asked for opens after login", async () => {
  const page = await newUser();
  state.clerk = page;
  await go(page, "/results");
  assert.match(page.url(), /\/login\?next=\/results$/);
  await page.type("#user", "KJ1370000001");
  await page.type("#password", "not the password");
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#flash .notice.error");
  assert.match(await text(page, "#flash"), /ユーザIDまたはパスワードが違います .*（KA20）/);
  await check(page, "login");
  await page.$eval("#user", (e) => (e.value = ""));
  await page.type("#user", "KJ1370000001");
  await page.type("#password", PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click("#login button[type=submit]")]);
  assert.equal(new URL(page.url()).pathname, "/results");
  assert.match(await text(page, "header .who"), /KJ1370000001（事業所）/);
});

test("send a clean file and one with errors; the 送信結果 list shows 受付完了 and 様式エラー有 by itself", async () => {
  const clerk = state.clerk;
  await go(clerk, "/results");
  await clerk.waitForSelector("#list tbody tr td[colspan]");  // nothing sent yet
  // Files are sent from a second tab; the list in the first must change without a reload.
  const sender = await clerk.browserContext().newPage();
  await sender.setViewport({ width: 1366, height: 768 });
  await go(sender, "/send");
  // Two files at once (the office's claims and its 給付管理票), then the claims again with an error:
  // the copy finds the claims already in (ANN2), whichever order the first two finish in.
  const [claims, plans] = world.filesOf("1370000001");
  await (await sender.$("#files")).uploadFile(claims, plans);
  await sender.waitForFunction(() => document.querySelectorAll("#uploads li .state").length === 2);
  await (await sender.$("#files")).uploadFile(badFile());
  await sender.waitForFunction(() => document.querySelectorAll("#uploads li .state").length === 3);
  const answers = await sender.$$eval("#uploads li", (lis) => lis.map((li) => li.textContent));
  assert.ok(answers[0].includes("KK260501.CSV") && answers[0].includes("受付完了"), answers.join("\n"));
  assert.ok(answers[1].includes("KY260501.CSV") && answers[1].includes("受付完了"), answers.join("\n"));
  assert.ok(answers[2].includes("KK260502.CSV") && answers[2].includes("様式エラー有"), answers.join("\n"));
  await check(sender, "send");
  await sender.close();
  await clerk.waitForFunction(() => document.querySelectorAll("#list tbody tr[data-id]").length === 3, { timeout: 15000 });
  const rows = await clerk.$$eval("#list tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  // 受付番号, ファイル名, 事業所番号, 状態, 到達, 受付, 処理年月, 明細件数, エラー件数, 受付日時 (newest first)
  assert.ok(Number(rows[0][0]) > Number(rows[1][0]) && Number(rows[1][0]) > Number(rows[2][0]));
  const bad = rows.find((r) => r[1] === "KK260502.CSV");
  const clean = rows.find((r) => r[1] === "KK260501.CSV");
  assert.deepEqual(bad.slice(2, 7), ["1370000001", "様式エラー有", "○", "△", "2026年05月"]);
  assert.deepEqual(clean.slice(2, 7), ["1370000001", "受付完了", "○", "○", "2026年05月"]);
  assert.equal(clean[8], "0");
  assert.equal(bad[7], clean[7]);  // the same 明細件数
  state.badId = bad[0];
  state.badErrors = Number(bad[8]);
  assert.ok(state.badErrors >= 3);
  await check(clerk, "results");
});

test("the error list has the exact row in the seed's columns with its cause and remedy; sorts, filters, downloads", async () => {
  const clerk = state.clerk;
  await clerk.click(`#list tr[data-id="${state.badId}"] a`);
  await clerk.waitForSelector("#errors tbody tr[data-seq]");
  assert.match(await text(clerk, "#facts"), /様式エラー有/);
  const first = await clerk.$$eval("#errors tbody tr[data-seq='1'] td", (tds) => tds.map((td) => td.textContent));
  // ファイル名, 様式, 提供年月, サービス種類, 保険者番号, 被保険者番号, 項目名, 値, エラー内容, コード, 原因と対応, 行
  assert.equal(first[0], "KK260502.CSV");
  assert.equal(first[6], "サービス費用 単位数（項番8）");
  assert.match(first[8], /^数字項目に数字以外の文字があります/);
  assert.equal(first[9], "KC08");
  assert.match(first[10], /原因：.+対応：.+/);
  assert.equal(first[11], "2");
  await check(clerk, "submission");
  // Only the KP30 row when filtered by its code; the code column sorted descending puts KP30 first.
  await clerk.select("#code", "KP30");
  await clerk.click("#filter button[type=submit]");
  await clerk.waitForFunction(() => document.querySelectorAll("#errors tbody tr[data-seq]").length === 1);
  assert.equal(await clerk.$eval("#errors tbody tr[data-seq]", (tr) => tr.dataset.code), "KP30");
  await clerk.select("#code", "");
  await clerk.click("#filter button[type=submit]");
  await clerk.waitForFunction((n) => document.querySelectorAll("#errors tbody tr[data-seq]").length === n, {}, state.badErrors);
  const sortButton = await clerk.$$("#errors thead th button.sort");
  const labels = await Promise.all(sortButton.map((b) => b.evaluate((e) => e.textContent)));
  await sortButton[labels.indexOf("コード")].click();  // ascending
  await clerk.waitForFunction(() => document.querySelector("#errors thead th[aria-sort='ascending']"));
  await (await clerk.$$("#errors thead th button.sort"))[labels.indexOf("コード")].click();  // descending
  await clerk.waitForFunction(() => document.querySelector("#errors thead th[aria-sort='descending']"));
  await clerk.waitForFunction(() => document.querySelector("#errors tbody tr[data-seq]").dataset.code === "KP30");
  // The CSV in the seed's columns (fetched as the link would).
  const csv = await clerk.evaluate(async () => (await fetch(document.querySelector("#csv").href)).text());
  assert.match(csv, /KC08/);
  assert.match(csv, /サービス費用 単位数/);
});

test("cancel: the confirmation says until when; the file becomes 取消完了", async () => {
  const clerk = state.clerk;
  assert.match(await text(clerk, "#cancel-note"), /2026-05-10 23:30 まで/);
  await clerk.click("#cancel");
  await clerk.waitForSelector("#confirm[open]");
  assert.match(await text(clerk, "#confirm-text"), /取消は 2026-05-10 23:30 まで可能です/);
  await clerk.click("#confirm-yes");
  await clerk.waitForFunction(() => document.querySelector("#flash").textContent.includes("取消しました"));
  await clerk.waitForFunction(() => document.querySelector("#facts").textContent.includes("取消完了"));
  assert.equal(await clerk.$eval("#cancel", (b) => b.hidden), true);
});

test("an office cannot reach another office's file or notices by editing the URL", async () => {
  const other = await newUser();
  await login(other, "KJ1370000002");
  await go(other, "/send");
  await (await other.$("#files")).uploadFile(world.filesOf("1370000002")[0]);
  await other.waitForSelector("#uploads li .state");
  const href = await other.$eval("#uploads li a", (a) => a.getAttribute("href"));
  const clerk = state.clerk;
  const page = await go(clerk, href);
  assert.equal(page.status(), 403);
  assert.match(await text(clerk, "main"), /このページを表示する権限がありません/);
  assert.ok(!(await clerk.content()).includes("KK260501.CSV"));
  const notices = await go(clerk, "/notices?office=1370000002");
  assert.equal(notices.status(), 403);
  const api = await clerk.evaluate(async (id) => (await fetch(`/api/submissions/${id}/errors`)).status, href.split("/").pop());
  assert.equal(api, 403);
  await other.browserContext().close();
  // Send the file with errors again: the clean file is in, so every 明細書 of it is a duplicate
  // (ANN2), returned by the review onto the office's 7411.
  await go(clerk, "/send");
  await (await clerk.$("#files")).uploadFile(badFile());
  await clerk.waitForSelector("#uploads li .state");
});

test("as operator: the month at a glance, the review and the results with their progress", async () => {
  await world.setClock("2026-05-11T01:00:00");
  const op = await newUser();
  state.op = op;
  await login(op, "KJ0000000001");
  assert.equal(new URL(op.url()).pathname, "/month");
  await op.waitForSelector("#days tbody tr");
  assert.match(await text(op, "#status"), /未送信の事業所/);
  const unsent = await op.$$eval("#unsent tbody tr td:first-child", (tds) => tds.map((t) => t.textContent));
  assert.ok(unsent.includes("1370000003") && !unsent.includes("1370000001"), unsent.join(","));
  await op.click("#review");
  await op.waitForFunction(() => document.querySelector("#job-text").textContent.startsWith("審査：完了"), { timeout: 60000 });
  await op.waitForSelector("#reasons svg.bars");
  await op.waitForFunction(() => !document.querySelector("#results").disabled);
  await op.click("#results");
  await op.waitForFunction(() => /支払処理・帳票作成：完了/.test(document.querySelector("#job-text").textContent), { timeout: 90000 });
  assert.match(await text(op, "#reasons"), /ANN2/);
  await check(op, "month");
});

test("as the office: the 7411 in the page, its PDF downloaded and read by pdftotext", async () => {
  const clerk = state.clerk;
  await login(clerk, "KJ1370000001");  // the clock moved on: the old session has expired
  await go(clerk, "/notices?month=202605");
  await clerk.waitForSelector('#notices tr[data-form="7411"]');
  assert.match(await text(clerk, "#cards"), /返戻/);
  assert.match(await text(clerk, "#chart"), /ANN2/);
  await check(clerk, "notices");
  await clerk.click('#notices tr[data-form="7411"] button');
  await clerk.waitForSelector("#viewer:not([hidden])");
  const frame = await (await clerk.$("#frame")).contentFrame();
  await frame.waitForSelector("table");
  assert.match(await frame.evaluate(() => document.body.textContent), /ＡＮＮ２/);  // the notice prints codes full-width
  await check(clerk, "notice-view");
  await clerk.click('#notices tr[data-form="7411"] a[href$=".pdf"]');
  const pdf = await waitForDownload("7411.pdf");
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), "%PDF-");
  const words = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  assert.match(words, /返戻/);
  assert.match(words, /同月に同じ請求明細書を提出済\s*ＡＮＮ２/);
  assert.match(words, /1370000001/);
  // The office sent its files through the server: its 事業所別審査状況一覧表 is listed, with PDF and
  // CSV and no page view (it has no form code).
  const status = '#notices tr[data-form="review-status"]';
  await clerk.waitForSelector(status);
  assert.equal(await clerk.$eval(`${status} td:nth-child(3)`, (td) => td.textContent), "－");
  assert.match(await clerk.$eval(`${status} a[href$=".csv"]`, (a) => a.getAttribute("href")), /\/1370000001\/review-status\.csv$/);
  assert.ok(await clerk.$(`${status} a[href$=".pdf"]`));
});

test("as operator: look up an office, a person and a file with every decision and its reasons", async () => {
  const op = state.op;
  await go(op, "/lookup?office=1370000001&month=202605");
  await op.waitForSelector("tr[data-claim]");
  const rows = await op.$$eval("tr[data-claim]", (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.some((r) => r.includes("返戻") && r.includes("ANN2")), rows.slice(0, 3).join("\n"));
  const insured = await op.$eval("tr[data-claim] td:nth-child(5)", (td) => td.textContent);
  await check(op, "lookup");
  await op.$eval("#insured", (e, v) => (e.value = v), insured);
  await op.click("#by-person button[type=submit]");
  await op.waitForFunction((n) => document.querySelector("#result h2").textContent.includes(n), {}, insured);
  await op.waitForSelector("tr[data-claim]");
  const person = await op.$$eval("tr[data-claim] td:nth-child(5)", (tds) => tds.map((t) => t.textContent));
  assert.ok(person.length >= 1 && person.every((p) => p === insured));
});

test("as administrator: accounts (lock, unlock) and certificates (issue with its PKCS#12, revoke); the audit trail", async () => {
  const admin = await newUser();
  await login(admin, "KJ0000000002");
  await go(admin, "/accounts");
  await admin.waitForSelector('#accounts tr[data-id="KJ1370000002"]');
  await admin.click('#accounts tr[data-id="KJ1370000002"] button');
  await admin.waitForFunction(() => document.querySelector('#accounts tr[data-id="KJ1370000002"]').textContent.includes("管理者によりロック"));
  await check(admin, "accounts");
  // The locked clerk sees the lock message at login.
  const locked = await newUser();
  await go(locked, "/login");
  await locked.type("#user", "KJ1370000002");
  await locked.type("#password", PASSWORD);
  await locked.click("#login button[type=submit]");
  await locked.waitForSelector("#flash .notice.error");
  assert.match(await text(locked, "#flash"), /管理者によりロックされています .*（KA22）/);
  await locked.browserContext().close();
  await admin.click('#accounts tr[data-id="KJ1370000002"] button');
  await admin.waitForFunction(() => document.querySelector('#accounts tr[data-id="KJ1370000002"]').textContent.includes("有効"));

  await go(admin, "/certificates");
  await admin.waitForSelector("#issue");
  await admin.type("#issue-office", "1370000004");
  await admin.type("#issue-pass", "a passphrase for the p12");
  await admin.click("#issue button[type=submit]");
  await admin.waitForFunction(() => document.querySelector("#flash").textContent.includes("を発行しました"));
  assert.match(await text(admin, "#flash"), /発行手数料 7,800 円/);
  const p12 = await waitForDownload(".p12");
  assert.ok(readFileSync(p12).length > 100);
  await admin.waitForSelector("#certificates tbody tr[data-serial]");
  const serial = await admin.$eval("#certificates tbody tr[data-serial]", (tr) => tr.dataset.serial);
  await check(admin, "certificates");
  admin.once("dialog", (d) => d.accept("テスト"));
  await admin.click(`#certificates tr[data-serial="${serial}"] button`);
  await admin.waitForFunction((s) => document.querySelector(`#certificates tr[data-serial="${s}"]`).textContent.includes("失効"), {}, serial);

  await go(admin, "/audit?action=upload");
  await admin.waitForSelector("#audit tbody tr");
  const actions = await admin.$$eval("#audit tbody tr td:nth-child(5)", (tds) => tds.map((t) => t.textContent));
  assert.ok(actions.length >= 3 && actions.every((a) => a === "upload"), actions.join(","));
  // The filter offers every action of the one table by its Japanese name, the address's one chosen.
  const labels = await admin.$$eval("#action option", (os) => os.map((o) => o.textContent));
  assert.equal(labels.length, 59, labels.join(","));
  assert.ok(labels.includes("介護情報の閲覧（platform_view）") && labels.includes("請求ファイルの送信（upload）"), labels.join(","));
  assert.equal(await admin.$eval("#action", (s) => s.value), "upload");
  await check(admin, "audit");
  await admin.browserContext().close();
});

test("reset by security e-mail: the link's token in the fragment sets a new password once", async () => {
  const page = await newUser();
  await go(page, "/reset");
  await check(page, "reset");
  await page.type("#reset-user", "KJ1370000001");
  await page.type("#reset-email", "office1@example.jp");
  await page.click("#request button[type=submit]");
  await page.waitForSelector("#flash .notice.ok");
  let mail = "";
  for (let i = 0; i < 100 && !mail; i++) {
    mail = world.mails().join("\n");
    if (!mail) await new Promise((r) => setTimeout(r, 100));
  }
  const body = Buffer.from(mail.split("\r\n\r\n").slice(1).join("").replace(/\s+/g, ""), "base64").toString("utf8");
  const token = body.match(/#token=([A-Za-z0-9_-]+)/)[1];
  await go(page, `/reset#token=${token}`);
  await page.waitForSelector("#complete:not([hidden])");
  assert.equal(new URL(page.url()).hash, "");  // the token has left the address bar
  await page.type("#new-password", "a brand new passphrase");
  await page.type("#new-password-again", "a brand new passphrase");
  await page.click("#new-secret button[type=submit]");
  await page.waitForSelector("#flash .notice.ok");
  await login(page, "KJ1370000001", "a brand new passphrase");
  assert.equal(new URL(page.url()).pathname, "/results");
  await go(page, "/account");
  await check(page, "account");
});

test("no page broke its Content-Security-Policy or threw", () => {
  assert.deepEqual(problems, []);
});
