package io.basira.server.stores.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The store API's answers as the OpenAPI description names them. */
final class StoreAnswers {

    private StoreAnswers() {}

    @Schema(name = "Store", description = "The caller's store")
    record StoreAnswer(
            @Schema(example = "my-store") String slug,
            String name,
            @Schema(example = "SAR") String currency,
            @Schema(example = "Asia/Riyadh") String timeZone) {}

    @Schema(name = "IssuedApiKey", description = "A new key; the secret is in this answer only")
    record IssuedKey(
            long id,
            @Schema(example = "bsk_ab12") String prefix,
            String label,

            @Schema(description = "the secret: send it as 'Authorization: Bearer <key>'")
            String key,

            String note) {}
}
