// golive.js — 利用開始状況 (seed 004 §2): each insurer's 介護情報基盤利用開始日 and its state on a day
// (GET /api/platform/golive), the same table the platform's access decisions read; the CSV link
// follows the day chosen.
import { $, api, clear, el, fmtNumber, me, params, setParams, showFailure } from "./common.js";

const STATE_CLASS = { live: "state-accepted", scheduled: "state-receiving", undecided: "state-cancelled" };

function dashed(d) {
  return d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : "";
}

async function load() {
  const on = $("#on").value.replaceAll("-", "");
  setParams({ on: $("#on").value });
  $("#csv").href = `/api/platform/golive?format=csv&on=${on}`;
  try {
    const r = await api(`/api/platform/golive?on=${on}`);
    clear($("#counts"),
      el("div", { class: "card" }, el("p", {}, "利用開始済"), el("p", { class: "big", "data-count": "live" }, `${fmtNumber.format(r.counts.live)} 保険者`)),
      el("div", { class: "card" }, el("p", {}, "開始予定"), el("p", { class: "big", "data-count": "scheduled" }, `${fmtNumber.format(r.counts.scheduled)} 保険者`)),
      el("div", { class: "card" }, el("p", {}, "未定"), el("p", { class: "big", "data-count": "undecided" }, `${fmtNumber.format(r.counts.undecided)} 保険者`)));
    clear($("#golive tbody"), r.insurers.map((i) => el("tr", { "data-insurer": i.insurer_no },
      el("td", { class: "code" }, i.insurer_no),
      el("td", {}, i.insurer_name || "（保険者台帳にない保険者）"),
      el("td", {}, i.golive_on ? dashed(i.golive_on) : "－"),
      el("td", {}, el("span", { class: `state ${STATE_CLASS[i.state] || ""}` }, i.state_ja)))));
  } catch (e) {
    showFailure(e);
  }
}

$("#on").value = params().get("on") || me.now.slice(0, 10);
$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  load();
});
load();
