// 審査の統計: the returns (or cuts) of some review months by code, サービス種類 or 事業所 — each month's
// TOP5 with its share as seed 000 表5-1 prints it, the counts month by month with a chart of the
// last month, and the CSV and printed page. A municipality sees its own 保険者 only (the server
// decides; the field is filled and locked for it).
import { $, api, barChart, clear, el, fmtNumber, me, monthFromInput, monthLabel, monthToInput, params, setParams, showFailure } from "./common.js";

const form = $("#filter");
const fields = { month: $("#month"), months: $("#months"), kind: $("#kind"), by: $("#by"), insurer: $("#insurer") };
const p = params();
fields.month.value = monthToInput(p.get("month") || me.month);
for (const k of ["months", "kind", "by", "insurer"]) if (p.get(k)) fields[k].value = p.get(k);

function query(format) {
  const q = new URLSearchParams({ months: fields.months.value, kind: fields.kind.value, by: fields.by.value });
  if (fields.insurer.value) q.set("insurer", fields.insurer.value);
  if (format) q.set("format", format);
  return `/api/statistics/${monthFromInput(fields.month.value)}?${q}`;
}

function head(table, cells) {
  clear(table.tHead, el("tr", {}, cells.map((c, i) => el("th", { scope: "col", class: i ? "num" : "" }, c))));
}

function show(t) {
  if (me.role === "municipality") fields.insurer.value = t.insurer;
  const months = t.months.map((m) => monthLabel(m.month) + "審査");
  head($("#top"), ["順位", ...months]);
  clear($("#top").tBodies[0], [0, 1, 2, 3, 4].map((place) =>
    el("tr", {}, el("td", { class: "num" }, String(place + 1)),
      t.top.map((m) => el("td", { class: "code" }, m.top[place] ? `${m.top[place].key} (${m.top[place].share})` : "")))));
  head($("#trend"), [fields.by.selectedOptions[0].textContent, ...months, "計"]);
  clear($("#trend").tBodies[0],
    t.rows.map((r) => el("tr", {}, el("td", { class: "code" }, r.key),
      r.months.map((c) => el("td", { class: "num" }, `${fmtNumber.format(c.count)} (${c.share})`)),
      el("td", { class: "num" }, fmtNumber.format(r.total)))),
    el("tr", { class: "total" }, el("td", {}, "計"), t.months.map((m) => el("td", { class: "num" }, fmtNumber.format(m.count))),
      el("td", { class: "num" }, fmtNumber.format(t.months.reduce((s, m) => s + m.count, 0)))));
  const last = t.months.length - 1;
  clear($("#chart"), t.rows.length
    ? barChart(t.rows.filter((r) => r.months[last].count > 0).slice(0, 15)
        .map((r) => ({ label: r.key, value: r.months[last].count, kind: t.kind === "cut" ? "cut" : "returned" })),
      { caption: `${months[last]}の件数（上位15）` })
    : el("p", { class: "hint" }, "該当する件数はありません。"));
  $("#csv").href = query("csv");
  $("#pdf").href = query("pdf");
}

async function load() {
  setParams({ month: monthFromInput(fields.month.value), months: fields.months.value, kind: fields.kind.value, by: fields.by.value, insurer: fields.insurer.value });
  try {
    show(await api(query()));
  } catch (e) {
    showFailure(e);
  }
}

if (me.role === "municipality") {
  fields.insurer.readOnly = true;
}
form.addEventListener("submit", (e) => {
  e.preventDefault();
  load();
});
load();
