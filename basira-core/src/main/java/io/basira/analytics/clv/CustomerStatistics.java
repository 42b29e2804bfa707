package io.basira.analytics.clv;

/**
 * The sufficient statistics of one customer's calibration history, in the summary's time unit.
 *
 * @param x repeat transactions: distinct purchase days after the first one, up to the calibration end
 * @param tx time from the first purchase to the last repeat purchase (0 when {@code x == 0})
 * @param bigT time from the first purchase to the calibration end ({@code T}), {@code >= tx}
 * @param mx mean value of the repeat transactions (merged day totals), 0 when {@code x == 0}
 */
public record CustomerStatistics(String customerId, int x, double tx, double bigT, double mx) {

    public CustomerStatistics {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customer statistics without a customer id");
        }
        String where = "customer " + customerId + ": ";
        if (x < 0) {
            throw new IllegalArgumentException(where + "x must be >= 0, was " + x);
        }
        if (!(tx >= 0) || !(bigT >= tx) || Double.isInfinite(bigT)) {
            throw new IllegalArgumentException(where + "need 0 <= t_x <= T (finite), got t_x=" + tx + ", T=" + bigT);
        }
        if (x == 0 && tx != 0) {
            throw new IllegalArgumentException(where + "t_x must be 0 when x is 0, was " + tx);
        }
        if (!(mx >= 0) || Double.isInfinite(mx)) {
            throw new IllegalArgumentException(where + "m_x must be a finite amount >= 0, was " + mx);
        }
    }
}
