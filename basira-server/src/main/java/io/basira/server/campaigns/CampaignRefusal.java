package io.basira.server.campaigns;

/** A campaign cannot do what was asked in its present status (409 in the API). */
public final class CampaignRefusal extends RuntimeException {

    public CampaignRefusal(String message) {
        super(message);
    }
}
