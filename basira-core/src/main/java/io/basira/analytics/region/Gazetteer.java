package io.basira.analytics.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The places of the Gulf Cooperation Council countries a customer can name: Saudi Arabia's 13 regions
 * ({@link SaudiRegion}), the United Arab Emirates' 7 emirates, Kuwait's 6 governorates, Qatar's 8
 * municipalities, Bahrain's 4 governorates and Oman's 11 governorates, each with its English and Arabic name,
 * spellings and population; and their larger cities with the region each lies in, so that a customer who
 * gave only {@code Jeddah}, {@code جدة} or {@code Dubai} is counted in her region.
 *
 * <p>Names are matched by {@link PlaceNames#key} within a country; a name known in exactly one country is
 * found without a country too (Saudi Arabia first: a Saudi store's customers often leave the country out).
 * Populations are approximate, from each country's latest census or official estimate, listed with their
 * source and year in docs/analytics.md ({@link #SOURCES}). Immutable, thread-safe.
 */
public final class Gazetteer {

    /** A region: a Saudi region, an emirate, a governorate or a municipality. */
    public record Region(String country, String english, String arabic, long population) {}

    /** A city and the region it lies in. */
    public record City(String country, String english, String arabic, Region region) {}

    /** Where each country's populations come from (docs/analytics.md). */
    public static final String SOURCES = "GASTAT census 2022 (SA); FCSC and emirate statistics 2023 (AE);"
            + " PACI 2023 (KW); PSA census 2020 (QA); iGA census 2020 (BH); NCSI census 2020 (OM)";

    private static final Map<String, Map<String, Region>> REGIONS = new HashMap<>();
    private static final Map<String, Map<String, City>> CITIES = new HashMap<>();
    private static final List<Region> ALL_REGIONS = new ArrayList<>();

    static {
        for (SaudiRegion r : SaudiRegion.values()) {
            Region region = new Region("SA", r.english(), r.arabic(), r.population2022());
            r.spellings().forEach(spelling -> putRegion(region, spelling));
            ALL_REGIONS.add(region);
        }
        GulfPlaces.load();
        SaudiCity.all().forEach(c -> {
            Region region = region("SA", c.region().english()).orElseThrow();
            City city = new City("SA", c.english(), c.arabic(), region);
            c.spellings().forEach(spelling -> putCity(city, spelling));
        });
    }

    private Gazetteer() {}

    /** Adds a region under its names and {@code aliases}; used while the tables load. */
    static Region addRegion(String country, String english, String arabic, long population, String... aliases) {
        Region region = new Region(country, english, arabic, population);
        putRegion(region, english);
        putRegion(region, arabic);
        for (String alias : aliases) {
            putRegion(region, alias);
        }
        ALL_REGIONS.add(region);
        return region;
    }

    /** Adds a city of {@code region} under its names and {@code aliases}; used while the tables load. */
    static void addCity(Region region, String english, String arabic, String... aliases) {
        City city = new City(region.country(), english, arabic, region);
        putCity(city, english);
        putCity(city, arabic);
        for (String alias : aliases) {
            putCity(city, alias);
        }
    }

    private static void putRegion(Region region, String spelling) {
        REGIONS.computeIfAbsent(region.country(), k -> new HashMap<>()).put(PlaceNames.key(spelling), region);
    }

    private static void putCity(City city, String spelling) {
        CITIES.computeIfAbsent(city.country(), k -> new HashMap<>()).put(PlaceNames.key(spelling), city);
    }

    /**
     * The region {@code name} names in {@code country} (ISO alpha-2; null or empty: the one country that knows
     * the name, Saudi Arabia first).
     */
    public static Optional<Region> region(String country, String name) {
        return find(REGIONS, country, name);
    }

    /** The city {@code name} names in {@code country}; as {@link #region}. */
    public static Optional<City> city(String country, String name) {
        return find(CITIES, country, name);
    }

    /** Every region of the tables, Saudi Arabia's first. */
    public static List<Region> regions() {
        return List.copyOf(ALL_REGIONS);
    }

    private static <T> Optional<T> find(Map<String, Map<String, T>> tables, String country, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = PlaceNames.key(name);
        if (country != null && !country.isBlank()) {
            return Optional.ofNullable(tables.getOrDefault(country, Map.of()).get(key));
        }
        T saudi = tables.getOrDefault("SA", Map.of()).get(key);
        if (saudi != null) {
            return Optional.of(saudi);
        }
        T found = null;
        for (Map.Entry<String, Map<String, T>> table : tables.entrySet()) {
            T candidate = table.getValue().get(key);
            if (candidate != null) {
                if (found != null) {
                    return Optional.empty(); // the name is a place in two countries: the country decides
                }
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }
}
