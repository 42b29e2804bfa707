/* Basira tracking snippet (docs/browsing.md). No dependencies; first-party ids only. */
(function (w, d) {
  var cfg = "__CONFIG__", n = w.navigator, s = d.currentScript, ls = w.localStorage;
  if (!s || w.basira && w.basira.loaded) return;
  var src = new URL(s.src), key = src.searchParams.get("k"), url = src.origin + "/b/collect?k=" + encodeURIComponent(key);
  var queued = w.basira && w.basira.q || [], consent = !cfg.c, waiting = [];
  function get(k) {
    try { var v = ls.getItem(k); if (v) return v; } catch (e) {}
    var m = d.cookie.match(new RegExp("(?:^|; )" + k + "=([^;]*)"));
    return m ? m[1] : null;
  }
  function put(k, v, age) {
    try { ls.setItem(k, v); return; } catch (e) {}
    d.cookie = k + "=" + v + "; path=/; max-age=" + age + "; SameSite=Lax" + (location.protocol == "https:" ? "; Secure" : "");
  }
  function id() {
    var a = new Uint8Array(12), t = "";
    (w.crypto || w.msCrypto).getRandomValues(a);
    for (var i = 0; i < a.length; i++) t += ("0" + a[i].toString(16)).slice(-2);
    return t;
  }
  function off() {
    return n.webdriver || /bot|crawl|spider|slurp|headless|lighthouse|facebookexternalhit|preview/i.test(n.userAgent)
      || cfg.d && (n.doNotTrack == "1" || w.doNotTrack == "1" || n.globalPrivacyControl);
  }
  function ids() {
    var v = get("basira_vid"), now = Date.now(), last = +get("basira_sat") || 0, sid = get("basira_sid");
    if (!v) { v = id(); put("basira_vid", v, 34164000); }
    if (!sid || now - last > 1800000) { sid = id(); put("basira_sid", sid, 1800); }
    put("basira_sat", "" + now, 1800);
    return [v, sid];
  }
  function send(e) {
    if (off()) return;
    if (!consent) { waiting.length < 20 && waiting.push(e); return; }
    var i = ids(), body = JSON.stringify({ v: i[0], s: i[1], e: [e] });
    if (!(n.sendBeacon && n.sendBeacon(url, body))) {
      fetch(url, { method: "POST", body: body, keepalive: true, credentials: "omit", headers: { "Content-Type": "text/plain" } })["catch"](function () {});
    }
  }
  function call(name, data) {
    data = data || {};
    if (name == "consent") {
      consent = data !== false && data.given !== false;
      if (!consent) { waiting = []; return; }
      var q = waiting; waiting = []; for (var i = 0; i < q.length; i++) send(q[i]);
      return;
    }
    var e = { t: name, p: location.pathname };
    if (data.product) e.pr = "" + data.product;
    if (data.category) e.ca = "" + data.category;
    if (data.query) e.q = "" + data.query;
    if (data.customer) e.cu = "" + data.customer;
    send(e);
  }
  var api = function () { call(arguments[0], arguments[1]); };
  api.loaded = true;
  w.basira = api;
  call("page");
  for (var i = 0; i < queued.length; i++) call(queued[i][0], queued[i][1]);
})(window, document);
