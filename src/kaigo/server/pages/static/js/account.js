// account.js — パスワード変更: POST /api/password with the current and the new password.
import { $, api, flash, showFailure, twiceTyped } from "./common.js";

$("#change").addEventListener("submit", async (event) => {
  event.preventDefault();
  const current = $("#current").value;
  const password = twiceTyped("#next", "#again", "新しいパスワードの2つの入力が一致しません。 / The two entries differ.");
  if (password === null) return;
  try {
    await api("/api/password", { method: "POST", json: { current, password } });
    flash(["パスワードを変更しました。もう一度ログインしてください。", "The password is changed; log in again."], "ok");
    setTimeout(() => location.assign("/login"), 1500);
  } catch (e) {
    showFailure(e);
  }
});
