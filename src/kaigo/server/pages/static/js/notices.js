// notices.js — 通知文書: one office's 帳票 of a settled month (GET /api/results/{month}?office=), each
// shown in the page (its HTML in a sandboxed frame) and downloadable as PDF and official CSV; a
// summary of the month (決定・査定・保留・返戻 with their amounts, the payment) and a chart of the
// returns by code (GET /api/results/{month}/{office}/summary). An office chooses among its own
// offices; the 国保連's staff type an office number.
import { $, tableBox, api, barChart, clear, count, el, me, monthFromInput, monthLabel, monthToInput, params, reasonLabel, setParams, showFailure, units, yen, PLAN_OUTCOME_JA, fmtNumber, flash } from "./common.js";

const month = $("#month");
month.value = monthToInput(params().get("month") || me.month);
const staff = me.role === "kokuhoren" || me.role === "admin";
const select = $("#office-select");
const input = $("#office-input");
if (staff) {
  $("#office-input-box").hidden = false;
  input.value = params().get("office") || "";
} else {
  if (me.offices.length > 1) $("#office-select-box").hidden = false;
  for (const o of me.offices) select.append(el("option", { value: o }, o));
  if (params().get("office")) select.value = params().get("office");
}
const office = () => (staff ? input.value.trim() : select.value);

function card(title, big, ...lines) {
  return el("div", { class: "card" }, el("h3", {}, title), el("p", { class: "big" }, big), lines.map((l) => el("p", {}, l)));
}

function showSummary(s) {
  const c = s.claims || {};
  const get = (k) => c[k] || { count: 0, written_claim: 0, decided_claim: 0, written_units: 0, decided_units: 0 };
  const paid = get("paid");
  const cut = get("cut");
  const held = get("held");
  const returned = get("returned");
  clear(
    $("#cards"),
    card("決定（請求どおり）", count(paid.count), `決定 ${yen(paid.decided_claim)}`),
    card("査定（増減）", count(cut.count), `請求 ${yen(cut.written_claim)}`, `決定 ${yen(cut.decided_claim)}`, `減額 ${yen(cut.written_claim - cut.decided_claim)}（${units(cut.written_units - cut.decided_units)}）`),
    card("保留", count(held.count), `請求 ${yen(held.written_claim)}`),
    card("返戻", count(returned.count), `請求 ${yen(returned.written_claim)}`),
    s.payment ? card("支払額（振込）", yen(s.payment.transfer), s.payment.carried_out ? `翌月へ繰越 ${yen(s.payment.carried_out)}` : "") : null,
  );
  const returns = (s.reasons || []).filter((r) => ["error", "hold_ended", "plan_mismatch"].includes(r.kind));
  clear(
    $("#chart"),
    returns.length
      ? barChart(
          returns.map((r) => ({ label: reasonLabel(r), value: r.documents, kind: "returned", title: `${reasonLabel(r)} ${r.title_ja || ""}` })),
          { caption: "返戻の事由（エラーコード別・件数）", unit: "件" },
        )
      : el("p", {}, "返戻はありません。"),
  );
  if (returns.length) {
    $("#chart").append(
      tableBox(el("table", {}, el("caption", {}, "返戻の事由（表）"),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "事由"), el("th", { scope: "col" }, "内容"), el("th", { scope: "col", class: "num" }, "件数"))),
        el("tbody", {}, returns.map((r) => el("tr", {}, el("td", { class: "code" }, reasonLabel(r)), el("td", {}, r.title_ja || ""), el("td", { class: "num" }, fmtNumber.format(r.documents))))))),
    );
  }
  const plans = Object.entries(s.plans || {});
  clear($("#plans"), plans.length ? [el("h3", {}, "給付管理票"), el("ul", {}, plans.map(([k, v]) => el("li", {}, `${PLAN_OUTCOME_JA[k] || k} ${count(v)}`)))] : null);
  $("#summary").hidden = false;
}

function showFrame(m, o, form, title) {
  $("#viewer").hidden = false;
  $("#viewer-h").textContent = `帳票の表示：${form} ${title}`;
  $("#frame").title = `${form} ${title}`;
  $("#frame").src = `/api/results/${m}/${o}/${form}/view`;
  $("#viewer").scrollIntoView();
}

async function load() {
  const m = monthFromInput(month.value);
  const o = office();
  flash("");
  $("#summary").hidden = true;
  $("#viewer").hidden = true;
  clear($("#notices tbody"));
  if (!o) {
    $("#state").textContent = "事業所番号を入力してください。";
    return;
  }
  try {
    const [list, summary] = await Promise.all([api(`/api/results/${m}?office=${encodeURIComponent(o)}`), api(`/api/results/${m}/${o}/summary`)]);
    $("#state").textContent = `${monthLabel(m)}審査分・事業所番号 ${o}${summary.office_name ? `（${summary.office_name}）` : ""}：${list.state}`;
    if (summary.state_code === "reviewed" || summary.state_code === "settled") showSummary(summary);
    const rows = list.notices.map((n) => {
      const base = `/api/results/${m}/${o}/${n.form}`;
      return el(
        "tr",
        { "data-form": n.form },
        el("td", { class: "code" }, n.form),
        el("td", {}, n.title),
        // The office lists (review-status, treatment-bonus) have no form code and no page view: PDF and CSV only.
        el("td", {}, n.formats.includes("html") && /^\d{4}$/.test(n.form) ? el("button", { type: "button", class: "secondary", onclick: () => showFrame(m, o, n.form, n.title) }, "画面で表示") : "－"),
        el("td", { class: "actions" },
          n.formats.includes("pdf") ? el("a", { class: "button", href: `${base}.pdf`, download: `${m}-${o}-${n.form}.pdf` }, "PDF") : null,
          n.formats.includes("CSV") ? el("a", { class: "button", href: `${base}.CSV`, download: `${m}-${o}-${n.form}.CSV` }, "CSV") : null,
          n.formats.includes("csv") ? el("a", { class: "button", href: `${base}.csv`, download: `${m}-${o}-${n.form}.csv` }, "CSV") : null),
      );
    });
    clear($("#notices tbody"), rows.length ? rows : el("tr", {}, el("td", { colspan: 4 }, list.state_code === "settled" ? "この月の帳票はありません。" : "帳票は支払処理の後に表示されます。")));
    setParams({ month: m, office: staff ? o : (me.offices.length > 1 ? o : null) });
  } catch (e) {
    showFailure(e);
  }
}

$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  load();
});
load();
