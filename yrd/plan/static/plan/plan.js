// Plan pages: size each timeline chart to its number of rows before yrd.js draws the charts
// (this deferred script runs before DOMContentLoaded, when yrd.js initialises ECharts).
(function () {
  "use strict";
  document.querySelectorAll(".chart.gantt[data-rows]").forEach(function (el) {
    var rows = parseInt(el.dataset.rows, 10) || 1;
    el.style.height = Math.max(160, 72 + rows * 30) + "px";
  });
})();
