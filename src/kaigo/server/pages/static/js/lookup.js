// lookup.js — 審査結果の照会: an office (its files and decisions), a person (被保険者番号: every
// decision on their 明細書 and 給付管理票, audited) or a file (受付番号: the file and the decisions
// on its documents), each decision with every reason (事由・項目・記載値・正しい値). Lists come a
// page at a time from GET /api/decisions and GET /api/submissions.
import { $, tableBox, api, clear, count, el, monthFromInput, monthLabel, pager, params, setParams, showFailure, stateBadge, units, when, yen, OUTCOME_JA, PLAN_OUTCOME_JA, reasonLabel, fmtNumber } from "./common.js";

const result = $("#result");

function findings(list) {
  if (!list.length) return "－";
  return el("ul", { class: "plain" }, list.map((f) =>
    el("li", { class: "finding" }, el("strong", {}, reasonLabel(f)), " ", f.message_ja || "",
      f.item ? `（${f.item}${f.found ? `：${f.found}` : ""}${f.expected ? ` → ${f.expected}` : ""}）` : "")));
}

function claimsTable(r) {
  return tableBox(el("table", {},
    el("caption", {}, `明細書の審査結果（${count(r.total)}）`),
    el("thead", {}, el("tr", {}, ["審査月", "結果", "事業所番号", "保険者番号", "被保険者番号", "提供年月", "様式", "受付番号", "請求", "決定", "事由"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, r.rows.length ? r.rows.map((d) => el("tr", { "data-claim": d.claim_id },
      el("td", {}, monthLabel(d.month)),
      el("td", {}, `${OUTCOME_JA[d.outcome] || d.outcome}${d.released ? "（保留復活）" : ""}${d.kind === "rereview" ? "（再審査）" : ""}`),
      el("td", { class: "code" }, d.office_no), el("td", { class: "code" }, d.insurer_no), el("td", { class: "code" }, d.insured_no),
      el("td", {}, d.service_month), el("td", { class: "code" }, d.form_id),
      el("td", { class: "num" }, el("a", { href: `/submissions/${d.submission}` }, d.submission)),
      el("td", { class: "num" }, units(d.written.units), el("br"), yen(d.written.claim)),
      el("td", { class: "num" }, units(d.decided.units), el("br"), yen(d.decided.claim)),
      el("td", {}, findings(d.findings)))) : el("tr", {}, el("td", { colspan: 11 }, "ありません。")))));
}

function plansTable(r) {
  return tableBox(el("table", {},
    el("caption", {}, `給付管理票の審査結果（${count(r.total)}）`),
    el("thead", {}, el("tr", {}, ["審査月", "結果", "居宅介護支援事業所", "保険者番号", "被保険者番号", "対象年月", "受付番号", "事由"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, r.rows.length ? r.rows.map((d) => el("tr", {},
      el("td", {}, monthLabel(d.month)), el("td", {}, PLAN_OUTCOME_JA[d.outcome] || d.outcome),
      el("td", { class: "code" }, d.support_office_no), el("td", { class: "code" }, d.insurer_no), el("td", { class: "code" }, d.insured_no),
      el("td", {}, d.service_month), el("td", { class: "num" }, el("a", { href: `/submissions/${d.submission}` }, d.submission)),
      el("td", {}, findings(d.findings)))) : el("tr", {}, el("td", { colspan: 8 }, "ありません。")))));
}

// A section listing one kind of decision a page at a time.
function decisionSection(title, query, type) {
  const box = el("section", {}, el("h2", {}, title));
  const body = el("div");
  const nav = el("nav", { class: "pager", "aria-label": `${title}のページ` });
  box.append(body, nav);
  const go = async (page) => {
    try {
      const r = await api(`/api/decisions?${new URLSearchParams({ ...query, type, page, per_page: 20 })}`);
      clear(body, type === "plans" ? plansTable(r) : claimsTable(r));
      pager(nav, r, go);
    } catch (e) {
      showFailure(e);
    }
  };
  go(1);
  return box;
}

async function filesSection(office, month) {
  const box = el("section", {}, el("h2", {}, "送信されたファイル"));
  const body = el("div");
  const nav = el("nav", { class: "pager", "aria-label": "ファイルのページ" });
  box.append(body, nav);
  const go = async (page) => {
    const q = new URLSearchParams({ office, page, per_page: 20 });
    if (month) q.set("month", month);
    const r = await api(`/api/submissions?${q}`);
    clear(body, tableBox(el("table", {}, el("caption", {}, `ファイル（${count(r.total)}）`),
      el("thead", {}, el("tr", {}, ["受付番号", "ファイル名", "状態", "処理年月", "明細件数", "エラー件数", "受付日時"].map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, r.submissions.map((s) => el("tr", {}, el("td", { class: "num" }, el("a", { href: `/submissions/${s.submission}` }, s.submission)), el("td", {}, s.file),
        el("td", {}, stateBadge(s.state_code, s.state)), el("td", {}, monthLabel(s.processing_month)), el("td", { class: "num" }, fmtNumber.format(s.statements)),
        el("td", { class: "num" }, fmtNumber.format(s.error_count)), el("td", {}, when(s.received_at))))))));
    pager(nav, r, go);
  };
  await go(1);
  return box;
}

async function byOffice(office, month) {
  setParams({ office, month, insured: null, insurer: null, submission: null });
  const q = { office };
  if (month) q.month = month;
  clear(result, el("h2", {}, `事業所 ${office}${month ? `・${monthLabel(month)}審査` : ""}`));
  result.append(await filesSection(office, month), decisionSection("明細書", q, "claims"), decisionSection("給付管理票（居宅介護支援事業所として）", q, "plans"));
}

function byPerson(insured, insurer) {
  setParams({ insured, insurer, office: null, month: null, submission: null });
  const q = { insured_no: insured };
  if (insurer) q.insurer_no = insurer;
  clear(result, el("h2", {}, `被保険者番号 ${insured}${insurer ? `（保険者 ${insurer}）` : ""}`), decisionSection("明細書", q, "claims"), decisionSection("給付管理票", q, "plans"));
}

async function byFile(id) {
  setParams({ submission: id, office: null, month: null, insured: null, insurer: null });
  const r = await api(`/api/submissions/${id}/errors?per_page=1`);
  const s = r.submission;
  clear(result, el("h2", {}, `受付番号 ${id}`),
    el("p", {}, `${s.file}・`, stateBadge(s.state_code, s.state), `・事業所番号 ${s.office_no || "－"}・${monthLabel(s.processing_month)}・明細件数 ${s.statements}・エラー ${s.error_count} 件 `, el("a", { href: `/submissions/${id}` }, "事前チェック結果")),
    decisionSection("明細書", { submission: id }, "claims"), decisionSection("給付管理票", { submission: id }, "plans"));
}

function run(fn) {
  return (e) => {
    e.preventDefault();
    Promise.resolve(fn()).catch(showFailure);
  };
}

$("#by-office").addEventListener("submit", run(() => byOffice($("#office").value.trim(), monthFromInput($("#office-month").value))));
$("#by-person").addEventListener("submit", run(() => byPerson($("#insured").value.trim(), $("#insurer").value.trim())));
$("#by-file").addEventListener("submit", run(() => byFile($("#submission").value.trim())));

const p = params();
if (p.get("office")) {
  $("#office").value = p.get("office");
  if (p.get("month")) $("#office-month").value = `${p.get("month").slice(0, 4)}-${p.get("month").slice(4)}`;
  byOffice(p.get("office"), p.get("month") || "").catch(showFailure);
} else if (p.get("insured")) {
  $("#insured").value = p.get("insured");
  $("#insurer").value = p.get("insurer") || "";
  byPerson(p.get("insured"), p.get("insurer") || "");
} else if (p.get("submission")) {
  $("#submission").value = p.get("submission");
  byFile(p.get("submission")).catch(showFailure);
}
