package io.basira.server.groups.api;

import io.basira.groups.Group;
import io.basira.groups.GroupInsights;
import io.basira.groups.GroupRules;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.template.SegmentTemplate;
import io.basira.segment.template.SegmentTemplates;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Groups of the caller's store: list with counts, create (also from a template), read, change, delete, preview. */
@RestController
@RequestMapping("/api/v1/groups")
public class GroupsController {

    private final GroupRules rules;
    private final GroupInsights insights;
    private final FieldCatalogue fields;
    private final io.basira.server.privacy.GroupAudit audit;
    private final io.basira.server.privacy.AuditLog log;

    public GroupsController(
            GroupRules rules,
            GroupInsights insights,
            FieldCatalogue fields,
            io.basira.server.privacy.GroupAudit audit,
            io.basira.server.privacy.AuditLog log) {
        this.audit = audit;
        this.log = log;
        this.rules = rules;
        this.insights = insights;
        this.fields = fields;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.GroupList.class)))
    @GetMapping
    public Map<String, Object> list(Store store) {
        List<Map<String, Object>> items = insights.groupsWithCounts(store).entrySet().stream()
                .map(e -> GroupJson.of(e.getKey(), e.getValue()))
                .toList();
        return Map.of("items", items);
    }

    /**
     * Body: {@code key}, {@code name}, and {@code rule} or {@code rule_json}; or {@code template} (with optional
     * overrides). Without a key, the key is made from the name (docs/groups.md, "Keys").
     */
    @ApiResponse(
            responseCode = "201",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.GroupAnswer.class)))
    @PostMapping
    public ResponseEntity<Map<String, Object>> create(
            Store store, @Valid @RequestBody GroupRequest body, jakarta.servlet.http.HttpServletRequest request) {
        String templateKey = body.template();
        SegmentTemplate template = templateKey == null
                ? null
                : SegmentTemplates.byKey(templateKey)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "there is no template '" + templateKey + "'; see /api/v1/groups/templates"));
        String key = body.key();
        String name = body.name();
        Condition rule = GroupJson.rule(body, fields, false);
        if (template != null) {
            key = key == null ? template.key() : key;
            name = name == null ? template.nameAr() : name;
            rule = rule == null ? template.condition() : rule;
        }
        if (key == null && name == null) {
            throw new IllegalArgumentException(
                    "'key' or 'name' is required: the group's short name (a-z, 0-9, '-', '_'), "
                            + "or a name to make it from");
        }
        Group group = key == null
                ? rules.createNamed(store, name, rule)
                : rules.create(store, key, name == null ? key : name, rule);
        audit.defined(store.id(), actor(request), null, group);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(GroupJson.of(
                        group, insights.groupWithCount(store, group.key()).getValue()));
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.GroupAnswer.class)))
    @GetMapping("/{key}")
    public Map<String, Object> get(Store store, @PathVariable String key) {
        var entry = insights.groupWithCount(store, key);
        return GroupJson.of(entry.getKey(), entry.getValue());
    }

    /** Body: {@code name} and/or a new rule ({@code rule} or {@code rule_json}; {@code "rule": null} keeps the rule out). */
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.GroupAnswer.class)))
    @PutMapping("/{key}")
    public Map<String, Object> update(
            Store store,
            @PathVariable String key,
            @Valid @RequestBody GroupRequest body,
            jakarta.servlet.http.HttpServletRequest request) {
        Group before = insights.groupWithCount(store, key).getKey();
        String name = body.name();
        if (body.namesRule()) {
            rules.update(store, key, name, GroupJson.rule(body, fields, false));
        } else {
            rules.rename(store, key, name);
        }
        audit.defined(
                store.id(),
                actor(request),
                before,
                insights.groupWithCount(store, key).getKey());
        return get(store, key);
    }

    @ApiResponse(responseCode = "204", description = "deleted")
    @DeleteMapping("/{key}")
    public ResponseEntity<Void> delete(
            Store store, @PathVariable String key, jakarta.servlet.http.HttpServletRequest request) {
        Group before = insights.groupWithCount(store, key).getKey();
        rules.delete(store, key);
        audit.defined(store.id(), actor(request), before, null);
        return ResponseEntity.noContent().build();
    }

    private io.basira.server.privacy.AuditLog.Actor actor(jakarta.servlet.http.HttpServletRequest request) {
        return log.apiKey(io.basira.server.platform.security.ApiKeyAuthentication.presentedKey(request)
                .orElse(null));
    }

    /** The number of customers a rule would have now, without saving it: {@code rule} or {@code rule_json}. */
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = GroupAnswers.Preview.class)))
    @PostMapping("/preview")
    public Map<String, Object> preview(Store store, @Valid @RequestBody GroupRequest body) {
        Condition rule = GroupJson.rule(body, fields, true);
        return Map.of("rule", io.basira.segment.text.RuleText.print(rule), "count", insights.preview(store, rule));
    }
}
