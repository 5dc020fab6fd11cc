// careplan.js — what the care-plan hub's pages share (docs/careplan.md "Web pages"): a mailbox list
// read a page at a time, a set's files with their withdrawal marks, the set's state, and the bytes of
// a file the API gives in base64.
import { $, api, clear, el, fmtNumber, pager, params, setParams, showFailure } from "./common.js";

// "base64…" → the bytes, for a Blob to save.
export function bytesOf(base64) {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

// 送信済 / 一時保存 as a badge (its word always written).
export function setState(set) {
  const draft = set.state === "draft";
  return el("span", { class: `state state-${draft ? "cancelled" : "accepted"}` }, draft ? "一時保存" : "送信済");
}

// The files of a set: kind, name, size; a DLT file as 取下げ依頼; what a DLT withdrew.
export function fileList(files) {
  return el(
    "ul",
    { class: "plain files" },
    files.map((f) =>
      el(
        "li",
        {},
        el("span", { class: "code" }, f.kind), ` ${f.name}（${fmtNumber.format(f.size)} バイト）`,
        f.kind.startsWith("DLT") ? el("strong", {}, " 取下げ依頼 / withdrawal") : null,
        f.withdrawn ? el("strong", { class: "withdrawn" }, " 取下げ済 / withdrawn") : f.withdrawn_persons ? ` ${f.withdrawn_persons}/${f.persons} 人取下げ` : null,
        f.purged_at ? " 保存期間終了" : null,
      ),
    ),
  );
}

// A mailbox (GET `path`, 50 a page) into #list and #pager: `row(set)` makes each line. Returns the
// function that loads it again (after a download or a draft sent).
export function mailbox(path, row, empty) {
  let page = Number(params().get("page") || 1);
  async function load() {
    try {
      const r = await api(`${path}?page=${page}&per_page=50`);
      const rows = r.sets.map(row);
      const columns = $("#list thead tr").cells.length;
      clear($("#list tbody"), rows.length ? rows : el("tr", {}, el("td", { colspan: columns }, empty)));
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
  return load;
}
