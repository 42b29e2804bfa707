// Draws the overview's "orders and revenue per month" chart from the JSON in data-chart.
// In Arabic the time axis runs right to left and the value axes swap sides, like the page.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("orders-chart");
  if (!element || !window.echarts) {
    return;
  }
  var data = JSON.parse(element.getAttribute("data-chart"));
  var chart = echarts.init(element, null, { renderer: "canvas" });
  var font = getComputedStyle(document.documentElement).fontFamily;
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: font },
    tooltip: { trigger: "axis" },
    legend: { data: [data.ordersName, data.revenueName], top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 40 },
    xAxis: { type: "category", data: data.labels, inverse: data.rtl },
    yAxis: [
      { type: "value", name: data.ordersName, position: data.rtl ? "right" : "left", minInterval: 1 },
      { type: "value", name: data.revenueName, position: data.rtl ? "left" : "right", splitLine: { show: false } }
    ],
    series: [
      { name: data.ordersName, type: "bar", data: bars(data), itemStyle: { color: "#0f6b5c" } },
      { name: data.revenueName, type: "line", yAxisIndex: 1, data: data.revenue, itemStyle: { color: "#b7791f" } }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
});

// The current month is still running: its bar is drawn lighter (its label says "so far").
function bars(data) {
  return data.orders.map(function (value, i) {
    var partial = data.partialLast && i === data.orders.length - 1;
    return partial ? { value: value, itemStyle: { color: "#0f6b5c", opacity: 0.4 } } : value;
  });
}
