// subsidy.js — 助成金申請 (issue 17; docs/portal.md) for an office or a medical institution: the
// scheme open today with its limits; the receipt lines (品目・用途, 台数, 金額, 内訳); the computation
// step by step before applying (POST /api/subsidies/preview, nothing stored) — the 申請 button is
// enabled only for the lines just checked; apply (POST /api/subsidies); the applicant's
// applications with their state, months and decision (every step and finding), the decision
// notice PDF, and 取下げ while the application awaits its decision.
import { $, api, clear, el, flash, me, monthLabel, params, setParams, showFailure, tableBox, when, yen } from "./common.js";
import {
  dayLabel, downloadNotice, facts, fillApplications, findingsTable, historyTable, linesTable, outcomeJa, stepsTable, subsidyState,
} from "./subsidy_common.js";

const medical = me.role === "medical";
const applicant = me.role === "office" || medical;
const today = me.now.slice(0, 10).replaceAll("-", "");
let checked = null;  // the request body the preview was computed for
let lineNo = 0;

// ---- the open scheme ----------------------------------------------------------------------------

function schemeView(s) {
  return el("div", { "data-scheme": s.id },
    el("p", {}, el("strong", {}, `${s.fiscal_year} ${s.title}`), `（${s.id}）`),
    el("dl", { class: "facts" },
      el("dt", {}, "申請期間"), el("dd", {}, `${dayLabel(s.apply_from)} 〜 ${dayLabel(s.apply_to)}`),
      el("dt", {}, "対象となる実施日"), el("dd", {}, s.work_from ? `${dayLabel(s.work_from)} 以降` : "申請日まで"),
      el("dt", {}, "対象経費"), el("dd", {}, s.items.map((i) => i.name).join("・"))),
    tableBox(el("table", {},
      el("caption", {}, "助成限度額（税込）"),
      el("thead", {}, el("tr", {}, ["区分", "台数の上限", "補助率", "限度額"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, s.limits.map((l) => el("tr", {},
        el("td", {}, l.name), el("td", {}, l.readers === null ? "－" : `${l.readers} 台`), el("td", {}, l.rate),
        el("td", { class: "num" }, yen(l.limit))))))),
    el("p", { class: "hint" }, "審査と結果の通知は申請の翌月、振込はその翌月です（2026-03-01〜03-13 の申請は 3 月審査・4 月振込）。"));
}

async function loadScheme() {
  const program = medical ? "medical" : "office";
  try {
    const r = await api("/api/subsidy/schemes");
    const open = r.schemes.filter((s) => s.program === program && s.apply_from <= today && today <= s.apply_to);
    const box = $("#scheme");
    if (open.length === 0) {
      clear(box, el("p", {}, "本日申請できる助成はありません。 / No scheme is open today."),
        el("ul", { class: "plain" }, r.schemes.filter((s) => s.program === program).map((s) =>
          el("li", {}, `${s.fiscal_year} ${s.id}: ${dayLabel(s.apply_from)} 〜 ${dayLabel(s.apply_to)}`))));
      $("#apply-box").hidden = true;
      return;
    }
    clear(box, open.map(schemeView));
    $("#apply-box").hidden = !applicant;
  } catch (e) {
    showFailure(e);
  }
}

// ---- the form -----------------------------------------------------------------------------------

async function loadServices() {
  const office = $("#office").value;
  if (!office) return;
  try {
    const page = await api(`/api/offices/${office}/page`);
    clear($("#service-list"), page.services.map((s) => el("label", { class: "inline" },
      el("input", { type: "checkbox", value: s.service_type, checked: true, "data-service": s.service_type }),
      ` ${s.service_type} ${s.name}（${s.subsidy_class || "助成の区分なし"}）`)));
  } catch (e) {
    showFailure(e);
  }
}

function cellInput(label, attrs) {
  return el("td", {}, el("input", { "aria-label": label, ...attrs }));
}

function addLine(values = {}) {
  lineNo += 1;
  const n = lineNo;
  const row = el("tr", { "data-line": String(n) },
    cellInput(`行${n} 領収書番号`, { name: "receipt", type: "number", min: "1", max: "9999", value: values.receipt || 1, class: "short" }),
    cellInput(`行${n} 発行日`, { name: "issued_on", type: "date", value: values.issued_on || me.now.slice(0, 10) }),
    cellInput(`行${n} 実施日`, { name: "done_on", type: "date", value: values.done_on || "" }),
    cellInput(`行${n} 品目・用途`, { name: "purpose", maxlength: "300", value: values.purpose || "", placeholder: "例: カードリーダー 4台" }),
    cellInput(`行${n} 台数`, { name: "count", type: "number", min: "1", max: "10000", value: values.count || "", class: "short" }),
    cellInput(`行${n} 金額（税込）`, { name: "amount", type: "number", min: "1", value: values.amount || "" }),
    cellInput(`行${n} 税抜金額`, { name: "net", type: "number", min: "0", value: values.net || "" }),
    cellInput(`行${n} 消費税等`, { name: "tax", type: "number", min: "0", value: values.tax || "" }),
    el("td", {}, el("button", { type: "button", class: "secondary", "aria-label": `行${n} を削除`, onclick: () => {
      row.remove();
      invalidate();
    } }, "削除")));
  $("#lines tbody").append(row);
  invalidate();
}

function intOrUndefined(v) {
  return v === "" ? undefined : Number(v);
}

function requestBody() {
  const lines = [...document.querySelectorAll("#lines tbody tr")].map((tr) => {
    const v = (name) => tr.querySelector(`[name=${name}]`).value.trim();
    return {
      receipt: intOrUndefined(v("receipt")),
      issued_on: v("issued_on").replaceAll("-", ""),
      done_on: v("done_on") ? v("done_on").replaceAll("-", "") : undefined,
      purpose: v("purpose"),
      count: intOrUndefined(v("count")),
      amount: intOrUndefined(v("amount")),
      net: intOrUndefined(v("net")),
      tax: intOrUndefined(v("tax")),
    };
  });
  if (medical) {
    return { name: $("#medical-name").value.trim(), facility: $("#facility").value, beds: Number($("#beds").value || 0), lines };
  }
  const services = [...document.querySelectorAll("#service-list input:checked")].map((i) => i.value);
  return { office_no: $("#office").value, services, lines };
}

function invalidate() {
  checked = null;
  $("#apply").disabled = true;
}

function resultLine(c) {
  return `見込み: ${outcomeJa(c.outcome)} ${yen(c.amount)}（助成対象経費 ${yen(c.cost)}、補助率適用後 ${yen(c.after_rate)}、限度額 ${yen(c.limit)}）`;
}

async function preview() {
  const body = requestBody();
  try {
    const r = await api("/api/subsidies/preview", { method: "POST", json: body });
    const c = r.preview;
    clear($("#preview-result"), el("strong", { "data-outcome": c.outcome }, resultLine(c)));
    clear($("#preview-steps"), stepsTable(c.steps, "計算の内訳（申請前の確認）"));
    clear($("#preview-findings"), findingsTable(c.findings, "理由・注記"));
    $("#preview").hidden = false;
    checked = JSON.stringify(body);
    $("#apply").disabled = false;
    flash(c.outcome === "returned"
      ? ["この内容では返戻になります。理由・注記を確かめてください。", "As it stands this would be returned: see the findings."]
      : "計算を確認しました。内容がよければ申請してください。 / Checked: apply if it is right.", c.outcome === "returned" ? "error" : "ok");
  } catch (e) {
    invalidate();
    $("#preview").hidden = true;
    showFailure(e);
  }
}

async function apply(event) {
  event.preventDefault();
  const body = requestBody();
  if (checked !== JSON.stringify(body)) {
    invalidate();
    flash("申請の前に「計算を確認」してください。 / Preview first.", "error");
    return;
  }
  try {
    const a = await api("/api/subsidies", { method: "POST", json: body });
    clear($("#lines tbody"));
    addLine();
    $("#preview").hidden = true;
    await loadList();
    await showDetail(a.id);
    flash(`申請番号 ${a.id} を受け付けました（${a.state_ja}）。審査は${monthLabel(a.decision_month)}です。 / Application ${a.id} received.`, "ok");
  } catch (e) {
    showFailure(e);
  }
}

// ---- the applications ---------------------------------------------------------------------------

async function loadList() {
  try {
    const r = await api("/api/subsidies");
    fillApplications($("#applications"), r.applications, { open: showDetail, verb: "詳細", label: "の詳細", empty: "申請はまだありません。" });
  } catch (e) {
    showFailure(e);
  }
}

let shown = null;

async function showDetail(id) {
  try {
    const a = await api(`/api/subsidies/${id}`);
    shown = a;
    setParams({ id: a.id });
    clear($("#detail-facts"), facts(a));
    if (a.decision && a.decision.steps) {
      clear($("#detail-steps"), stepsTable(a.decision.steps, "計算の内訳（決定）"));
      clear($("#detail-findings"), findingsTable(a.decision.findings, "理由・注記"));
    } else if (a.preview) {
      clear($("#detail-steps"), stepsTable(a.preview.steps, "計算の内訳（審査前の見込み）"));
      clear($("#detail-findings"), findingsTable(a.preview.findings, "理由・注記（見込み）"));
    } else {
      clear($("#detail-steps"));
      clear($("#detail-findings"));
    }
    clear($("#detail-lines"), linesTable(a.lines || []));
    clear($("#detail-history"), historyTable(a.history));
    $("#notice").hidden = !a.decision;
    $("#withdraw").hidden = !(applicant && a.state === "received");
    $("#detail").hidden = false;
    $("#detail-h").focus();
  } catch (e) {
    showFailure(e);
  }
}

$("#notice").addEventListener("click", async () => {
  if (!shown) return;
  try {
    await downloadNotice(shown.id);
    flash(`申請番号 ${shown.id} の通知書を保存しました。`, "ok");
  } catch (e) {
    showFailure(e);
  }
});

$("#withdraw").addEventListener("click", async () => {
  if (!shown || !confirm(`申請番号 ${shown.id} を取り下げます。よろしいですか？`)) return;
  try {
    await api(`/api/subsidies/${shown.id}/withdraw`, { method: "POST", json: {} });
    await loadList();
    await showDetail(shown.id);
    flash(`申請番号 ${shown.id} を取り下げました。`, "ok");
  } catch (e) {
    showFailure(e);
  }
});

// ---- start --------------------------------------------------------------------------------------

$("#detail-h").setAttribute("tabindex", "-1");
$("#office-box").hidden = medical || !applicant;
$("#medical-box").hidden = !medical;
clear($("#office"), me.offices.map((o) => el("option", { value: o }, o)));
$("#office").addEventListener("change", () => {
  invalidate();
  loadServices();
});
$("#apply-form").addEventListener("input", invalidate);
$("#add-line").addEventListener("click", () => addLine());
$("#check").addEventListener("click", preview);
$("#apply-form").addEventListener("submit", apply);
addLine();
loadScheme();
if (applicant && !medical) loadServices();
loadList();
if (params().get("id")) showDetail(params().get("id"));
