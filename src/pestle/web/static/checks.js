// Checks: the search box filters as you type (the form still works without scripts).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var q = document.querySelector("form.filters input[name=q]");
    if (!q) { return; }
    var timer = null;
    q.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var needle = q.value.trim().toLowerCase();
        var shown = document.getElementById("shown");
        if (shown) { shown.hidden = needle !== ""; }
        document.querySelectorAll("#findings details.finding").forEach(function (d) {
          d.hidden = needle !== "" && d.textContent.toLowerCase().indexOf(needle) < 0;
        });
      }, 120);
    });
  });
})();
