// audit.js — 監査ログ: the hash-chained audit trail newest first, a page at a time, filtered by
// user, action, person and time (GET /api/audit).
import { $, api, clear, el, pagedList, pager, params, setParams, showFailure, when } from "./common.js";

const p = params();

// The action filter lists every action of the audit trail by its Japanese name (GET /api/audit/actions).
async function fillActions() {
  try {
    const r = await api("/api/audit/actions");
    for (const a of r.actions) $("#action").append(el("option", { value: a.code }, `${a.ja}（${a.code}）`));
  } catch (e) {
    showFailure(e);
  }
}

function seconds(v) {
  return v && v.length === 16 ? `${v}:00` : v;
}

const load = pagedList($("#filter"), $("#pager"), async (page) => {
  const q = new URLSearchParams({ page, per_page: 50 });
  const values = { user: $("#user").value.trim(), action: $("#action").value, insured_no: $("#insured").value.trim(), from: seconds($("#from").value), to: seconds($("#to").value) };
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  const r = await api(`/api/audit?${q}`);
  clear($("#audit tbody"), r.rows.map((row) => el("tr", {},
    el("td", { class: "num" }, row.seq), el("td", {}, when(row.at)), el("td", { class: "code" }, row.actor), el("td", {}, row.source),
    el("td", { class: "code" }, row.action), el("td", { class: "code" }, row.target),
    el("td", { class: "code" }, typeof row.detail === "string" ? row.detail : JSON.stringify(row.detail)),
    el("td", { class: "code" }, [row.insurer_no, row.insured_no].filter(Boolean).join(" ") || "－"))));
  return r;
}, () => setParams({ user: $("#user").value.trim(), action: $("#action").value, insured: $("#insured").value.trim() }));

// The filter of the address (?action=…) is chosen once the actions are there to choose from.
fillActions().then(() => {
  for (const k of ["user", "action", "insured"]) if (p.get(k)) $(`#${k}`).value = p.get(k);
  load();
});
