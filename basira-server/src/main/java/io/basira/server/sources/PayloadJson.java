package io.basira.server.sources;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How webhook bodies are parsed: numbers with a fraction as exact decimals, never doubles. */
final class PayloadJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PayloadJson() {}
}
