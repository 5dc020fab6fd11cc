// certificates.js — 電子証明書: certificates a page at a time (GET /api/certificates) with their
// state; an administrator revokes one, or issues one for an office or a 代理請求 group: the answer
// carries the PKCS#12 file (key and certificate, protected by the passphrase given), saved once
// by the browser — the server keeps no copy of the key.
import { $, api, clear, el, pagedList, failureText, flash, me, pager, saveBlob, showFailure, when, yen } from "./common.js";

const admin = me.role === "admin";
$("#issue-box").hidden = !admin;
$("#issue-applied").value = me.now.slice(0, 10);
const STATE_JA = { valid: "有効", expired: "期限切れ", revoked: "失効", not_yet_valid: "有効期間前" };

async function revoke(serial) {
  const reason = prompt(`証明書 ${serial} を失効させます。理由を入力してください。`, "");
  if (reason === null) return;
  try {
    await api(`/api/certificates/${serial}/revoke`, { method: "POST", json: { reason } });
    flash(`証明書 ${serial} を失効させました。`, "ok");
    load();
  } catch (e) {
    showFailure(e);
  }
}

const load = pagedList($("#filter"), $("#pager"), async (page) => {
  const q = new URLSearchParams({ page, per_page: 50 });
  if ($("#office").value.trim()) q.set("office", $("#office").value.trim());
  const r = await api(`/api/certificates?${q}`);
  clear($("#certificates tbody"), r.rows.map((c) => el("tr", { "data-serial": c.serial },
    el("td", { class: "code" }, c.serial), el("td", { class: "code" }, c.office_no),
    el("td", { class: "code" }, c.offices.length > 3 ? `${c.offices.slice(0, 3).join(", ")} ほか ${c.offices.length - 3}` : c.offices.join(", ")),
    el("td", {}, c.applied_on), el("td", {}, when(c.not_after)),
    el("td", {}, STATE_JA[c.state] || c.state, c.revoked_at ? `（${when(c.revoked_at)}${c.revoke_reason ? `・${c.revoke_reason}` : ""}）` : ""),
    el("td", {}, admin && c.state !== "revoked" ? el("button", { type: "button", class: "danger", onclick: () => revoke(c.serial), "aria-label": `証明書 ${c.serial} を失効` }, "失効") : "－"))));
  return r;
});

$("#issue").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = {
    office_no: $("#issue-office").value.trim(),
    offices: $("#issue-offices").value.split(/\s+/).map((s) => s.trim()).filter(Boolean),
    applied_on: $("#issue-applied").value.replaceAll("-", ""),
    passphrase: $("#issue-pass").value,
  };
  try {
    const r = await api("/api/certificates", { method: "POST", json: body });
    const bytes = Uint8Array.from(atob(r.p12_base64), (ch) => ch.charCodeAt(0));
    saveBlob(new Blob([bytes], { type: "application/x-pkcs12" }), r.p12_file);
    flash([`証明書 ${r.certificate.serial} を発行しました（有効期限 ${when(r.certificate.not_after)}）。`,
      `発行手数料 ${r.fee_yen === null ? "（料金表にない申請日）" : yen(r.fee_yen)} は ${r.fee_month.slice(0, 4)}年${r.fee_month.slice(4)}月審査分の支払から控除されます。`,
      `${r.p12_file} を保存しました。パスフレーズとは別の経路で事業所に渡してください。`], "ok");
    $("#issue").reset();
    $("#issue-applied").value = me.now.slice(0, 10);
    load();
  } catch (err) {
    flash(failureText(err), "error");
  }
});
load();
