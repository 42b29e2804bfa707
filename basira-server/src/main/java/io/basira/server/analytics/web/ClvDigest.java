package io.basira.server.analytics.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.server.analytics.ClvReport;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the CLV tab shows of one report before it is formatted: the churn-risk counts, the totals, the histogram's
 * counts and the high-risk customers first in each order the list offers. Made once per report ({@link #of}: the
 * report is kept per store and data version, and the tab scanned and sorted its predictions — a million at a
 * million customers, about a second — on every view). Immutable once made; the lists per order are made when
 * first asked.
 */
final class ClvDigest {

    /** The digests of the reports still in use, by report identity (a report is dropped with its last user). */
    private static final Cache<ClvReport, ClvDigest> DIGESTS =
            Caffeine.newBuilder().weakKeys().maximumSize(32).build();

    private final ClvReport report;
    private final Map<ChurnRisk, Integer> churn;
    private final double expectedPurchases90d;
    private final BigDecimal predictedValue12m;
    private final ValueHistogram.Counts histogram;
    private final Map<String, ChurnRiskList.Top> highRisk = new ConcurrentHashMap<>();

    private ClvDigest(ClvReport report) {
        this.report = report;
        Map<ChurnRisk, Integer> counts = new EnumMap<>(ChurnRisk.class);
        for (ChurnRisk r : ChurnRisk.values()) {
            counts.put(r, 0);
        }
        double purchases = 0;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal[] values = new BigDecimal[report.predictions().size()];
        int i = 0;
        for (CustomerPrediction p : report.predictions()) {
            counts.merge(p.churnRisk(), 1, Integer::sum);
            purchases += p.expectedPurchases90Days();
            value = value.add(p.predictedValue12Months());
            values[i++] = p.predictedValue12Months();
        }
        this.churn = Collections.unmodifiableMap(counts);
        this.expectedPurchases90d = purchases;
        this.predictedValue12m = value;
        this.histogram = ValueHistogram.Counts.of(values);
    }

    /** The digest of {@code report}: made on the first call for it, the same object after. */
    static ClvDigest of(ClvReport report) {
        return DIGESTS.get(report, ClvDigest::new);
    }

    /** Customers per churn risk, every risk present. */
    Map<ChurnRisk, Integer> churn() {
        return churn;
    }

    double expectedPurchases90d() {
        return expectedPurchases90d;
    }

    BigDecimal predictedValue12m() {
        return predictedValue12m;
    }

    ValueHistogram.Counts histogram() {
        return histogram;
    }

    /** The high-risk customers first in this order ({@link ChurnRiskList#top}), and how many there are. */
    ChurnRiskList.Top highRisk(ChurnRiskList.Sort by, boolean ascending) {
        return highRisk.computeIfAbsent(
                by.code() + (ascending ? " asc" : " desc"),
                key -> ChurnRiskList.top(report.predictions(), by, ascending));
    }

    ClvReport report() {
        return report;
    }
}
