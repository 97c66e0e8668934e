// Scenarios: sliders fix demand parameters; the model re-runs on the server (POST .../demand)
// and the fan chart and segment totals update. Scenario B runs side by side for comparison.
(function () {
  "use strict";
  var P = window.pestle;
  var overrides = {};
  var panes = {
    a: { chart: "fan-a", totals: "totals-a", inflight: false, pending: false },
    b: { chart: "fan-b", totals: "totals-b", inflight: false, pending: false }
  };

  function $(id) { return document.getElementById(id); }

  function body(pane) {
    var out = {
      scenario: $(pane === "a" ? "scenario-a" : "scenario-b").value,
      samples: Number($("samples").value)
    };
    if (pane === "a") { out.overrides = overrides; }
    return out;
  }

  function showTotals(id, rows) {
    rows.forEach(function (t) {
      var tr = document.querySelector("#" + id + ' tr[data-segment="' + t.segment + '"]');
      if (!tr) { return; }
      P.text(tr.querySelector(".js-median"), t.median);
      P.text(tr.querySelector(".js-range"), t.range);
    });
  }

  function showParameters(states) {
    document.querySelectorAll(".slider[data-param]").forEach(function (box) {
      var name = box.getAttribute("data-param");
      if (states[name] !== undefined) { P.text(box.querySelector(".js-value"), states[name]); }
    });
  }

  function apply(pane, data) {
    var p = panes[pane];
    return P.ready.then(function () {
      P.setRows(p.chart, data.display.fan);
      showTotals(p.totals, data.display.totals);
      if (pane === "a") {
        showParameters(data.display.parameters);
        P.text($("desc-a"), data.display.description);
        P.text($("name-a"), data.display.scenario);
        $("overrides-a").hidden = Object.keys(data.overrides).length === 0;
        P.text($("run-status"), data.display.run);
      } else {
        P.text($("desc-b"), data.description);
      }
      document.body.setAttribute("data-updated-" + pane, String(Date.now()));
    });
  }

  function run(pane) {
    var p = panes[pane];
    if (p.inflight) { p.pending = true; return; }
    p.inflight = true;
    document.body.classList.add("busy");
    var err = $("demand-error");
    P.api("POST", "/api/cases/" + P.caseId() + "/demand", body(pane)).then(function (r) {
      if (r.ok) { P.showError(err, ""); return apply(pane, r.data); }
      P.showError(err, r.data.detail || "the model could not run");
    }).catch(function (e) {
      P.showError(err, "the server could not be reached: " + e);
    }).then(function () {
      p.inflight = false;
      if (p.pending) { p.pending = false; run(pane); }
      else if (!panes.a.inflight && !panes.b.inflight) { document.body.classList.remove("busy"); }
    });
  }

  function resetSlider(box) {
    var input = box.querySelector("input[type=range]");
    delete overrides[input.name];
    input.value = input.getAttribute("data-default");
    box.classList.remove("set");
    box.querySelector(".js-reset").hidden = true;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".slider[data-param]").forEach(function (box) {
      var input = box.querySelector("input[type=range]");
      input.setAttribute("data-default", input.value);
      input.addEventListener("input", function () {
        overrides[input.name] = Number(input.value);
        box.classList.add("set");
        box.querySelector(".js-reset").hidden = false;
        run("a");
      });
      box.querySelector(".js-reset").addEventListener("click", function () {
        resetSlider(box);
        run("a");
      });
    });
    document.querySelectorAll("select.js-choice").forEach(function (sel) {
      sel.addEventListener("change", function () {
        if (sel.value === "") { delete overrides[sel.name]; } else { overrides[sel.name] = sel.value; }
        run("a");
      });
    });
    $("reset-all").addEventListener("click", function () {
      document.querySelectorAll(".slider[data-param]").forEach(resetSlider);
      document.querySelectorAll("select.js-choice").forEach(function (sel) { sel.value = ""; });
      overrides = {};
      run("a");
    });
    var base = "/api/cases/" + P.caseId() + "/scenarios";
    P.saveBar("scenarios", { save: base, yaml: base + "/yaml" }, function () {
      var name = $("scenario-name");
      if (!name.value || !name.checkValidity()) { name.reportValidity(); return null; }
      return {
        name: name.value, description: $("scenario-description").value,
        base: $("scenario-a").value, overrides: overrides
      };
    }, function (data) {
      // the saved scenario joins both lists, chosen as A: its results are A's with the changes
      ["scenario-a", "scenario-b"].forEach(function (id) {
        var opt = P.node("option", null, data.scenario);
        opt.value = data.scenario;
        $(id).appendChild(opt);
      });
    });
    $("scenario-a").addEventListener("change", function () { run("a"); });
    $("scenario-b").addEventListener("change", function () { run("b"); });
    $("samples").addEventListener("change", function () { run("a"); run("b"); });
  });
})();
