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

    /**
     * The families of fields with a number of days in their name (docs/rules.md, "Viewed within any number of
     * days"), for the builder's control: {@code key} (a member is {@code <key>_<n>d}), {@code min} and
     * {@code max} of n, the family's labels, and its members' type and operators.
     */
    public List<Map<String, Object>> families() {
        return fields.families().stream()
                .map(family -> {
                    SegmentField member =
                            family.field(family.name(family.minimum())).orElseThrow();
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("key", family.key());
                    json.put("min", family.minimum());
                    json.put("max", family.maximum());
                    json.put("label_ar", messages.getMessage("segment.family." + family.key(), null, ARABIC));
                    json.put("label_en", messages.getMessage("segment.family." + family.key(), null, Locale.ENGLISH));
                    json.put("type", member.type().code());
                    json.put(
                            "operators",
                            member.operators().stream().map(Operator::code).toList());
                    return json;
                })
                .toList();
    }

    private String label(SegmentField field, Locale locale) {
        Object[] arguments =
                field.labelArguments().isEmpty() ? null : field.labelArguments().toArray();
        return messages.getMessage(field.labelKey(), arguments, locale);
    }

    private Map<String, Object> field(SegmentField field) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", field.fieldName());
        json.put("type", field.type().code());
        json.put("label_ar", label(field, ARABIC));
        json.put("label_en", label(field, Locale.ENGLISH));
        json.put("nullable", field.nullable());
        json.put("allowed_values", field.allowedValues());
        json.put("operators", field.operators().stream().map(Operator::code).toList());
        return json;
    }
}
