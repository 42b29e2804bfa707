package io.basira.server.analytics.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.server.analytics.ClvReport;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the CLV tab shows of one report before it is formatted: the churn-risk counts, the totals, the histogram's
 * counts and the high-risk customers first in each order the list offers. Made once per report ({@link #of}: the
 * report is kept per store and data version, and the tab scanned and sorted its predictions — a million at a
 * million customers, about a second — on every view). Immutable. It holds nothing of the report but these
 * figures and the {@value ChurnRiskList#SHOWN} customers of each order (made with it, a bounded heap each): the
 * digests are kept by the report's identity, weakly, so a digest that held its report would keep every report
 * made since the start (one per data version, each with its million predictions).
 */
final class ClvDigest {

    /** The digests of the reports still in use, by report identity (dropped with the report). */
    private static final Cache<ClvReport, ClvDigest> DIGESTS =
            Caffeine.newBuilder().weakKeys().maximumSize(16).build();

    private final ClvModels models;
    private final int customers;
    private final int repeatBuyers;
    private final Map<ChurnRisk, Integer> churn;
    private final double expectedPurchases90d;
    private final BigDecimal predictedValue12m;
    private final ValueHistogram.Counts histogram;
    private final Map<String, ChurnRiskList.Top> highRisk = new HashMap<>();

    private ClvDigest(ClvReport report) {
        this.models = report.models();
        this.customers = report.summary().size();
        this.repeatBuyers = report.summary().repeatBuyers();
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
        for (ChurnRiskList.Sort by : ChurnRiskList.Sort.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                highRisk.put(key(by, ascending), ChurnRiskList.top(report.predictions(), by, ascending));
            }
        }
    }

    private static String key(ChurnRiskList.Sort by, boolean ascending) {
        return by.code() + (ascending ? " asc" : " desc");
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
        return highRisk.get(key(by, ascending));
    }

    ClvModels models() {
        return models;
    }

    /** Customers scored (the calibration's). */
    int customers() {
        return customers;
    }

    int repeatBuyers() {
        return repeatBuyers;
    }
}
