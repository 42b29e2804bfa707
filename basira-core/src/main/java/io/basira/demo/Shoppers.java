package io.basira.demo;

import io.basira.demo.OrderAllocation.Draw;
import io.basira.demo.OrderAllocation.Kind;
import io.basira.demo.PersonNames.Name;
import io.basira.demo.Places.City;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes the customers: names in Arabic script (55%), in Latin transliteration (40%, a quarter of them
 * with a variant spelling such as "Al-Otaibi") or expatriate names (5%); gender known for 85%; birth
 * date for 60%; Saudi cities by population weight, 7% in the other Gulf states; e-mails (90%) and
 * mobile numbers (80%); tags. Sign-up is drawn from the shopping calendar, earlier for repeat buyers.
 */
final class Shoppers {

    /** Payment methods by share of orders. */
    static final Weighted<String> PAYMENTS = Weighted.<String>builder()
            .add("mada", 30)
            .add("apple_pay", 20)
            .add("credit_card", 18)
            .add("cod", 10)
            .add("stc_pay", 7)
            .add("tabby", 7)
            .add("tamara", 4)
            .add("bank_transfer", 4)
            .build();

    private static final Weighted<String> MAIL_DOMAINS = Weighted.<String>builder()
            .add("gmail.com", 50)
            .add("hotmail.com", 20)
            .add("outlook.com", 10)
            .add("icloud.com", 12)
            .add("yahoo.com", 8)
            .build();
    private static final int[] FEMALE_FAVOURITES =
            Assortment.categoryIndexes("Abayas", "Beauty", "Perfumes & Oud", "Kids");
    private static final int[] MALE_FAVOURITES =
            Assortment.categoryIndexes("Men", "Electronics", "Perfumes & Oud", "Coffee & Tea");

    private final ShoppingCalendar calendar;

    Shoppers(ShoppingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Customer number {@code index} (0-based), drawing from its own generator after its {@link Draw}. */
    Shopper make(int index, SplittableRandom random, Draw draw, int orders) {
        boolean female = random.nextInt(100) < 48;
        int style = random.nextInt(100);
        String[] names = style < 55
                ? arabicName(random, female)
                : style < 95 ? latinName(random, female) : expatName(random, female);
        City city = random.nextInt(100) < 93 ? Places.SAUDI.pick(random) : Places.GULF.pick(random);
        boolean nonSerious = orders > 0 && random.nextInt(100) < 5;
        boolean wholesale = random.nextInt(1000) < 12;
        List<String> tags = tags(random, draw, wholesale);
        String[] place = place(random, city);
        return new Shopper(
                "C" + (100_001 + index),
                names[0],
                random.nextInt(100) < 4 ? null : names[1],
                random.nextInt(100) < 90 ? email(random, names[2], names[3], index) : null,
                random.nextInt(100) < 80 ? phone(random, city.country()) : null,
                random.nextInt(100) < 15 ? null : female ? "female" : "male",
                random.nextInt(100) < 60 ? birthDate(random) : null,
                place[0],
                place[1],
                city.country(),
                signup(random, draw.kind(), orders),
                tags,
                orders,
                nonSerious,
                wholesale,
                random.nextInt(100) < 10,
                nonSerious && random.nextBoolean() ? "cod" : PAYMENTS.pick(random),
                favourite(random, female));
    }

    /** [first, last, latin first, latin last]; the Latin pair builds the e-mail address. */
    private static String[] arabicName(SplittableRandom random, boolean female) {
        Name first = pick(random, female ? PersonNames.FEMALE : PersonNames.MALE);
        Name family = pick(random, PersonNames.FAMILY);
        return new String[] {first.arabic(), family.arabic(), first.latin(), family.latin()};
    }

    private static String[] latinName(SplittableRandom random, boolean female) {
        Name first = pick(random, female ? PersonNames.FEMALE : PersonNames.MALE);
        Name family = pick(random, PersonNames.FAMILY);
        boolean variant = random.nextInt(4) == 0;
        return new String[] {
            variant ? first.latinVariant() : first.latin(),
            variant ? family.latinVariant() : family.latin(),
            first.latin(),
            family.latin()
        };
    }

    private static String[] expatName(SplittableRandom random, boolean female) {
        String first = pick(random, female ? PersonNames.EXPAT_FEMALE : PersonNames.EXPAT_MALE);
        String last = pick(random, PersonNames.EXPAT_FAMILY);
        return new String[] {first, last, first, last};
    }

    /** Unique because the customer number is part of every pattern. */
    private static String email(SplittableRandom random, String first, String last, int index) {
        String f = first.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String l = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        int number = index + 1;
        String local = switch (random.nextInt(4)) {
            case 0 -> f + "." + l + number;
            case 1 -> f + "_" + number;
            case 2 -> f.charAt(0) + "." + l + number;
            default -> l + "." + f + number;
        };
        return local + "@" + MAIL_DOMAINS.pick(random);
    }

    private static String phone(SplittableRandom random, String country) {
        StringBuilder phone = new StringBuilder(Places.mobilePrefix(country));
        for (int i = 0; i < Places.mobileDigits(country); i++) {
            phone.append((char) ('0' + random.nextInt(10)));
        }
        return phone.toString();
    }

    private LocalDate birthDate(SplittableRandom random) {
        LocalDate asOf = LocalTimes.dateOf(calendar.end());
        int age = 18 + (int) Math.min(50, Math.abs(gaussian(random)) * 13);
        return asOf.minusYears(age).minusDays(random.nextInt(365));
    }

    /** [city, region]: Arabic 40%, English 55%, no city 5%; the region (Saudi only, 75%) in the same script. */
    private static String[] place(SplittableRandom random, City city) {
        int script = random.nextInt(100);
        boolean region = !city.regionEnglish().isEmpty() && random.nextInt(100) < 75;
        if (script < 40) {
            return new String[] {city.arabic(), region ? city.regionArabic() : null};
        }
        return new String[] {script < 95 ? city.english() : null, region ? city.regionEnglish() : null};
    }

    /** Repeat buyers sign up earlier (the earlier of two draws); buyers sign up at least 6 hours before the end. */
    private long signup(SplittableRandom random, Kind kind, int orders) {
        long signup = calendar.draw(random);
        if (kind == Kind.REPEAT) {
            signup = Math.min(signup, calendar.draw(random));
        }
        return orders > 0 ? Math.min(signup, calendar.end() - 6 * LocalTimes.HOUR) : signup;
    }

    private static List<String> tags(SplittableRandom random, Draw draw, boolean wholesale) {
        List<String> tags = new ArrayList<>(2);
        if (draw.appetite() > 3 && random.nextInt(100) < 70) {
            tags.add(random.nextInt(100) < 30 ? "عميل مميز" : "vip");
        }
        if (wholesale) {
            tags.add(random.nextBoolean() ? "wholesale" : "جملة");
        }
        if (random.nextInt(1000) < 5) {
            tags.add(random.nextBoolean() ? "influencer" : "مشهور");
        }
        if (random.nextInt(100) < 15) {
            tags.add("newsletter");
        }
        return List.copyOf(tags);
    }

    private static int favourite(SplittableRandom random, boolean female) {
        int[] favourites = female ? FEMALE_FAVOURITES : MALE_FAVOURITES;
        return random.nextInt(100) < 70
                ? favourites[random.nextInt(favourites.length)]
                : random.nextInt(AssortmentTemplates.CATEGORIES.size());
    }

    /** A standard normal by Box–Muller from two uniforms (stable across JDKs, unlike nextGaussian). */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
