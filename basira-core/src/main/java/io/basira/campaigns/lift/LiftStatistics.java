package io.basira.campaigns.lift;

/**
 * The lift of a campaign's conversion rate with its 95 % confidence interval: the delta method on the log of the
 * rate ratio (Katz et al., 1978). With p̂ = x / n on each side, r̂ = p̂ₜ / p̂꜀, the standard error of ln r̂ is
 * √((1 − p̂ₜ) / xₜ + (1 − p̂꜀) / x꜀); the interval exp(ln r̂ ± 1.96 · se) − 1 is the lift's. The log scale keeps
 * the interval inside (−1, ∞) and its coverage close to 95 % for the small rates of campaigns, where the delta
 * method on the raw ratio is too narrow on the upper side; {@code LiftStatisticsTest} checks the coverage by
 * simulation. Fieller's interval is close to it at these sizes but can be unbounded; this one never is.
 *
 * <p>A side with fewer than {@value #MIN_RECIPIENTS} recipients or {@value #MIN_CONVERSIONS} conversions is too
 * small: the normal approximation is not trusted and no interval is given.
 */
public final class LiftStatistics {

    public static final int MIN_RECIPIENTS = 30;
    public static final int MIN_CONVERSIONS = 5;
    static final double Z95 = 1.959963984540054;

    private LiftStatistics() {}

    public static LiftReport report(ArmResult treatment, ArmResult control) {
        java.math.BigDecimal revenue =
                treatment.revenuePerRecipientMinor().subtract(control.revenuePerRecipientMinor());
        if (control.recipients() == 0) {
            return new LiftReport(treatment, control, null, null, null, revenue, Verdict.NO_CONTROL);
        }
        Double lift = control.conversions() == 0 ? null : treatment.conversionRate() / control.conversionRate() - 1;
        if (treatment.recipients() < MIN_RECIPIENTS
                || control.recipients() < MIN_RECIPIENTS
                || treatment.conversions() < MIN_CONVERSIONS
                || control.conversions() < MIN_CONVERSIONS) {
            return new LiftReport(treatment, control, lift, null, null, revenue, Verdict.TOO_SMALL);
        }
        double[] interval =
                interval(treatment.recipients(), treatment.conversions(), control.recipients(), control.conversions());
        Verdict verdict =
                interval[0] > 0 ? Verdict.POSITIVE : interval[1] < 0 ? Verdict.NEGATIVE : Verdict.NOT_SIGNIFICANT;
        return new LiftReport(treatment, control, lift, interval[0], interval[1], revenue, verdict);
    }

    /** The 95 % interval of the relative lift; both sides need conversions. @return {lower, upper} */
    public static double[] interval(long nT, long xT, long nC, long xC) {
        if (xT == 0 || xC == 0) {
            throw new IllegalArgumentException("an interval needs conversions on both sides");
        }
        double pT = xT / (double) nT;
        double pC = xC / (double) nC;
        double logRatio = Math.log(pT / pC);
        double se = Math.sqrt((1 - pT) / xT + (1 - pC) / xC);
        return new double[] {Math.exp(logRatio - Z95 * se) - 1, Math.exp(logRatio + Z95 * se) - 1};
    }
}
