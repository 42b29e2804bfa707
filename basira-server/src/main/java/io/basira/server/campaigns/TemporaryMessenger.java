package io.basira.server.campaigns;

import io.basira.campaigns.MessageRequest;
import io.basira.campaigns.Messenger;
import io.basira.campaigns.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY: the {@link Messenger} until the channels (io.basira.server.messaging) are merged; deleted then. Sends
 * nothing and answers {@code Suppressed(CHANNEL_NOT_CONFIGURED)}, so enrolments are settled with that reason and the
 * report shows it. Logs only the campaign and trigger (no address, no text).
 */
@Component
public class TemporaryMessenger implements Messenger {

    private static final Logger log = LoggerFactory.getLogger(TemporaryMessenger.class);

    @Override
    public SendOutcome send(MessageRequest request) {
        log.debug("no channel yet: campaign {} trigger {} suppressed", request.campaignId(), request.triggerKey());
        return new SendOutcome.Suppressed(SendOutcome.SuppressReason.CHANNEL_NOT_CONFIGURED);
    }
}
