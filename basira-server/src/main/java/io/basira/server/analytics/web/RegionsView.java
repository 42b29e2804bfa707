package io.basira.server.analytics.web;

import io.basira.analytics.region.Regions;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The regions tab: customers, buyers and revenue by region (with population and penetration per 100,000
 * inhabitants when the population is known) and by city. Places are named in the reader's language when
 * the built-in tables know the Arabic name; places nobody recognised keep their most frequent spelling.
 */
public record RegionsView(List<Area> regions, List<Area> cities, String populationSource, String chart) {

    /** One region or city, formatted; {@code region} is the city's region (empty for regions). */
    public record Area(
            String name,
            String region,
            String customers,
            String buyers,
            String revenue,
            String population,
            String customersPer100k,
            String buyersPer100k) {}

    /** Regions drawn in the chart, the largest first (the table has them all). */
    static final int CHART_REGIONS = 15;

    public static RegionsView of(Regions.Report report, DashboardFormats fmt, PageText text) {
        Map<String, String> regionNames = new HashMap<>();
        report.regions().forEach(r -> regionNames.put(r.country() + "|" + r.name(), name(r, text)));
        List<Area> regions =
                report.regions().stream().map(a -> area(a, "", fmt, text)).toList();
        List<Area> cities = report.cities().stream()
                .map(a -> area(a, regionOf(a, regionNames, text), fmt, text))
                .toList();
        List<Regions.Area> drawn = report.regions().stream()
                .sorted((a, b) -> Integer.compare(b.customers(), a.customers()))
                .limit(CHART_REGIONS)
                .toList();
        String chart = ChartData.bars(
                        text.rightToLeft(),
                        drawn.stream().map(a -> name(a, text)).toList())
                .with("horizontal", true)
                .series(
                        text.get("analytics.customers"),
                        drawn.stream().map(Regions.Area::customers).toList())
                .series(
                        text.get("analytics.buyers"),
                        drawn.stream().map(Regions.Area::buyers).toList())
                .json();
        return new RegionsView(regions, cities, source(report.populationSource(), text), chart);
    }

    /** The built-in tables' sources in the reader's language; an uploaded table's name stays as it is. */
    private static String source(String source, PageText text) {
        if (source == null || !source.startsWith(io.basira.analytics.region.Gazetteer.SOURCES)) {
            return source;
        }
        return text.get("analytics.regions.sources.gulf")
                + source.substring(io.basira.analytics.region.Gazetteer.SOURCES.length());
    }

    /** The city's region as the regions table names it; an unknown one in the reader's language. */
    private static String regionOf(Regions.Area city, Map<String, String> regionNames, PageText text) {
        if (city.region() == null) {
            return "";
        }
        if (Regions.UNKNOWN.equals(city.region())) {
            return text.get("analytics.regions.unknown");
        }
        return regionNames.getOrDefault(city.country() + "|" + city.region(), city.region());
    }

    private static Area area(Regions.Area a, String region, DashboardFormats fmt, PageText text) {
        return new Area(
                name(a, text),
                region,
                fmt.number(a.customers()),
                fmt.number(a.buyers()),
                fmt.money(a.revenue()),
                fmt.number(a.population()),
                fmt.number(a.customersPer100k()),
                fmt.number(a.buyersPer100k()));
    }

    private static String name(Regions.Area a, PageText text) {
        if (Regions.UNKNOWN.equals(a.name())) {
            return text.get("analytics.regions.unknown");
        }
        return text.rightToLeft() && a.arabicName() != null && !a.arabicName().isBlank() ? a.arabicName() : a.name();
    }

    public boolean empty() {
        return regions.isEmpty();
    }
}
