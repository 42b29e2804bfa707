package io.basira.server.sources.api;

import io.basira.server.sources.InboxEntry;
import io.basira.server.sources.NewSecrets;
import io.basira.server.sources.Source;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The API's request and response bodies for sources and the inbox (field names in snake_case on the wire). */
final class SourceRequests {

    private SourceRequests() {}

    @Schema(description = "A platform source to register for the caller's store")
    record NewSource(
            @Schema(
                    description = "the platform",
                    allowableValues = {"salla", "zid", "shopify", "standard"},
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank
            @Pattern(regexp = "salla|zid|shopify|standard", message = "must be salla, zid, shopify or standard")
            String platform,

            @Schema(description = "a name for the merchant's own reference") @Size(max = 200)
            String label,

            @Schema(
                    description = "the platform's secret: Salla's webhook secret or token, Shopify's client secret,"
                            + " Zid's 'username:password', a Standard Webhooks 'whsec_…' secret. Omitted for Zid and standard:"
                            + " Basira makes one")
            @Size(max = NewSecrets.MAX_LENGTH)
            String secret) {}

    @Schema(description = "A rotation: the new secret (omitted for Zid and standard: Basira makes one)")
    record Rotation(
            @Schema(description = "the new secret") @Size(max = NewSecrets.MAX_LENGTH)
            String secret) {}

    @Schema(description = "A registered source; never its secret")
    record SourceJson(
            String id,
            String platform,
            String label,

            @Schema(description = "the path the platform posts to, below the server's public address")
            String webhookPath,

            Instant createdAt,
            Instant rotatedAt,

            @Schema(description = "until when the secret before the last rotation is still accepted")
            Instant previousValidUntil) {

        static SourceJson of(Source source) {
            return new SourceJson(
                    source.id(),
                    source.platform().code(),
                    source.label(),
                    source.webhookPath(),
                    source.createdAt(),
                    source.rotatedAt(),
                    source.previousValidUntil());
        }
    }

    @Schema(name = "SourceList", description = "The store's platform sources")
    record SourceList(List<SourceJson> sources) {}

    @Schema(name = "InboxList", description = "Events of the webhook inbox, newest first, and the count in each state")
    record InboxList(
            List<InboxJson> events,

            @Schema(description = "events per state: received, applied, ignored, stale, parked")
            Map<String, Long> counts,

            @Schema(description = "the most events one answer lists")
            int listedAtMost) {}

    @Schema(description = "A source just registered or rotated, with its secret: shown in this response only")
    record SourceWithSecret(SourceJson source, String secret, String note) {}

    @Schema(description = "An event of the inbox")
    record InboxJson(
            long id,
            String sourceId,
            String platform,
            String topic,
            String eventKey,
            Instant receivedAt,

            @Schema(allowableValues = {"received", "applied", "ignored", "stale", "parked"})
            String state,

            @Schema(description = "what applying it did, or why it is parked")
            String outcome,

            Instant handledAt) {

        static InboxJson of(InboxEntry entry) {
            return new InboxJson(
                    entry.id(),
                    entry.sourceId(),
                    entry.platform().code(),
                    entry.topic(),
                    entry.eventKey(),
                    entry.receivedAt(),
                    entry.state(),
                    entry.outcome(),
                    entry.handledAt());
        }
    }
}
