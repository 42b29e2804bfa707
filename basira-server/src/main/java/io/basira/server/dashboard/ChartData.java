package io.basira.server.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of one chart of static/js/analytics.js, written as JSON into the chart element's
 * {@code data-chart} attribute (the Content-Security-Policy allows no inline script). The script knows
 * four kinds: {@code line} and {@code bars} (category labels and named series; {@code percent} when the
 * values are shares from 0 to 1, {@code money} when they are amounts), {@code pie} (named values) and
 * {@code heatmap} (x and y labels, cells [x, y, value]). {@code rtl} mirrors the chart for Arabic.
 * Not thread-safe; one per chart.
 */
public final class ChartData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<Map<String, Object>> series = new ArrayList<>();
    private final List<Map<String, Object>> items = new ArrayList<>();

    private ChartData(String kind, boolean rtl) {
        data.put("kind", kind);
        data.put("rtl", rtl);
    }

    public static ChartData line(boolean rtl, List<?> labels) {
        return new ChartData("line", rtl).with("labels", labels);
    }

    public static ChartData bars(boolean rtl, List<?> labels) {
        return new ChartData("bars", rtl).with("labels", labels);
    }

    public static ChartData pie(boolean rtl) {
        return new ChartData("pie", rtl);
    }

    public static ChartData heatmap(boolean rtl, List<?> xLabels, List<?> yLabels, List<List<Object>> cells) {
        return new ChartData("heatmap", rtl)
                .with("xLabels", xLabels)
                .with("yLabels", yLabels)
                .with("cells", cells);
    }

    /** Any other option the script reads: {@code percent}, {@code money}, {@code stack}, {@code xName}, {@code yName}, {@code horizontal}. */
    public ChartData with(String name, Object value) {
        data.put(name, value);
        return this;
    }

    public ChartData series(String name, List<?> values) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", values);
        series.add(s);
        return this;
    }

    /** One slice of a pie. */
    public ChartData item(String name, Number value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("value", value);
        items.add(item);
        return this;
    }

    public String json() {
        if (!series.isEmpty()) {
            data.put("series", series);
        }
        if (!items.isEmpty()) {
            data.put("items", items);
        }
        return JSON.writeValueAsString(data);
    }
}
