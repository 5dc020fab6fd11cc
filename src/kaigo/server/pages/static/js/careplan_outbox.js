// careplan_outbox.js — 送信箱 of the care-plan hub: the sets and drafts of the user's offices, 50 a
// page (GET /api/careplan/outbox), each with its files (a DLT file marked as a withdrawal, a file
// it withdrew as 取下げ済), every receiver's 受信済 mark with its time (not the receiving account),
// and for a draft the 「送信」 button (POST /api/careplan/drafts/{id}/send, checked again then).
import { api, el, failureText, flash, when } from "./common.js";
import { fileList, mailbox, setState } from "./careplan.js";

function receipts(set) {
  if (set.state === "draft") return "（一時保存：まだ誰にも届いていません）";
  return el(
    "ul",
    { class: "plain receipts" },
    set.receipts.map((r) => el("li", {}, el("span", { class: "code" }, r.office), r.received ? ` 受信済 ${when(r.received_at)}` : " 未受信")),
  );
}

async function sendDraft(set) {
  try {
    const sent = await api(`/api/careplan/drafts/${set.id}/send`, { method: "POST", json: {} });
    flash(`番号 ${sent.id} を送信しました。`, "ok");
    await reload();
  } catch (e) {
    const reasons = (e.error && e.error.refusals) || [];
    flash([`送信できません / not sent: ${failureText(e)}`, ...reasons.slice(1).map((r) => `${r.code} ${r.message_ja} / ${r.message_en}`)], "error");
  }
}

const reload = mailbox(
  "/api/careplan/outbox",
  (s) =>
    el(
      "tr",
      { "data-set": s.id },
      el("td", { class: "num" }, s.id),
      el("td", {}, setState(s)),
      el("td", { class: "code" }, s.sender_office),
      el("td", {}, fileList(s.files)),
      el("td", {}, receipts(s)),
      el("td", { class: "message" }, s.message || "－"),
      el("td", {}, s.state === "draft" ? `作成 ${when(s.created_at)}` : `送信 ${when(s.sent_at)}`),
      el("td", {}, s.state === "draft" ? el("button", { type: "button", "aria-label": `一時保存 ${s.id} を送信`, onclick: () => sendDraft(s) }, "送信") : "－"),
    ),
  "送信したものはありません。 / Nothing sent yet.",
);
