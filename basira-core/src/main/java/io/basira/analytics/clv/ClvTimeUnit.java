package io.basira.analytics.clv;

/**
 * The unit in which the CLV models measure time (t_x, T, horizons) and in which their rate parameters
 * (BG/NBD and Pareto/NBD alpha, Pareto/NBD beta) are expressed. A week is exactly seven days.
 */
public enum ClvTimeUnit {
    DAYS(1),
    WEEKS(7);

    private final int days;

    ClvTimeUnit(int days) {
        this.days = days;
    }

    /** {@code days} expressed in this unit (fractional for weeks). */
    public double fromDays(double days) {
        return days / this.days;
    }

    /** The JSON name ({@code "days"} or {@code "weeks"}). */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
