// Draws the overview's "orders and revenue per month" chart from the JSON in data-chart.
// In Arabic the time axis runs right to left and the value axes swap sides, like the page.
// Each value axis's figures are drawn in its series' colour; on a narrow screen the axes' titles would run
// into each other above the plot, so there the legend (same colours) alone names them.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("orders-chart");
  if (!element || !window.echarts) {
    return;
  }
  var data = JSON.parse(element.getAttribute("data-chart"));
  var chart = echarts.init(element, null, { renderer: "canvas" });
  var font = getComputedStyle(document.documentElement).fontFamily;
  var narrow = element.clientWidth < 560;
  var ordersColour = "#0f6b5c";
  var revenueColour = "#b7791f";
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: font },
    tooltip: { trigger: "axis" },
    legend: { data: [data.ordersName, data.revenueName], top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 40 },
    xAxis: { type: "category", data: data.labels, inverse: data.rtl },
    yAxis: [
      {
        type: "value", name: narrow ? "" : data.ordersName, position: data.rtl ? "right" : "left", minInterval: 1,
        axisLabel: { color: ordersColour }
      },
      {
        type: "value", name: narrow ? "" : data.revenueName, position: data.rtl ? "left" : "right",
        splitLine: { show: false }, axisLabel: { color: revenueColour }
      }
    ],
    series: [
      { name: data.ordersName, type: "bar", data: bars(data, ordersColour), itemStyle: { color: ordersColour } },
      { name: data.revenueName, type: "line", yAxisIndex: 1, data: data.revenue, itemStyle: { color: revenueColour } }
    ]
  });
  window.addEventListener("resize", function () {
    var nowNarrow = element.clientWidth < 560;
    if (nowNarrow !== narrow) {
      narrow = nowNarrow;
      chart.setOption({ yAxis: [{ name: narrow ? "" : data.ordersName }, { name: narrow ? "" : data.revenueName }] });
    }
    chart.resize();
  });
});

// The current month is still running: its bar is drawn lighter (its label says "so far").
function bars(data, colour) {
  return data.orders.map(function (value, i) {
    var partial = data.partialLast && i === data.orders.length - 1;
    return partial ? { value: value, itemStyle: { color: colour, opacity: 0.4 } } : value;
  });
}
