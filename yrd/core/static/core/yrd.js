// Page behaviour without inline scripts (the CSP forbids them).
(function () {
  "use strict";

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  var geoLoaded = {};
  function withMap(name, url, then) {
    if (!url || geoLoaded[name]) { then(); return; }
    fetch(url).then(function (r) { return r.json(); }).then(function (geo) {
      window.echarts.registerMap(name, geo);
      geoLoaded[name] = true;
      then();
    });
  }

  // Every map says what its base map is: the approval number (审图号) or "schematic".
  function noteBaseMap(el) {
    var next = el.nextElementSibling;
    if (next && next.classList.contains("map-note")) return;
    var note = document.createElement("p");
    note.className = "map-note";
    note.textContent = document.body.dataset.mapNote || "";
    el.insertAdjacentElement("afterend", note);
  }

  function drawCharts(root) {
    if (!window.echarts) return;
    root.querySelectorAll("[data-echarts]").forEach(function (el) {
      if (el.dataset.drawn) return;
      el.dataset.drawn = "1";
      var option = readJson(el.dataset.echarts);
      withMap(el.dataset.mapName, el.dataset.mapUrl, function () {
        var chart = window.echarts.init(el, null, { renderer: "canvas" });
        chart.setOption(option);
        if (el.dataset.mapUrl) { noteBaseMap(el); }
        el.dataset.ready = "1";
        window.addEventListener("resize", function () { chart.resize(); });
      });
    });
  }

  function wireForms(root) {
    root.querySelectorAll("[data-autosubmit]").forEach(function (el) {
      el.addEventListener("change", function () { el.form.submit(); });
    });
    root.querySelectorAll("[data-check-all]").forEach(function (box) {
      box.addEventListener("change", function () {
        document.querySelectorAll("input[name='" + box.dataset.checkAll + "']").forEach(function (c) {
          c.checked = box.checked;
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(document);
    wireForms(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    drawCharts(event.target);
    wireForms(event.target);
  });
})();
