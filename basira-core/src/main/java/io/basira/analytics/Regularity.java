package io.basira.analytics;

import java.util.Locale;

/**
 * How even the gaps between a buyer's purchase days are. With gaps g₁…gₖ (whole days between consecutive
 * distinct purchase days) and their coefficient of variation CV = population standard deviation / mean:
 * {@link #ONE_TIME} with one purchase day, {@link #REGULAR} with at least three purchase days and
 * CV &le; {@value #MAX_REGULAR_CV}, {@link #IRREGULAR} otherwise (two purchase days included: one gap
 * cannot show a rhythm).
 */
public enum Regularity {
    ONE_TIME,
    REGULAR,
    IRREGULAR;

    public static final double MAX_REGULAR_CV = 0.5;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
