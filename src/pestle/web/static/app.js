// pestle dashboard: shared helpers (token, API calls, charts). No inline scripts: CSP 'self'.
(function () {
  "use strict";
  var KEY = "pestle-token";

  // A token handed over in the URL fragment (#token=...) is kept in this tab only and
  // removed from the address bar; fragments never reach the server or its logs.
  var m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m) {
    try { window.sessionStorage.setItem(KEY, decodeURIComponent(m[1])); } catch (e) { /* storage off */ }
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }

  function token() {
    try { return window.sessionStorage.getItem(KEY) || ""; } catch (e) { return ""; }
  }

  function setToken(value) {
    try {
      if (value) { window.sessionStorage.setItem(KEY, value); } else { window.sessionStorage.removeItem(KEY); }
    } catch (e) { /* storage off */ }
    showTokenState();
  }

  function showTokenState() {
    var el = document.getElementById("token-state");
    if (el) { el.hidden = !token(); }
  }

  // fetch JSON; resolves {ok, status, data}; `body` is JSON or FormData.
  function api(method, path, body, opts) {
    opts = opts || {};
    var headers = { "Accept": "application/json" };
    var init = { method: method, headers: headers, credentials: "same-origin" };
    if (opts.signal) { init.signal = opts.signal; }
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined && body !== null) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    if (opts.auth) { headers["Authorization"] = "Bearer " + (opts.token || token()); }
    return window.fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        return { ok: r.ok, status: r.status, data: data };
      });
    });
  }

  var views = {};
  var EMBED = {
    actions: false,
    renderer: "canvas",
    ast: true,               // Vega's expression interpreter: no eval, CSP-safe
    defaultStyle: false,     // styles come from app.css, not an injected <style>
    tooltip: { disableDefaultStyle: true }
  };

  function drawCharts() {
    var nodes = document.querySelectorAll(".vega[data-spec]");
    if (!nodes.length || typeof window.vegaEmbed !== "function") { return Promise.resolve(views); }
    var jobs = Array.prototype.map.call(nodes, function (el) {
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      return window.vegaEmbed(el, spec, EMBED).then(function (res) {
        views[el.id] = res.view;
        el.classList.add("drawn");
      });
    });
    return Promise.all(jobs).then(function () { return views; });
  }

  // Replace the rows of a live chart's named dataset and redraw it.
  function setRows(chartId, rows) {
    var view = views[chartId];
    var el = document.getElementById(chartId);
    if (!view || !el) { return Promise.resolve(); }
    return view.data(el.getAttribute("data-live"), rows).runAsync();
  }

  function text(el, value) { if (el) { el.textContent = value == null ? "" : String(value); } }

  function node(tag, cls, content) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (content != null) { el.textContent = String(content); }
    return el;
  }

  function showError(el, detail) {
    if (!el) { return; }
    el.textContent = detail || "";
    el.hidden = !detail;
  }

  var ready = new Promise(function (resolve) {
    function start() { drawCharts().then(resolve, function (err) { console.error(err); resolve(views); }); }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  });

  // `pestle serve --watch`: follow the served case as its files are saved. A new revision
  // reloads a read-only page (data-reload="auto") or offers a reload on a page with inputs;
  // a case file that does not load shows its file:line error until it is fixed.
  var LIVE_POLL_MS = 1500;

  function followCase() {
    var body = document.body;
    if (body.getAttribute("data-watching") !== "yes") { return; }
    var seen = Number(body.getAttribute("data-revision") || "0");
    var banner = document.getElementById("live-banner");
    var message = document.getElementById("live-message");
    var reload = document.getElementById("live-reload");
    var path = "/api/cases/" + encodeURIComponent(body.getAttribute("data-case")) + "/live";
    function show(textValue, isError) {
      text(message, textValue);
      reload.hidden = isError;
      banner.classList.toggle("live-error", isError);
      banner.hidden = false;
    }
    function poll() {
      api("GET", path).then(function (r) {
        var d = r.data || {};
        if (r.ok && d.revision !== seen) {
          if (body.getAttribute("data-reload") === "auto" && !d.error) { window.location.reload(); return; }
          show("The case changed on disk" + (d.changed && d.changed.length ? " (" + d.changed.join(", ") + ")" : "") + ".", false);
        } else if (r.ok && d.error) {
          show("The case did not reload: " + d.error, true);
        } else if (r.ok) {
          banner.hidden = true;
        }
        window.setTimeout(poll, LIVE_POLL_MS);
      }, function () { window.setTimeout(poll, LIVE_POLL_MS); });
    }
    window.setTimeout(poll, LIVE_POLL_MS);
  }

  // A file handed to the browser as a download (a blob made here or a data URL of a chart).
  function saveAs(href, filename) {
    var a = document.createElement("a");
    a.href = href;
    a.download = filename;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
  }

  // Every chart saves as SVG or PNG from the view on screen (what-if edits included).
  function chartImage(btn) {
    var id = btn.getAttribute("data-chart"), format = btn.getAttribute("data-format");
    ready.then(function () {
      var view = views[id];
      if (!view) { return; }
      return view.toImageURL(format, format === "png" ? 2 : 1).then(function (url) {
        saveAs(url, document.body.getAttribute("data-case") + "-" + id + "." + format);
      });
    }).catch(function (e) { console.error(e); });
  }

  // The save bar of a page (judgments, scenarios): save into the case file with the token,
  // or download the same file as YAML. `body()` is the request; `done(data)` after a save.
  function saveBar(kind, paths, body, done) {
    var bar = document.querySelector('.save-bar[data-save="' + kind + '"]');
    if (!bar) { return; }
    var status = bar.querySelector(".js-save-status");
    var err = document.getElementById(bar.getAttribute("data-error") || "") || status;
    var tokenInput = bar.querySelector(".js-save-token");
    var tokenField = bar.querySelector(".js-token-field");
    var file = bar.querySelector(".js-saved-file");
    file.href = "/api/cases/" + encodeURIComponent(document.body.getAttribute("data-case")) + "/files/" + kind + ".yaml";
    if (tokenField && token()) { tokenField.hidden = true; }
    function say(message, isError) {
      text(status, isError ? "" : message);
      if (err !== status) { showError(err, isError ? message : ""); }
      else { status.classList.toggle("error", !!isError); text(status, message); }
    }
    var save = bar.querySelector(".js-save");
    if (save) {
      save.addEventListener("click", function () {
        var b = body();
        if (!b) { return; }
        var given = tokenInput && tokenInput.value ? tokenInput.value : token();
        if (!given) { say(bar.getAttribute("data-need-token"), true); if (tokenInput) { tokenInput.focus(); } return; }
        save.disabled = true;
        api("POST", paths.save, b, { auth: true, token: given }).then(function (r) {
          if (r.ok) {
            if (tokenInput && tokenInput.value) { setToken(tokenInput.value); tokenInput.value = ""; tokenField.hidden = true; }
            say(bar.getAttribute("data-saved") + " " + r.data.file + " (" + bar.getAttribute("data-revision") + " " + r.data.revision + ")", false);
            bar.setAttribute("data-saved-at", String(Date.now()));
            if (done) { done(r.data); }
          } else {
            if (r.status === 401 && tokenField) { setToken(""); tokenField.hidden = false; }
            say(r.data.detail || "not saved", true);
          }
        }).catch(function (e) { say("the server could not be reached: " + e, true); })
          .then(function () { save.disabled = false; });
      });
    }
    bar.querySelector(".js-download").addEventListener("click", function () {
      var b = body();
      if (!b) { return; }
      window.fetch(paths.yaml, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/yaml, application/json" },
        body: JSON.stringify(b)
      }).then(function (r) {
        if (!r.ok) { return r.json().then(function (d) { say(d.detail || "no YAML", true); }); }
        return r.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          saveAs(url, kind + ".yaml");
          window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
          say("", false);
        });
      }).catch(function (e) { say("the server could not be reached: " + e, true); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    showTokenState();
    followCase();
    document.querySelectorAll(".js-chart-image").forEach(function (btn) {
      btn.addEventListener("click", function () { chartImage(btn); });
    });
    document.querySelectorAll("form.js-autosubmit select").forEach(function (sel) {
      sel.addEventListener("change", function () { sel.form.submit(); });
    });
  });

  window.pestle = {
    token: token, setToken: setToken, api: api, views: views, ready: ready, setRows: setRows,
    text: text, node: node, showError: showError, saveBar: saveBar,
    caseId: function () { return document.body.getAttribute("data-case"); }
  };
})();
