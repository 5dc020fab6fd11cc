// accounts.js — アカウント: the accounts a page at a time (GET /api/accounts), whether each is locked
// (after failed logins, or by an administrator); an administrator locks and unlocks them and adds
// new ones (office accounts with one office, or up to 100 for 代理請求).
import { $, api, clear, el, pagedList, failureText, flash, me, pager, showFailure, when } from "./common.js";

const admin = me.role === "admin";
$("#add-box").hidden = !admin;
const ROLE_JA = { office: "事業所", kokuhoren: "国保連", admin: "管理者", municipality: "保険者", medical: "医療機関", insured: "被保険者" };

function stateText(a) {
  if (a.disabled) return "管理者によりロック";
  if (a.locked_until) return `ログイン失敗によりロック（${when(a.locked_until)} まで）`;
  return a.failed_logins ? `有効（失敗 ${a.failed_logins} 回）` : "有効";
}

async function act(id, action) {
  try {
    await api(`/api/accounts/${id}/${action}`, { method: "POST", json: {} });
    flash(`${id} を${action === "lock" ? "ロック" : "ロック解除"}しました。`, "ok");
    load();
  } catch (e) {
    showFailure(e);
  }
}

const load = pagedList($("#filter"), $("#pager"), async (page) => {
  const q = new URLSearchParams({ page, per_page: 50 });
  if ($("#role").value) q.set("role", $("#role").value);
  if ($("#q").value.trim()) q.set("q", $("#q").value.trim());
  const r = await api(`/api/accounts?${q}`);
  clear($("#accounts tbody"), r.rows.map((a) => el("tr", { "data-id": a.id },
    el("td", { class: "code" }, a.id), el("td", {}, ROLE_JA[a.role] || a.role), el("td", {}, a.name || "－"),
    el("td", { class: "code" }, a.offices.length > 3 ? `${a.offices.slice(0, 3).join(", ")} ほか ${a.offices.length - 3}` : a.offices.join(", ") || "－"),
    el("td", {}, a.email || "－"), el("td", {}, stateText(a)), el("td", {}, when(a.password_changed_at)),
    el("td", {}, admin ? (a.disabled || a.locked_until
      ? el("button", { type: "button", class: "secondary", onclick: () => act(a.id, "unlock"), "aria-label": `${a.id} のロックを解除` }, "ロック解除")
      : el("button", { type: "button", class: "danger", onclick: () => act(a.id, "lock"), "aria-label": `${a.id} をロック` }, "ロック")) : "－"))));
  return r;
});

$("#add").addEventListener("submit", async (e) => {
  e.preventDefault();
  const offices = $("#add-offices").value.split(/\s+/).map((s) => s.trim()).filter(Boolean);
  const body = { id: $("#add-id").value.trim(), role: $("#add-role").value, offices, name: $("#add-name").value.trim(), email: $("#add-email").value.trim(), password: $("#add-password").value };
  try {
    await api("/api/accounts", { method: "POST", json: body });
    flash(`${body.id} を追加しました。`, "ok");
    $("#add").reset();
    load();
  } catch (err) {
    flash(failureText(err), "error");
  }
});
load();
