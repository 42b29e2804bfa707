package io.basira.demo;

import java.util.List;

/**
 * Saudi given names and family names, each in Arabic script and in a common Latin transliteration
 * (the same index is the same name), plus a few expatriate names as Gulf stores see them.
 */
final class PersonNames {

    /** A name in both scripts; {@code latinVariant} is a second spelling customers also type. */
    record Name(String arabic, String latin, String latinVariant) {}

    static final List<Name> MALE = List.of(
            name("محمد", "Mohammed", "Muhammad"),
            name("عبدالله", "Abdullah", "Abdallah"),
            name("فهد", "Fahad", "Fahd"),
            name("خالد", "Khalid", "Khaled"),
            name("سعود", "Saud", "Saud"),
            name("عبدالرحمن", "Abdulrahman", "Abdul Rahman"),
            name("فيصل", "Faisal", "Faysal"),
            name("سلطان", "Sultan", "Sultan"),
            name("تركي", "Turki", "Turky"),
            name("نايف", "Nayef", "Naif"),
            name("بندر", "Bandar", "Bander"),
            name("ماجد", "Majed", "Majid"),
            name("ناصر", "Nasser", "Naser"),
            name("يوسف", "Yousef", "Yusuf"),
            name("عمر", "Omar", "Umar"),
            name("أحمد", "Ahmed", "Ahmad"),
            name("سلمان", "Salman", "Salman"),
            name("مشعل", "Meshal", "Mishal"),
            name("راكان", "Rakan", "Rakan"),
            name("زياد", "Ziyad", "Ziad"),
            name("عبدالعزيز", "Abdulaziz", "Abdul Aziz"),
            name("حمد", "Hamad", "Hamad"),
            name("ريان", "Rayan", "Rayyan"),
            name("إبراهيم", "Ibrahim", "Ebrahim"));

    static final List<Name> FEMALE = List.of(
            name("نورة", "Noura", "Nora"),
            name("سارة", "Sarah", "Sara"),
            name("فاطمة", "Fatimah", "Fatma"),
            name("ريم", "Reem", "Rim"),
            name("لمى", "Lama", "Lamma"),
            name("الجوهرة", "Aljawhara", "Al Jawhara"),
            name("هيفاء", "Haifa", "Haifaa"),
            name("منيرة", "Munira", "Moneera"),
            name("أمل", "Amal", "Amal"),
            name("دانة", "Dana", "Danah"),
            name("لولوة", "Lulwa", "Loulwa"),
            name("شهد", "Shahad", "Shahd"),
            name("جود", "Joud", "Jood"),
            name("رغد", "Raghad", "Raghad"),
            name("العنود", "Alanoud", "Al Anoud"),
            name("مها", "Maha", "Maha"),
            name("هند", "Hind", "Hend"),
            name("عبير", "Abeer", "Abir"),
            name("نوف", "Nouf", "Nof"),
            name("غادة", "Ghada", "Ghadah"),
            name("أريج", "Areej", "Arij"),
            name("مريم", "Maryam", "Mariam"));

    static final List<Name> FAMILY = List.of(
            name("العتيبي", "Alotaibi", "Al-Otaibi"), name("القحطاني", "Alqahtani", "Al-Qahtani"),
            name("الغامدي", "Alghamdi", "Al-Ghamdi"), name("الزهراني", "Alzahrani", "Al-Zahrani"),
            name("الشمري", "Alshammari", "Al-Shammari"), name("الدوسري", "Aldosari", "Al-Dossary"),
            name("الحربي", "Alharbi", "Al-Harbi"), name("المطيري", "Almutairi", "Al-Mutairi"),
            name("العنزي", "Alanazi", "Al-Enezi"), name("السبيعي", "Alsubaie", "Al-Subaie"),
            name("الشهري", "Alshehri", "Al-Shehri"), name("العمري", "Alomari", "Al-Omari"),
            name("المالكي", "Almalki", "Al-Malki"), name("الأحمدي", "Alahmadi", "Al-Ahmadi"),
            name("التميمي", "Altamimi", "Al-Tamimi"), name("السديري", "Alsudairi", "Al-Sudairy"),
            name("الراشد", "Alrashed", "Al-Rashid"), name("البقمي", "Albogami", "Al-Buqami"),
            name("الجهني", "Aljohani", "Al-Juhani"), name("الخالدي", "Alkhalidi", "Al-Khaldi"),
            name("باعشن", "Baeshen", "Ba-Eshen"), name("الحازمي", "Alhazmi", "Al-Hazmi"));

    /** Expatriate first and last names (Latin only): Egyptian, South Asian, Filipino, Levantine. */
    static final List<String> EXPAT_MALE = List.of("Ahmed", "Rahul", "Imran", "Mark", "Tarek", "Karim", "Bilal");

    static final List<String> EXPAT_FEMALE = List.of("Maria", "Priya", "Rania", "Aisha", "Joy", "Lina", "Hina");
    static final List<String> EXPAT_FAMILY =
            List.of("Hassan", "Sharma", "Khan", "Santos", "Haddad", "Mostafa", "Reyes", "Qureshi", "Nair");

    private PersonNames() {}

    private static Name name(String arabic, String latin, String variant) {
        return new Name(arabic, latin, variant);
    }
}
