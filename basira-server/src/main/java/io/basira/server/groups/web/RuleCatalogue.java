package io.basira.server.groups.web;

import io.basira.groups.Group;
import io.basira.segment.Operator;
import io.basira.server.fields.FieldCatalogueJson;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the visual rule builder ({@code static/js/rule-builder.js}) is built from, taken from the segment
 * catalogue: every field as the API's field catalogue gives it ({@link FieldCatalogueJson}); every
 * operator with its labels; the store's groups (for {@code group = …}); and the values a text field is chosen
 * from ({@code choices}: {@code next_category} among the store's categories). Embedded in the editor page
 * as a JSON data block, with {@code <} escaped so that no name can close the block.
 */
final class RuleCatalogue {

    private RuleCatalogue() {}

    static String json(JsonMapper json, FieldCatalogueJson fields, Collection<Group> groups, List<String> categories) {
        Map<String, Object> catalogue = new LinkedHashMap<>();
        catalogue.put("fields", fields.fields());
        catalogue.put("families", fields.families());
        catalogue.put(
                "operators",
                Arrays.stream(Operator.values()).map(RuleCatalogue::operator).toList());
        catalogue.put(
                "groups",
                groups.stream()
                        .map(g -> Map.of("key", g.key(), "name", g.name()))
                        .toList());
        catalogue.put("choices", categories.isEmpty() ? Map.of() : Map.of("next_category", categories));
        return json.writeValueAsString(catalogue).replace("<", "\\u003c");
    }

    private static Map<String, Object> operator(Operator op) {
        return Map.of("code", op.code(), "label_ar", op.labelAr(), "label_en", op.labelEn());
    }
}
