// subsidy_common.js — what the 助成金 pages share (/subsidy, /subsidy/review, /mypage): the
// application states with their colours, the computation's steps (計算の内訳) and findings
// (理由・注記) as tables, an application's facts, history and lines, and the notice download.
import { api, el, monthLabel, saveBlob, tableBox, when, yen } from "./common.js";

// 申請受付 / 返戻 / 交付決定 / 不交付決定 / 振込済 / 取下げ, coloured with the 送信結果 palette
// (every pair passes WCAG AA; the word is always written).
const STATE_CLASS = {
  received: "state-receiving",
  returned: "state-transmission_error",
  decided: "state-accepted",
  rejected: "state-format_errors",
  paid: "state-sent",
  withdrawn: "state-cancelled",
};
export const STATES = [
  ["received", "申請受付"],
  ["returned", "返戻"],
  ["decided", "交付決定"],
  ["rejected", "不交付決定"],
  ["paid", "振込済"],
  ["withdrawn", "取下げ"],
];

export function subsidyState(a) {
  return el("span", { class: `state ${STATE_CLASS[a.state] || ""}`, "data-state": a.state }, a.state_ja);
}

export function dayLabel(d) {
  return d && d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d || "";
}

const OUTCOME_JA = { granted: "交付決定", nothing: "不交付決定", returned: "返戻" };
export function outcomeJa(o) {
  return OUTCOME_JA[o] || o;
}

// 計算の内訳: one row per step (code, item, formula, amount).
export function stepsTable(steps, caption) {
  return tableBox(el("table", { class: "steps" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "No."), el("th", { scope: "col" }, "項目"),
      el("th", { scope: "col" }, "計算"), el("th", { scope: "col", class: "num" }, "金額"))),
    el("tbody", {}, steps.map((s, i) => el("tr", { "data-step": s.code },
      el("td", {}, String(i + 1)),
      el("td", {}, s.label_ja, " ", el("span", { class: "en", lang: "en" }, s.label_en)),
      el("td", {}, s.formula),
      el("td", { class: "num" }, yen(s.amount)))))));
}

// 理由・注記: every finding with its code, effect (返戻 / 対象外 / 参考) and line.
export function findingsTable(findings, caption) {
  if (!findings || findings.length === 0) return el("p", { class: "hint" }, `${caption}: なし`);
  return tableBox(el("table", { class: "findings" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "コード"), el("th", { scope: "col" }, "扱い"),
      el("th", { scope: "col" }, "行"), el("th", { scope: "col" }, "内容"))),
    el("tbody", {}, findings.map((f) => el("tr", { "data-code": f.code },
      el("td", { class: "code" }, f.code),
      el("td", {}, f.effect_ja),
      el("td", {}, f.line ? String(f.line) : "－"),
      el("td", {}, f.message_ja, " / ", el("span", { lang: "en" }, f.message_en)))))));
}

export function linesTable(lines) {
  return tableBox(el("table", {},
    el("caption", {}, "領収書の明細"),
    el("thead", {}, el("tr", {}, ["領収書", "発行日", "実施日", "品目・用途", "台数", "金額（税込）", "税抜", "消費税等"].map((h) =>
      el("th", { scope: "col" }, h)))),
    el("tbody", {}, lines.map((l) => el("tr", {},
      el("td", {}, String(l.receipt)), el("td", {}, dayLabel(l.issued_on)), el("td", {}, dayLabel(l.done_on) || "－"),
      el("td", {}, l.purpose || "（記載なし）"), el("td", {}, l.count === null ? "－" : String(l.count)),
      el("td", { class: "num" }, yen(l.amount)),
      el("td", { class: "num" }, l.net === null ? "－" : yen(l.net)),
      el("td", { class: "num" }, l.tax === null ? "－" : yen(l.tax)))))));
}

export function historyTable(history) {
  return tableBox(el("table", {},
    el("caption", {}, "状態の履歴"),
    el("thead", {}, el("tr", {}, ["日時", "状態", "操作者", "備考"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, history.map((h) => el("tr", {},
      el("td", {}, when(h.at)), el("td", {}, h.state_ja), el("td", {}, h.by), el("td", {}, h.note || ""))))));
}

// The facts of one application (dl.facts).
export function facts(a) {
  const pairs = [
    ["申請番号", String(a.id)],
    ["助成", `${a.fiscal_year || ""} ${a.scheme}`],
    ["申請者", `${a.applicant.number} ${a.applicant.name}`],
    ["申請日時", when(a.applied_at)],
    ["状態", subsidyState(a)],
    ["審査月", monthLabel(a.decision_month)],
    ["振込月", monthLabel(a.payment_month)],
    ["審査結果", a.decision ? outcomeJa(a.decision.outcome) : "審査待ち"],
    ["交付決定額", a.decision ? yen(a.decision.amount) : "－"],
  ];
  if (a.payment) pairs.push(["振込日", `${dayLabel(a.payment.paid_on)}（${yen(a.payment.amount)}）`]);
  return pairs.flatMap(([k, v]) => [el("dt", {}, k), el("dd", { "data-fact": k }, v)]);
}

// The decision notice PDF, saved by the browser.
export async function downloadNotice(id) {
  const res = await api(`/api/subsidies/${id}/notice.pdf`, { raw: true });
  saveBlob(await res.blob(), `subsidy-${id}.pdf`);
}
