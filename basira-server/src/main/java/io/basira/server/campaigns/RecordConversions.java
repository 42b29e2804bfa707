package io.basira.server.campaigns;

import io.basira.events.CampaignsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.OrdersRecorded;
import io.basira.events.UseCase;
import io.basira.server.campaigns.jdbc.JdbcEnrolments;
import io.basira.shared.StoreId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: orders were recorded; each enrolment they convert is marked converted and told as
 * {@link CampaignsChanged#converted} in the same transaction (the webhook {@code campaign.converted}).
 *
 * <p>An enrolment is converted by the first order of its customer — not cancelled, returned or a quotation — placed
 * after its trigger and within its campaign's attribution window, on either side (treatment or control: the lift is
 * measured on both). It is converted once: the conditional mark ({@link JdbcEnrolments#markConverted}) lets one
 * call win, so an event told twice or handled by two instances tells nothing the second time. One fact per campaign,
 * customer and order, naming the triggers it converted. An order cancelled later does not take a conversion back.
 *
 * <p>Both ways round: orders recorded look at their customers' enrolments ({@link #ordersRecorded}), and enrolments
 * just stored look at their customers' orders ({@link #enrolled}, from {@link EnrolCustomers}), so an order recorded
 * before the enrolment (placed after the trigger: the enrolling round came later) converts it too.
 */
@UseCase
public final class RecordConversions {

    static final int CHUNK = 500;
    /** Order statuses that are not a purchase (the report's rule too). */
    static final Set<String> NOT_PURCHASES = Set.of("cancelled", "returned", "quotation");

    private final JdbcEnrolments enrolments;
    private final TransactionTemplate transaction;
    private final DomainEvents events;

    public RecordConversions(JdbcEnrolments enrolments, TransactionTemplate transaction, DomainEvents events) {
        this.enrolments = enrolments;
        this.transaction = transaction;
        this.events = events;
    }

    /** @return how many enrolments the orders converted */
    public int ordersRecorded(OrdersRecorded recorded) {
        List<String> orders = new ArrayList<>();
        for (OrdersRecorded.Recorded order : recorded.orders()) {
            if (!NOT_PURCHASES.contains(order.statusAfter())) {
                orders.add(order.orderId());
            }
        }
        if (orders.isEmpty() || !enrolments.any(recorded.store())) {
            return 0;
        }
        int converted = 0;
        for (int from = 0; from < orders.size(); from += CHUNK) {
            List<String> chunk = orders.subList(from, Math.min(orders.size(), from + CHUNK));
            Integer marked = transaction.execute(
                    status -> convert(recorded.store(), enrolments.conversionCandidates(recorded.store(), chunk)));
            converted += marked == null ? 0 : marked;
        }
        return converted;
    }

    /**
     * Enrolments just stored: an order of their customers recorded before them (placed after the trigger, within the
     * window) converts them now. Called in the enrolling transaction.
     */
    int enrolled(StoreId store, List<String> customerIds) {
        int converted = 0;
        for (int from = 0; from < customerIds.size(); from += CHUNK) {
            converted += convert(
                    store,
                    enrolments.conversionCandidatesOfCustomers(
                            store, customerIds.subList(from, Math.min(customerIds.size(), from + CHUNK))));
        }
        return converted;
    }

    /** Marks the candidates (oldest order first) and tells what this call marked; in the caller's transaction. */
    private int convert(StoreId store, List<JdbcEnrolments.Candidate> candidates) {
        Set<Long> seen = new HashSet<>();
        Map<String, List<JdbcEnrolments.Candidate>> byOrder = new LinkedHashMap<>();
        for (JdbcEnrolments.Candidate c : candidates) {
            boolean inWindow = !c.orderedAt().isAfter(c.startedAt().plus(Duration.ofDays(c.attributionDays())));
            // candidates come oldest order first: an enrolment's first order in its window converts it
            if (inWindow
                    && seen.add(c.enrolmentId())
                    && enrolments.markConverted(c.enrolmentId(), c.orderId(), c.orderedAt())) {
                byOrder.computeIfAbsent(
                                c.campaignId() + "\u0000" + c.customerId() + "\u0000" + c.orderId(),
                                k -> new ArrayList<>())
                        .add(c);
            }
        }
        if (byOrder.isEmpty()) {
            return 0;
        }
        List<CampaignsChanged.Converted> told = new ArrayList<>();
        int marked = 0;
        for (List<JdbcEnrolments.Candidate> same : byOrder.values()) {
            JdbcEnrolments.Candidate first = same.get(0);
            told.add(new CampaignsChanged.Converted(
                    first.campaignId(),
                    first.customerId(),
                    first.arm().code(),
                    first.orderId(),
                    first.orderedAt(),
                    same.stream().map(JdbcEnrolments.Candidate::triggerKey).toList()));
            marked += same.size();
        }
        events.publish(new CampaignsChanged(store, List.of(), told));
        return marked;
    }
}
