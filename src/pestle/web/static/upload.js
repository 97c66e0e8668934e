// Upload: send the document with the bearer token; show its claims, the checks it changes,
// and its text with every extracted number highlighted (text nodes only: nothing a
// document says is ever parsed as HTML).
(function () {
  "use strict";
  var P = window.pestle;
  var STATUS = { fail: "failed", pass: "passed", unknown: "undecided" };

  function $(id) { return document.getElementById(id); }

  function fill(tbodySelector, rows, cells) {
    var tbody = document.querySelector(tbodySelector);
    tbody.textContent = "";
    rows.forEach(function (r) {
      var tr = P.node("tr");
      cells(r).forEach(function (c) { tr.appendChild(typeof c === "string" ? P.node("td", null, c) : c); });
      tbody.appendChild(tr);
    });
  }

  function badge(status) {
    var td = P.node("td");
    if (status) { td.appendChild(P.node("span", "badge status-" + status, STATUS[status] || status)); }
    else { td.appendChild(P.node("span", "muted", "\u2014")); }
    return td;
  }

  function show(data) {
    P.text($("r-title"), data.document + " (" + data.status + ", revision " + data.revision.number + ")");
    P.text($("r-summary"), data.claims_total + " claims extracted from " + data.filename +
      "; stored as revision " + data.revision.number + " of \u201c" + data.document + "\u201d" +
      (data.replaces_case_document ? ", in place of the case's document of that name." : ".") +
      (data.warning ? " Warning: " + data.warning : ""));
    var before = data.checks.before, after = data.checks.after;
    var touched = data.checks.touched;
    var seen = {};
    touched.forEach(function (t) { seen[t.id] = true; });
    var changed = data.checks.changed.filter(function (c) { return !seen[c.id]; });
    P.text($("r-checks-summary"), "Failed checks: " + before.fail + " before, " + after.fail +
      " with the document; " + touched.length + " checks use a figure the document also gives; " +
      data.checks.changed.length + " findings changed.");
    // first the checks whose inputs the document touches (a figure of the same measure, unit
    // and period), each with the figures side by side; then the other findings that changed
    fill("#r-checks tbody", touched.concat(changed), function (c) {
      var name = P.node("td");
      name.appendChild(P.node("strong", null, c.title));
      (c.bearings || []).forEach(function (b) {
        var line = "This document: " + b.text + (b.period ? " (" + b.period + ")" : "") +
          " \u2014 " + b.ratio_text + " the case\u2019s \u201c" + b.quoted + "\u201d" +
          (b.reference ? "; agrees with " + b.reference : "");
        name.appendChild(P.node("div", "bearing small", line));
      });
      name.appendChild(P.node("div", "muted small", c.message));
      var tr = [name, badge(c.before), badge(c.after)];
      return tr;
    });
    document.body.setAttribute("data-uploaded", String(Date.now()));
    fill("#r-claims tbody", data.claims, function (c) {
      return [c.text, c.display.value, c.measure || "\u2014", c.display.period || "\u2014"];
    });
    var preview = $("r-preview");
    preview.textContent = "";
    data.preview.segments.forEach(function (s) {
      if (s.claim === null) { preview.appendChild(document.createTextNode(s.text)); return; }
      var c = data.claims[s.claim];
      var mark = P.node("mark", "claim", s.text);
      if (c) { mark.title = c.display.value; }
      preview.appendChild(mark);
    });
    if (data.preview.truncated) { preview.appendChild(P.node("p", "muted", "(preview cut; every claim is stored)")); }
    $("upload-result").hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = $("upload-form");
    var tokenInput = $("token");
    tokenInput.value = P.token();
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var err = $("upload-error");
      var file = $("file").files[0];
      if (!file) { P.showError(err, "choose a text file first"); return; }
      P.setToken(tokenInput.value.trim());
      var fd = new FormData();
      fd.append("file", file, file.name);
      var name = $("doc-name").value.trim();
      if (name) { fd.append("name", name); }
      var button = $("upload-button");
      button.disabled = true;
      document.body.classList.add("busy");
      P.api("POST", "/api/documents", fd, { auth: true, token: tokenInput.value.trim() }).then(function (r) {
        if (r.ok) { P.showError(err, ""); show(r.data); }
        else { P.showError(err, r.data.detail || ("upload refused (" + r.status + ")")); }
      }).catch(function (e) {
        P.showError(err, "the server could not be reached: " + e);
      }).then(function () {
        button.disabled = false;
        document.body.classList.remove("busy");
      });
    });
  });
})();
