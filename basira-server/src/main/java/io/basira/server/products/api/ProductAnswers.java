package io.basira.server.products.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The customer–product answers as the OpenAPI description names them ({@link ProductsController} writes maps). */
final class ProductAnswers {

    private ProductAnswers() {}

    @Schema(
            name = "ProductAnalysis",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description =
                    "A customer–product analysis: its name, then its own figures (docs/products.md, one section each)")
    record Analysis(@Schema(example = "basket") String analysis) {}
}
