// common.js — what every page shares (docs/web.md): the user and CSRF token the server put in the
// page, calls of the API with their errors in Japanese, a DOM builder that never parses markup
// (text only: nothing a file or a user wrote can become HTML), the pager, sortable table headers,
// the state badges of 送信結果 and number formats. A page's module imports what it needs.

const body = document.body;

export const me = {
  id: body.dataset.user || "",
  role: body.dataset.role || "",
  offices: (body.dataset.offices || "").split(",").filter(Boolean),
  month: body.dataset.month || "",
  now: body.dataset.now || "",
  signedIn: body.dataset.signedIn === "true",
};

export function csrf() {
  return document.querySelector('meta[name="csrf-token"]').content;
}

// An answer other than success, with the API's error object (code, message_ja, message_en, …).
export class ApiFailure extends Error {
  constructor(status, error) {
    super(error.message_ja || `HTTP ${status}`);
    this.status = status;
    this.error = error;
  }
}

// Calls the API; resolves to the JSON answer (or the Response with {raw: true}), rejects with ApiFailure.
export async function api(path, { method = "GET", json, body: raw, headers = {}, raw: wantRaw = false } = {}) {
  const init = { method, headers: { ...headers }, credentials: "same-origin" };
  if (method !== "GET") init.headers["X-CSRF-Token"] = csrf();
  if (json !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (raw !== undefined) {
    init.body = raw;
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiFailure(0, { code: "NET", message_ja: "サーバに接続できません", message_en: "cannot reach the server" });
  }
  if (res.status === 401 && !path.startsWith("/api/login")) {
    location.assign("/login?next=" + encodeURIComponent(location.pathname + location.search));
  }
  if (!res.ok) {
    let error = { code: `HTTP${res.status}`, message_ja: `エラー（HTTP ${res.status}）`, message_en: `HTTP ${res.status}` };
    try {
      const j = await res.json();
      if (j && j.error) error = j.error;
    } catch (e) {
      /* not JSON: keep the status */
    }
    throw new ApiFailure(res.status, error);
  }
  if (wantRaw) return res;
  return res.json();
}

// el("td", {class: "num"}, "12"): attributes set one by one, children as text or nodes.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, "");
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

// A table in a box that scrolls sideways on its own (at 200 % zoom), reachable by the keyboard.
export function tableBox(table) {
  return el("div", { class: "table-box", tabindex: "0", role: "region", "aria-label": "表（横にスクロールできます）" }, table);
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

// A message in the page's live region (role=status): ok, error or plain.
export function flash(message, kind = "") {
  const box = $("#flash");
  clear(box);
  if (!message) return;
  const lines = Array.isArray(message) ? message : [message];
  box.append(el("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : null }, lines.map((l) => el("p", {}, l))));
}

// The error of an API call in Japanese with the English and the code beside it.
export function failureText(e) {
  if (e instanceof ApiFailure) {
    const en = e.error.message_en ? ` / ${e.error.message_en}` : "";
    return `${e.error.message_ja}${en}（${e.error.code}）`;
  }
  return String(e && e.message ? e.message : e);
}

export function showFailure(e) {
  flash(failureText(e), "error");
}

// A new password typed twice: the password when the two entries agree; null after showing
// `differ` when they do not.
export function twiceTyped(entry, again, differ) {
  const password = $(entry).value;
  if (password === $(again).value) return password;
  flash(differ, "error");
  return null;
}

export const fmtNumber = new Intl.NumberFormat("ja-JP");
export function yen(n) {
  return `${fmtNumber.format(n || 0)} 円`;
}
export function units(n) {
  return `${fmtNumber.format(n || 0)} 単位`;
}
export function count(n) {
  return `${fmtNumber.format(n || 0)} 件`;
}
// "2026-05-05T10:00:00" → "2026-05-05 10:00:00"
export function when(iso) {
  return iso ? iso.replace("T", " ") : "";
}
// "202605" → "2026年05月"
export function monthLabel(m) {
  return m && m.length === 6 ? `${m.slice(0, 4)}年${m.slice(4)}月` : m || "";
}
// <input type=month> value "2026-05" ⇄ "202605"
export function monthFromInput(v) {
  return v ? v.replace("-", "") : "";
}
export function monthToInput(m) {
  return m && m.length === 6 ? `${m.slice(0, 4)}-${m.slice(4)}` : "";
}

// The 送信結果 state with its colour and the seed's 到達 / 受付 marks (○ 正常, △ 一部エラー, × エラー).
const MARKS = {
  arrived: ["○", ""],
  receiving: ["○", ""],
  transmission_error: ["○", "×"],
  external_error: ["○", "×"],
  format_errors: ["○", "△"],
  accepted: ["○", "○"],
  sent: ["○", "○"],
  cancelled: ["○", ""],
};
export function stateBadge(code, word) {
  return el("span", { class: `state state-${code}` }, word);
}
export function marks(code) {
  return MARKS[code] || ["", ""];
}
export const CHECKING = new Set(["arrived", "receiving"]);

// Query parameters of the page's URL.
export function params() {
  return new URLSearchParams(location.search);
}
export function setParams(values) {
  const p = params();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "") p.delete(k);
    else p.set(k, v);
  }
  history.replaceState(null, "", `${location.pathname}${p.toString() ? "?" + p : ""}`);
}

// 「前へ」「次へ」 and where we are, for a server page {total, page, per_page}.
export function pager(container, page, go) {
  const pages = Math.max(1, Math.ceil(page.total / page.per_page));
  const from = page.total === 0 ? 0 : (page.page - 1) * page.per_page + 1;
  const to = Math.min(page.total, page.page * page.per_page);
  clear(
    container,
    el("button", { type: "button", class: "secondary", disabled: page.page <= 1, onclick: () => go(page.page - 1) }, "前へ"),
    el("span", {}, `${fmtNumber.format(page.total)} 件中 ${fmtNumber.format(from)}–${fmtNumber.format(to)} 件（${page.page} / ${pages} ページ）`),
    el("button", { type: "button", class: "secondary", disabled: page.page >= pages, onclick: () => go(page.page + 1) }, "次へ"),
  );
}

// Header cells that sort on the server: click (or Enter) toggles the order.
export function sortableHeader(columns, state, onSort) {
  return el(
    "tr",
    {},
    columns.map((c) => {
      if (!c.sort) return el("th", { scope: "col", class: c.num ? "num" : null }, c.label);
      const active = state.sort === c.sort;
      return el(
        "th",
        { scope: "col", "aria-sort": active ? (state.order === "desc" ? "descending" : "ascending") : "none" },
        el(
          "button",
          {
            type: "button",
            class: "sort",
            onclick: () => onSort(c.sort, active && state.order !== "desc" ? "desc" : "asc"),
          },
          c.label,
        ),
      );
    }),
  );
}

// A list read a page at a time: fetchPage(page) fills the table and returns the answer with its
// paging; the pager moves through the pages, and the filter form goes back to page 1 (calling
// onFilter first, e.g. to keep the filter in the URL). Returns the function that loads again.
export function pagedList(filter, pagerBox, fetchPage, onFilter) {
  let page = 1;
  const load = async () => {
    try {
      pager(pagerBox, await fetchPage(page), (n) => {
        page = n;
        load();
      });
    } catch (e) {
      showFailure(e);
    }
  };
  filter.addEventListener("submit", (e) => {
    e.preventDefault();
    page = 1;
    if (onFilter) onFilter();
    load();
  });
  return load;
}

// A horizontal bar chart as inline SVG: [{label, value, title, kind}] (no library, no script in it).
export function barChart(items, { caption, unit = "件", width = 560 } = {}) {
  const ns = "http://www.w3.org/2000/svg";
  const row = 26;
  const labelWidth = 190;
  const max = Math.max(1, ...items.map((i) => i.value));
  const height = Math.max(row, items.length * row) + 8;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "bars");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", "100%");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", caption || "");
  const plot = width - labelWidth - 90;
  items.forEach((item, i) => {
    const y = i * row + 4;
    const g = document.createElementNS(ns, "g");
    const title = document.createElementNS(ns, "title");
    title.textContent = `${item.title || item.label}: ${fmtNumber.format(item.value)} ${unit}`;
    g.append(title);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", "0");
    label.setAttribute("y", String(y + 16));
    label.textContent = item.label;
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("class", `bar ${item.kind || ""}`);
    bar.setAttribute("x", String(labelWidth));
    bar.setAttribute("y", String(y + 3));
    bar.setAttribute("height", String(row - 8));
    bar.setAttribute("width", String(Math.max(1, Math.round((item.value / max) * plot))));
    const value = document.createElementNS(ns, "text");
    value.setAttribute("x", String(labelWidth + Math.round((item.value / max) * plot) + 6));
    value.setAttribute("y", String(y + 16));
    value.textContent = `${fmtNumber.format(item.value)} ${unit}`;
    g.append(label, bar, value);
    svg.append(g);
  });
  return el("figure", { class: "chart" }, caption ? el("figcaption", {}, caption) : null, svg);
}

