// careplan_send.js — ケアプラン送信 (seed 001 §5): several CSV files of the standard and PDF
// attachments, chosen or dropped, with a message (the FAX 頭紙). As soon as files are chosen, each
// CSV name is read here for display only — kind, month, 送信元 and 送信先 (事業所番号 and サービス
// 種類) — so the clerk sees who will receive what; the server decides (POST /api/careplan/sets,
// multipart: `file` × n, `message`, `draft`). The answer shows the set's state, or the refusal with
// its code, the rule, every reason and, for a file with errors, its rows (file, line, item, value).
import { $, ApiFailure, api, clear, dropZone, el, fmtNumber, tableBox, when } from "./common.js";
import { setState } from "./careplan.js";

// The v4.1 name (docs/careplan.md "File names"): KIND[_{month}]_{from}_{type}_{to}_{type}_{serial}[_{branch}].CSV|jpg.
const NAME = /^([A-Z0-9]+(?:_(?:SUB1|SUB2|SUB|IMAGE))?)_(?:(\d{6})_)?([0-9A-Z]{10})_([0-9A-Z]{2})_([0-9A-Z]{10})_([0-9A-Z]{2})_(\d{14})(?:_(\d{4}))?\.(csv|jpg)$/i;

export function readName(name) {
  if (/\.pdf$/i.test(name)) return { attachment: true };
  const m = NAME.exec(name);
  if (!m) return null;
  return { kind: m[1], month: m[2] || "", from: { office: m[3], type: m[4] }, to: { office: m[5], type: m[6] } };
}

const chosen = [];  // {file, parsed}
const body = $("#chosen tbody");
const sendNow = $("#send-now");
const saveDraft = $("#save-draft");

function endpoint(e) {
  return `${e.office}（${e.type}）`;
}

function render() {
  const rows = chosen.map((c, i) => {
    const p = c.parsed;
    const cells = !p
      ? [el("td", { colspan: 4 }, "ファイル名が標準仕様の規約に合いません（送信するとサーバが理由を答えます）")]
      : p.attachment
        ? [el("td", {}, "PDF 添付"), el("td", {}, "－"), el("td", {}, "－"), el("td", {}, "CSV の送信先すべて")]
        : [el("td", { class: "code" }, p.kind), el("td", {}, p.month || "－"), el("td", { class: "code" }, endpoint(p.from)),
           el("td", { class: "code receiver" }, endpoint(p.to))];
    return el(
      "tr",
      {},
      el("td", {}, c.file.name),
      cells,
      el("td", { class: "num" }, `${fmtNumber.format(c.file.size)} バイト`),
      el("td", {}, el("button", { type: "button", class: "secondary", "aria-label": `${c.file.name} を外す`, onclick: () => remove(i) }, "外す")),
    );
  });
  clear(body, rows.length ? rows : el("tr", {}, el("td", { colspan: 7 }, "ファイルはまだありません。")));
  const receivers = [...new Set(chosen.filter((c) => c.parsed && !c.parsed.attachment).map((c) => endpoint(c.parsed.to)))];
  $("#receivers").textContent = receivers.length
    ? `送信先 / receivers: ${receivers.join("、")}`
    : chosen.length ? "送信先を決める CSV ファイルがありません。" : "";
  sendNow.disabled = saveDraft.disabled = chosen.length === 0;
}

function remove(i) {
  chosen.splice(i, 1);
  render();
}

function add(files) {
  for (const file of files) chosen.push({ file, parsed: readName(file.name) });
  $("#answer").hidden = true;
  render();
}

function showSet(set) {
  const receipts = set.receipts.map((r) => `${r.office}（${r.received ? "受信済" : "未受信"}）`);
  return el(
    "div",
    { class: "notice ok" },
    el("p", {}, setState(set),
      ` 番号 ${set.id}・ファイル ${set.files.length} 件・${set.state === "draft" ? `作成 ${when(set.created_at)}` : `送信 ${when(set.sent_at)}`}`),
    receipts.length ? el("p", { class: "receipts" }, `送信先: ${receipts.join("、")}`) : null,
    set.withdrawn_persons ? el("p", {}, `取下げた人数（DLT）: ${set.withdrawn_persons} 人`) : null,
    el("p", {}, el("a", { href: "/careplan/outbox" }, "送信箱で受信状況を見る")),
  );
}

function checkTable(check) {
  const rows = check.rows.map((r) =>
    el(
      "tr",
      {},
      el("td", {}, r.severity === "error" ? "エラー" : "警告"),
      el("td", { class: "code" }, r.code),
      el("td", { class: "num" }, r.line),
      el("td", {}, r.item_no ? `${r.item_name}（No.${r.item_no}）` : r.item_name),
      el("td", { class: "code" }, r.value),
      el("td", {}, r.insured_no),
      el("td", {}, `${r.message_ja} / ${r.message_en}`),
    ),
  );
  return tableBox(
    el(
      "table",
      { class: "check" },
      el("caption", {}, `${check.file}: エラー ${check.error_count} 件・警告 ${check.warning_count} 件`),
      el("thead", {}, el("tr", {}, ["区分", "コード", "行", "項目", "値", "被保険者番号", "内容"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows),
    ),
  );
}

function showRefusal(e) {
  const error = e instanceof ApiFailure ? e.error : { code: "", message_ja: String(e), message_en: "" };
  const reasons = (error.refusals || []).map((r) =>
    el("li", {}, el("span", { class: "code" }, r.code), ` ${r.message_ja} / ${r.message_en}`, el("span", { class: "explain" }, `（${r.rule}）`)),
  );
  return [
    el(
      "div",
      { class: "notice error refusal", role: "alert" },
      el("p", {}, el("strong", { class: "code" }, error.code), ` 送信できません / not sent: ${error.message_ja} / ${error.message_en}`),
      error.rule ? el("p", { class: "explain" }, `根拠 / rule: ${error.rule}`) : null,
      reasons.length > 1 ? el("ul", { class: "reasons" }, reasons) : null,
    ),
    ...(error.checks || []).map(checkTable),
  ];
}

async function post(draft) {
  const form = new FormData();
  for (const c of chosen) form.append("file", c.file, c.file.name);
  form.append("message", $("#message").value);
  form.append("draft", draft ? "true" : "false");
  sendNow.disabled = saveDraft.disabled = true;
  $("#answer").hidden = false;
  clear($("#answer-body"), el("p", {}, draft ? "一時保存しています…" : "送信しています…"));
  try {
    const set = await api("/api/careplan/sets", { method: "POST", body: form });
    clear($("#answer-body"), showSet(set));
    chosen.length = 0;
    $("#message").value = "";
    render();
  } catch (e) {
    clear($("#answer-body"), ...showRefusal(e));
    sendNow.disabled = saveDraft.disabled = chosen.length === 0;
  }
}

dropZone($("#drop"), $("#files"), add);
$("#send").addEventListener("submit", (e) => {
  e.preventDefault();
  post(false);
});
saveDraft.addEventListener("click", () => post(true));
render();
