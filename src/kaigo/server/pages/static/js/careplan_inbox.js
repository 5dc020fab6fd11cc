// careplan_inbox.js — 受信箱 of the care-plan hub: the sets addressed to the user's offices, 50 a
// page (GET /api/careplan/inbox), each with its sender office, files (withdrawn ones marked), the
// message, the time sent and the 受信済 mark; 「ダウンロード」 receives the set (POST …/receive, which
// marks it received for that office) and saves each file as sent. No account ID of the sender is
// shown: the sender is its office.
import { api, el, flash, saveBlob, showFailure, when } from "./common.js";
import { bytesOf, fileList, mailbox } from "./careplan.js";

async function receive(set) {
  try {
    const got = await api(`/api/careplan/sets/${set.id}/receive?office=${encodeURIComponent(set.office)}`, { method: "POST", json: {} });
    for (const f of got.contents) saveBlob(new Blob([bytesOf(f.content_base64)], { type: "application/octet-stream" }), f.name);
    flash(`番号 ${set.id} の ${got.contents.length} ファイルを保存し、受信済にしました。`, "ok");
    await reload();
  } catch (e) {
    showFailure(e);
  }
}

const reload = mailbox(
  "/api/careplan/inbox",
  (s) =>
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
      el("td", {}, el("button", { type: "button", class: s.received ? "secondary" : null, "aria-label": `番号 ${s.id} をダウンロード`, onclick: () => receive(s) },
        s.received ? "再ダウンロード" : "ダウンロード")),
    ),
  "届いたものはありません。 / Nothing has arrived.",
);