// The reason words of the 返戻（保留）一覧 and 増減 for kinds that carry no code.
export function reasonLabel(r) {
  switch (r.kind) {
    case "error":
      return r.code;
    case "hold":
      return "保留";
    case "hold_ended":
      return "返戻（保留期間満了）";
    case "plan_mismatch":
      return "返戻（給付管理票と不一致）";
    case "cut":
      return `増減 ${r.code}`;
    default:
      return r.code || r.kind;
  }
}
export const OUTCOME_JA = { paid: "決定", cut: "査定", held: "保留", returned: "返戻" };
export const PLAN_OUTCOME_JA = { registered: "登録", replaced: "修正", withdrawn: "取消", returned: "返戻" };

// A file download from an API answer (CSV, PDF, PKCS#12): the bytes become a link clicked once.
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// A drop zone with its file input: `onFiles(files)` for files chosen or dropped (the input is
// emptied after, so the same file can be chosen again).
export function dropZone(zone, input, onFiles) {
  input.addEventListener("change", () => {
    onFiles([...input.files]);
    input.value = "";
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    onFiles([...e.dataTransfer.files]);
  });
}

// Logout from any page.
const logout = $("#logout");
if (logout && me.signedIn) {
  logout.hidden = false;
  logout.addEventListener("click", async () => {
    try {
      await api("/api/logout", { method: "POST", json: {} });
    } finally {
      location.assign("/login?logged_out=1");
    }
  });
}
