// Evidence explorer: select a highlighted number -> its claim, checks and entities.
(function () {
  "use strict";
  var P = window.pestle;

  function row(dl, term, value) {
    dl.appendChild(P.node("dt", null, term));
    dl.appendChild(P.node("dd", null, value == null || value === "" ? "—" : value));
  }

  function findingCard(f) {
    var d = P.node("details", "finding status-" + f.status);
    var s = P.node("summary");
    s.appendChild(P.node("span", "badge status-" + f.status, f.status_text));
    s.appendChild(document.createTextNode(" "));
    s.appendChild(P.node("span", "badge sev-" + f.severity, f.severity));
    s.appendChild(document.createTextNode(" "));
    s.appendChild(P.node("span", "finding-title", f.title));
    d.appendChild(s);
    var body = P.node("div", "finding-body");
    body.appendChild(P.node("p", null, f.message));
    if (f.expected || f.actual) {
      var dl = P.node("dl", "figures");
      if (f.expected) { row(dl, "Expected", f.expected); }
      if (f.actual) { row(dl, "Actual", f.actual); }
      if (f.tolerance) { row(dl, "Tolerance", f.tolerance); }
      body.appendChild(dl);
    }
    d.appendChild(body);
    return d;
  }

  function render(panel, data) {
    var c = data.claim;
    panel.textContent = "";
    panel.appendChild(P.node("p", "eyebrow", "Claim " + c.id));
    panel.appendChild(P.node("h2", "claim-text", "\u201c" + c.text + "\u201d"));
    var dl = P.node("dl", "props");
    row(dl, "Value", c.display.value);
    row(dl, "Measure", c.measure);
    row(dl, "Subject", c.subject);
    row(dl, "Period", c.display.period);
    row(dl, "Section", c.section);
    row(dl, "Canonical", c.display.canonical);
    panel.appendChild(dl);
    panel.appendChild(P.node("h3", null, "Checks that use it"));
    if (data.findings.length) {
      data.findings.forEach(function (f) { panel.appendChild(findingCard(f)); });
    } else {
      panel.appendChild(P.node("p", "muted", "No check uses this claim."));
    }
    panel.appendChild(P.node("h3", null, "Entities and factors it supports"));
    if (data.supports.length) {
      var ul = P.node("ul", "supports");
      data.supports.forEach(function (o) {
        var li = P.node("li");
        li.appendChild(P.node("span", "ev-kind", o.type));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(P.node("strong", null, o.name));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(P.node("code", null, o.id));
        if (o.attribute) { li.appendChild(document.createTextNode(" \u00b7 " + o.attribute)); }
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    } else {
      panel.appendChild(P.node("p", "muted", "No entity or factor cites this passage."));
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var doc = document.getElementById("document");
    var panel = document.getElementById("claim-detail");
    if (!doc || !panel) { return; }
    doc.addEventListener("click", function (ev) {
      var a = ev.target.closest("a.claim");
      if (!a) { return; }
      ev.preventDefault();
      doc.querySelectorAll("a.claim.selected").forEach(function (x) { x.classList.remove("selected"); });
      a.classList.add("selected");
      var id = a.getAttribute("data-claim");
      P.api("GET", "/api/cases/" + P.caseId() + "/claims/" + id).then(function (r) {
        if (r.ok) { render(panel, r.data); panel.setAttribute("data-claim", id); }
        else { panel.textContent = r.data.detail || "could not load the claim"; }
      });
      window.history.replaceState(null, "", a.getAttribute("href").split("#")[0]);
    });
  });
})();
