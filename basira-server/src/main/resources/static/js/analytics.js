// Draws every chart of the analytics pages (and the overview's customers chart) from the JSON in its
// data-chart attribute, written by the server (ChartData.java): kinds line, bars, pie and heatmap.
// In Arabic (rtl) category axes run right to left and value axes stand on the right, like the page.
// Numbers use Latin digits in both languages, as the rest of the dashboard.
(function () {
  "use strict";
  var lang = document.documentElement.lang === "ar" ? "ar-SA-u-nu-latn" : "en-US";
  var integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  var colors = ["#0f6b5c", "#b7791f", "#5b6475", "#2f6fb0", "#a12622", "#7b4fa0", "#3c8d3f", "#c05a8a", "#6d7f12",
    "#1d2433", "#d08c2c"];

  function format(data) {
    return function (value) {
      if (value === null || value === undefined || value === "-") { return "—"; }
      return data.percent ? percent.format(value) : integer.format(value);
    };
  }

  // A short category axis (bins, kinds) shows every label, wrapped to its share of the chart's width; a long one
  // (months, days) lets ECharts leave out labels that would overlap.
  function categoryAxis(data, labels, name) {
    var few = labels && labels.length <= 8;
    var width = few ? Math.max(40, Math.floor((data.width || 600) / labels.length) - 6) : null;
    return { type: "category", data: labels, name: name, nameLocation: "middle", nameGap: few ? 40 : 28,
      inverse: data.rtl, axisLabel: few ? { interval: 0, width: width, overflow: "break", hideOverlap: false }
        : { hideOverlap: true } };
  }

  function valueAxis(data, name, fmt) {
    return { type: "value", name: name, position: data.rtl ? "right" : "left", minInterval: data.percent ? 0 : 1,
      max: data.percent ? 1 : null, axisLabel: { formatter: fmt } };
  }

  function series(data, type) {
    return (data.series || []).map(function (s, i) {
      return { name: s.name, type: type, data: s.data, stack: data.stack ? "all" : null, showSymbol: false,
        itemStyle: { color: colors[i % colors.length] }, emphasis: { focus: "series" } };
    });
  }

  // The legend wraps onto as many lines as its names need (a scrolling legend would cut the last name in half on a
  // phone); the plot starts below its last line. The width of a name is estimated from its length.
  function legendLines(data, names) {
    var needed = names.reduce(function (sum, name) { return sum + 40 + 7 * String(name).length; }, 0);
    return Math.max(1, Math.ceil(needed / Math.max(200, (data.width || 600) + 60)));
  }

  function lineOrBars(data, type) {
    var fmt = format(data);
    var names = (data.series || []).map(function (s) { return s.name; });
    var option = {
      tooltip: { trigger: "axis", valueFormatter: fmt },
      legend: { data: names, top: 0 },
      grid: { left: 16, right: 16, top: 40, bottom: data.xName ? 36 : 12, containLabel: true },
      series: series(data, type)
    };
    if (data.horizontal) {
      option.yAxis = { type: "category", data: data.labels, inverse: true, position: data.rtl ? "right" : "left" };
      option.xAxis = { type: "value", inverse: data.rtl, minInterval: 1, axisLabel: { formatter: fmt } };
    } else {
      option.xAxis = categoryAxis(data, data.labels, data.xName);
      option.yAxis = [valueAxis(data, data.yName, fmt)];
    }
    if (data.line) {
      option.legend.data = names.concat([data.line.name]);
      option.yAxis.push({ type: "value", position: data.rtl ? "left" : "right", max: 1, splitLine: { show: false },
        axisLabel: { formatter: function (v) { return percent.format(v); } } });
      option.series.push({ name: data.line.name, type: "line", yAxisIndex: 1, data: data.line.data,
        itemStyle: { color: "#a12622" }, tooltip: { valueFormatter: function (v) { return v == null ? "—" : percent.format(v); } } });
    }
    option.grid.top = 16 + 24 * legendLines(data, option.legend.data);
    return option;
  }

  // A pie narrower than NARROW_PIE px (a phone) has no room for labels beside its slices (ECharts cut them to
  // "35…"): its slices go unlabelled and a legend below, one slice a line (so it reads in order in both
  // directions), names each with its share; the tooltip still gives the count. Wider, the shares stand beside
  // the slices and the legend names them, as before.
  var NARROW_PIE = 400;

  // The shares ECharts gives a pie's slices (p.percent in the tooltip), from its own rounding (two decimals that
  // add up to 100), so the legend says what the tooltip says.
  function piePercents(values) {
    var total = values.reduce(function (sum, v) { return sum + v; }, 0);
    if (!(total > 0)) { return values.map(function () { return null; }); }
    return values.map(function (v, i) { return echarts.number.getPercentWithPrecision(values, i, 2); });
  }

  function pie(data, width, height) {
    var items = data.items || [];
    var tooltip = { trigger: "item", formatter: function (p) {
      return p.name + ": " + integer.format(p.value) + " (" + percent.format(p.percent / 100) + ")"; } };
    if (width >= NARROW_PIE) {
      return {
        tooltip: tooltip,
        legend: { bottom: 0, type: "scroll", align: data.rtl ? "right" : "left" },
        color: colors,
        series: [{ type: "pie", radius: ["35%", "65%"], center: ["50%", "45%"], data: items,
          label: { formatter: function (p) { return percent.format(p.percent / 100); } } }]
      };
    }
    var shares = {};
    var percents = piePercents(items.map(function (item) { return Number(item.value) || 0; }));
    items.forEach(function (item, i) {
      shares[item.name] = percents[i] === null ? "—" : percent.format(percents[i] / 100);
    });
    var legendHeight = 22 * items.length + 8;
    var plot = Math.max(80, (height || 280) - legendHeight);
    var outer = Math.max(30, Math.min(plot, width) / 2 - 10);
    return {
      tooltip: tooltip,
      legend: { bottom: 0, left: "center", orient: "vertical", itemGap: 8, align: data.rtl ? "right" : "left",
        formatter: function (name) { return name + " " + shares[name]; } },
      color: colors,
      series: [{ type: "pie", radius: [Math.round(outer * 0.52), Math.round(outer)], center: ["50%", plot / 2],
        data: items, label: { show: false }, labelLine: { show: false } }]
    };
  }

  function heatmap(data) {
    var fmt = format(data);
    return {
      tooltip: { position: "top", formatter: function (p) {
        return data.yLabels[p.value[1]] + " · " + data.xName + " " + data.xLabels[p.value[0]] + ": " + fmt(p.value[2]);
      } },
      grid: { left: 8, right: 8, top: 8, bottom: 72, containLabel: true },
      xAxis: { type: "category", data: data.xLabels, name: data.xName, nameLocation: "middle", nameGap: 24,
        inverse: data.rtl, splitArea: { show: true } },
      yAxis: { type: "category", data: data.yLabels, inverse: true, position: data.rtl ? "right" : "left",
        splitArea: { show: true } },
      visualMap: { min: 0, max: Number(data.max) || 1, calculable: false, orient: "horizontal", left: "center",
        bottom: 0, inverse: data.rtl, text: [fmt(Number(data.max) || 1), fmt(0)], formatter: fmt,
        inRange: { color: ["#f2f7f6", "#0f6b5c"] } },
      series: [{ name: data.valueName, type: "heatmap", data: data.cells, label: { show: false },
        emphasis: { itemStyle: { borderColor: "#1d2433", borderWidth: 1 } } }]
    };
  }

  function options(element, data) {
    var option = data.kind === "pie" ? pie(data, element.clientWidth, element.clientHeight) : data.kind === "heatmap" ? heatmap(data)
      : lineOrBars(Object.assign(data, { width: element.clientWidth - 80 }), data.kind === "line" ? "line" : "bar");
    option.animation = false;
    option.textStyle = { fontFamily: getComputedStyle(document.documentElement).fontFamily };
    return option;
  }

  function draw(element) {
    var data = JSON.parse(element.getAttribute("data-chart"));
    var chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(options(element, data));
    // a pie's layout follows its size (NARROW_PIE), so a resize lays it out again
    chart.redraw = function () {
      if (data.kind === "pie") {
        chart.setOption(options(element, data), true);
      }
      chart.resize();
    };
    return chart;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.echarts) { return; }
    var charts = [];
    document.querySelectorAll(".chart[data-chart]").forEach(function (element) {
      if (element.id !== "orders-chart") { charts.push(draw(element)); }
    });
    // charts inside a closed <details> have no size until it opens
    document.querySelectorAll("details").forEach(function (d) {
      d.addEventListener("toggle", function () { charts.forEach(function (c) { c.redraw(); }); });
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.redraw(); }); });
  });
}());
