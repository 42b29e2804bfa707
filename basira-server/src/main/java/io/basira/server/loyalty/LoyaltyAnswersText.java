package io.basira.server.loyalty;

import io.basira.server.loyalty.LoyaltyAnswers.CustomerAnswer;
import io.basira.server.loyalty.LoyaltyAnswers.EntryAnswer;

/** A customer's loyalty as the command line prints it: the standing, then the ledger, one entry a line. */
public final class LoyaltyAnswersText {

    private LoyaltyAnswersText() {}

    public static String of(CustomerAnswer c) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("customer %s: %d points available, %d pending, %d lifetime, tier %s, %d expiring"
                + " within 30 days%n", c.customerId(), c.points(), c.pending(), c.lifetimePoints(),
                c.tier() == null ? "none" : c.tier(), c.pointsExpiring30d()));
        for (EntryAnswer e : c.ledger()) {
            text.append(String.format("  %s  %-10s %-24s %+8d%s%s%n", e.recordedAt(), e.cause(), e.ref(), e.points(),
                    e.shortfall() > 0 ? " (" + e.shortfall() + " already spent)" : "",
                    e.reason() == null ? "" : "  " + (e.actor() == null ? "" : e.actor() + ": ") + e.reason()));
        }
        return text.toString();
    }
}
