package io.basira.analytics.clv;

/**
 * A customer's churn risk band. With the fitted BG/NBD model it comes from P(alive) and the thresholds
 * of {@link ScoringOptions} (defaults: LOW when P(alive) &gt;= 0.7, HIGH when &lt; 0.3, MEDIUM between).
 * In the fallback it comes from the time since the last purchase against the store's mean time between
 * repeat purchases (LOW under one gap, MEDIUM under three, HIGH beyond); UNKNOWN when nobody in the
 * store has bought twice.
 */
public enum ChurnRisk {
    LOW,
    MEDIUM,
    HIGH,
    UNKNOWN;

    /** The published code ({@code high}). */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
