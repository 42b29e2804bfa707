package io.basira.campaigns;

import java.util.Locale;

/**
 * A campaign's life: a draft is edited and enrols no one; an active campaign enrols and sends; a paused one
 * keeps its enrolments waiting (nothing is sent, nothing new enrolled); a finished one never sends again.
 */
public enum CampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    FINISHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed codes */
    public static CampaignStatus fromCode(String code) {
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (CampaignStatus status : values()) {
            if (status.code().equals(normal)) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "unknown campaign status '" + code + "', expected one of draft, active, paused, finished");
    }
}
