package io.basira.server.groups.web;

import io.basira.groups.GroupInsights;
import io.basira.server.fields.FieldCatalogueJson;
import io.basira.shared.Store;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The data block of the visual rule builder ({@link RuleCatalogue}) for a store, for the pages that offer the builder. */
@Component
public final class RuleBuilderData {

    private final JsonMapper json;
    private final FieldCatalogueJson fields;
    private final GroupInsights groups;
    private final CategoryChoices products;

    RuleBuilderData(JsonMapper json, FieldCatalogueJson fields, GroupInsights groups, CategoryChoices products) {
        this.json = json;
        this.fields = fields;
        this.groups = groups;
        this.products = products;
    }

    public String json(Store store) {
        return RuleCatalogue.json(
                json, fields, groups.groupsWithCounts(store).keySet(), products.categoryChoices(store));
    }
}
