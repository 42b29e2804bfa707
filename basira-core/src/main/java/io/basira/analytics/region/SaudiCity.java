package io.basira.analytics.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saudi cities under their English and Arabic names and common spellings, with their region: "Jeddah",
 * "Jiddah" and "جدة" are one city of {@link SaudiRegion#MAKKAH}. Covers the larger cities; any other city is
 * reported under the spelling the store sent (grouped by {@link PlaceNames#key}).
 */
public record SaudiCity(String english, String arabic, SaudiRegion region) {

    private static final Map<String, SaudiCity> BY_KEY = new HashMap<>();
    private static final Map<SaudiCity, List<String>> SPELLINGS = new LinkedHashMap<>();

    static {
        add(SaudiRegion.RIYADH, "Riyadh", "الرياض", "Ar Riyadh", "Riyad");
        add(SaudiRegion.RIYADH, "Al-Kharj", "الخرج", "Kharj", "Alkharj");
        add(SaudiRegion.RIYADH, "Ad-Diriyah", "الدرعية", "Diriyah", "Dir'iyah");
        add(SaudiRegion.RIYADH, "Al-Majmaah", "المجمعة", "Majmaah");
        add(SaudiRegion.MAKKAH, "Jeddah", "جدة", "Jiddah", "Jedda", "Jidda");
        add(
                SaudiRegion.MAKKAH,
                "Makkah",
                "مكة المكرمة",
                "Mecca",
                "Makka",
                "مكة",
                "Makkah Al-Mukarramah",
                "Mekkah",
                "Mekka");
        add(SaudiRegion.MAKKAH, "Taif", "الطائف", "At-Taif", "Ta'if", "Altaif");
        add(SaudiRegion.MAKKAH, "Rabigh", "رابغ");
        add(SaudiRegion.MAKKAH, "Al-Qunfudhah", "القنفذة", "Qunfudhah");
        add(SaudiRegion.MADINAH, "Madinah", "المدينة المنورة", "Medina", "Al-Madinah", "المدينة", "Madina");
        add(SaudiRegion.MADINAH, "Yanbu", "ينبع", "Yanbu Al-Bahr", "Yanbo");
        add(SaudiRegion.MADINAH, "Al-Ula", "العلا", "AlUla", "Ula");
        add(SaudiRegion.EASTERN, "Dammam", "الدمام", "Ad-Dammam", "Damam");
        add(SaudiRegion.EASTERN, "Khobar", "الخبر", "Al-Khobar", "Alkhobar", "Al-Khubar");
        add(SaudiRegion.EASTERN, "Dhahran", "الظهران", "Az-Zahran", "Zahran");
        add(SaudiRegion.EASTERN, "Al-Ahsa", "الأحساء", "Ahsa", "Alahsa", "Al-Hasa", "Hofuf", "Al-Hofuf", "الهفوف");
        add(SaudiRegion.EASTERN, "Jubail", "الجبيل", "Al-Jubail");
        add(SaudiRegion.EASTERN, "Qatif", "القطيف", "Al-Qatif");
        add(SaudiRegion.EASTERN, "Hafar Al-Batin", "حفر الباطن", "Hafr Al-Batin", "Hafar Albatin");
        add(SaudiRegion.ASIR, "Abha", "أبها");
        add(SaudiRegion.ASIR, "Khamis Mushait", "خميس مشيط", "Khamis Mushayt");
        add(SaudiRegion.TABUK, "Tabuk", "تبوك", "Tabouk");
        add(SaudiRegion.QASSIM, "Buraidah", "بريدة", "Buraydah", "Buraida");
        add(SaudiRegion.QASSIM, "Unaizah", "عنيزة", "Unayzah", "Onaizah");
        add(SaudiRegion.HAIL, "Hail", "حائل", "Ha'il");
        add(SaudiRegion.JAZAN, "Jazan", "جازان", "Jizan", "Gizan", "جيزان");
        add(SaudiRegion.NAJRAN, "Najran", "نجران");
        add(SaudiRegion.AL_JOUF, "Sakaka", "سكاكا", "Sakakah");
        add(SaudiRegion.NORTHERN_BORDERS, "Arar", "عرعر");
        add(SaudiRegion.AL_BAHA, "Al-Baha", "الباحة", "Baha", "Albaha", "Al-Bahah");
    }

    private static void add(SaudiRegion region, String english, String arabic, String... aliases) {
        SaudiCity city = new SaudiCity(english, arabic, region);
        BY_KEY.put(PlaceNames.key(english), city);
        BY_KEY.put(PlaceNames.key(arabic), city);
        List.of(aliases).forEach(alias -> BY_KEY.put(PlaceNames.key(alias), city));
        List<String> spellings = new ArrayList<>(List.of(english, arabic));
        spellings.addAll(List.of(aliases));
        SPELLINGS.put(city, List.copyOf(spellings));
    }

    /** Every city of the table, in its order. */
    static List<SaudiCity> all() {
        return List.copyOf(SPELLINGS.keySet());
    }

    /** The city's English and Arabic names and its aliases. */
    List<String> spellings() {
        return SPELLINGS.get(this);
    }

    /** The city this spelling names (any alias, either script, any case). */
    public static Optional<SaudiCity> find(String name) {
        return Optional.ofNullable(BY_KEY.get(PlaceNames.key(name)));
    }
}
