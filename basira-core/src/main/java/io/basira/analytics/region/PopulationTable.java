package io.basira.analytics.region;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Inhabitants per region, to compute penetration. The built-in table is Saudi Arabia's 13 regions in the
 * 2022 census ({@link SaudiRegion}); a store may add (or replace) rows for any country. Regions are matched
 * by country (ISO 3166 alpha-2) and {@link PlaceNames#key}. Immutable.
 */
public final class PopulationTable {

    /** One row: a region of a country and its population (&gt; 0). */
    public record Row(String country, String region, long population) {

        public Row {
            if (country == null || !country.strip().toUpperCase(Locale.ROOT).matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("country '" + country + "' is not an ISO 3166 alpha-2 code");
            }
            country = country.strip().toUpperCase(Locale.ROOT);
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("region is empty");
            }
            if (population <= 0) {
                throw new IllegalArgumentException("population of " + region + " must be > 0, was " + population);
            }
        }
    }

    private final Map<String, Long> byKey;
    private final String source;

    private PopulationTable(Map<String, Long> byKey, String source) {
        this.byKey = Map.copyOf(byKey);
        this.source = source;
    }

    /** Saudi Arabia's regions, GASTAT census 2022. */
    public static PopulationTable saudiCensus2022() {
        Map<String, Long> map = new HashMap<>();
        for (SaudiRegion region : SaudiRegion.values()) {
            map.put(key("SA", region.english()), region.population2022());
        }
        return new PopulationTable(map, "GASTAT census 2022 (SA)");
    }

    /**
     * Every region of the {@link Gazetteer}: Saudi Arabia's 13 regions (GASTAT census 2022) and the Gulf
     * neighbours' emirates, governorates and municipalities (approximate; sources in {@link Gazetteer#SOURCES}).
     */
    public static PopulationTable gulf() {
        return Gulf.TABLE;
    }

    /** The built-in table, made once (callers may compare it by identity: the default of a request). */
    private static final class Gulf {
        static final PopulationTable TABLE = build();

        private static PopulationTable build() {
            Map<String, Long> map = new HashMap<>();
            for (Gazetteer.Region region : Gazetteer.regions()) {
                map.put(key(region.country(), region.english()), region.population());
            }
            return new PopulationTable(map, Gazetteer.SOURCES);
        }
    }

    /** This table plus {@code rows}; a row for a region already present replaces it. */
    public PopulationTable with(List<Row> rows, String rowsSource) {
        Map<String, Long> map = new HashMap<>(byKey);
        for (Row row : rows) {
            map.put(key(row.country(), row.region()), row.population());
        }
        return new PopulationTable(map, source + " + " + Objects.requireNonNull(rowsSource));
    }

    /** The population of {@code region} in {@code country}; empty when the table does not know it. */
    public OptionalLong population(String country, String region) {
        Long value = country == null ? null : byKey.get(key(country, region));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /** Where the numbers come from, for the report. */
    public String source() {
        return source;
    }

    /** Rows are listed for documentation and tests: the number of regions known. */
    public int size() {
        return byKey.size();
    }

    /** Regions of the {@link Gazetteer} are keyed by their English name whatever the spelling; others by {@link PlaceNames#key}. */
    private static String key(String country, String region) {
        String upper = country.toUpperCase(Locale.ROOT);
        String name =
                Gazetteer.region(upper, region).map(Gazetteer.Region::english).orElse(region);
        return upper + ":" + PlaceNames.key(name);
    }
}
