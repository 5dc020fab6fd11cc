// results.js — 送信結果 (seed 002 §3(1)): the month's files a page at a time (GET /api/submissions),
// each with its state in its colour and the seed's 到達 / 受付 marks; refreshes by itself every 2 s
// while a file is still being checked (連合会到達, 受付中), and every 5 s otherwise (files sent from another tab or program appear).
import { $, api, CHECKING, clear, count, el, marks, me, monthFromInput, monthLabel, monthToInput, pager, params, setParams, showFailure, stateBadge, when, fmtNumber } from "./common.js";

const month = $("#month");
const office = $("#office");
month.value = monthToInput(params().get("month") || me.month);
if (me.offices.length > 1) {
  $("#office-box").hidden = false;
  for (const o of me.offices) office.append(el("option", { value: o }, o));
  office.value = params().get("office") || "";
}
let page = Number(params().get("page") || 1);
let timer = null;

async function load() {
  clearTimeout(timer);
  const q = new URLSearchParams({ month: monthFromInput(month.value), page, per_page: 50 });
  if (office.value) q.set("office", office.value);
  try {
    const r = await api(`/api/submissions?${q}`);
    const rows = r.submissions.map((s) => {
      const [arrived, accepted] = marks(s.state_code);
      return el(
        "tr",
        { "data-id": s.submission },
        el("td", { class: "num" }, s.submission),
        el("td", {}, s.file),
        el("td", { class: "code" }, s.office_no || "－"),
        el("td", {}, stateBadge(s.state_code, s.state)),
        el("td", { class: "marks" }, arrived),
        el("td", { class: "marks" }, accepted),
        el("td", {}, monthLabel(s.processing_month)),
        el("td", { class: "num" }, fmtNumber.format(s.statements)),
        el("td", { class: "num" }, fmtNumber.format(s.error_count)),
        el("td", {}, when(s.received_at)),
        el("td", {}, el("a", { href: `/submissions/${s.submission}`, "aria-label": `受付番号 ${s.submission} の詳細` }, "詳細")),
      );
    });
    clear($("#list tbody"), rows.length ? rows : el("tr", {}, el("td", { colspan: 11 }, "この月に送信されたファイルはありません。")));
    pager($("#pager"), r, (p) => {
      page = p;
      setParams({ page: p });
      load();
    });
    const checking = r.submissions.some((s) => CHECKING.has(s.state_code));
    $("#auto").textContent = checking ? "受付・事前チェック中のファイルがあります：自動更新中" : `${count(r.total)}（自動更新 5 秒ごと）`;
    timer = setTimeout(load, checking ? 2000 : 5000);
  } catch (e) {
    showFailure(e);
  }
}

$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  page = 1;
  setParams({ month: monthFromInput(month.value), office: office.value, page: null });
  load();
});
load();
