// careplan_reconcile.js — 予実突合 (★ issue 15 item 3): for a processing month, what `careplan
// reconcile` predicts (GET /api/careplan/reconcile/{month}): per 明細書 the outcome the review would
// give — 査定 with 増減 事由 A / B and the units per サービス種類, 保留, 返戻 with its codes — the
// 給付管理票 files the care manager should send (downloadable), and where 予定 and 実績 differ.
// The server gives an office only its own rows (the 国保連 operator every row); a user with several
// offices, or the operator, can narrow the tables to one office here.
import { $, api, clear, count, el, fmtNumber, me, monthFromInput, monthLabel, monthToInput, params, saveBlob, setParams, showFailure } from "./common.js";
import { bytesOf } from "./careplan.js";

const month = $("#month");
const office = $("#office");
const all = $("#all");
month.value = monthToInput(params().get("month") || me.month);
all.checked = params().get("all") === "1";
if (me.offices.length > 1) {
  $("#office-box").hidden = false;
  for (const o of me.offices) office.append(el("option", { value: o }, o));
  office.value = params().get("office") || "";
}
const staff = me.role === "kokuhoren" || me.role === "admin";
const officeInput = $("#office-input");
if (staff) {
  $("#office-input-box").hidden = false;
  officeInput.value = params().get("office") || "";
}
const chosenOffice = () => (staff ? officeInput.value.trim() : office.value);

const OUTCOMES = [["paid", "決定"], ["cut", "査定"], ["held", "保留"], ["returned", "返戻"]];
const units = (n) => (n === null || n === undefined ? "－" : fmtNumber.format(n));
const signed = (n) => (n > 0 ? `+${fmtNumber.format(n)}` : fmtNumber.format(n));

function unique(list) {
  return [...new Set(list.filter(Boolean))];
}

// One line per サービス種類 the review changes (cut or units changed), or one line for the 明細書.
function claimRows(c) {
  const changed = c.rows.filter((r) => r.cut || r.change !== 0);
  const texts = unique(c.findings.map((f) => `${f.code ? `${f.code} ` : ""}${f.message_ja}`));
  const head = [
    el("td", { class: "code" }, c.office), el("td", { class: "code" }, c.form), el("td", { class: "code" }, c.insurer),
    el("td", { class: "code" }, c.insured), el("td", { class: `outcome outcome-${c.outcome}` }, c.outcome_ja),
    el("td", { class: "code codes" }, unique(c.codes).join(" ") || "－"),
  ];
  const lines = changed.length ? changed : [null];
  return lines.map((r, i) =>
    el(
      "tr",
      { "data-claim": c.claim_id },
      i === 0 ? head : head.map(() => el("td", {}, "")),
      el("td", { class: "code" }, r ? r.service_type : "－"),
      el("td", {}, r && r.cut ? `増減 ${r.cut}` : "－"),
      el("td", { class: "num" }, r ? units(r.written_units) : "－"),
      el("td", { class: "num" }, r ? units(r.decided_units) : "－"),
      el("td", { class: "num" }, r ? signed(r.change) : "－"),
      el("td", {}, i === 0 ? texts.join("／") : ""),
    ),
  );
}

function mine(o) {
  const only = chosenOffice();
  return !only || o === only;
}

async function load() {
  const m = monthFromInput(month.value);
  $("#state").textContent = `${monthLabel(m)} を突合しています…`;
  try {
    const r = await api(`/api/careplan/reconcile/${m}${all.checked ? "?all=1" : ""}`);
    const claims = r.claims.filter((c) => mine(c.office));
    $("#state").textContent = `処理年月 ${monthLabel(r.review_month)}（サービス提供年月 ${monthLabel(r.service_month)}）`;
    clear($("#summary"), OUTCOMES.map(([k, ja]) => el("div", { class: "card" }, el("h3", {}, ja), el("p", { class: "big" }, count(r.summary[k] || 0)))));
    const rows = claims.flatMap(claimRows);
    clear($("#claims tbody"), rows.length ? rows : el("tr", {}, el("td", { colspan: 12 }, "査定・保留・返戻の見込みはありません。 / Every claim would be paid as written.")));
    const files = r.files.filter((f) => mine(f.office)).map((f) =>
      el(
        "tr",
        {},
        el("td", { class: "code" }, f.office), el("td", {}, f.name), el("td", { class: "num" }, count(f.plans.length)),
        el("td", { class: "num" }, count(f.error_count)),
        el("td", {}, el("button", { type: "button", class: "secondary", "aria-label": `${f.office} の ${f.name} をダウンロード`,
          onclick: () => saveBlob(new Blob([bytesOf(f.content_base64)], { type: "text/csv" }), f.name) }, "ダウンロード")),
      ),
    );
    clear($("#files tbody"), files.length ? files : el("tr", {}, el("td", { colspan: 5 }, "提出すべき給付管理票はありません。")));
    const diffs = r.differences.filter((d) => mine(d.office)).map((d) =>
      el("tr", {}, el("td", { class: "code" }, d.insurer), el("td", { class: "code" }, d.insured), el("td", { class: "code" }, d.office),
        el("td", { class: "code" }, d.service_type), el("td", { class: "num" }, units(d.planned_units)), el("td", { class: "num" }, units(d.actual_units))),
    );
    clear($("#differences tbody"), diffs.length ? diffs : el("tr", {}, el("td", { colspan: 6 }, "予定と実績の差はありません。")));
  } catch (e) {
    $("#state").textContent = "";
    showFailure(e);
  }
}

$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  setParams({ month: monthFromInput(month.value), office: chosenOffice(), all: all.checked ? "1" : null });
  load();
});
load();
