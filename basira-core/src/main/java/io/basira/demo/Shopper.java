package io.basira.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * One demo customer as written to customers.csv, plus the traits that steer their activity. Nullable
 * text fields are written empty.
 *
 * @param signup created_at, a local second (see {@link LocalTimes})
 * @param orders how many orders this customer places (from {@link OrderAllocation})
 * @param nonSerious cancels about half of their orders
 * @param couponKeen uses coupons about three times as often as others
 * @param favouriteCategory index into {@link AssortmentTemplates#CATEGORIES}
 */
record Shopper(
        String id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String gender,
        LocalDate birthDate,
        String city,
        String region,
        String country,
        long signup,
        List<String> tags,
        int orders,
        boolean nonSerious,
        boolean wholesale,
        boolean couponKeen,
        String preferredPayment,
        int favouriteCategory) {

    boolean international() {
        return !"SA".equals(country);
    }
}
