package io.basira.server.campaigns;

import io.basira.campaigns.NewEnrolment;
import io.basira.events.CampaignsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.server.campaigns.jdbc.JdbcEnrolments;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: stores the enrolments a trigger planned, each once ({@link JdbcEnrolments#insertNew}), and publishes
 * the new ones as {@link CampaignsChanged#enrolled} in the same transaction (the webhook {@code campaign.enrolled}):
 * an enrolment planned twice — a second instance, a retried event, the next round — is neither stored nor told
 * again. At most {@value #PER_EVENT} enrolments per event, so a one-off to a large group stays many small events.
 * An order of the customer already recorded after the trigger converts the new enrolment at once
 * ({@link RecordConversions#enrolled}).
 */
@UseCase
public final class EnrolCustomers {

    static final int PER_EVENT = 1000;

    private final JdbcEnrolments enrolments;
    private final RecordConversions conversions;
    private final TransactionTemplate transaction;
    private final DomainEvents events;

    public EnrolCustomers(
            JdbcEnrolments enrolments,
            RecordConversions conversions,
            TransactionTemplate transaction,
            DomainEvents events) {
        this.enrolments = enrolments;
        this.conversions = conversions;
        this.transaction = transaction;
        this.events = events;
    }

    /** @return how many of {@code planned} were new */
    public int enrol(StoreId store, List<NewEnrolment> planned, Instant now) {
        if (planned.isEmpty()) {
            return 0;
        }
        Integer written = transaction.execute(status -> {
            List<NewEnrolment> fresh = enrolments.insertNew(store, planned, now);
            for (int from = 0; from < fresh.size(); from += PER_EVENT) {
                List<CampaignsChanged.Enrolled> told = new ArrayList<>();
                for (NewEnrolment e : fresh.subList(from, Math.min(fresh.size(), from + PER_EVENT))) {
                    told.add(new CampaignsChanged.Enrolled(
                            e.campaignId(),
                            e.customerId(),
                            e.triggerKey(),
                            e.arm().code(),
                            e.startedAt(),
                            e.dueAt()));
                }
                events.publish(new CampaignsChanged(store, told, List.of()));
            }
            if (!fresh.isEmpty()) {
                conversions.enrolled(
                        store,
                        fresh.stream().map(NewEnrolment::customerId).distinct().toList());
            }
            return fresh.size();
        });
        return written == null ? 0 : written;
    }
}
