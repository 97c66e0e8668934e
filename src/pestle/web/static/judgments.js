// Judgments: every edit re-evaluates the matrices on the server (POST .../judgments) and
// updates weights, consistency, reciprocals, cause/effect groups and both charts.
(function () {
  "use strict";
  var P = window.pestle;
  var inflight = null;
  var pending = false;

  function labels(table) {
    return Array.prototype.map.call(table.querySelectorAll("tbody tr"), function (tr) {
      return tr.getAttribute("data-label");
    });
  }

  function square(n, fill) {
    var rows = [];
    for (var i = 0; i < n; i++) {
      var row = [];
      for (var j = 0; j < n; j++) { row.push(fill(i, j)); }
      rows.push(row);
    }
    return rows;
  }

  function ahpMatrix(table) {
    var names = labels(table);
    var values = square(names.length, function (i, j) { return i === j ? "1" : null; });
    table.querySelectorAll("select").forEach(function (sel) {
      var i = +sel.getAttribute("data-i"), j = +sel.getAttribute("data-j");
      values[i][j] = sel.value === "" ? null : sel.value;
    });
    return { labels: names, values: values };
  }

  function dematelMatrix(table) {
    var names = labels(table);
    var values = square(names.length, function () { return 0; });
    table.querySelectorAll("tbody tr").forEach(function (tr, i) {
      tr.querySelectorAll("select").forEach(function (sel) {
        values[i][+sel.getAttribute("data-j")] = Number(sel.value);
      });
    });
    return { labels: names, values: values };
  }

  function request() {
    var body = { ahp: { dimensions: null, within: {} }, dematel: null };
    document.querySelectorAll("table.matrix[data-kind=ahp]").forEach(function (t) {
      var key = t.getAttribute("data-key");
      if (key === "dimensions") { body.ahp.dimensions = ahpMatrix(t); }
      else { body.ahp.within[key] = ahpMatrix(t); }
    });
    var d = document.querySelector("table.matrix[data-kind=dematel]");
    if (d) { body.dematel = dematelMatrix(d); }
    return body;
  }

  function updateMatrix(m) {
    var table = document.querySelector('table.matrix[data-matrix="' + m.name + '"]');
    if (table) {
      table.querySelectorAll("td.recip").forEach(function (td) {
        var i = +td.getAttribute("data-i"), j = +td.getAttribute("data-j");
        P.text(td, m.display.completed[i][j]);
      });
    }
    var box = document.querySelector('.matrix-result[data-result="' + m.name + '"]');
    if (!box) { return; }
    var badge = box.querySelector(".js-cr");
    badge.className = "badge js-cr " + (m.consistent ? "ok" : "bad");
    P.text(badge, "CR " + m.display.cr + " \u00b7 " + (m.consistent ? "consistent" : "inconsistent"));
    var explain = box.querySelector(".js-explain");
    P.text(explain, m.explanation || "");
    explain.hidden = m.consistent;
    var list = box.querySelector(".js-weights");
    list.textContent = "";
    m.display.names.forEach(function (name, k) {
      var li = P.node("li");
      li.appendChild(P.node("span", null, name));
      li.appendChild(P.node("strong", null, m.display.weights[k]));
      list.appendChild(li);
    });
  }

  function fillTable(id, rows, cells) {
    var body = document.querySelector("#" + id + " tbody");
    if (!body) { return; }
    body.textContent = "";
    rows.forEach(function (r) {
      var tr = P.node("tr");
      cells(r).forEach(function (c) { tr.appendChild(c); });
      body.appendChild(tr);
    });
  }

  function update(data) {
    data.ahp.matrices.forEach(updateMatrix);
    fillTable("global-weights", data.ahp.global_weights, function (g) {
      return [P.node("td", null, g.name), P.node("td", null, g.group), P.node("td", "num", g.label)];
    });
    var dm = data.dematel;
    P.text(document.getElementById("cause-list"), dm.display.cause.join("; "));
    P.text(document.getElementById("effect-list"), dm.display.effect.join("; "));
    var byKey = dm.factors.slice().sort(function (x, y) { return x.rank - y.rank; });
    var keyOf = {};
    dm.factors.forEach(function (f) { keyOf[f.factor] = f.key; });
    document.querySelectorAll(".js-key[data-factor]").forEach(function (el) {
      P.text(el, keyOf[el.getAttribute("data-factor")]);
    });
    fillTable("dematel-table", byKey, function (f) {
      var td = P.node("td");
      td.appendChild(P.node("span", "badge group-" + f.group, f.display.group));
      return [P.node("td", "key", f.key), P.node("td", null, f.name), P.node("td", "num", f.display.prominence),
              P.node("td", "num", f.display.relation), td];
    });
    P.setRows("chart-weights", data.ahp.records);
    P.setRows("chart-dematel", dm.records);
    document.body.setAttribute("data-updated", String(Date.now()));
  }

  function markCell(detail) {
    document.querySelectorAll("select.cell-error").forEach(function (s) { s.classList.remove("cell-error"); });
    if (!detail || !detail.matrix || !detail.cell) { return; }
    var table = document.querySelector('table.matrix[data-matrix="' + detail.matrix + '"]');
    if (!table) { return; }
    var names = labels(table);
    var i = names.indexOf(detail.cell[0]), j = names.indexOf(detail.cell[1]);
    var sel = table.querySelector('select[data-i="' + Math.min(i, j) + '"][data-j="' + Math.max(i, j) + '"]');
    if (sel) { sel.classList.add("cell-error"); }
  }

  function evaluate() {
    if (inflight) { pending = true; return; }
    var err = document.getElementById("judgment-error");
    document.body.classList.add("busy");
    inflight = P.api("POST", "/api/cases/" + P.caseId() + "/judgments", request()).then(function (r) {
      if (r.ok) { P.showError(err, ""); markCell(null); return P.ready.then(function () { update(r.data); }); }
      P.showError(err, r.data.detail || "the judgments could not be evaluated");
      markCell(r.data);
    }).catch(function (e) {
      P.showError(err, "the server could not be reached: " + e);
    }).then(function () {
      inflight = null;
      document.body.classList.remove("busy");
      if (pending) { pending = false; evaluate(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.matrix select").forEach(function (sel) {
      sel.addEventListener("change", evaluate);
    });
    var base = "/api/cases/" + P.caseId() + "/judgments/";
    P.saveBar("judgments", { save: base + "save", yaml: base + "yaml" }, request, function () {
      document.querySelectorAll("select.cell-error").forEach(function (s) { s.classList.remove("cell-error"); });
    });
  });
})();
