/**
 * The inspector's two HTML pages. Both are constant: no secret, name or setting of the server is
 * ever written into them. The inspector page's data comes from the admin JSON routes, fetched by
 * its script; values only when a "show value" button is clicked.
 */

/**
 * No inline script or style, nothing from elsewhere: scripts, styles and calls go to this server
 * only, no frame may embed the page, and forms post nowhere but here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The head both pages share; an empty data: icon keeps the browser from asking the cloud port for /favicon.ico. */
function head(title: string, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/_emulator/ui/style.css">
<script src="/_emulator/ui/${script}" defer></script>
</head>`;
}

/** `GET /_emulator/ui` with a valid session (or when the admin API needs no token). */
export const INSPECTOR_PAGE = `${head('polysecret inspector', 'inspector.js')}
<body>
<header>
  <h1>polysecret <span>inspector</span></h1>
  <div class="clock">
    <span class="caption">emulator clock</span> <time id="clock">…</time>
    <button type="button" data-advance="3600">+1 h</button>
    <button type="button" data-advance="86400">+1 day</button>
    <button type="button" data-advance="691200">+8 days</button>
  </div>
  <div class="actions">
    <button type="button" id="seed">Seed…</button>
    <input type="file" id="seed-file" accept=".json,.yaml,.yml,application/json,application/yaml" hidden>
    <button type="button" id="reset" class="danger">Reset</button>
    <button type="button" id="logout">Log out</button>
  </div>
  <p id="status" class="status" role="status"></p>
</header>
<main>
  <nav class="sidebar" aria-label="secrets">
    <div class="filters">
      <select id="filter-cloud" aria-label="cloud">
        <option value="">cloud</option><option value="aws">aws</option><option value="alibaba">alibaba</option><option value="tencent">tencent</option>
      </select>
      <select id="filter-account" aria-label="account"><option value="">account</option></select>
      <select id="filter-region" aria-label="region"><option value="">region</option></select>
      <input id="filter-search" type="search" placeholder="search names and descriptions" aria-label="search">
    </div>
    <p id="secret-count" class="count"></p>
    <ul id="secret-list" class="secret-list"></ul>
  </nav>
  <div class="right">
    <section id="secret-details" class="details" aria-live="polite">
      <p class="empty">Choose a secret to see its versions, labels and tags.</p>
    </section>
    <section id="faults" class="faults">
      <h3>Fault rules <button type="button" id="faults-clear" class="small">remove all</button></h3>
      <p id="faults-note" class="empty"></p>
      <table><thead><tr><th>cloud</th><th>action</th><th>secret</th><th>effect</th><th>times</th><th>hits</th><th></th></tr></thead><tbody id="fault-rows"></tbody></table>
      <form id="fault-form">
        <select name="cloud" aria-label="cloud"><option value="">any cloud</option><option>aws</option><option>alibaba</option><option>tencent</option></select>
        <input name="action" placeholder="action (GetSecretValue)" aria-label="action">
        <input name="secret" placeholder="secret name (app-*)" aria-label="secret name">
        <select name="effect" aria-label="effect"><option>throttle</option><option>internal</option><option>error</option><option>latency</option><option>drop</option></select>
        <input name="detail" placeholder="error code / ms" aria-label="error code or latency in ms">
        <input name="times" type="number" min="1" placeholder="times" aria-label="times">
        <button type="submit" class="small">add rule</button>
      </form>
    </section>
  </div>
</main>
<footer id="log" class="log">
  <div class="log-head">
    <h3>Requests</h3> <span id="log-state">connecting…</span>
    <label><input type="checkbox" id="log-show-admin"> show admin calls</label>
  </div>
  <div id="log-scroll" class="log-scroll">
    <table><thead><tr><th>time</th><th>cloud</th><th>action</th><th>namespace</th><th>status</th><th>error</th><th>ms</th></tr></thead><tbody id="log-rows"></tbody></table>
  </div>
</footer>
</body>
</html>
`;

/** Why the login form is shown; the page says only this, never anything the server holds. */
export type LoginReason = 'token' | 'closed';

/**
 * `GET /_emulator/ui` without a valid session when the admin API needs a token: a form that posts the
 * token (by script, as JSON) and nothing else. With strict mode and no token set, it says how to open the API.
 */
export function loginPage(reason: LoginReason): string {
  const body =
    reason === 'closed'
      ? `<p>Strict mode keeps the admin API closed until an admin token is set: start polysecret with
<code>--admin-token</code> (or <code>POLYSECRET_ADMIN_TOKEN</code>, or <code>"admin": {"token": …}</code> in the credentials file).</p>`
      : `<form id="login">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Open the inspector</button>
<p id="login-problem" class="problem" role="alert"></p>
</form>`;
  return `${head('polysecret inspector: log in', 'login.js')}
<body class="login-page">
<main class="login-box">
<h1>polysecret <span>inspector</span></h1>
${body}
</main>
</body>
</html>
`;
}
