// month.js — 処理月の状況 (the 国保連's month at a glance): the month's state and window, files by
// state per day of the window, offices that have not sent yet (a page at a time), the close,
// review and results buttons with the running job's progress (polled while it runs), and the
// decisions by outcome and by code with a chart.
import { $, tableBox, api, barChart, clear, count, el, flash, me, monthFromInput, monthLabel, monthToInput, pager, params, reasonLabel, setParams, showFailure, when, OUTCOME_JA, PLAN_OUTCOME_JA, fmtNumber } from "./common.js";

const month = $("#month");
month.value = monthToInput(params().get("month") || me.month);
let unsentPage = 1;
let poll = null;
const STATES = ["accepted", "format_errors", "sent", "cancelled", "external_error", "transmission_error", "receiving", "arrived"];
const STATE_JA = { accepted: "受付完了", format_errors: "様式エラー有", sent: "送信完了", cancelled: "取消完了", external_error: "外部エラー", transmission_error: "伝送エラー", receiving: "受付中", arrived: "連合会到達" };

const m = () => monthFromInput(month.value);

function card(title, big, ...lines) {
  return el("div", { class: "card" }, el("h3", {}, title), el("p", { class: "big" }, big), lines.map((l) => el("p", {}, l)));
}

// One stacked bar per day of the window, as inline SVG with a table beside it for screen readers.
function daysChart(days) {
  const ns = "http://www.w3.org/2000/svg";
  const byDay = new Map();
  for (const d of days) {
    if (!byDay.has(d.day)) byDay.set(d.day, {});
    byDay.get(d.day)[d.state_code] = d.count;
  }
  const list = [...byDay.entries()];
  const max = Math.max(1, ...list.map(([, s]) => Object.values(s).reduce((a, b) => a + b, 0)));
  const w = 560, h = 200, left = 40, bottom = 24;
  const step = list.length ? (w - left) / list.length : w;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "stack");
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("width", "100%");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "日別・状態別のファイル数のグラフ（同じ内容を下の表に示します）");
  list.forEach(([day, states], i) => {
    let y = h - bottom;
    for (const s of STATES) {
      const n = states[s] || 0;
      if (!n) continue;
      const bh = ((h - bottom - 8) * n) / max;
      y -= bh;
      const r = document.createElementNS(ns, "rect");
      r.setAttribute("class", s);
      r.setAttribute("x", String(left + i * step + 4));
      r.setAttribute("y", String(y));
      r.setAttribute("width", String(Math.max(2, step - 8)));
      r.setAttribute("height", String(bh));
      const t = document.createElementNS(ns, "title");
      t.textContent = `${day} ${STATE_JA[s]} ${n} 件`;
      r.append(t);
      svg.append(r);
    }
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(left + i * step + step / 2 - 10));
    label.setAttribute("y", String(h - 6));
    label.textContent = day.slice(8);
    svg.append(label);
  });
  const legend = el("ul", { class: "legend" }, STATES.filter((s) => days.some((d) => d.state_code === s)).map((s) => el("li", {}, el("span", { class: `swatch ${s}` }), STATE_JA[s])));
  return el("figure", { class: "chart" }, el("figcaption", {}, "日ごとの受付ファイル数（日付は日）"), svg, legend);
}

function showJob(job) {
  const bar = $("#job-bar");
  if (!job) {
    $("#job-text").textContent = "実行中の処理はありません。";
    bar.hidden = true;
    return false;
  }
  const kind = job.kind === "review" ? "審査" : "支払処理・帳票作成";
  bar.hidden = false;
  if (job.running) {
    const { done, of } = job.progress;
    if (of > 0) {
      bar.max = of;
      bar.value = done;
    } else {
      bar.removeAttribute("value");
    }
    $("#job-text").textContent = `${kind}を実行中（${when(job.started_at)} 開始、${job.by}）… ${of ? `${fmtNumber.format(done)} / ${fmtNumber.format(of)}` : ""}`;
  } else {
    bar.max = 1;
    bar.value = job.ok ? 1 : 0;
    $("#job-text").textContent = `${kind}：${job.ok ? "完了" : "失敗"}（${when(job.finished_at)}）${job.message_ja} / ${job.message_en}`;
  }
  return job.running;
}

