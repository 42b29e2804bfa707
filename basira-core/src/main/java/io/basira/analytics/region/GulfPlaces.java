package io.basira.analytics.region;

import static io.basira.analytics.region.Gazetteer.addCity;
import static io.basira.analytics.region.Gazetteer.addRegion;

import io.basira.analytics.region.Gazetteer.Region;

/**
 * The Gulf neighbours' regions and larger cities, loaded into the {@link Gazetteer}: the United Arab Emirates'
 * emirates, Kuwait's governorates, Qatar's municipalities, Bahrain's governorates and Oman's governorates.
 * Populations are approximate (rounded), from the source and year docs/analytics.md lists per country.
 */
final class GulfPlaces {

    private GulfPlaces() {}

    static void load() {
        emirates();
        kuwait();
        qatar();
        bahrain();
        oman();
    }

    private static void emirates() {
        Region abuDhabi = addRegion(
                "AE", "Abu Dhabi", "أبوظبي", 3_790_000, "Abu Dhabi Emirate", "Abudhabi", "أبو ظبي", "إمارة أبوظبي");
        Region dubai = addRegion("AE", "Dubai", "دبي", 3_655_000, "Dubai Emirate", "Dubayy", "إمارة دبي");
        Region sharjah = addRegion("AE", "Sharjah", "الشارقة", 1_800_000, "Sharjah Emirate", "إمارة الشارقة");
        Region ajman = addRegion("AE", "Ajman", "عجمان", 540_000, "إمارة عجمان");
        Region rak = addRegion(
                "AE",
                "Ras Al Khaimah",
                "رأس الخيمة",
                400_000,
                "Ras Al-Khaimah",
                "RAK",
                "Ras al Khaima",
                "إمارة رأس الخيمة");
        Region fujairah = addRegion("AE", "Fujairah", "الفجيرة", 300_000, "Al Fujairah", "إمارة الفجيرة");
        Region uaq = addRegion("AE", "Umm Al Quwain", "أم القيوين", 85_000, "Umm Al-Quwain", "UAQ", "إمارة أم القيوين");
        addCity(abuDhabi, "Abu Dhabi", "أبوظبي", "Abudhabi", "أبو ظبي", "Abu Dhabi City");
        addCity(abuDhabi, "Al Ain", "العين", "Al-Ain", "Ain");
        addCity(abuDhabi, "Ruwais", "الرويس", "Al Ruwais");
        addCity(dubai, "Dubai", "دبي", "Dubayy", "Dubai City");
        addCity(dubai, "Jebel Ali", "جبل علي");
        addCity(dubai, "Hatta", "حتا");
        addCity(sharjah, "Sharjah", "الشارقة", "Sharjah City");
        addCity(sharjah, "Khor Fakkan", "خورفكان", "Khorfakkan", "خور فكان");
        addCity(sharjah, "Kalba", "كلباء");
        addCity(ajman, "Ajman", "عجمان", "Ajman City");
        addCity(rak, "Ras Al Khaimah", "رأس الخيمة", "Ras Al-Khaimah", "RAK", "Ras al Khaima");
        addCity(fujairah, "Fujairah", "الفجيرة", "Al Fujairah", "Fujairah City");
        addCity(fujairah, "Dibba", "دبا", "Dibba Al-Fujairah", "دبا الفجيرة");
        addCity(uaq, "Umm Al Quwain", "أم القيوين", "Umm Al-Quwain", "UAQ");
    }

