package io.basira.demo;

/**
 * Where customers live: Saudi cities with their administrative regions, in Arabic and English, with
 * weights roughly following city populations and online-shopping share; and the Gulf neighbours a
 * Saudi store also ships to.
 */
final class Places {

    /** A city and its region, each in both scripts; {@code country} is ISO 3166 alpha-2. */
    record City(String country, String english, String arabic, String regionEnglish, String regionArabic) {}

    static final Weighted<City> SAUDI = Weighted.<City>builder()
            .add(sa("Riyadh", "الرياض", "Riyadh Region", "منطقة الرياض"), 30)
            .add(sa("Jeddah", "جدة", "Makkah Region", "منطقة مكة المكرمة"), 18)
            .add(sa("Makkah", "مكة المكرمة", "Makkah Region", "منطقة مكة المكرمة"), 6)
            .add(sa("Madinah", "المدينة المنورة", "Madinah Region", "منطقة المدينة المنورة"), 5)
            .add(sa("Dammam", "الدمام", "Eastern Province", "المنطقة الشرقية"), 7)
            .add(sa("Khobar", "الخبر", "Eastern Province", "المنطقة الشرقية"), 4)
            .add(sa("Dhahran", "الظهران", "Eastern Province", "المنطقة الشرقية"), 1)
            .add(sa("Al-Ahsa", "الأحساء", "Eastern Province", "المنطقة الشرقية"), 3)
            .add(sa("Jubail", "الجبيل", "Eastern Province", "المنطقة الشرقية"), 1.5)
            .add(sa("Qatif", "القطيف", "Eastern Province", "المنطقة الشرقية"), 1)
            .add(sa("Hafar Al-Batin", "حفر الباطن", "Eastern Province", "المنطقة الشرقية"), 0.8)
            .add(sa("Taif", "الطائف", "Makkah Region", "منطقة مكة المكرمة"), 3)
            .add(sa("Yanbu", "ينبع", "Madinah Region", "منطقة المدينة المنورة"), 1)
            .add(sa("Abha", "أبها", "Asir Region", "منطقة عسير"), 2.5)
            .add(sa("Khamis Mushait", "خميس مشيط", "Asir Region", "منطقة عسير"), 2)
            .add(sa("Tabuk", "تبوك", "Tabuk Region", "منطقة تبوك"), 2)
            .add(sa("Buraidah", "بريدة", "Qassim Region", "منطقة القصيم"), 2.5)
            .add(sa("Unaizah", "عنيزة", "Qassim Region", "منطقة القصيم"), 1)
            .add(sa("Hail", "حائل", "Hail Region", "منطقة حائل"), 1.5)
            .add(sa("Jazan", "جازان", "Jazan Region", "منطقة جازان"), 1.5)
            .add(sa("Najran", "نجران", "Najran Region", "منطقة نجران"), 1)
            .add(sa("Sakaka", "سكاكا", "Al-Jouf Region", "منطقة الجوف"), 0.8)
            .add(sa("Arar", "عرعر", "Northern Borders Region", "منطقة الحدود الشمالية"), 0.5)
            .add(sa("Al-Baha", "الباحة", "Al-Baha Region", "منطقة الباحة"), 0.7)
            .build();

    static final Weighted<City> GULF = Weighted.<City>builder()
            .add(new City("AE", "Dubai", "دبي", "", ""), 1.5)
            .add(new City("AE", "Abu Dhabi", "أبوظبي", "", ""), 1)
            .add(new City("KW", "Kuwait City", "مدينة الكويت", "", ""), 1.5)
            .add(new City("BH", "Manama", "المنامة", "", ""), 1)
            .add(new City("QA", "Doha", "الدوحة", "", ""), 1)
            .add(new City("OM", "Muscat", "مسقط", "", ""), 1)
            .build();

    private Places() {}

    private static City sa(String english, String arabic, String regionEnglish, String regionArabic) {
        return new City("SA", english, arabic, regionEnglish, regionArabic);
    }

    /** The international dialling prefix of a mobile number in {@code country} (+9665 for SA). */
    static String mobilePrefix(String country) {
        return switch (country) {
            case "SA" -> "+9665";
            case "AE" -> "+9715";
            case "KW" -> "+9656";
            case "BH" -> "+9733";
            case "QA" -> "+9745";
            case "OM" -> "+9689";
            default -> throw new IllegalArgumentException("no mobile prefix for " + country);
        };
    }

    /** Digits after the prefix: 8 for SA and AE, 7 for the others. */
    static int mobileDigits(String country) {
        return "SA".equals(country) || "AE".equals(country) ? 8 : 7;
    }
}
