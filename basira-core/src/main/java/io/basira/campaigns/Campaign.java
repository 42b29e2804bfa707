package io.basira.campaigns;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One campaign of a store (docs/campaigns.md, "Campaigns"): what sets it off ({@link CampaignKind}), how its
 * message goes ({@link Channel}, {@link Purpose}, the Arabic and English {@link MessageTemplate}), the share of
 * customers kept back as its control group, the attribution window of its report, and the settings of its kind.
 *
 * @param id                0 before it is stored
 * @param controlPercent    the control group's share, 0 to 90 (default {@value #DEFAULT_CONTROL_PERCENT})
 * @param attributionDays   an order within this many days of enrolment counts as a conversion, 1 to 90
 *                          (default {@value #DEFAULT_ATTRIBUTION_DAYS})
 * @param firstDelay        abandoned cart: the first reminder this long after abandonment (default 1 hour)
 * @param secondDelay       abandoned cart: the second reminder this long after the first (default 12 hours); null:
 *                          no second reminder
 * @param inactiveDays      win-back: customers whose last purchase is this many days old (default 90)
 * @param groups            one-off and group entry: the groups' keys (at least one)
 * @param scheduledAt       one-off: when it goes; null: as soon as it is activated
 * @param discount          null: no discount code
 * @param surveyQuestion    null: no survey link
 * @param activatedAt       when it was last activated (null: never); triggers before then are not followed
 */
public record Campaign(
        long id,
        String name,
        CampaignKind kind,
        CampaignStatus status,
        Channel channel,
        Purpose purpose,
        MessageTemplate template,
        int controlPercent,
        int attributionDays,
        Duration firstDelay,
        Duration secondDelay,
        int inactiveDays,
        List<String> groups,
        Instant scheduledAt,
        Discount discount,
        String surveyQuestion,
        Instant activatedAt) {

    public static final int DEFAULT_CONTROL_PERCENT = 10;
    public static final int DEFAULT_ATTRIBUTION_DAYS = 7;
    public static final Duration DEFAULT_FIRST_DELAY = Duration.ofHours(1);
    public static final Duration DEFAULT_SECOND_DELAY = Duration.ofHours(12);
    public static final int DEFAULT_INACTIVE_DAYS = 90;
    public static final int MAX_NAME = 200;
    public static final int MAX_QUESTION = 500;
    public static final int MAX_GROUPS = 20;

    public Campaign {
        if (name == null || name.isBlank()) {
            throw new InvalidCampaign("name", InvalidCampaign.Reason.REQUIRED, "name: required");
        }
        InvalidCampaign.requireLine(name, "name", MAX_NAME);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(template, "template");
        InvalidCampaign.requireRange(
                controlPercent, 0, 90, "control_percent", "control_percent " + controlPercent + " is outside 0 to 90");
        InvalidCampaign.requireRange(
                attributionDays,
                1,
                90,
                "attribution_days",
                "attribution_days " + attributionDays + " is outside 1 to 90");
        firstDelay = firstDelay == null ? DEFAULT_FIRST_DELAY : firstDelay;
        InvalidCampaign.requireRange(
                firstDelay.toMinutes(),
                5,
                Duration.ofDays(7).toMinutes(),
                "first_delay_minutes",
                "first_delay_minutes " + firstDelay.toMinutes() + " is outside 5 minutes to 7 days");
        if (secondDelay != null) {
            InvalidCampaign.requireRange(
                    secondDelay.toMinutes(),
                    5,
                    Duration.ofDays(14).toMinutes(),
                    "second_delay_minutes",
                    "second_delay_minutes " + secondDelay.toMinutes() + " is outside 5 minutes to 14 days");
        }
        InvalidCampaign.requireRange(
                inactiveDays, 1, 3650, "inactive_days", "inactive_days " + inactiveDays + " is outside 1 to 3650");
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (groups.size() > MAX_GROUPS) {
            throw new InvalidCampaign(
                    "groups",
                    InvalidCampaign.Reason.TOO_MANY_GROUPS,
                    "groups: at most " + MAX_GROUPS + ", got " + groups.size(),
                    MAX_GROUPS,
                    groups.size());
        }
        if ((kind == CampaignKind.ONE_OFF || kind == CampaignKind.GROUP_ENTRY) && groups.isEmpty()) {
            throw new InvalidCampaign(
                    "groups",
                    InvalidCampaign.Reason.NEEDS_GROUP,
                    "groups: a " + kind.code() + " campaign needs at least one group");
        }
        if (surveyQuestion != null) {
            surveyQuestion = surveyQuestion.strip();
            if (surveyQuestion.isEmpty()) {
                surveyQuestion = null;
            } else {
                InvalidCampaign.requireLine(surveyQuestion, "survey_question", MAX_QUESTION);
            }
        }
    }

    /** The same campaign in another status, activated at {@code at} when it becomes active. */
    public Campaign withStatus(CampaignStatus next, Instant at) {
        Instant activated = next == CampaignStatus.ACTIVE && status != CampaignStatus.ACTIVE ? at : activatedAt;
        return new Campaign(
                id,
                name,
                kind,
                next,
                channel,
                purpose,
                template,
                controlPercent,
                attributionDays,
                firstDelay,
                secondDelay,
                inactiveDays,
                groups,
                scheduledAt,
                discount,
                surveyQuestion,
                activated);
    }

    public Campaign withId(long newId) {
        return new Campaign(
                newId,
                name,
                kind,
                status,
                channel,
                purpose,
                template,
                controlPercent,
                attributionDays,
                firstDelay,
                secondDelay,
                inactiveDays,
                groups,
                scheduledAt,
                discount,
                surveyQuestion,
                activatedAt);
    }

    /** The status change is allowed: draft → active; active ↔ paused; any but finished → finished. */
    public static boolean canMove(CampaignStatus from, CampaignStatus to) {
        return switch (to) {
            case DRAFT -> false;
            case ACTIVE -> from == CampaignStatus.DRAFT || from == CampaignStatus.PAUSED;
            case PAUSED -> from == CampaignStatus.ACTIVE;
            case FINISHED -> from != CampaignStatus.FINISHED;
        };
    }
}
