// What a browser walk needs beside its World: headless Chromium trusting the world's server key
// only, a fresh session per user (own cookies, downloads into one folder, CSP refusals and script
// errors collected), log in, and the photograph with axe-core's check (no serious or critical
// violation). careplan.test.mjs and portal.test.mjs use it; pages.test.mjs still has its own copy of the same steps.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer from "puppeteer-core";
import { PASSWORD } from "./world.mjs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export class Browser {
  constructor(world) {
    this.world = world;
    this.shots = process.env.KAIGO_SCREENSHOT_DIR ? resolve(process.env.KAIGO_SCREENSHOT_DIR) : null;
    this.profile = mkdtempSync(join(tmpdir(), "kaigo-chromium-"));
    this.downloads = mkdtempSync(join(tmpdir(), "kaigo-downloads-"));
    this.problems = [];  // CSP refusals and script errors seen on any page
  }

  async launch() {
    if (this.shots) mkdirSync(this.shots, { recursive: true });
    this.browser = await puppeteer.launch({
      executablePath: process.env.KAIGO_CHROMIUM || "/usr/bin/chromium",
      headless: true,
      userDataDir: this.profile,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1366,768", "--lang=ja-JP",
        `--ignore-certificate-errors-spki-list=${this.world.serverSpki()}`,
      ],
    });
  }

  async close() {
    if (this.browser) await this.browser.close();
    rmSync(this.profile, { recursive: true, force: true });
    rmSync(this.downloads, { recursive: true, force: true });
  }

  // A fresh session (its own cookies) in a 1366×768 tab.
  async newUser() {
    const context = await this.browser.createBrowserContext();
    const cdp = await this.browser.target().createCDPSession();
    await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: this.downloads, browserContextId: context.id });
    const page = await context.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) this.problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => this.problems.push(`${page.url()}: ${e.message}`));
    page.setDefaultTimeout(20000);
    return page;
  }

  // A fresh session of `user`, logged in, on `path`.
  async open(user, path) {
    const page = await this.newUser();
    await this.login(page, user);
    await this.go(page, path);
    return page;
  }

  go(page, path) {
    return page.goto(`${this.world.url}${path}`, { waitUntil: "domcontentloaded" });
  }

  async login(page, user, password = PASSWORD) {
    await this.go(page, "/login");
    await page.type("#user", user);
    await page.type("#password", password);
    await Promise.all([page.waitForNavigation({ waitUntil: "domcontentloaded" }), page.click("#login button[type=submit]")]);
  }

  // The photograph at 1366×768 and axe-core's serious or critical violations (none expected).
  async check(page, name) {
    if (this.shots) await page.screenshot({ path: join(this.shots, `page-${name}.png`) });
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(serious, [], `axe on ${name}`);
  }

  async waitForDownload(name) {
    for (let i = 0; i < 200; i++) {
      const names = readdirSync(this.downloads);
      if (names.includes(name) && !names.some((n) => n.endsWith(".crdownload"))) return join(this.downloads, name);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no download named ${name}`);
  }
}
