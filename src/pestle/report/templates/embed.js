// Draw every chart of the report from its inline Vega-Lite spec (no network access). Each
// chart's menu offers it as an SVG or PNG image (made in the browser, named by the chart).
(function () {
  var actions = { export: { svg: true, png: true }, source: false, compiled: false, editor: false };
  document.querySelectorAll("div.vega[data-chart]").forEach(function (el) {
    var id = el.getAttribute("data-chart");
    var spec = JSON.parse(document.getElementById("spec-" + id).textContent);
    // a chart of one panel is made to fit a width: here, its box
    if (spec.autosize && spec.autosize.type === "fit-x") { spec.width = "container"; }
    var opts = { actions: actions, renderer: "svg", tooltip: true, downloadFileName: id, scaleFactor: { png: 2 } };
    vegaEmbed(el, spec, opts).catch(function (err) { console.error(err); });
  });
})();
