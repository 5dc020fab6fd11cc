// login.js — ログイン: the user ID and password go to POST /api/login; a wrong password, a lockout
// (with until when) and too many attempts each get their own message; success opens the page the
// user was sent here from (a path on this server only) or the first page of the user's menu.
import { $, api, ApiFailure, failureText, flash, params, showFailure, when } from "./common.js";

function nextPage() {
  const next = params().get("next") || "/";
  // Only a path of this server: "/x", never "//host" or "https:".
  return /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : "/";
}

if (params().get("logged_out")) flash("ログアウトしました。 / You have logged out.", "ok");

$("#login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const user = $("#user").value.trim();
  const password = $("#password").value;
  if (!user || !password) {
    flash("ユーザIDとパスワードを入力してください。 / Enter your user ID and password.", "error");
    (user ? $("#password") : $("#user")).focus();
    return;
  }
  const button = event.submitter || $("#login button");
  button.disabled = true;
  try {
    await api("/api/login", { method: "POST", json: { user, password } });
    location.assign(nextPage());
  } catch (e) {
    button.disabled = false;
    if (e instanceof ApiFailure && e.status === 423) {
      const lines = [failureText(e)];
      if (e.error.locked_until) {
        lines.push(`ロック解除: ${when(e.error.locked_until)} 以降に再度ログインしてください。`);
      } else {
        lines.push("国保連の管理者にロックの解除を依頼してください。 / Ask the administrator to unlock it.");
      }
      lines.push("パスワードを忘れた場合は、下の「パスワードを忘れた場合」から再設定できます。");
      flash(lines, "error");
    } else {
      showFailure(e);
    }
    $("#password").value = "";
    $("#password").focus();
  }
});
