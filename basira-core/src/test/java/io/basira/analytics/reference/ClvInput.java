package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.clv.ClvTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A store's orders as the CLV models' calibration data: every counted order (pending, processing,
 * completed) up to and including the day {@code asOf}, on its store-local day, with its total in the major
 * unit. {@code asOf} is the last calibration day; {@link CalibrationSummary} merges same-day purchases,
 * counts repeat purchases by distinct days and measures T from the first purchase day to {@code asOf}
 * (a date difference, as BTYD does: a first purchase on 1997-01-01 and as-of 1997-09-30 give T = 272 days).
 */
public final class ClvInput {

    private ClvInput() {}

    public static List<ClvTransaction> transactions(StoreFacts facts, LocalDate asOf) {
        List<ClvTransaction> result = new ArrayList<>();
        for (OrderFact order : facts.orders()) {
            LocalDate day = facts.day(order);
            if (order.status().isCounted() && !day.isAfter(asOf)) {
                result.add(new ClvTransaction(order.customerId(), day, facts.money(order.totalMinor())));
            }
        }
        return result;
    }

    public static CalibrationSummary summary(StoreFacts facts, LocalDate asOf, ClvTimeUnit unit) {
        return CalibrationSummary.fromTransactions(transactions(facts, asOf), asOf, unit);
    }
}
