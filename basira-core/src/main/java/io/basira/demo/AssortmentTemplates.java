package io.basira.demo;

import java.util.List;

/**
 * The demo catalogue's raw material: per category, product lines (Arabic and English names, a price
 * range in whole riyals) and variants (size, weight, colour) that scale the price. Some English
 * names deliberately contain commas and double quotes, so the CSV quoting is exercised.
 */
final class AssortmentTemplates {

    /** A product line; prices in whole units of the currency, both bounds inclusive. */
    record Line(String arabic, String english, int minPrice, int maxPrice) {}

    /** A variant; {@code pricePercent} scales the line's price (100 = unchanged). */
    record Variant(String arabic, String english, int pricePercent) {}

    /** A category; {@code bulk} products are bought several at a time (dates, coffee). */
    record Category(String name, boolean bulk, List<Line> lines, List<Variant> variants) {}

    static final List<Category> CATEGORIES = List.of(
            new Category(
                    "Abayas",
                    false,
                    List.of(
                            line("عباية سوداء كلاسيك", "Classic Black Abaya", 180, 350),
                            line("عباية كريب مطرزة", "Embroidered Crepe Abaya", 290, 650),
                            line("عباية بشت", "Bisht Abaya", 250, 480),
                            line("عباية صيفية ملونة", "Summer Colour Abaya", 160, 320),
                            line("طرحة شيفون", "Chiffon Tarha", 45, 95),
                            line("عباية رسمية فاخرة", "Luxury Occasion Abaya, hand-finished", 550, 1200)),
                    sizes()),
            new Category(
                    "Perfumes & Oud",
                    false,
                    List.of(
                            line("دهن عود كمبودي", "Cambodian Oud Oil, aged", 250, 900),
                            line("عطر ليالي", "Perfume \"Layali\"", 220, 480),
                            line("بخور معطر", "Scented Bakhoor", 60, 180),
                            line("مسك أبيض", "White Musk", 40, 120),
                            line("عود معطر للتبخير", "Incense Oud Chips", 120, 600),
                            line("مبخرة كهربائية", "Electric Incense Burner", 90, 260)),
                    List.of(
                            v("12 مل", "12 ml", 60),
                            v("50 مل", "50 ml", 100),
                            v("100 مل", "100 ml", 160),
                            v("تولة", "1 tola", 120),
                            v("نصف تولة", "Half tola", 70),
                            v("طقم هدية", "Gift set", 150),
                            v("حجم السفر", "Travel size", 50),
                            v("إصدار ملكي", "Royal edition", 200),
                            v("إصدار محدود", "Limited edition", 200),
                            v("عبوة اقتصادية", "Value pack", 140))),
            new Category(
                    "Dates",
                    true,
                    List.of(
                            line("تمر سكري", "Sukkari Dates", 35, 90),
                            line("تمر عجوة المدينة", "Ajwa Dates of Madinah", 60, 160),
                            line("تمر خلاص", "Khalas Dates", 30, 75),
                            line("تمر مجدول", "Medjool Dates", 55, 140),
                            line("تمر صقعي", "Sagai Dates", 40, 95),
                            line("معمول بالتمر", "Date Maamoul", 35, 85)),
                    weights()),
            new Category(
                    "Coffee & Tea",
                    true,
                    List.of(
                            line("قهوة سعودية شقراء", "Saudi Blonde Coffee", 30, 85),
                            line("قهوة خولانية", "Khawlani Coffee Beans", 60, 160),
                            line("هيل فاخر", "Premium Cardamom", 45, 140),
                            line("شاي أحمر", "Red Tea", 15, 45),
                            line("قهوة هررية", "Harari Coffee, medium roast", 45, 120),
                            line("زعفران", "Saffron Threads", 50, 220)),
                    weights()),
            new Category(
                    "Electronics",
                    false,
                    List.of(
                            line("سماعات لاسلكية", "Wireless Earbuds", 150, 900),
                            line("شاحن سريع", "Fast Charger 65W", 60, 190),
                            line("ساعة ذكية", "Smart Watch", 200, 1100),
                            line("باور بانك", "Power Bank 20000mAh", 80, 220),
                            line("مكبر صوت", "Bluetooth Speaker", 120, 750),
                            line("حامل جوال للسيارة", "Car Phone Holder", 35, 95)),
                    colours()),
            new Category(
                    "Home & Kitchen",
                    false,
                    List.of(
                            line("سجادة صلاة", "Prayer Rug", 45, 220),
                            line("فناجين قهوة", "Finjan Cups, set of 12", 40, 150),
                            line("ترمس", "Thermos Flask", 50, 190),
                            line("دلة قهوة", "Dallah Coffee Pot", 80, 260),
                            line("فانوس رمضان", "Ramadan Lantern", 40, 180),
                            line("صينية تقديم", "Serving Tray", 70, 320)),
                    colours()),
            new Category(
                    "Kids",
                    false,
                    List.of(
                            line("ثوب أطفال", "Kids Thobe", 60, 140),
                            line("لعبة تعليمية", "Educational Toy", 50, 220),
                            line("حقيبة مدرسية", "School Bag", 80, 260),
                            line("قصص أطفال عربية", "Arabic Story Books, set", 40, 150),
                            line("فستان عيد للبنات", "Girls' Eid Dress", 90, 280),
                            line("عيدية مغلفة", "Eidiya Gift Envelopes", 15, 45)),
                    ages()),
            new Category(
                    "Men",
                    false,
                    List.of(
                            line("ثوب رجالي", "Men's Thobe", 150, 450),
                            line("شماغ أحمر", "Red Shemagh", 90, 380),
                            line("غترة بيضاء", "White Ghutra", 60, 220),
                            line("عقال", "Egal", 40, 150),
                            line("بشت رجالي", "Men's Bisht", 450, 1500),
                            line("نعال شرقية", "Sharqi Sandals", 120, 420)),
                    sizes()),
            new Category(
                    "Beauty",
                    false,
                    List.of(
                            line("زيت الأرغان", "Argan Oil", 45, 150),
                            line("كحل عربي", "Arabic Kohl", 20, 70),
                            line("كريم مرطب", "Moisturising Cream", 40, 190),
                            line("سدر طبيعي", "Natural Sidr Powder", 20, 60),
                            line("حناء", "Henna", 15, 55),
                            line("بودرة مسك الطهارة", "Musk Tahara Powder", 25, 80)),
                    volumes()),
            new Category(
                    "Gifts & Sweets",
                    true,
                    List.of(
                            line("شوكولاتة فاخرة", "Luxury Chocolate Box", 90, 450),
                            line("كعك العيد", "Eid Kaak", 35, 120),
                            line("سلة هدايا رمضان", "Ramadan Gift Basket", 150, 650),
                            line("حلاوة طحينية", "Halawa Tahiniya", 20, 60),
                            line("لقيمات جاهزة", "Luqaimat Mix", 15, 40),
                            line("مكسرات مشكلة", "Mixed Nuts", 40, 160)),
                    weights()));

