package io.basira.server.cards.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The customers API's answers as the OpenAPI description names them; {@link CardJson} writes them as maps, these
 * records describe the same fields. Public: a group's members are cards too.
 */
public final class CustomerAnswers {

    private CustomerAnswers() {}

    @Schema(name = "CustomerAttributes")
    public record Attributes(
            String firstName,
            String lastName,
            String email,
            String phone,
            String gender,
            @Schema(format = "date") String birthDate,
            Integer age,
            String city,
            String region,
            String country,
            @Schema(format = "date-time") String createdAt,
            List<String> tags) {}

    @Schema(name = "CustomerCard", description = "A customer's attributes and indicators (docs/indicators.md)")
    public record Card(
            @Schema(example = "C1") String customerId,
            Attributes attributes,

            @Schema(description = "each indicator of docs/indicators.md by name; money as strings")
            Map<String, Object> indicators) {}

    @Schema(
            name = "TimelineEntry",
            description = "An order, cart, review or wishlist item, newest first, with its details")
    public record TimelineEntry(
            @Schema(example = "order") String kind,
            String id,
            @Schema(format = "date-time") String at) {}

    @Schema(
            name = "CustomerCardFull",
            description = "A customer's card with groups, stored analytics fields and timeline")
    public record FullCard(
            String customerId,
            Attributes attributes,
            Map<String, Object> indicators,
            List<String> groups,

            @Schema(
                    description =
                            "the stored analytics card fields (docs/analytics.md); nulls before the first refresh")
            Map<String, Object> analytics,

            List<TimelineEntry> timeline) {}

    @Schema(name = "CustomerPage")
    public record Page(List<Card> items, int page, int size, long total) {}
}
