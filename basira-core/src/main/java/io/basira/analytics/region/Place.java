package io.basira.analytics.region;

import io.basira.analytics.CustomerFact;
import io.basira.analytics.region.Gazetteer.City;
import io.basira.analytics.region.Gazetteer.Region;
import java.util.Locale;

/**
 * Where one customer is, resolved through the {@link Gazetteer}; see {@link Regions}. {@code region} and
 * {@code city} are null when the tables do not know the place; {@code country} is empty when unknown.
 */
record Place(String country, Region region, City city, String rawRegion, String rawCity) {

    static Place of(CustomerFact c) {
        return of(c.city(), c.region(), c.country());
    }

    /** The place of a customer's city, region and country as sent (each may be null). */
    static Place of(String rawCity, String rawRegion, String rawCountry) {
        String country = rawCountry == null ? "" : rawCountry.strip().toUpperCase(Locale.ROOT);
        City city = Gazetteer.city(country, rawCity).orElse(null);
        Region region = Gazetteer.region(country, rawRegion).orElse(null);
        if (city != null && region != null && !city.country().equals(region.country())) {
            city = Gazetteer.city(region.country(), rawCity).orElse(null); // the region's country decides
        }
        if (region == null && city != null) {
            region = city.region();
        }
        if (country.isEmpty()) {
            country = region != null ? region.country() : city != null ? city.country() : "";
        }
        return new Place(country, region, city, blankToNull(rawRegion), blankToNull(rawCity));
    }

    /** One key per region; every customer of an unknown region, whatever her country, shares one. */
    String regionKey() {
        if (region != null) {
            return region.country() + "|" + region.english();
        }
        return rawRegion == null ? "|" : country + "|" + PlaceNames.key(rawRegion);
    }

    /** One key per city; an unknown city is one place per region (its customers are in that region). */
    String cityKey() {
        if (city != null) {
            return city.country() + "|" + city.english();
        }
        return rawCity == null ? regionKey() + "|" : country + "|" + PlaceNames.key(rawCity);
    }

    String regionName() {
        return region != null ? region.english() : rawRegion == null ? Regions.UNKNOWN : rawRegion.strip();
    }

    String cityName() {
        return city != null ? city.english() : rawCity == null ? Regions.UNKNOWN : rawCity.strip();
    }

    String regionArabic() {
        return region != null ? region.arabic() : null;
    }

    String cityArabic() {
        return city != null ? city.arabic() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