    private AssortmentTemplates() {}

    private static Line line(String arabic, String english, int min, int max) {
        return new Line(arabic, english, min, max);
    }

    private static Variant v(String arabic, String english, int percent) {
        return new Variant(arabic, english, percent);
    }

    private static List<Variant> sizes() {
        return List.of(
                v("مقاس 52", "Size 52", 100),
                v("مقاس 54", "Size 54", 100),
                v("مقاس 56", "Size 56", 105),
                v("مقاس 58", "Size 58", 105),
                v("مقاس 60", "Size 60", 110),
                v("أسود", "Black", 100),
                v("كحلي", "Navy", 100),
                v("بيج", "Beige", 100),
                v("رمادي", "Grey", 95),
                v("عنابي", "Burgundy", 105));
    }

    private static List<Variant> weights() {
        return List.of(
                v("250 غ", "250 g", 45),
                v("500 غ", "500 g", 80),
                v("1 كغ", "1 kg", 140),
                v("3 كغ", "3 kg", 250),
                v("علبة هدية", "Gift box", 180),
                v("فاخر", "Premium", 150),
                v("عبوة عائلية", "Family pack", 180),
                v("محشي لوز", "Almond stuffed", 170),
                v("عضوي", "Organic", 130),
                v("عبوة صغيرة", "Small pack", 35));
    }

    private static List<Variant> ages() {
        return List.of(
                v("2-3 سنوات", "2-3 years", 90),
                v("4-5 سنوات", "4-5 years", 95),
                v("6-7 سنوات", "6-7 years", 100),
                v("8-9 سنوات", "8-9 years", 105),
                v("10-12 سنة", "10-12 years", 110),
                v("أزرق", "Blue", 100),
                v("وردي", "Pink", 100),
                v("أحمر", "Red", 100),
                v("أبيض", "White", 100),
                v("طقم", "Set", 170));
    }

    private static List<Variant> volumes() {
        return List.of(
                v("30 مل", "30 ml", 60),
                v("50 مل", "50 ml", 80),
                v("100 مل", "100 ml", 100),
                v("200 مل", "200 ml", 160),
                v("طبيعي", "Natural", 100),
                v("عضوي", "Organic", 130),
                v("حجم السفر", "Travel size", 50),
                v("طقم", "Set", 200),
                v("عبوة عائلية", "Family pack", 180),
                v("إصدار محدود", "Limited edition", 150));
    }

    private static List<Variant> colours() {
        return List.of(
                v("أسود", "Black", 100),
                v("أبيض", "White", 100),
                v("ذهبي", "Gold", 130),
                v("فضي", "Silver", 115),
                v("أزرق", "Blue", 100),
                v("أخضر", "Green", 100),
                v("كبير", "Large", 140),
                v("صغير", "Small", 75),
                v("إصدار 2025", "2025 edition", 120),
                v("طقم", "Set", 160));
    }
}
