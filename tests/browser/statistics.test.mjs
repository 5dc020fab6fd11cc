// 審査の統計 in a real browser (issue 18 item 6, docs/review.md "Statistics"): a month generated with
// mistakes, every file received and reviewed; the operator's page shows each code's 件数 and share
// exactly as `kaigo stats` counts them, with the TOP5 of the month and a chart, and offers the CSV
// and the printed page; the municipality (さくら市, the month's insurer) sees its own table with its
// 保険者番号 filled in; an office cannot open the page. Photographed and checked by axe-core.
//   KAIGO_BIN=build/kaigo KAIGO_SMTP_SINK=build/tests/smtp_sink node --test statistics.test.mjs
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { after, before, test } from "node:test";
import { Browser } from "./browser.mjs";
import { World } from "./world.mjs";

const world = new World({
  kaigoBin: resolve(process.env.KAIGO_BIN || "../../build/kaigo"),
  smtpSinkBin: resolve(process.env.KAIGO_SMTP_SINK || "../../build/tests/smtp_sink"),
  errors: 0.25,
  users: [["--id", "KJ5000000001", "--role", "municipality", "--insurer", "131013"]],
  submitClaims: true,
});
const browser = new Browser(world);

before(async () => {
  await world.start();
  world.run("review", "--month", "202605");
  await browser.launch();
});

after(async () => {
  await browser.close();
  world.stop();
  world.remove();
});

const cells = (page, selector) => page.$$eval(selector, (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));

// `kaigo stats` as CSV: [[code, "count (share)", total]] without the header, the (all) row as 計.
function expectedRows(...options) {
  const csv = world.run("stats", "--month", "202605", "--months", "1", "--format", "csv", ...options);
  return csv.trim().split("\r\n").slice(1).map((line) => {
    const [key, count, share, total] = line.split(",");
    return key === "(all)" ? ["計", Number(count).toLocaleString("ja-JP"), Number(total).toLocaleString("ja-JP")]
      : [key, `${Number(count).toLocaleString("ja-JP")} (${share})`, Number(total).toLocaleString("ja-JP")];
  });
}

test("the operator sees each code's 件数 and share as kaigo stats counts them, the TOP5 and the downloads", async () => {
  const page = await browser.open("KJ0000000001", "/statistics?month=202605&months=1");
  await page.waitForSelector("#trend tbody tr");
  const expected = expectedRows();
  assert.ok(expected.length >= 3, `the month has returns: ${JSON.stringify(expected)}`);
  assert.deepEqual(await cells(page, "#trend tbody tr"), expected);
  const top = await cells(page, "#top tbody tr");
  assert.equal(top.length, 5);
  const ranked = expected.slice(0, -1).slice(0, 5);
  for (let i = 0; i < ranked.length; i++) {
    const share = ranked[i][1].replace(/^[\d,]+ /, "");
    assert.equal(top[i][1], `${ranked[i][0]} ${share}`);
  }
  assert.equal(await page.$$eval("#chart svg g", (g) => g.length), expected.length - 1);
  assert.equal(await page.$eval("#csv", (a) => a.getAttribute("href")), "/api/statistics/202605?months=1&kind=return&by=code&format=csv");
  const pdf = await page.evaluate(async () => {
    const r = await fetch(document.querySelector("#pdf").getAttribute("href"));
    return { status: r.status, type: r.headers.get("content-type"), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
  });
  assert.deepEqual(pdf, { status: 200, type: "application/pdf", head: "%PDF-" });
  await browser.check(page, "statistics");

  // By サービス種類: the same counts as the command line's.
  await page.select("#by", "service_type");
  await Promise.all([page.waitForResponse((r) => r.url().includes("by=service_type")), page.click("#filter button[type=submit]")]);
  await page.waitForFunction(() => document.querySelector("#trend thead th").textContent === "サービス種類");
  assert.deepEqual(await cells(page, "#trend tbody tr"), expectedRows("--by", "service_type"));
});

test("the municipality sees its own 保険者's table; an office cannot open the page", async () => {
  const city = await browser.open("KJ5000000001", "/statistics?month=202605&months=1");
  await city.waitForSelector("#trend tbody tr");
  assert.equal(await city.$eval("#insurer", (i) => i.value), "131013");
  assert.equal(await city.$eval("#insurer", (i) => i.readOnly), true);
  assert.deepEqual(await cells(city, "#trend tbody tr"), expectedRows("--insurer", "131013"));

  const office = await browser.newUser();
  await browser.login(office, "KJ1370000001");
  const res = await browser.go(office, "/statistics");
  assert.equal(res.status(), 403);
});
