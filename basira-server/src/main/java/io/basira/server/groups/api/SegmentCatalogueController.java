package io.basira.server.groups.api;

import io.basira.segment.Operator;
import io.basira.segment.ValueType;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.template.SegmentTemplate;
import io.basira.segment.template.SegmentTemplates;
import io.basira.server.fields.FieldCatalogueJson;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard's rule builder needs: the fields with their types, labels, allowed values and
 * operators; the operators; and the ready-made templates. The same for every store (a key is still needed).
 */
@RestController
public class SegmentCatalogueController {

    private final FieldCatalogueJson fields;

    SegmentCatalogueController(FieldCatalogueJson fields) {
        this.fields = fields;
    }

    /** The field catalogue ({@link FieldCatalogueJson}), as the dashboard's builder also gets it. */
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = GroupAnswers.Field.class))))
    @GetMapping("/api/v1/segment-fields")
    public List<Map<String, Object>> fields(Store store) {
        return fields.fields();
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = GroupAnswers.Operator.class))))
    @GetMapping("/api/v1/segment-operators")
    public List<Map<String, Object>> operators(Store store) {
        return Arrays.stream(Operator.values())
                .map(op -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("code", op.code());
                    json.put("symbol", op.symbol());
                    json.put("label_ar", op.labelAr());
                    json.put("label_en", op.labelEn());
                    json.put(
                            "applies_to",
                            Arrays.stream(ValueType.values())
                                    .filter(op::appliesTo)
                                    .map(ValueType::code)
                                    .toList());
                    return json;
                })
                .toList();
    }

    /** Each template ready to create: {@code POST /api/v1/groups {"template": key}}. */
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = GroupAnswers.Template.class))))
    @GetMapping("/api/v1/groups/templates")
    public List<Map<String, Object>> templates(Store store) {
        return SegmentTemplates.all().stream()
                .map(SegmentCatalogueController::template)
                .toList();
    }

    private static Map<String, Object> template(SegmentTemplate t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", t.key());
        json.put("name_ar", t.nameAr());
        json.put("name_en", t.nameEn());
        json.put("description_ar", t.descriptionAr());
        json.put("description_en", t.descriptionEn());
        json.put("rule", t.rule());
        json.put("rule_json", JsonConditions.toJson(t.condition()));
        return json;
    }
}
