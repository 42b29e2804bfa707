package io.basira.server.analytics.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The analytics API's answers as the OpenAPI description names them ({@link AnalyticsController} writes maps). */
final class AnalyticsAnswers {

    private AnalyticsAnswers() {}

    @Schema(
            name = "Analysis",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description =
                    "An analysis: these fields, then the analysis's own figures (docs/analytics.md, one section each)")
    record Analysis(
            @Schema(example = "overview") String analysis,
            @Schema(format = "date") String asOf,
            String definitionsVersion) {}

    @Schema(name = "AnalyticsRefreshed", description = "The stored analytics card fields were computed again")
    record Refreshed(
            @Schema(format = "date") String asOf,
            int customers,
            @Schema(example = "bg_nbd") String clvMethod,
            String definitionsVersion) {}
}
