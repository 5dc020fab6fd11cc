// submission.js — one file's 事前チェック result (seed 002 §3(2)): 事前チェック情報, then the エラー情報
// in the seed's columns (ファイル名, 様式, 提供年月, サービス種類, 保険者番号, 被保険者番号, 項目名, 値,
// エラー内容) with the code and, beside it, its usual cause and what to do (GET /api/codes), sorted
// and filtered on the server a page at a time (GET /api/submissions/{id}/errors); the CSV of the
// list; 取消 with a confirmation that says until when it is allowed (seed 002 §3(3)).
import { $, api, clear, count, el, flash, me, monthLabel, pager, params, setParams, showFailure, sortableHeader, stateBadge, when, fmtNumber } from "./common.js";

const id = location.pathname.split("/").pop();
const state = {
  sort: params().get("sort") || "seq",
  order: params().get("order") || "asc",
  page: Number(params().get("page") || 1),
  code: params().get("code") || "",
  q: params().get("q") || "",
};
$("#q").value = state.q;
$("#csv").href = `/api/submissions/${id}/errors.csv`;
const codeTexts = new Map();
let head = null;

const COLUMNS = [
  { label: "ファイル名" },
  { label: "様式", sort: "form_kind" },
  { label: "提供年月", sort: "service_month" },
  { label: "サービス種類", sort: "service_type" },
  { label: "保険者番号", sort: "insurer_no" },
  { label: "被保険者番号", sort: "insured_no" },
  { label: "項目名", sort: "item_name" },
  { label: "値", sort: "value" },
  { label: "エラー内容" },
  { label: "コード", sort: "code" },
  { label: "原因と対応" },
  { label: "行", sort: "line", num: true },
];

function dash(v) {
  return v === undefined || v === null || v === "" ? "－" : v;
}

function explain(code) {
  const t = codeTexts.get(code);
  if (!t) return "";
  return el(
    "div",
    { class: "explain" },
    el("p", {}, el("strong", {}, "原因："), t.cause_ja),
    el("p", {}, el("strong", {}, "対応："), t.action_ja),
  );
}

async function needTexts(codes) {
  const missing = codes.filter((c) => !codeTexts.has(c));
  if (!missing.length) return;
  const r = await api(`/api/codes?code=${encodeURIComponent(missing.join(","))}`);
  for (const c of r.codes) codeTexts.set(c.code, c);
  for (const c of missing) if (!codeTexts.has(c)) codeTexts.set(c, null);
}

function showHead(s) {
  head = s;
  const facts = [
    ["ファイル名", s.file],
    ["受付番号", s.submission],
    ["状態", stateBadge(s.state_code, s.state)],
    ["処理年月", monthLabel(s.processing_month)],
    ["事業所番号", dash(s.office_no)],
    ["様式（データ種別）", dash(s.data_type)],
    ["明細件数", fmtNumber.format(s.statements)],
    ["レコード件数", fmtNumber.format(s.records)],
    ["エラー件数", fmtNumber.format(s.error_count)],
    ["受付日時", when(s.received_at)],
  ];
  clear($("#facts"), facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]).flat());
  clear($("#history"), s.history.map((h) => el("li", {}, when(h.at), " ", stateBadge(h.state_code, h.state), h.note ? ` ${h.note}` : "")));
  const canCancel = me.role === "office" && s.cancellable;
  $("#cancel").hidden = !canCancel;
  $("#cancel-note").textContent = s.cancel_until
    ? `取消は ${when(s.cancel_until).slice(0, 16)} まで（処理年月の締切日の取消締切まで）可能です。「送信完了」になったファイルは取消できません。`
    : "";
}

async function load() {
  const q = new URLSearchParams({ sort: state.sort, order: state.order, page: state.page, per_page: 100 });
  if (state.code) q.set("code", state.code);
  if (state.q) q.set("q", state.q);
  try {
    const r = await api(`/api/submissions/${id}/errors?${q}`);
    showHead(r.submission);
    const select = $("#code");
    clear(select, el("option", { value: "" }, `すべて（${fmtNumber.format(r.file_total)} 件）`),
      r.codes.map((c) => el("option", { value: c.code, selected: c.code === state.code }, `${c.code} ${c.title_ja}（${c.count} 件）`)));
    await needTexts([...new Set(r.rows.map((row) => row.code))]);
    clear($("#errors thead"), sortableHeader(COLUMNS, state, (sort, order) => {
      Object.assign(state, { sort, order, page: 1 });
      setParams({ sort, order, page: null });
      load();
    }));
    const rows = r.rows.map((e) =>
      el(
        "tr",
        { "data-seq": e.seq, "data-code": e.code },
        el("td", {}, e.file),
        el("td", {}, dash(e.form_kind)),
        el("td", {}, dash(e.service_month)),
        el("td", {}, e.service_type || (e.form_kind ? "－" : "")),
        el("td", { class: "code" }, dash(e.insurer_no)),
        el("td", { class: "code" }, dash(e.insured_no)),
        el("td", {}, e.item_no ? `${e.item_name}（項番${e.item_no}）` : dash(e.item_name)),
        el("td", { class: "code" }, dash(e.value)),
        el("td", {}, e.message_ja, el("br"), el("span", { class: "en", lang: "en" }, e.message_en)),
        el("td", { class: "code" }, e.code),
        el("td", {}, explain(e.code)),
        el("td", { class: "num" }, e.line || ""),
      ),
    );
    clear($("#errors tbody"), rows.length ? rows : el("tr", {}, el("td", { colspan: COLUMNS.length }, r.file_total ? "条件に合うエラーはありません。" : "エラーはありません。")));
    pager($("#pager"), r, (p) => {
      state.page = p;
      setParams({ page: p });
      load();
    });
  } catch (e) {
    showFailure(e);
  }
}

$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  state.code = $("#code").value;
  state.q = $("#q").value.trim();
  state.page = 1;
  setParams({ code: state.code, q: state.q, page: null });
  load();
});

const dialog = $("#confirm");
$("#cancel").addEventListener("click", () => {
  $("#confirm-text").textContent = `「${head.file}」（受付番号 ${head.submission}）を取消します。取消は ${when(head.cancel_until).slice(0, 16)} まで可能です。`;
  dialog.showModal();
  $("#confirm-no").focus();
});
$("#confirm-no").addEventListener("click", () => dialog.close());
$("#confirm-yes").addEventListener("click", async () => {
  dialog.close();
  try {
    const r = await api(`/api/submissions/${id}/cancel`, { method: "POST", json: {} });
    flash(`受付番号 ${r.submission} を取消しました（${r.state}）。 / Cancelled.`, "ok");
    load();
  } catch (e) {
    showFailure(e);
  }
});

load();
