package io.basira.server.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A field of a request that says something by being there: left out, the request component is null (keep
 * what is); {@code null} in the JSON, it is a {@code Given} whose {@link #value} is null (clear it); any other
 * JSON value, a {@code Given} of it as read untyped (a string, a number, a list, a map). A group change uses it
 * for {@code "rule": null} (the group becomes manual) versus no {@code rule} (the rule stays).
 */
@JsonDeserialize(using = Given.Reader.class)
public record Given(Object value) {

    /** The value of {@code given}, null when it was left out or null. */
    public static Object valueOf(Given given) {
        return given == null ? null : given.value();
    }

    /** Reads any JSON value; tells a JSON null (a Given of null) from a missing field (null). */
    static final class Reader extends ValueDeserializer<Given> {

        @Override
        public Given deserialize(JsonParser parser, DeserializationContext context) {
            return new Given(context.readValue(parser, Object.class));
        }

        @Override
        public Given getNullValue(DeserializationContext context) {
            return new Given(null);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
