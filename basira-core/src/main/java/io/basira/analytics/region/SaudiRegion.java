package io.basira.analytics.region;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saudi Arabia's 13 administrative regions with their population in the 2022 census (General Authority for
 * Statistics, GASTAT, "Saudi Census 2022", population by administrative region; total 32,175,224), their
 * English and Arabic names and common spellings.
 */
public enum SaudiRegion {
    RIYADH("Riyadh", "منطقة الرياض", 8_591_748, "Riyadh", "Ar Riyad", "الرياض"),
    MAKKAH(
            "Makkah",
            "منطقة مكة المكرمة",
            8_021_463,
            "Mecca",
            "Makka",
            "Mekkah",
            "Makkah Al-Mukarramah",
            "مكة",
            "مكة المكرمة"),
    EASTERN(
            "Eastern Province",
            "المنطقة الشرقية",
            5_125_254,
            "Eastern",
            "Eastern Region",
            "Ash Sharqiyah",
            "Sharqiyah",
            "Al-Sharqiyah",
            "الشرقية",
            "المنطقة الشرقية"),
    MADINAH(
            "Madinah",
            "منطقة المدينة المنورة",
            2_137_983,
            "Medina",
            "Al-Madinah",
            "Madinah Al-Munawwarah",
            "المدينة",
            "المدينة المنورة"),
    ASIR("Asir", "منطقة عسير", 2_024_285, "Aseer", "Assir", "عسير"),
    JAZAN("Jazan", "منطقة جازان", 1_404_997, "Jizan", "Gizan", "جازان", "جيزان"),
    QASSIM("Qassim", "منطقة القصيم", 1_336_179, "Al-Qassim", "Qasim", "Al-Qasim", "القصيم"),
    TABUK("Tabuk", "منطقة تبوك", 886_036, "Tabouk", "تبوك"),
    HAIL("Hail", "منطقة حائل", 746_406, "Ha'il", "حائل"),
    NAJRAN("Najran", "منطقة نجران", 592_300, "نجران"),
    AL_JOUF("Al-Jouf", "منطقة الجوف", 595_822, "Jouf", "Al-Jawf", "Jawf", "Aljouf", "الجوف"),
    AL_BAHA("Al-Baha", "منطقة الباحة", 339_174, "Baha", "Al-Bahah", "Albaha", "الباحة"),
    NORTHERN_BORDERS(
            "Northern Borders",
            "منطقة الحدود الشمالية",
            373_577,
            "Northern Border",
            "Al-Hudud ash-Shamaliyah",
            "الحدود الشمالية");

    private static final Map<String, SaudiRegion> BY_KEY = new HashMap<>();

    static {
        for (SaudiRegion region : values()) {
            BY_KEY.put(PlaceNames.key(region.english), region);
            BY_KEY.put(PlaceNames.key(region.arabic), region);
            region.aliases.forEach(alias -> BY_KEY.put(PlaceNames.key(alias), region));
        }
    }

    private final String english;
    private final String arabic;
    private final long population2022;
    private final List<String> aliases;

    SaudiRegion(String english, String arabic, long population2022, String... aliases) {
        this.english = english;
        this.arabic = arabic;
        this.population2022 = population2022;
        this.aliases = List.of(aliases);
    }

    /** The region this spelling names (any alias, either script, any case). */
    public static Optional<SaudiRegion> find(String name) {
        return Optional.ofNullable(BY_KEY.get(PlaceNames.key(name)));
    }

    /** The region's English and Arabic names and its aliases. */
    List<String> spellings() {
        List<String> spellings = new java.util.ArrayList<>(List.of(english, arabic));
        spellings.addAll(aliases);
        return spellings;
    }

    public String english() {
        return english;
    }

    public String arabic() {
        return arabic;
    }

    /** Population in the 2022 census (GASTAT). */
    public long population2022() {
        return population2022;
    }
}
