// send.js — 請求データ送信: several files at once (chosen or dropped), each sent as its own request
// (raw body, name in X-File-Name, the CSRF token, and for 代理請求 the office acted for) with an
// upload progress bar, two at a time; each answer shows the file's state and links to its
// 事前チェック result.
import { $, clear, el, me, stateBadge, csrf, count, dropZone } from "./common.js";

const office = $("#office");
if (me.offices.length > 1) {
  $("#acting").hidden = false;
  for (const o of me.offices) office.append(el("option", { value: o }, o));
}

const list = $("#uploads");
const queue = [];
let running = 0;

function send(file, row) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/submissions");
    xhr.setRequestHeader("X-CSRF-Token", csrf());
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    if (me.offices.length > 1) xhr.setRequestHeader("X-Acting-Office", office.value);
    xhr.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) {
        row.bar.max = e.total;
        row.bar.value = e.loaded;
        row.status.textContent = `送信中 ${Math.floor((e.loaded / e.total) * 100)}%`;
      }
    });
    xhr.upload.addEventListener("load", () => {
      row.bar.removeAttribute("value");  // indeterminate while the server checks the file
      row.status.textContent = "受付・事前チェック中…";
    });
    xhr.addEventListener("load", () => {
      let j = null;
      try {
        j = JSON.parse(xhr.responseText);
      } catch (e) {
        /* not JSON */
      }
      if (xhr.status === 201 && j) {
        row.bar.max = 1;
        row.bar.value = 1;
        clear(
          row.status,
          stateBadge(j.state_code, j.state),
          ` 受付番号 ${j.submission}・${count(j.statements)}・エラー ${count(j.error_count)} `,
          el("a", { href: `/submissions/${j.submission}` }, "事前チェック結果"),
        );
      } else {
        const error = j && j.error ? j.error : { message_ja: `HTTP ${xhr.status}`, message_en: "", code: "" };
        row.bar.max = 1;
        row.bar.value = 0;
        clear(row.status, el("span", { class: "state state-external_error" }, "送信できません"), ` ${error.message_ja} / ${error.message_en}（${error.code}）`);
      }
      resolve();
    });
    xhr.addEventListener("error", () => {
      row.status.textContent = "通信エラー：送信できませんでした。もう一度送信してください。";
      resolve();
    });
    xhr.send(file);
  });
}

function pump() {
  while (running < 2 && queue.length) {
    const { file, row } = queue.shift();
    running++;
    send(file, row).then(() => {
      running--;
      pump();
    });
  }
}

function add(files) {
  for (const file of files) {
    const bar = el("progress", { max: file.size || 1, value: 0, "aria-label": `${file.name} の送信` });
    const status = el("span", {}, "待機中");
    list.append(el("li", {}, el("span", {}, `${file.name}（${new Intl.NumberFormat("ja-JP").format(file.size)} バイト）`), bar, status));
    queue.push({ file, row: { bar, status } });
  }
  pump();
}

dropZone($("#drop"), $("#files"), add);