async function loadOverview() {
  clearTimeout(poll);
  const r = await api(`/api/months/${m()}/overview?page=${unsentPage}&per_page=20`);
  const total = r.files_by_day.reduce((a, d) => a + d.count, 0);
  clear(
    $("#status"),
    card("処理年月", monthLabel(r.month), `状態：${r.state}（${when(r.since) || "－"} から）`),
    card("受付期間", `${when(r.window.from).slice(5, 10)} – ${when(r.window.to).slice(5, 16)}`, `現在 ${when(r.now)}`),
    card("受付ファイル", count(total)),
    card("未送信の事業所", count(r.offices_not_sent.total)),
  );
  clear($("#days-chart"), daysChart(r.files_by_day));
  const present = STATES.filter((s) => r.files_by_day.some((d) => d.state_code === s));
  clear($("#days thead"), el("tr", {}, el("th", { scope: "col" }, "日"), present.map((s) => el("th", { scope: "col", class: "num" }, STATE_JA[s]))));
  const byDay = new Map();
  for (const d of r.files_by_day) {
    if (!byDay.has(d.day)) byDay.set(d.day, {});
    byDay.get(d.day)[d.state_code] = d.count;
  }
  clear($("#days tbody"), [...byDay.entries()].map(([day, s]) => el("tr", {}, el("th", { scope: "row" }, day), present.map((k) => el("td", { class: "num" }, fmtNumber.format(s[k] || 0))))));
  clear($("#unsent tbody"), r.offices_not_sent.rows.length ? r.offices_not_sent.rows.map((o) => el("tr", {}, el("td", { class: "code" }, el("a", { href: `/lookup?office=${o.office_no}&month=${r.month}` }, o.office_no)), el("td", {}, o.name))) : el("tr", {}, el("td", { colspan: 2 }, "すべての事業所が送信済みです。")));
  pager($("#unsent-pager"), r.offices_not_sent, (p) => {
    unsentPage = p;
    loadOverview().catch(showFailure);
  });
  lastState = r.state_code;
  const running = showJob(r.job);
  $("#review").disabled = running || !["open", "closed", "reviewed", "settled", "under_review"].includes(r.state_code);
  $("#results").disabled = running || !["reviewed", "settled"].includes(r.state_code);
  $("#close").disabled = running || r.state_code !== "open";
  if (running) poll = setTimeout(() => loadOverview().then((still) => !still && loadReasons()).catch(showFailure), 1500);
  return running;
}

async function loadReasons() {
  const r = await api(`/api/months/${m()}/reasons`);
  const c = r.claims || {};
  clear($("#outcomes"), Object.keys(c).length ? Object.entries(OUTCOME_JA).map(([k, ja]) => card(`明細書 ${ja}`, count(c[k] || 0))) : el("p", {}, "審査の後に表示されます。"));
  const plans = Object.entries(r.plans || {});
  if (plans.length) $("#outcomes").append(card("給付管理票", count(plans.reduce((a, [, v]) => a + v, 0)), plans.map(([k, v]) => `${PLAN_OUTCOME_JA[k] || k} ${fmtNumber.format(v)}`).join("・")));
  const reasons = (r.reasons || []).slice().sort((a, b) => b.documents - a.documents);
  clear(
    $("#reasons"),
    reasons.length
      ? [
          barChart(reasons.map((x) => ({ label: reasonLabel(x), value: x.documents, kind: x.kind === "hold" ? "held" : x.kind === "cut" ? "cut" : "returned", title: `${reasonLabel(x)} ${x.title_ja || ""}` })), { caption: "事由コード別の件数（明細書・給付管理票）" }),
          tableBox(el("table", {}, el("caption", {}, "事由コード別の件数（表）"),
            el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "事由"), el("th", { scope: "col" }, "内容"), el("th", { scope: "col", class: "num" }, "件数"))),
            el("tbody", {}, reasons.map((x) => el("tr", {}, el("td", { class: "code" }, reasonLabel(x)), el("td", {}, x.title_ja || ""), el("td", { class: "num" }, fmtNumber.format(x.documents))))))),
        ]
      : null,
  );
}

async function start(kind) {
  try {
    const path = kind === "close" ? `/api/months/${m()}/close` : `/api/months/${m()}/${kind}`;
    const body = kind === "review" && ["reviewed", "settled"].includes(lastState) ? { again: true } : {};
    await api(path, { method: "POST", json: body });
    flash(kind === "close" ? "受付を締め切りました。" : `${kind === "review" ? "審査" : "支払処理"}を開始しました。`, "ok");
    await refresh();
  } catch (e) {
    showFailure(e);
  }
}

let lastState = "";
async function refresh() {
  try {
    await loadOverview();
    await loadReasons();
  } catch (e) {
    showFailure(e);
  }
}

$("#close").addEventListener("click", () => {
  if (confirm(`${monthLabel(m())}の受付を締め切ります。締め切ると、この月のファイルは受付も取消もできなくなります。よろしいですか。`)) start("close");
});
$("#review").addEventListener("click", () => start("review"));
$("#results").addEventListener("click", () => start("results"));
$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  unsentPage = 1;
  setParams({ month: m() });
  refresh();
});
refresh();
