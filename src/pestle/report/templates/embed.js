// Draw every chart of the report from its inline Vega-Lite spec (no network access).
(function () {
  var opts = { actions: false, renderer: "svg", tooltip: true };
  document.querySelectorAll("div.vega[data-chart]").forEach(function (el) {
    var node = document.getElementById("spec-" + el.getAttribute("data-chart"));
    var spec = JSON.parse(node.textContent);
    // a chart of one panel is made to fit a width: here, its box
    if (spec.autosize && spec.autosize.type === "fit-x") { spec.width = "container"; }
    vegaEmbed(el, spec, opts).catch(function (err) { console.error(err); });
  });
})();
