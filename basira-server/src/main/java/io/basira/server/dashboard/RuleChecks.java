package io.basira.server.dashboard;

import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.InvalidRuleException;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.json.JsonRuleException;
import io.basira.segment.text.RuleSyntaxException;
import io.basira.segment.text.RuleText;
import io.basira.groups.GroupInsights;
import io.basira.server.api.Given;
import io.basira.server.groups.GroupRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.stereotype.Controller;

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
@Controller
final class RuleChecks {

    private final GroupInsights insights;
    private final FieldCatalogue fields;
    private final MessageSource messages;

    RuleChecks(GroupInsights insights, FieldCatalogue fields, MessageSource messages) {
        this.insights = insights;
        this.fields = fields;
        this.messages = messages;
    }

    @PostMapping(value = "/groups/rules/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> check(SignedIn signedIn, Locale locale, @RequestBody GroupRequest body) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            Object text = Given.valueOf(body.rule());
            Condition rule = text instanceof String typed ? RuleText.parse(typed, fields)
                    : JsonConditions.fromJson(Given.valueOf(body.ruleJson()), fields);
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
