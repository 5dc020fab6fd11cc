// subsidy_review.js — 助成金の審査 for the 国保連 (kokuhoren): the applications received, filtered by
// state, decision month and applicant; one with its lines, the computation as it would be decided
// and its history; 決定 (POST /api/subsidies/{id}/decide: 交付決定 / 不交付決定, or 返戻 with the
// computation's reasons), 返戻 with the staff's reason (KH30), 振込 (…/pay) from the payment month.
// The server refuses a decision before the decision month (KH42) and a payment before the payment
// month (KH43); the page shows that refusal as it comes.
import { $, api, clear, el, flash, me, monthFromInput, monthLabel, params, setParams, showFailure, when, yen } from "./common.js";
import {
  STATES, downloadNotice, facts, fillApplications, findingsTable, historyTable, linesTable, outcomeJa, stepsTable, subsidyState,
} from "./subsidy_common.js";

const staff = me.role === "kokuhoren";
let shown = null;

async function loadList() {
  const q = new URLSearchParams();
  if ($("#state").value) q.set("state", $("#state").value);
  if ($("#month").value) q.set("month", monthFromInput($("#month").value));
  if ($("#applicant").value.trim()) q.set("applicant", $("#applicant").value.trim());
  setParams({ state: $("#state").value, month: $("#month").value, applicant: $("#applicant").value.trim() });
  try {
    const r = await api(`/api/subsidies?${q}`);
    fillApplications($("#applications"), r.applications, { open: showDetail, verb: "開く", label: "を開く", empty: "該当する申請はありません。" });
  } catch (e) {
    showFailure(e);
  }
}

async function showDetail(id) {
  try {
    const a = await api(`/api/subsidies/${id}`);
    shown = a;
    clear($("#detail-facts"), facts(a));
    const c = a.decision && a.decision.steps ? a.decision : a.preview;
    const label = a.decision ? "決定" : "このまま決定した場合";
    clear($("#detail-steps"), c ? [el("p", {}, el("strong", {}, `${label}: ${outcomeJa(c.outcome)} ${yen(c.amount)}`)),
      stepsTable(c.steps, `計算の内訳（${label}）`)] : []);
    clear($("#detail-findings"), c ? findingsTable(c.findings, "理由・注記") : []);
    clear($("#detail-lines"), linesTable(a.lines || []));
    clear($("#detail-history"), historyTable(a.history));
    $("#decide-box").hidden = !(staff && a.state === "received");
    $("#pay").hidden = !(staff && a.state === "decided");
    $("#notice").hidden = !a.decision;
    $("#detail").hidden = false;
  } catch (e) {
    showFailure(e);
  }
}

async function act(path, body, done) {
  if (!shown) return;
  try {
    const a = await api(`/api/subsidies/${shown.id}/${path}`, { method: "POST", json: body });
    await loadList();
    await showDetail(a.id);
    // Said once the page shows the new state.
    flash(`申請番号 ${a.id}: ${a.state_ja}${a.decision ? `（${yen(a.decision.amount)}）` : ""} / ${done}`, "ok");
  } catch (e) {
    showFailure(e);
  }
}

$("#decide").addEventListener("click", () => act("decide", {}, "decided"));
$("#return-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const reason = $("#return-reason").value.trim();
  if (!reason) {
    flash("返戻の理由を入力してください。 / Give the reason.", "error");
    return;
  }
  act("decide", { return_reason: reason }, "returned").then(() => ($("#return-reason").value = ""));
});
$("#pay").addEventListener("click", () => act("pay", {}, "paid"));
$("#notice").addEventListener("click", async () => {
  try {
    if (shown) await downloadNotice(shown.id);
  } catch (e) {
    showFailure(e);
  }
});

$("#state").append(...STATES.map(([v, ja]) => el("option", { value: v }, ja)));
const p = params();
$("#state").value = p.has("state") ? p.get("state") : "received";
$("#month").value = p.get("month") || "";
$("#applicant").value = p.get("applicant") || "";
$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  loadList();
});
loadList();
