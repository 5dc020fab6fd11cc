// The web pages (docs/web.md): every page is one line of pages/pages.tsv (its path, its HTML
// fragment, its script, who may open it, the check its URL needs, its place in the menu and its
// title), put into pages/layout.html with the menu of the user's role, the user and the CSRF token;
// and the files under pages/static/ (CSS, JavaScript modules) with an ETag. Every page is sent with
// a strict Content-Security-Policy (scripts and styles from this server only, nothing inline, no
// framing), nosniff and no referrer; a page that needs a login sends the browser to /login, one the
// role may not open or whose URL names what the user may not see answers 403 with a page that
// says so and shows nothing of it.
// Owns: the page table, the layout and the page files' answers. Must not: hold business rules
// (each page reads the API, which decides).
#include <fmt/format.h>

#include <map>
#include <mutex>

#include "kaigo/core/embedded.hpp"
#include "kaigo/core/html_text.hpp"
#include "kaigo/core/sha256.hpp"
#include "kaigo/core/strings.hpp"
#include "kaigo/server/api_error.hpp"
#include "kaigo/server/routes.hpp"
#include "kaigo/store/view_store.hpp"

namespace kaigo::server {
namespace {

constexpr std::string_view kPagesFolder = "src/kaigo/server/pages/";

// Pages: scripts, styles, images and fetches from this server only; nothing inline; never framed.
// frame-src 'self': the notices page shows a 帳票's HTML in a sandboxed frame.
constexpr const char* kPageCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

struct Page {
  std::string pattern;  // httplib regex of the path
  std::string file;     // HTML fragment under pages/html/
  std::string script;   // module under pages/static/js/
  Access access;
  std::string guard;  // "", "submission" (capture 1 must be visible), "office" (?office= must be the user's)
  int menu = 0;       // place in the menu; 0: not in the menu
  std::string title_ja;
  std::string title_en;
};

std::string_view embedded_text(std::string_view relative) {
  auto f = embedded::find(std::string(kPagesFolder) + std::string(relative));
  if (!f) throw std::runtime_error("page file not embedded: " + std::string(relative));
  return *f;
}

// A page file with its parts in place: {{part:NAME}} stands for html/parts/NAME.html, markup several
// pages share (the script that fills it is shared too: common.js, subsidy_common.js). Parts do not
// nest; a missing part throws, found at start like a missing page.
std::string page_body(const std::string& file) {
  std::string body(embedded_text("html/" + file));
  constexpr std::string_view kOpen = "{{part:";
  for (auto at = body.find(kOpen); at != std::string::npos; at = body.find(kOpen, at)) {
    const auto end = body.find("}}", at);
    if (end == std::string::npos) throw std::runtime_error("html/" + file + ": {{part: without }}");
    const auto name = body.substr(at + kOpen.size(), end - at - kOpen.size());
    const auto part = embedded_text("html/parts/" + name + ".html");
    body.replace(at, end + 2 - at, part);
    at += part.size();
  }
  return body;
}

Access access_of(std::string_view text) {
  if (text == "open") return Access::anyone();
  if (text == "any") return Access::logged_in();
  Access a{false, {}};
  for (auto name : split(text, ',')) {
    auto role = parse_enum<auth::Role>(trim(name));
    if (!role) throw std::runtime_error("pages.tsv: unknown role " + std::string(name));
    a.roles.push_back(*role);
  }
  return a;
}

// pages/pages.tsv: a header line, '#' comments, then one page a line.
std::vector<Page> load_pages() {
  std::vector<Page> pages;
  bool header = true;
  for (auto line : split(embedded_text("pages.tsv"), '\n')) {
    if (line.empty() || line.front() == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    auto cells = split(line, '\t');
    if (cells.size() != 8) throw std::runtime_error("pages.tsv: 8 columns expected: " + std::string(line));
    auto dash = [](std::string_view s) { return s == "-" ? std::string() : std::string(s); };
    Page p{std::string(cells[0]), std::string(cells[1]), dash(cells[2]), access_of(cells[3]), dash(cells[4]),
           static_cast<int>(parse_int(cells[5]).value_or(0)), std::string(cells[6]), std::string(cells[7])};
    if (p.menu > 0 && p.pattern.find_first_of("()[]\\*+?|^$") != std::string::npos) {
      throw std::runtime_error("pages.tsv: a menu page needs a plain path: " + p.pattern);
    }
    page_body(p.file);  // a missing file or part is found at start, not on the first visit
    if (!p.script.empty()) embedded_text("static/js/" + p.script);
    pages.push_back(std::move(p));
  }
  return pages;
}

const std::vector<Page>& pages() {
  static const std::vector<Page> table = load_pages();
  return table;
}

bool allowed(const Access& a, const std::optional<auth::SessionView>& s) {
  if (a.open) return true;
  if (!s) return false;
  return a.roles.empty() || std::find(a.roles.begin(), a.roles.end(), s->user.role) != a.roles.end();
}

// The menu path of a page: its pattern, which for menu pages is a plain path.
std::string menu_html(const std::optional<auth::SessionView>& s, const std::string& current) {
  std::vector<const Page*> items;
  for (const auto& p : pages()) {
    if (p.menu > 0 && !p.access.open && allowed(p.access, s)) items.push_back(&p);
  }
  std::stable_sort(items.begin(), items.end(), [](const Page* a, const Page* b) { return a->menu < b->menu; });
  std::string out;
  for (const auto* p : items) {
    out += fmt::format("<li><a href=\"{}\"{}>{}</a></li>", html_escape(p->pattern),
                       p->pattern == current ? " aria-current=\"page\"" : "", html_escape(p->title_ja));
  }
  return out;
}

std::string user_label(const auth::User& u) {
  static const std::map<auth::Role, std::string_view> kRole{
      {auth::Role::Office, "事業所"}, {auth::Role::Medical, "医療機関"}, {auth::Role::Municipality, "保険者"},
      {auth::Role::Insured, "被保険者"}, {auth::Role::Kokuhoren, "国保連"}, {auth::Role::Admin, "管理者"}};
  std::string label = fmt::format("{}（{}）", u.id, kRole.at(u.role));
  if (!u.name.empty()) label = u.name + " " + label;
  return label;
}

std::string replace_all(std::string text, std::string_view key, std::string_view value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
  return text;
}

// The page inside the layout. `main` is trusted markup (a page file or a fixed message).
std::string render(Scope& scope, const Page& page, const std::string& path, const std::string& main) {
  const auto& s = scope.session();
  std::string layout(embedded_text("layout.html"));
  std::string offices;
  if (s) {
    for (const auto& o : s->user.offices) offices += (offices.empty() ? "" : ",") + o;
  }
  // Values first, the page body last: a value never holds a {{key}} that a later step would expand.
  const std::map<std::string_view, std::string> values{
      {"{{title}}", html_escape(page.title_ja)},
      {"{{title_en}}", html_escape(page.title_en)},
      {"{{script}}", page.script.empty() ? std::string("common.js") : html_escape(page.script)},
      {"{{csrf}}", s ? html_escape(s->csrf_token) : std::string()},
      {"{{user}}", s ? html_escape(s->user.id) : std::string()},
      {"{{user_label}}", s ? html_escape(user_label(s->user)) : std::string()},
      {"{{role}}", s ? std::string(enum_code(s->user.role)) : std::string()},
      {"{{offices}}", html_escape(offices)},
      {"{{month}}", scope.now().date.year_month().str()},
      {"{{now}}", scope.now().str()},
      {"{{nav}}", menu_html(s, path)},
      {"{{signed_in}}", s ? "true" : "false"},
  };
  for (const auto& [key, value] : values) layout = replace_all(std::move(layout), key, value);
  return replace_all(std::move(layout), "{{main}}", main);
}

void page_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy", kPageCsp);
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Cache-Control", "no-store");
}

void send_page(httplib::Response& res, int status, std::string html) {
  page_headers(res);
  res.status = status;
  res.set_content(std::move(html), "text/html; charset=utf-8");
}

std::string refusal_main() {
  return "<div class=\"notice error\" role=\"alert\"><p>このページを表示する権限がありません。</p>"
         "<p lang=\"en\">You are not allowed to see this page.</p></div>";
}

// The check a page's URL needs beyond the role (what the URL names must be the user's).
bool guard_passes(Scope& scope, const Page& page, const httplib::Request& req) {
  if (page.guard.empty()) return true;
  const auto& u = scope.user();
  if (page.guard == "submission") {
    auto id = parse_int(req.matches[1].str());
    auto s = id ? store::ViewStore(scope.db()).submission_head(*id) : std::nullopt;
    return s && may_see_submission(u, *s);
  }
  if (page.guard == "office") {
    if (!req.has_param("office")) return true;
    return u.is_kokuhoren() || u.is_admin() || u.acts_for_office(req.get_param_value("office"));
  }
  throw std::runtime_error("pages.tsv: unknown guard " + page.guard);
}

void serve_page(Scope& scope, const Page& page, const httplib::Request& req, httplib::Response& res) {
  const auto& s = scope.session();
  if (!page.access.open && !s) {
    res.status = 303;
    res.set_header("Location", "/login?next=" + req.path);
    page_headers(res);
    return;
  }
  if (!allowed(page.access, s) || !guard_passes(scope, page, req)) {
    if (s) scope.audit(auth::AuditAction::PageRefused, req.path);
    Page refused = page;
    refused.script.clear();  // the page's own script would look for what is not there
    send_page(res, 403, render(scope, refused, page.pattern, refusal_main()));
    return;
  }
  send_page(res, 200, render(scope, page, page.pattern, page_body(page.file)));
}

// "/": the first page of the user's menu, or the login page.
void home(Scope& scope, const httplib::Request&, httplib::Response& res) {
  const auto& s = scope.session();
  std::string target = "/login";
  int best = 0;
  for (const auto& p : pages()) {
    if (p.menu > 0 && !p.access.open && allowed(p.access, s) && (best == 0 || p.menu < best)) {
      best = p.menu;
      target = p.pattern;
    }
  }
  res.status = 303;
  res.set_header("Location", target);
  page_headers(res);
}

// ---- static files ---------------------------------------------------------------------------------

struct StaticFile {
  std::string_view bytes;
  std::string etag;
  std::string type;
};

std::string type_of(std::string_view name) {
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

const std::map<std::string, StaticFile>& static_files() {
  static const std::map<std::string, StaticFile> files = [] {
    std::map<std::string, StaticFile> out;
    const std::string prefix = std::string(kPagesFolder) + "static/";
    for (const auto& f : embedded::files()) {
      if (!starts_with(f.path, prefix)) continue;
      auto name = std::string(f.path.substr(prefix.size()));
      out[name] = {f.bytes, "\"" + sha256_hex(f.bytes).substr(0, 32) + "\"", type_of(name)};
    }
    return out;
  }();
  return files;
}

void static_file(Scope&, const httplib::Request& req, httplib::Response& res) {
  auto it = static_files().find(req.matches[1].str());
  if (it == static_files().end()) throw not_found();
  // Revalidated every time (no-cache): an upgraded server never runs with an old script.
  res.set_header("Cache-Control", "no-cache");
  res.set_header("ETag", it->second.etag);
  if (req.get_header_value("If-None-Match") == it->second.etag) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(std::string(it->second.bytes), it->second.type);
}

}  // namespace

std::vector<Route> page_routes() {
  std::vector<Route> r;
  r.push_back({"GET", "/", "/", Access::anyone(), false, false, home});
  r.push_back({"GET", R"(/static/((?:js/)?[a-z0-9_-]+\.(?:js|css|svg)))", "/static/{file}", Access::anyone(), false,
               false, static_file});
  for (const auto& page : pages()) {
    r.push_back({"GET", page.pattern, page.pattern, Access::anyone(), false, false,
                 [&page](Scope& scope, const httplib::Request& req, httplib::Response& res) {
                   serve_page(scope, page, req, res);
                 }});
  }
  return r;
}

}  // namespace kaigo::server
