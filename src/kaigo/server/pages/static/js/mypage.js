// mypage.js — マイページ (issue 17 item 3; portal::office_page through GET /api/offices/{office}/page):
// the office, its services and their subsidy class; its KJ IDs and accounts and the KJ-ID letters
// sent; its certificates with their validity, days left and fee; the care-plan licence with its
// period and fee; the fees deducted from its 7513, month by month (控除済 / 控除予定); its subsidy
// applications. An office account sees its own offices; the 国保連 and administrators any office.
import { $, api, clear, el, me, monthLabel, params, setParams, showFailure, tableBox, when, yen } from "./common.js";
import { dayLabel, subsidyState } from "./subsidy_common.js";

const staff = me.role === "kokuhoren" || me.role === "admin";
const CERT_STATE_JA = { valid: "有効", expired: "期限切れ", revoked: "失効", not_yet_valid: "有効期間前" };

function table(caption, headers, rows, empty) {
  if (rows.length === 0) return el("p", { class: "hint" }, empty);
  return tableBox(el("table", {}, el("caption", {}, caption),
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col", class: h.startsWith("#") ? "num" : null }, h.replace(/^#/, ""))))),
    el("tbody", {}, rows)));
}

function render(p) {
  clear($("#office-facts"),
    el("dt", {}, "事業所番号"), el("dd", {}, p.office_no), el("dt", {}, "事業所名"), el("dd", {}, p.name),
    el("dt", {}, "表示日時"), el("dd", {}, when(p.at)));
  clear($("#services"), table("サービスと助成の区分", ["サービス種類", "名称", "助成の区分"],
    p.services.map((s) => el("tr", {}, el("td", { class: "code" }, s.service_type), el("td", {}, s.name), el("td", {}, s.subsidy_class || "－"))),
    "事業所台帳に登録されたサービスはありません。"));
  clear($("#accounts"), table("アカウント（自事業所のもの、次に代理請求のもの）",
    ["ユーザID（KJ ID）", "名前", "対象", "セキュリティ用メール", "証明書発行用パスワード", "ロック", "パスワード変更日時"],
    p.accounts.map((a) => el("tr", { "data-account": a.id },
      el("td", { class: "code" }, a.id), el("td", {}, a.name || ""), el("td", {}, a.own ? "自事業所" : `代理請求 ${a.offices.length} 事業所`),
      el("td", {}, a.email || "未登録"), el("td", {}, a.has_security_code ? "設定済" : "未設定"),
      el("td", {}, a.locked ? "ロック中" : "－"), el("td", {}, when(a.password_changed_at)))),
    "アカウントはありません（媒体請求の事業所には KJ ID を文書でお知らせします）。"));
  clear($("#letters"), p.letters.length === 0 ? [] : table("KJ ID のお知らせ（電子請求登録結果に関するお知らせ）", ["バッチ", "ユーザID", "発行日時", "発行者"],
    p.letters.map((l) => el("tr", {}, el("td", {}, l.batch), el("td", { class: "code" }, l.user_id), el("td", {}, when(l.issued_at)), el("td", {}, l.issued_by))), ""));
  clear($("#certificates"), table("電子証明書", ["シリアル", "申請日", "有効期間", "残り日数", "状態", "#発行手数料", "控除する審査月"],
    p.certificates.map((c) => el("tr", { "data-serial": c.serial },
      el("td", { class: "code" }, c.serial), el("td", {}, dayLabel(c.applied_on)),
      el("td", {}, `${when(c.not_before)} 〜 ${when(c.not_after)}`), el("td", {}, `${c.days_left} 日`),
      el("td", {}, CERT_STATE_JA[c.state] || c.state), el("td", { class: "num" }, c.fee === null ? "－" : yen(c.fee)),
      el("td", {}, c.fee_month ? monthLabel(c.fee_month) : "－"))),
    "電子証明書はありません。"));
  const lic = p.careplan_licences;
  clear($("#licences"), !lic.connected ? el("p", {}, `${lic.message_ja} / ${lic.message_en}`)
    : table("ライセンス", ["申込日", "有効期間", "#ライセンス料", "備考"],
      lic.licences.map((l) => el("tr", {}, el("td", {}, dayLabel(l.applied_on)),
        el("td", {}, `${dayLabel(l.valid_from)} 〜 ${dayLabel(l.valid_to)}`),
        el("td", { class: "num" }, l.fee === null ? "無料" : yen(l.fee)), el("td", {}, l.note || ""))),
      "ライセンスの申込みはありません。"));
  clear($("#fees"), table("審査月ごとの控除", ["審査月", "#電子証明書発行手数料", "#ライセンス料", "#合計", "状態", "#振込金額", "注記"],
    p.fees.map((m) => el("tr", { "data-month": m.month },
      el("td", {}, monthLabel(m.month)), el("td", { class: "num" }, yen(m.certificate_fee)), el("td", { class: "num" }, yen(m.license_fee)),
      el("td", { class: "num" }, yen(m.total)), el("td", {}, m.state_ja), el("td", { class: "num" }, m.transfer === null ? "－" : yen(m.transfer)),
      el("td", {}, (m.notes_ja || []).join(" ")))),
    "控除する手数料はありません。"));
  clear($("#subsidies"), table("助成金の申請（新しい順）", ["申請番号", "年度", "申請日時", "状態", "審査月", "振込月", "#交付決定額", "詳細"],
    p.subsidies.map((a) => el("tr", { "data-id": String(a.id) },
      el("td", {}, String(a.id)), el("td", {}, a.fiscal_year || a.scheme), el("td", {}, when(a.applied_at)),
      el("td", {}, subsidyState(a)), el("td", {}, monthLabel(a.decision_month)), el("td", {}, monthLabel(a.payment_month)),
      el("td", { class: "num" }, a.decision ? yen(a.decision.amount) : "－"),
      el("td", {}, me.role === "office" ? el("a", { href: `/subsidy?id=${a.id}` }, "開く")
        : el("a", { href: `/subsidy/review?applicant=${a.applicant.number}&state=` }, "審査画面へ")))),
    "助成金の申請はありません。"));
  $("#page").hidden = false;
}

function chosenOffice() {
  return staff ? $("#office-input").value.trim() : $("#office-select").value;
}

async function load() {
  const office = chosenOffice();
  if (!office) return;
  setParams({ office });
  try {
    render(await api(`/api/offices/${office}/page`));
  } catch (e) {
    $("#page").hidden = true;
    showFailure(e);
  }
}

const wanted = params().get("office") || "";
if (staff) {
  $("#office-input-box").hidden = false;
  $("#office-input").value = wanted;
} else {
  $("#office-select-box").hidden = false;
  clear($("#office-select"), me.offices.map((o) => el("option", { value: o, selected: o === wanted }, o)));
}
$("#filter").addEventListener("submit", (e) => {
  e.preventDefault();
  load();
});
load();
