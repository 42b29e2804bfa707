package io.basira.analytics.region;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.StoreFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Customers, buyers and revenue by region and by city, and penetration per 100,000 inhabitants
 * (docs/analytics.md, "Regions"). A customer's place: a Gulf region or city under any known spelling
 * ({@link Gazetteer}) is read as that place (its country when the customer gave none); a known city without
 * a region gives its region; any other place is grouped by {@link PlaceNames#key} and shown under its most
 * frequent spelling. One row per place: the customers of an unknown region share one row whatever their
 * country, and those of an unknown city one row per region. Customers are all customers; buyers have a counted order in the
 * period; revenue is the total of those orders.
 */
public final class Regions {

    public static final String UNKNOWN = "(unknown)";

    private Regions() {}

    /** @param population null when the table does not know the region; per-100k values are then null too */
    public record Area(
            String country,
            String name,
            String arabicName,
            String region,
            int customers,
            int buyers,
            BigDecimal revenue,
            Long population,
            BigDecimal customersPer100k,
            BigDecimal buyersPer100k) {}

    public record Report(List<Area> regions, List<Area> cities, String populationSource) {}

    public static Report of(StoreFacts facts, AnalysisWindow window, PopulationTable population) {
        long[] spend = new long[facts.customerCount()];
        boolean[] bought = new boolean[spend.length];
        facts.buyersIn(window, (row, orders, total) -> {
            if (row < spend.length) {
                spend[row] = total;
                bought[row] = true;
            }
        });
        Map<String, Tally> regions = new LinkedHashMap<>();
        Map<String, Tally> cities = new LinkedHashMap<>();
        Map<List<String>, Place> places = new HashMap<>();
        for (int c = 0; c < spend.length; c++) {
            String city = facts.city(c);
            String region = facts.region(c);
            String country = facts.country(c);
            Place place = places.computeIfAbsent(
                    java.util.Arrays.asList(city, region, country), k -> Place.of(city, region, country));
            regions.computeIfAbsent(place.regionKey(), k -> new Tally(place, true))
                    .add(place.regionName(), bought[c], spend[c]);
            cities.computeIfAbsent(place.cityKey(), k -> new Tally(place, false))
                    .add(place.cityName(), bought[c], spend[c]);
        }
        return new Report(
                areas(facts, regions, population, true), areas(facts, cities, population, false), population.source());
    }

    private static List<Area> areas(
            StoreFacts facts, Map<String, Tally> tallies, PopulationTable table, boolean regions) {
        List<Area> areas = new ArrayList<>();
        for (Tally t : tallies.values()) {
            String name = t.name();
            OptionalLong people =
                    regions && !UNKNOWN.equals(name) ? table.population(t.place.country(), name) : OptionalLong.empty();
            Long pop = people.isPresent() ? people.getAsLong() : null;
            String country =
                    regions && t.place.region() == null && t.place.rawRegion() == null ? "" : t.place.country();
            areas.add(new Area(
                    country,
                    name,
                    regions ? t.place.regionArabic() : t.place.cityArabic(),
                    t.place.regionName(),
                    t.customers,
                    t.buyers,
                    facts.money(t.revenue),
                    pop,
                    per100k(t.customers, pop),
                    per100k(t.buyers, pop)));
        }
        areas.sort(Comparator.comparing(Area::revenue)
                .reversed()
                .thenComparing(Area::customers, Comparator.reverseOrder())
                .thenComparing(Area::name));
        return areas;
    }

    private static BigDecimal per100k(int count, Long population) {
        return population == null
                ? null
                : BigDecimal.valueOf(count * 100_000L).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
    }

    /** Counts of one area and the spellings seen (for the display name of places not in the tables). */
    private static final class Tally {
        final Place place;
        final boolean region;
        final Map<String, Integer> spellings = new HashMap<>();
        int customers;
        int buyers;
        long revenue;

        Tally(Place place, boolean region) {
            this.place = place;
            this.region = region;
        }

        void add(String spelling, boolean bought, long spend) {
            spellings.merge(spelling, 1, Integer::sum);
            customers++;
            buyers += bought ? 1 : 0;
            revenue += spend;
        }

        String name() {
            if (region ? place.region() != null : place.city() != null) {
                return region ? place.regionName() : place.cityName();
            }
            return spellings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow()
                    .getKey();
        }
    }
}
