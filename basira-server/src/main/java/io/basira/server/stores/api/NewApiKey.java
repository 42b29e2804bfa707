package io.basira.server.stores.api;

import io.basira.server.platform.web.Text;
import io.swagger.v3.oas.annotations.media.Schema;

/** A key to issue ({@code POST /api/v1/api-keys}); the body may be left out. */
@Schema(name = "NewApiKey", description = "An API key to issue for the caller's store")
public record NewApiKey(
        @Schema(
                description = "what the key is for, shown in the list; optional",
                example = "storefront",
                maxLength = LABEL_LENGTH)
        @Text(max = LABEL_LENGTH)
        String label) {

    /** The schema's {@code api_keys.label VARCHAR(100)}. */
    public static final int LABEL_LENGTH = 100;
}
