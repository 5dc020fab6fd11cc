// A 国保連 with its server for the browser tests, made with the real command line (the same steps as
// tests/support/server_world): a generated month (処理年月 2026-05, 6 offices), the CA and the
// server's certificate, accounts (two offices, a 代理請求 group, an operator, an administrator, each
// with the same password), an SMTP sink for the reset mail, and `kaigo serve` over TLS on loopback
// with a test clock at 2026-05-05 10:00. Options for other walks (careplan.test.mjs): `errors` (gen's
// share of recipients with a mistake, listed in expected_errors.csv), more `users` (the arguments of
// `kaigo user add`), care-plan `licences` (offices, applied 2026-04-01) and `submitClaims` (every
// generated claim file received on 2026-05-03, so the month can be reconciled). No --client-ca: mutual TLS (office certificates) is
// tested by the server tests; Chromium here trusts the test server's key only (by its SPKI hash).
import { execFileSync, spawn } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { request } from "node:https";
import { join } from "node:path";

export const PASSWORD = "correct horse battery staple";

function kaigo(bin, args, input) {
  return execFileSync(bin, args, { input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
}

// Waits for `pattern` in a child's stdout (bounded); resolves with the match.
function waitFor(child, pattern, ms, what) {
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${ms} ms: ${text}`)), ms);
    const on = (chunk) => {
      text += chunk;
      const m = text.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout.on("data", on);
    child.stderr.on("data", (c) => (text += c));
    child.on("exit", (code) => reject(new Error(`${what} exited (${code}): ${text}`)));
  });
}

export class World {
  constructor({ kaigoBin, smtpSinkBin, errors = 0, users = [], licences = [], submitClaims = false }) {
    this.options = { errors, users, licences, submitClaims };
    this.bin = kaigoBin;
    this.sinkBin = smtpSinkBin;
    this.dir = mkdtempSync(join(tmpdir(), "kaigo-browser-"));
    this.db = join(this.dir, "k.db");
    this.month = join(this.dir, "m");
    this.mail = join(this.dir, "mail");
  }

  async start() {
    const { bin, dir, db } = this;
    this.sink = spawn(this.sinkBin, ["--dir", this.mail, "--lifetime", "900"], { stdio: ["ignore", "pipe", "pipe"] });
    const [, smtpPort] = await waitFor(this.sink, /^(\d+)\s*$/m, 10000, "smtp_sink");
    const mistakes = this.options.errors ? ["--errors", String(this.options.errors)] : [];
    kaigo(bin, ["gen", "--out", this.month, "--month", "202605", "--offices", "6", "--recipients", "60", "--seed", "5", ...mistakes]);
    const config =
      readFileSync(join(this.month, "kokuhoren.toml"), "utf8") +
      `\n[auth]\npassword_ops = 1\npassword_mem_kib = 8192\nmail_relay = "127.0.0.1:${smtpPort}"\n` +
      `reset_base_url = "https://127.0.0.1"\n`;
    writeFileSync(join(dir, "kokuhoren.toml"), config);
    kaigo(bin, ["init", "--db", db, "--config", join(dir, "kokuhoren.toml")]);
    for (const kind of ["services", "offices", "insurers", "recipients"]) {
      kaigo(bin, ["load", "--db", db, kind, join(this.month, `${kind}.csv`)]);
    }
    kaigo(bin, ["ca", "init", "--db", db, "--out", join(dir, "ca"), "--at", "2026-04-01T00:00:00"]);
    writeFileSync(join(dir, "group.txt"), "1370000001\n1370000002\n1370000003\n");
    const users = [
      ["--id", "KJ1370000001", "--role", "office", "--office", "1370000001", "--email", "office1@example.jp", "--name", "事業所1 請求担当"],
      ["--id", "KJ1370000002", "--role", "office", "--office", "1370000002"],
      ["--id", "KJ9000000001", "--role", "office", "--offices", join(dir, "group.txt")],
      ["--id", "KJ0000000001", "--role", "kokuhoren", "--name", "国保連 審査担当"],
      ["--id", "KJ0000000002", "--role", "admin", "--name", "管理者"],
    ];
    for (const u of [...users, ...this.options.users]) kaigo(bin, ["user", "add", "--db", db, ...u], `${PASSWORD}\n`);
    for (const office of this.options.licences) {
      kaigo(bin, ["careplan", "licence", "add", "--db", db, "--office", office, "--applied-on", "20260401", "--at", "2026-04-01T09:00:00"]);
    }
    if (this.options.submitClaims) {
      const files = readdirSync(join(this.month, "submissions")).sort().flatMap((o) => this.filesOf(o));
      kaigo(bin, ["submit", "--db", db, "--at", "2026-05-03T09:00:00", ...files]);
    }
    await this.serve();
  }

  async serve() {
    const ca = join(this.dir, "ca");
    this.server = spawn(
      this.bin,
      ["serve", "--db", this.db, "--listen", "127.0.0.1:0", "--tls-cert", join(ca, "server.crt"), "--tls-key", join(ca, "server.key"),
        "--test-clock", "2026-05-05T10:00:00"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const [, url] = await waitFor(this.server, /listening on (https:\/\/127\.0\.0\.1:\d+)/, 30000, "kaigo serve");
    this.url = url;
    // A server that ends before the tests stop it says why (its last words and the signal).
    let output = "";
    const keep = (c) => (output = (output + c).slice(-4000));
    this.server.stdout.on("data", keep);
    this.server.stderr.on("data", keep);
    this.server.on("exit", (code, signal) => {
      if (!this.stopping) console.error(`kaigo serve ended by itself (exit ${code}, signal ${signal}):\n${output}`);
    });
    return url;
  }

  // The base64 SHA-256 of the server certificate's public key: Chromium's
  // --ignore-certificate-errors-spki-list trusts that key and nothing else.
  serverSpki() {
    const cert = new X509Certificate(readFileSync(join(this.dir, "ca", "server.crt")));
    const der = cert.publicKey.export({ type: "spki", format: "der" });
    return createHash("sha256").update(der).digest("base64");
  }

  filesOf(office) {
    const d = join(this.month, "submissions", office);
    return readdirSync(d).sort().map((f) => join(d, f));
  }

  // The care-plan files gen wrote for an office (careplan/<office>/), by name.
  careplanFilesOf(office) {
    const d = join(this.month, "careplan", office);
    return readdirSync(d).sort().map((f) => join(d, f));
  }

  // `kaigo ARGS…` on this world's database (its stdout).
  run(...args) {
    return kaigo(this.bin, [...args, "--db", this.db]);
  }

  mails() {
    try {
      return readdirSync(this.mail).sort().map((f) => readFileSync(join(this.mail, f), "utf8"));
    } catch {
      return [];
    }
  }

  // Moves the server's test clock (POST /api/test/clock over TLS, trusting the test CA).
  setClock(at) {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ at });
      const req = request(
        `${this.url}/api/test/clock`,
        { method: "POST", ca: readFileSync(join(this.dir, "ca", "ca.crt")), headers: { "Content-Type": "application/json" } },
        (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`clock: ${res.statusCode}`))));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  stop() {
    this.stopping = true;
    for (const child of [this.server, this.sink]) {
      if (child && child.exitCode === null) child.kill("SIGTERM");
    }
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
