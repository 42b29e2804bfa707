package io.basira.server.groups.web;

import io.basira.groups.GroupInsights;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.InvalidRuleException;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.json.JsonRuleException;
import io.basira.segment.text.RuleSyntaxException;
import io.basira.segment.text.RuleText;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.groups.api.GroupRequest;
import io.basira.server.platform.web.Given;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rule editor's live endpoint, for the signed-in user's store: reads a rule in either form
 * ({@code {"rule": text}} or {@code {"rule_json": tree}}, the API's {@link GroupRequest}) and answers both forms and the member count
 * now ({@link GroupInsights#preview}, the service behind {@code POST /api/v1/groups/preview}), or the
 * refusal with its position. It converts between the builder and the text mode, validates as one types
 * and counts, all in one round trip. Saves nothing.
 *
 * <p>Answer: {@code {"ok": true, "rule", "rule_json", "count"}} or {@code {"ok": false, "message",
 * "line", "column"}} (text) / {@code {"ok": false, "message", "path"}} (JSON); always 200, so that the page's
 * script reads one shape.
 */
@DashboardPage
final class RuleChecks {

    private final GroupInsights insights;
    private final FieldCatalogue fields;
    private final MessageSource messages;
    private final JsonMapper json;

    RuleChecks(GroupInsights insights, FieldCatalogue fields, MessageSource messages, JsonMapper json) {
        this.insights = insights;
        this.fields = fields;
        this.messages = messages;
        this.json = json;
    }

    @PostMapping(value = "/groups/rules/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> check(SignedIn signedIn, Locale locale, @RequestBody GroupRequest body) {
        Object text = Given.valueOf(body.rule());
        return check(signedIn, locale, text instanceof String typed ? typed : null, Given.valueOf(body.ruleJson()));
    }

    /**
     * The same check for the pages that only read (the customers' rule filter): a GET, which support agents may
     * send, with {@code rule} (text) or {@code rule_json} (the tree as JSON text).
     */
    @GetMapping(value = "/customers/rules/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> checkForReading(
            SignedIn signedIn,
            Locale locale,
            @RequestParam(required = false) String rule,
            @RequestParam(name = "rule_json", required = false) String ruleJson) {
        try {
            return check(
                    signedIn,
                    locale,
                    rule,
                    rule != null || ruleJson == null ? null : json.readValue(ruleJson, Object.class));
        } catch (JacksonException e) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", false);
            answer.put("message", new PageText(messages, locale).get("rule.error.not-json"));
            return answer;
        }
    }

    private Map<String, Object> check(SignedIn signedIn, Locale locale, String text, Object tree) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Condition rule = text != null ? RuleText.parse(text, fields) : JsonConditions.fromJson(tree, fields);
            int count = insights.preview(signedIn.store(), rule);
            answer.put("ok", true);
            answer.put("rule", RuleText.print(rule));
            answer.put("rule_json", JsonConditions.toJson(rule));
            answer.put("count", count);
        } catch (IllegalArgumentException e) {
            answer.put("ok", false);
            answer.put("message", MerchantMessages.of(e, new PageText(messages, locale)));
            if (e instanceof RuleSyntaxException syntax) {
                answer.put("line", syntax.line());
                answer.put("column", syntax.column());
                answer.put("reason", syntax.reason());
            } else if (e instanceof JsonRuleException json) {
                answer.put("path", json.path());
                answer.put("reason", json.reason());
            } else if (e instanceof InvalidRuleException invalid) {
                answer.put("reason", invalid.reason());
            }
        }
        return answer;
    }
}
