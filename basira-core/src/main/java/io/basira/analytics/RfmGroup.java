package io.basira.analytics;

import java.util.Locale;

/**
 * The named RFM groups (Shopify's eleven names). A buyer's group is read from the grid of her recency score
 * R and her FM score = (F + M) / 2 rounded half-up, see {@link #of(int, int, int)} and docs/analytics.md.
 * {@link #PROSPECTS} are customers without a counted order in the period.
 */
public enum RfmGroup {
    CHAMPIONS,
    LOYAL,
    ACTIVE,
    NEW,
    PROMISING,
    NEEDS_ATTENTION,
    AT_RISK,
    ALMOST_LOST,
    PREVIOUSLY_LOYAL,
    DORMANT,
    PROSPECTS;

    private static final RfmGroup[][] GRID = {
        // FM:  1            2            3                4                 5          R
        {DORMANT, DORMANT, ALMOST_LOST, PREVIOUSLY_LOYAL, PREVIOUSLY_LOYAL}, // 1
        {ALMOST_LOST, ALMOST_LOST, AT_RISK, AT_RISK, AT_RISK}, // 2
        {NEEDS_ATTENTION, NEEDS_ATTENTION, NEEDS_ATTENTION, LOYAL, LOYAL}, // 3
        {PROMISING, PROMISING, ACTIVE, LOYAL, CHAMPIONS}, // 4
        {NEW, NEW, ACTIVE, CHAMPIONS, CHAMPIONS}, // 5
    };

    /** The group of scores R, F, M (each 1–5). */
    public static RfmGroup of(int recency, int frequency, int monetary) {
        check(recency, "recency");
        check(frequency, "frequency");
        check(monetary, "monetary");
        return GRID[recency - 1][fm(frequency, monetary) - 1];
    }

    /** (F + M) / 2 rounded half-up: 1–5. */
    public static int fm(int frequency, int monetary) {
        return (frequency + monetary + 1) / 2;
    }

    /** The published name: lower case with underscores ({@code needs_attention}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static void check(int score, String name) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " score must be 1-5, was " + score);
        }
    }
}
