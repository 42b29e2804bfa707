package io.basira.analytics.region;

import io.basira.analytics.CustomerFact;
import java.util.Locale;

/** Where one customer is, resolved through the Saudi alias tables; see {@link Regions}. */
record Place(String country, SaudiRegion saudiRegion, SaudiCity saudiCity, String rawRegion, String rawCity) {

    static Place of(CustomerFact c) {
        return of(c.city(), c.region(), c.country());
    }

    /** The place of a customer's city, region and country as sent (each may be null). */
    static Place of(String rawCity, String rawRegion, String rawCountry) {
        String country = rawCountry == null ? "" : rawCountry.strip().toUpperCase(Locale.ROOT);
        boolean saudiOrUnknown = country.isEmpty() || country.equals("SA");
        SaudiCity city = saudiOrUnknown && rawCity != null ? SaudiCity.find(rawCity).orElse(null) : null;
        SaudiRegion region = saudiOrUnknown && rawRegion != null ? SaudiRegion.find(rawRegion).orElse(null) : null;
        if (region == null && city != null) {
            region = city.region();
        }
        if (country.isEmpty() && (region != null || city != null)) {
            country = "SA";
        }
        return new Place(country, region, city, blankToNull(rawRegion), blankToNull(rawCity));
    }

    String regionKey() {
        return saudiRegion != null ? saudiRegion.name() : rawRegion == null ? "" : PlaceNames.key(rawRegion);
    }

    String cityKey() {
        return saudiCity != null ? saudiCity.english() : rawCity == null ? "" : PlaceNames.key(rawCity);
    }

    String regionName() {
        return saudiRegion != null ? saudiRegion.english() : rawRegion == null ? Regions.UNKNOWN : rawRegion.strip();
    }

    String cityName() {
        return saudiCity != null ? saudiCity.english() : rawCity == null ? Regions.UNKNOWN : rawCity.strip();
    }

    String regionArabic() {
        return saudiRegion != null ? saudiRegion.arabic() : null;
    }

    String cityArabic() {
        return saudiCity != null ? saudiCity.arabic() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
