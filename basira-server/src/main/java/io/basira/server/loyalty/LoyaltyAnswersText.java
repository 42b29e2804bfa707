package io.basira.server.loyalty;

import io.basira.server.loyalty.api.LoyaltyAnswers.CustomerAnswer;
import io.basira.server.loyalty.api.LoyaltyAnswers.EntryAnswer;
import io.basira.server.loyalty.api.LoyaltyAnswers.RedemptionAnswer;

/**
 * A customer's loyalty as the command line prints it: the standing, then the ledger, one entry a line; a
 * {@code redemption} entry committed by an order ends with "used by order ID".
 */
public final class LoyaltyAnswersText {

    private LoyaltyAnswersText() {}

    public static String of(CustomerAnswer c) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                "customer %s: %d points available, %d pending, %d lifetime, tier %s, %d expiring" + " within 30 days%n",
                c.customerId(),
                c.points(),
                c.pending(),
                c.lifetimePoints(),
                c.tier() == null ? "none" : c.tier(),
                c.pointsExpiring30d()));
        for (EntryAnswer e : c.ledger()) {
            text.append(String.format(
                    "  %s  %-10s %-24s %+8d%s%s%s%n",
                    e.recordedAt(),
                    e.cause(),
                    e.ref(),
                    e.points(),
                    e.shortfall() > 0 ? " (" + e.shortfall() + " already spent)" : "",
                    e.reason() == null ? "" : "  " + (e.actor() == null ? "" : e.actor() + ": ") + e.reason(),
                    usedBy(c, e)));
        }
        return text.toString();
    }

    private static String usedBy(CustomerAnswer c, EntryAnswer e) {
        if (!"redemption".equals(e.cause())) {
            return "";
        }
        RedemptionAnswer r = c.redemption(e.ref());
        return r == null || r.orderId() == null
                ? ""
                : "  used by order " + r.orderId() + " (" + r.orderCreatedAt() + ")";
    }
}