    private static void kuwait() {
        Region capital = addRegion(
                "KW",
                "Capital Governorate (Kuwait)",
                "محافظة العاصمة (الكويت)",
                600_000,
                "Capital Governorate",
                "محافظة العاصمة",
                "Al Asimah",
                "Al-Asimah",
                "Capital",
                "العاصمة",
                "Kuwait City Governorate");
        Region hawalli = addRegion("KW", "Hawalli", "محافظة حولي", 1_000_000, "Hawally", "Hawalli Governorate", "حولي");
        Region farwaniya = addRegion(
                "KW",
                "Farwaniya",
                "محافظة الفروانية",
                1_200_000,
                "Al Farwaniyah",
                "Al-Farwaniya",
                "Farwaniyah",
                "الفروانية");
        Region ahmadi = addRegion("KW", "Ahmadi", "محافظة الأحمدي", 1_000_000, "Al Ahmadi", "Al-Ahmadi", "الأحمدي");
        Region jahra = addRegion("KW", "Jahra", "محافظة الجهراء", 600_000, "Al Jahra", "Al-Jahra", "Jahraa", "الجهراء");
        Region mubarak = addRegion(
                "KW",
                "Mubarak Al-Kabeer",
                "محافظة مبارك الكبير",
                260_000,
                "Mubarak Al Kabir",
                "Mubarak Alkabeer",
                "مبارك الكبير");
        addCity(capital, "Kuwait City", "مدينة الكويت", "Kuwait", "الكويت", "Al Kuwait", "Madinat Al Kuwait");
        addCity(hawalli, "Hawalli", "حولي", "Hawally");
        addCity(hawalli, "Salmiya", "السالمية", "Salmiyah", "Al Salmiya", "Salmiyya");
        addCity(farwaniya, "Farwaniya", "الفروانية", "Al Farwaniyah", "Farwaniyah");
        addCity(farwaniya, "Jleeb Al-Shuyoukh", "جليب الشيوخ", "Jleeb", "Jleeb Al Shuyoukh");
        addCity(ahmadi, "Ahmadi", "الأحمدي", "Al Ahmadi", "Al-Ahmadi");
        addCity(ahmadi, "Fahaheel", "الفحيحيل", "Al Fahaheel", "Fahahil");
        addCity(ahmadi, "Mangaf", "المنقف", "Al Mangaf");
        addCity(jahra, "Jahra", "الجهراء", "Al Jahra", "Al-Jahra");
        addCity(mubarak, "Mubarak Al-Kabeer", "مبارك الكبير", "Mubarak Al Kabir");
    }

    private static void qatar() {
        Region doha = addRegion("QA", "Doha", "الدوحة", 1_186_000, "Ad Dawhah", "Doha Municipality", "بلدية الدوحة");
        Region rayyan = addRegion("QA", "Al Rayyan", "الريان", 606_000, "Al-Rayyan", "Rayyan", "بلدية الريان");
        Region wakrah = addRegion("QA", "Al Wakrah", "الوكرة", 299_000, "Al-Wakra", "Wakrah", "Wakra", "بلدية الوكرة");
        Region daayen = addRegion("QA", "Al Daayen", "الضعاين", 141_000, "Al-Daayen", "Daayen", "بلدية الضعاين");
        Region khor = addRegion(
                "QA", "Al Khor", "الخور", 95_000, "Al-Khor", "Khor", "Al Khor and Al Thakhira", "بلدية الخور");
        Region ummSalal = addRegion("QA", "Umm Salal", "أم صلال", 107_000, "Umm Slal", "بلدية أم صلال");
        addRegion("QA", "Al Shamal", "الشمال", 12_000, "Al-Shamal", "Madinat ash Shamal", "بلدية الشمال");
        addRegion(
                "QA",
                "Al Shahaniya",
                "الشيحانية",
                187_000,
                "Al-Shahaniya",
                "Shahaniya",
                "Sheehaniya",
                "بلدية الشيحانية");
        addCity(doha, "Doha", "الدوحة", "Ad Dawhah", "Doha City");
        addCity(rayyan, "Al Rayyan", "الريان", "Al-Rayyan", "Rayyan");
        addCity(wakrah, "Al Wakrah", "الوكرة", "Al-Wakra", "Wakra");
        addCity(wakrah, "Mesaieed", "مسيعيد", "Umm Said");
        addCity(daayen, "Lusail", "لوسيل", "Lusail City");
        addCity(khor, "Al Khor", "الخور", "Al-Khor", "Khor");
        addCity(ummSalal, "Umm Salal", "أم صلال", "Umm Slal");
    }

