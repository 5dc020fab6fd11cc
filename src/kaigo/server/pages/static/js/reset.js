// reset.js — パスワードの再設定 (seed 000 §3(2)): without a token, asks for the user ID and the
// security e-mail (POST /api/reset; the answer is the same whether or not they exist). With the
// link's token — in the URL fragment "#token=…", which the browser never sends to the server — it
// asks for the new secret and posts it with the token to /api/reset/complete, then removes the
// token from the address bar.
import { $, api, flash, showFailure, twiceTyped } from "./common.js";

let token = null;

// The token of a link opened here (also when the page is already open: a hash change).
function takeToken() {
  const t = new URLSearchParams(location.hash.slice(1)).get("token");
  if (!t) return;
  token = t;
  $("#ask").hidden = true;
  $("#complete").hidden = false;
  // Out of the address bar and history at once: nobody reads it over a shoulder or a later visit.
  history.replaceState(null, "", location.pathname);
  $("#new-password").focus();
}
takeToken();
window.addEventListener("hashchange", takeToken);

$("#request").addEventListener("submit", async (event) => {
  event.preventDefault();
  const user = $("#reset-user").value.trim();
  const email = $("#reset-email").value.trim();
  if (!user || !email) {
    flash("ユーザIDとメールアドレスを入力してください。", "error");
    return;
  }
  const purpose = document.querySelector('input[name="purpose"]:checked').value;
  try {
    const r = await api("/api/reset", { method: "POST", json: { user, email, purpose } });
    flash([r.message_ja, r.message_en], "ok");
  } catch (e) {
    showFailure(e);
  }
});

$("#new-secret").addEventListener("submit", async (event) => {
  event.preventDefault();
  const password = twiceTyped("#new-password", "#new-password-again", "2つの入力が一致しません。 / The two entries differ.");
  if (password === null) return;
  try {
    await api("/api/reset/complete", { method: "POST", json: { token, password } });
    $("#complete").hidden = true;
    flash(["新しいパスワードを設定しました。ログインしてください。", "The new password is set; log in."], "ok");
  } catch (e) {
    showFailure(e);
  }
});
