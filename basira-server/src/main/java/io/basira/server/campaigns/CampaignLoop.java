package io.basira.server.campaigns;

import io.basira.server.platform.jobs.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's campaign loop: every {@code poll} enrols the new abandoned carts and the one-offs whose time came, then
 * sends the due messages ({@link CampaignService#runDue}) on a thread of its own, never a writer's. Every instance on
 * one PostgreSQL runs one; the enrolments' unique key and the claims keep them from doing anything twice.
 */
public final class CampaignLoop extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(CampaignLoop.class);

    private final CampaignService campaigns;

    public CampaignLoop(CampaignService campaigns, java.time.Duration poll) {
        super("basira-campaigns", poll);
        this.campaigns = campaigns;
    }

    @Override
    protected void round() {
        CampaignService.Run run = campaigns.runDue();
        if (run.enrolled() > 0 || run.round().claimed() > 0) {
            log.info(
                    "campaigns: {} enrolled, {} due: {} sent, {} waiting, {} suppressed, {} failed, {} cancelled",
                    run.enrolled(),
                    run.round().claimed(),
                    run.round().sent(),
                    run.round().deferred(),
                    run.round().suppressed(),
                    run.round().failed(),
                    run.round().cancelled());
        }
    }

    @Override
    protected String failure() {
        return "running campaigns failed";
    }
}
