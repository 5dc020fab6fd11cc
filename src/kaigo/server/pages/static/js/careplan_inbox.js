// careplan_inbox.js — 受信箱 of the care-plan hub: the sets addressed to the user's offices, 50 a
// page (GET /api/careplan/inbox), each with its sender office, files (withdrawn ones marked), the
// message, the time sent and the 受信済 mark; 「ダウンロード」 receives the set (POST …/receive, which
// marks it received for that office) and saves each file as sent. No account ID of the sender is
// shown: the sender is its office.
import { $, api, clear, el, fmtNumber, pager, params, saveBlob, setParams, showFailure, flash, when } from "./common.js";

let page = Number(params().get("page") || 1);

export function fileList(files) {
  return el(
    "ul",
    { class: "plain files" },
    files.map((f) =>
      el(
        "li",
        {},
        el("span", { class: "code" }, f.kind), ` ${f.name}（${fmtNumber.format(f.size)} バイト）`,
        f.withdrawn ? el("strong", { class: "withdrawn" }, " 取下げ済 / withdrawn") : f.withdrawn_persons ? ` ${f.withdrawn_persons} 人取下げ` : null,
        f.purged_at ? " 保存期間終了" : null,
      ),
    ),
  );
}

function bytesOf(base64) {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function receive(set) {
  try {
    const got = await api(`/api/careplan/sets/${set.id}/receive?office=${encodeURIComponent(set.office)}`, { method: "POST", json: {} });
    for (const f of got.contents) saveBlob(new Blob([bytesOf(f.content_base64)], { type: "application/octet-stream" }), f.name);
    flash(`番号 ${set.id} の ${got.contents.length} ファイルを保存し、受信済にしました。`, "ok");
    await load();
  } catch (e) {
    showFailure(e);
  }
}

async function load() {
  try {
    const r = await api(`/api/careplan/inbox?page=${page}&per_page=50`);
    const rows = r.sets.map((s) =>
      el(
        "tr",
        { "data-set": s.id },
        el("td", { class: "num" }, s.id),
        el("td", { class: "code" }, s.office),
        el("td", { class: "code sender" }, s.sender_office),
        el("td", {}, fileList(s.files)),
        el("td", { class: "message" }, s.message || "－"),
        el("td", {}, when(s.sent_at)),
        el("td", { class: "received" }, s.received ? `受信済 ${when((s.receipts[0] || {}).received_at)}` : "未受信"),
        el("td", {}, el("button", { type: "button", class: s.received ? "secondary" : null, "aria-label": `番号 ${s.id} をダウンロード`, onclick: () => receive(s) }, s.received ? "再ダウンロード" : "ダウンロード")),
      ),
    );
    clear($("#list tbody"), rows.length ? rows : el("tr", {}, el("td", { colspan: 8 }, "届いたものはありません。 / Nothing has arrived.")));
    pager($("#pager"), r, (p) => {
      page = p;
      setParams({ page: p });
      load();
    });
  } catch (e) {
    showFailure(e);
  }
}
load();