    private static void bahrain() {
        Region capital = addRegion(
                "BH",
                "Capital Governorate (Bahrain)",
                "محافظة العاصمة (البحرين)",
                520_000,
                "Capital Governorate",
                "محافظة العاصمة",
                "Capital",
                "Al Asimah",
                "العاصمة",
                "Manama Governorate");
        Region muharraq =
                addRegion("BH", "Muharraq", "محافظة المحرق", 265_000, "Al Muharraq", "Muharraq Governorate", "المحرق");
        Region northern = addRegion(
                "BH", "Northern Governorate", "المحافظة الشمالية", 390_000, "Northern", "Ash Shamaliyah", "الشمالية");
        Region southern = addRegion(
                "BH", "Southern Governorate", "المحافظة الجنوبية", 325_000, "Southern", "Al Janubiyah", "الجنوبية");
        addCity(capital, "Manama", "المنامة", "Al Manamah", "Manamah");
        addCity(capital, "Sitra", "سترة");
        addCity(capital, "Juffair", "الجفير", "Al Juffair");
        addCity(muharraq, "Muharraq", "المحرق", "Al Muharraq");
        addCity(muharraq, "Busaiteen", "البسيتين", "Al Busaiteen");
        addCity(muharraq, "Amwaj", "أمواج", "Amwaj Islands");
        addCity(northern, "Hamad Town", "مدينة حمد", "Madinat Hamad");
        addCity(northern, "Budaiya", "البديع", "Al Budaiya");
        addCity(northern, "Saar", "سار");
        addCity(southern, "Riffa", "الرفاع", "Al Riffa", "Ar Rifa");
        addCity(southern, "Isa Town", "مدينة عيسى", "Madinat Isa");
        addCity(southern, "Awali", "عوالي");
    }

    private static void oman() {
        Region muscat = addRegion("OM", "Muscat", "محافظة مسقط", 1_302_000, "Muscat Governorate", "Masqat", "مسقط");
        Region dhofar = addRegion("OM", "Dhofar", "محافظة ظفار", 416_000, "Dhofar Governorate", "Zufar", "ظفار");
        Region northBatinah = addRegion(
                "OM",
                "North Al Batinah",
                "محافظة شمال الباطنة",
                784_000,
                "North Batinah",
                "Al Batinah North",
                "شمال الباطنة");
        Region southBatinah = addRegion(
                "OM",
                "South Al Batinah",
                "محافظة جنوب الباطنة",
                465_000,
                "South Batinah",
                "Al Batinah South",
                "جنوب الباطنة");
        Region dakhiliyah = addRegion(
                "OM",
                "Ad Dakhiliyah",
                "محافظة الداخلية",
                478_000,
                "Al Dakhiliyah",
                "Dakhiliyah",
                "Ad Dakhliyah",
                "الداخلية");
        Region northSharqiyah = addRegion(
                "OM",
                "North Ash Sharqiyah",
                "محافظة شمال الشرقية",
                271_000,
                "North Sharqiyah",
                "Al Sharqiyah North",
                "شمال الشرقية");
        Region southSharqiyah = addRegion(
                "OM",
                "South Ash Sharqiyah",
                "محافظة جنوب الشرقية",
                315_000,
                "South Sharqiyah",
                "Al Sharqiyah South",
                "جنوب الشرقية");
        Region dhahirah =
                addRegion("OM", "Ad Dhahirah", "محافظة الظاهرة", 213_000, "Al Dhahirah", "Dhahirah", "الظاهرة");
        Region buraimi = addRegion("OM", "Al Buraimi", "محافظة البريمي", 121_000, "Buraimi", "البريمي");
        addRegion("OM", "Al Wusta", "محافظة الوسطى", 52_000, "Wusta", "الوسطى");
        Region musandam = addRegion("OM", "Musandam", "محافظة مسندم", 48_000, "مسندم");
        addCity(muscat, "Muscat", "مسقط", "Masqat", "Muscat City");
        addCity(muscat, "Seeb", "السيب", "As Seeb", "Al Seeb");
        addCity(muscat, "Muttrah", "مطرح", "Mutrah");
        addCity(muscat, "Bawshar", "بوشر", "Bausher");
        addCity(dhofar, "Salalah", "صلالة", "Salala");
        addCity(northBatinah, "Sohar", "صحار", "Suhar");
        addCity(southBatinah, "Rustaq", "الرستاق", "Ar Rustaq");
        addCity(southBatinah, "Barka", "بركاء", "Birka");
        addCity(dakhiliyah, "Nizwa", "نزوى", "Nizwah");
        addCity(northSharqiyah, "Ibra", "إبراء");
        addCity(southSharqiyah, "Sur", "صور", "Sour");
        addCity(dhahirah, "Ibri", "عبري");
        addCity(buraimi, "Al Buraimi", "البريمي", "Buraimi");
        addCity(musandam, "Khasab", "خصب");
    }
}
