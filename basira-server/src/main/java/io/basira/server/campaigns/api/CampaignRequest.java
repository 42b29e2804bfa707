package io.basira.server.campaigns.api;

import io.basira.campaigns.Campaign;
import io.basira.campaigns.CampaignKind;
import io.basira.campaigns.CampaignStatus;
import io.basira.campaigns.Channel;
import io.basira.campaigns.Discount;
import io.basira.campaigns.InvalidCampaign;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.TemplateText;
import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A campaign as the API takes it ({@code POST /api/v1/campaigns}, {@code PUT /api/v1/campaigns/{id}}) and the
 * dashboard's builder sends it. Absent numbers take the defaults of docs/campaigns.md; what the constraints here do
 * not say (ranges, the groups a kind needs) the core's {@link Campaign} refuses, naming the field (400): every refusal
 * of {@link #toCampaign} is an {@link InvalidCampaign} with its field, code and arguments.
 */
@Schema(
        name = "CampaignRequest",
        description = "A campaign: its kind, message, control group and the settings of its kind")
public record CampaignRequest(
        @Schema(description = "the merchant's name for it", example = "Cart reminders")
        @NotBlank(message = "{basira.required}")
        @Text(max = Campaign.MAX_NAME)
        String name,

        @Schema(
                description = "what sets it off",
                example = "abandoned_cart",
                allowableValues = {"abandoned_cart", "win_back", "birthday", "one_off", "group_entry", "points_expiring"
                })
        @NotBlank(message = "{basira.required}")
        String kind,

        @Schema(
                description = "how it goes; default email",
                allowableValues = {"email", "sms", "webhook"})
        String channel,

        @Schema(description = "marketing (default) or transactional")
        String purpose,

        @Schema(description = "the Arabic subject (e-mail)") @Text(max = 500)
        String subjectAr,

        @Schema(description = "the Arabic body; an Arabic or an English body is required") @Text(max = 20000)
        String bodyAr,

        @Schema(description = "the English subject (e-mail)") @Text(max = 500)
        String subjectEn,

        @Schema(description = "the English body") @Text(max = 20000)
        String bodyEn,

        @Schema(description = "the control group's share in percent, 0 to 90; default 10")
        Integer controlPercent,

        @Schema(description = "days after enrolment an order counts as a conversion, 1 to 90; default 7")
        Integer attributionDays,

        @Schema(description = "abandoned_cart: minutes from abandonment to the first reminder; default 60")
        Integer firstDelayMinutes,

        @Schema(description = "abandoned_cart: minutes from the first reminder to the second; default 720; 0: none")
        Integer secondDelayMinutes,

        @Schema(description = "win_back: days without a purchase; default 90")
        Integer inactiveDays,

        @Schema(description = "one_off, group_entry: the groups' keys", example = "[\"vip\"]")
        @Size(max = Campaign.MAX_GROUPS, message = "{basira.size.at_most}")
        List<String> groups,

        @Schema(
                description = "one_off: when it goes (ISO-8601 with offset); absent: when activated",
                format = "date-time")
        String scheduledAt,

        @Schema(description = "a single-use discount code of this percent in each message; absent: none")
        Integer discountPercent,

        @Schema(description = "days the discount code is valid; default 3")
        Integer discountValidDays,

        @Schema(description = "a one-question survey linked from each message; absent: none")
        @Text(max = Campaign.MAX_QUESTION)
        String surveyQuestion) {

    /** The campaign this asks for (a draft; the store keeps its id and status). */
    public Campaign toCampaign() {
        CampaignKind campaignKind = CampaignKind.fromCode(kind);
        Channel way = channel == null || channel.isBlank() ? Channel.EMAIL : parse(Channel.class, channel, "channel");
        Purpose why =
                purpose == null || purpose.isBlank() ? Purpose.MARKETING : parse(Purpose.class, purpose, "purpose");
        if (blank(bodyAr) && blank(bodyEn)) {
            throw new InvalidCampaign(
                    "body_ar, body_en",
                    InvalidCampaign.Reason.NEEDS_MESSAGE,
                    "body_ar, body_en: a campaign needs an Arabic or an English message");
        }
        MessageTemplate template = new MessageTemplate(
                blank(bodyAr) ? null : new TemplateText(subjectAr, bodyAr),
                blank(bodyEn) ? null : new TemplateText(subjectEn, bodyEn));
        Duration first =
                firstDelayMinutes == null ? Campaign.DEFAULT_FIRST_DELAY : Duration.ofMinutes(firstDelayMinutes);
        Duration second = secondDelayMinutes == null
                ? Campaign.DEFAULT_SECOND_DELAY
                : secondDelayMinutes == 0 ? null : Duration.ofMinutes(secondDelayMinutes);
        Discount discount = discountPercent == null
                ? null
                : new Discount(discountPercent, discountValidDays == null ? 3 : discountValidDays);
        List<String> groupKeys = groups == null
                ? List.of()
                : groups.stream()
                        .map(String::strip)
                        .filter(g -> !g.isEmpty())
                        .distinct()
                        .toList();
        return new Campaign(
                0,
                name.strip(),
                campaignKind,
                CampaignStatus.DRAFT,
                way,
                why,
                template,
                controlPercent == null ? Campaign.DEFAULT_CONTROL_PERCENT : controlPercent,
                attributionDays == null ? Campaign.DEFAULT_ATTRIBUTION_DAYS : attributionDays,
                first,
                second,
                inactiveDays == null ? Campaign.DEFAULT_INACTIVE_DAYS : inactiveDays,
                groupKeys,
                scheduled(),
                discount,
                surveyQuestion,
                null);
    }

    private Instant scheduled() {
        if (blank(scheduledAt)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(scheduledAt.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCampaign(
                    "scheduled_at",
                    InvalidCampaign.Reason.NOT_DATE_TIME,
                    "scheduled_at '" + scheduledAt
                            + "' is not an ISO-8601 date-time with offset (2026-06-01T09:00:00+03:00)",
                    scheduledAt);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code, String field) {
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> accepted = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new InvalidCampaign(
                    field,
                    InvalidCampaign.Reason.UNKNOWN_CHOICE,
                    field + " '" + code + "' is not one of " + accepted,
                    code,
                    String.join(", ", accepted));
        }
    }
}
