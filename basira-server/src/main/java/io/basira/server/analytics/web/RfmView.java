package io.basira.server.analytics.web;

import io.basira.analytics.Rfm;
import io.basira.analytics.RfmGroup;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The RFM tab: the 5×5 grid of buyers by recency score (rows, 5 at the top) and FM score (columns,
 * (F + M) / 2 rounded half-up, the score the named groups are read from), each cell with its count and
 * its group; and the eleven groups with their counts, as a bar chart and a table. An FM column without a buyer
 * in any row is left out and named in {@code emptyColumns} (with ties at their mid-rank, when most buyers have
 * one order they all score F = 2 or 3, so FM = 1 never occurs: docs/analytics.md, "RFM").
 */
public record RfmView(
        String buyers,
        List<Integer> columns,
        List<Integer> emptyColumns,
        List<GridRow> grid,
        List<Group> groups,
        String chart) {

    /** One recency score's row, cells for FM = 1..5. */
    public record GridRow(int recency, List<GridCell> cells) {}

    /**
     * @param shade 0 (no buyer) to 100 (the fullest cell), for the cell's background
     */
    public record GridCell(int fm, String count, String group, int shade) {

        public String groupLabel() {
            return "rfm.group." + group;
        }

        /** An inline background colour: the accent colour at an opacity that grows with the count. */
        public String style() {
            return String.format(Locale.ROOT, "background-color: rgba(15, 107, 92, %.2f)", shade / 100.0 * 0.55);
        }
    }

    public record Group(String code, String count, String share) {

        public String label() {
            return "rfm.group." + code;
        }
    }

    public static RfmView of(Rfm.Report report, DashboardFormats fmt, PageText text) {
        int[][] counts = new int[6][6];
        int max = 0;
        for (Rfm.Score s : report.scores()) {
            int fm = RfmGroup.fm(s.frequencyScore(), s.monetaryScore());
            max = Math.max(max, ++counts[s.recency()][fm]);
        }
        List<Integer> columns = new ArrayList<>();
        List<Integer> emptyColumns = new ArrayList<>();
        for (int fm = 1; fm <= 5; fm++) {
            int column = fm;
            boolean empty = java.util.stream.IntStream.rangeClosed(1, 5).allMatch(r -> counts[r][column] == 0);
            (empty && max > 0 ? emptyColumns : columns).add(fm);
        }
        List<GridRow> grid = new ArrayList<>();
        for (int r = 5; r >= 1; r--) {
            List<GridCell> cells = new ArrayList<>();
            for (int fm : columns) {
                int n = counts[r][fm];
                cells.add(new GridCell(fm, fmt.number(n), RfmGroup.of(r, fm, fm).code(), max == 0 ? 0 : n * 100 / max));
            }
            grid.add(new GridRow(r, cells));
        }
        int all = report.groups().values().stream().mapToInt(Integer::intValue).sum();
        List<Group> groups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        report.groups().forEach((g, n) -> {
            groups.add(new Group(g.code(), fmt.number(n), fmt.percent(Shares.of(n, all))));
            names.add(text.get("rfm.group." + g.code()));
            values.add(n);
        });
        String chart = ChartData.bars(text.rightToLeft(), names)
                .with("horizontal", true)
                .series(text.get("analytics.customers"), values)
                .json();
        return new RfmView(fmt.number(report.scores().size()), columns, emptyColumns, grid, groups, chart);
    }
}
