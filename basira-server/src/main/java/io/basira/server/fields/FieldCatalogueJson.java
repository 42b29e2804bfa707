package io.basira.server.fields;

import io.basira.segment.FieldCatalogue;
import io.basira.segment.Operator;
import io.basira.segment.SegmentField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The JSON of the field catalogue, written once for the API ({@code GET /api/v1/segment-fields}) and the
 * dashboard's visual builder: each field's name, type, Arabic and English labels (the bundles'
 * {@code segment.field.<name>}), nullability, allowed values and operators, in catalogue order.
 */
@Component
public class FieldCatalogueJson {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    private final FieldCatalogue fields;
    private final MessageSource messages;

    FieldCatalogueJson(FieldCatalogue fields, MessageSource messages) {
        this.fields = fields;
        this.messages = messages;
    }

    public List<Map<String, Object>> fields() {
        return fields.all().stream().map(this::field).toList();
    }

    private Map<String, Object> field(SegmentField field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.fieldName());
        json.put("type", field.type().code());
        json.put("label_ar", messages.getMessage(field.labelKey(), null, ARABIC));
        json.put("label_en", messages.getMessage(field.labelKey(), null, Locale.ENGLISH));
        json.put("nullable", field.nullable());
        json.put("allowed_values", field.allowedValues());
        json.put("operators", field.operators().stream().map(Operator::code).toList());
        return json;
    }
}
