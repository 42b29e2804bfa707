package io.basira.server.groups.web;

import io.basira.groups.Group;
import io.basira.groups.GroupInsights;
import io.basira.groups.GroupRules;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.template.SegmentTemplate;
import io.basira.segment.template.SegmentTemplates;
import io.basira.segment.text.RuleText;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardLocales;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.DashboardWords;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.RuleWords;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.privacy.web.PrivacyPages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The groups list (with member counts and the ready-made templates, each created with one click) and
 * the rule editor: the visual builder and its text mode write the same rule, which is saved through
 * {@link GroupRules} exactly as the API saves it. A refused rule or key shows the editor again with
 * the server's message (a rule's position included).
 */
@DashboardPage
final class GroupsPage {

    private final RuleBuilderData builder;
    private final GroupRules rules;
    private final GroupInsights insights;
    private final JsonMapper json;
    private final FieldCatalogue fields;
    private final MessageSource messages;
    private final io.basira.server.privacy.GroupAudit audit;
    private final DashboardWords words;

    GroupsPage(
            GroupRules rules,
            GroupInsights insights,
            JsonMapper json,
            FieldCatalogue fields,
            MessageSource messages,
            io.basira.server.privacy.GroupAudit audit,
            DashboardWords words,
            RuleBuilderData builder) {
        this.builder = builder;
        this.messages = messages;
        this.audit = audit;
        this.words = words;
        this.rules = rules;
        this.insights = insights;
        this.json = json;
        this.fields = fields;
    }

    /** A group in the list: key, name, rule text and words (null: manual only), members. */
    public record Row(String key, String name, String rule, String words, int members) {}

    /** A template the store does not have yet, in the reader's language. */
    public record Template(String key, String name, String description, String rule) {}

    @GetMapping("/groups")
    String list(SignedIn signedIn, Model model, Locale locale) {
        Map<Group, Integer> groups = insights.groupsWithCounts(signedIn.store());
        RuleWords ruleWords = words.rules(signedIn.store(), locale, new DashboardFormats(locale, signedIn.store()));
        List<Row> rows = groups.entrySet().stream()
                .map(e -> new Row(
                        e.getKey().key(),
                        e.getKey().name(),
                        e.getKey().ruleText(),
                        e.getKey().rule() == null
                                ? null
                                : ruleWords.rule(e.getKey().rule()),
                        e.getValue()))
                .toList();
        Set<String> keys = rows.stream().map(Row::key).collect(Collectors.toSet());
        boolean arabic = DashboardLocales.isRightToLeft(DashboardLocales.supported(locale));
        List<Template> templates = new ArrayList<>();
        for (SegmentTemplate t : SegmentTemplates.all()) {
            if (!keys.contains(t.key())) {
                templates.add(new Template(
                        t.key(),
                        arabic ? t.nameAr() : t.nameEn(),
                        arabic ? t.descriptionAr() : t.descriptionEn(),
                        t.rule()));
            }
        }
        model.addAttribute("groups", rows);
        model.addAttribute("templates", templates);
        return "groups";
    }

    /** One click: the template's key, name in the reader's language and rule. */
    @PostMapping("/groups/templates/{key}")
    String fromTemplate(SignedIn signedIn, @PathVariable String key, Locale locale, RedirectAttributes redirect) {
        SegmentTemplate template = SegmentTemplates.byKey(key)
                .orElseThrow(() -> new IllegalArgumentException("there is no template '" + key + "'"));
        boolean arabic = DashboardLocales.isRightToLeft(DashboardLocales.supported(locale));
        try {
            Group created = rules.create(
                    signedIn.store(),
                    template.key(),
                    arabic ? template.nameAr() : template.nameEn(),
                    template.condition());
            audit.defined(signedIn.store().id(), PrivacyPages.actor(signedIn), null, created);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", MerchantMessages.of(e, new PageText(messages, locale)));
            return "redirect:/groups";
        }
        return "redirect:/groups/" + template.key();
    }

    @GetMapping("/groups/new")
    String create(SignedIn signedIn, Model model, @RequestParam(defaultValue = "") String rule) {
        return editor(signedIn, model, new GroupForm(null, "", "", rule.isBlank() ? "total_spent > 1500" : rule), null);
    }

    @GetMapping("/groups/{key}/edit")
    String edit(SignedIn signedIn, @PathVariable String key, Model model) {
        Group group = insights.groupWithCount(signedIn.store(), key).getKey();
        return editor(
                signedIn,
                model,
                new GroupForm(key, key, group.name(), group.ruleText() == null ? "" : group.ruleText()),
                null);
    }

    @PostMapping("/groups")
    String save(
            SignedIn signedIn,
            Model model,
            Locale locale,
            HttpServletResponse response,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "text") String mode,
            @RequestParam(defaultValue = "") String rule,
            @RequestParam(name = "rule_json", defaultValue = "") String ruleJson) {
        return store(
                signedIn,
                model,
                new PageText(messages, locale),
                response,
                null,
                key.strip(),
                name.strip(),
                mode,
                rule,
                ruleJson);
    }

    @PostMapping("/groups/{key}")
    String update(
            SignedIn signedIn,
            @PathVariable String key,
            Model model,
            Locale locale,
            HttpServletResponse response,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "text") String mode,
            @RequestParam(defaultValue = "") String rule,
            @RequestParam(name = "rule_json", defaultValue = "") String ruleJson) {
        insights.groupWithCount(signedIn.store(), key);
        return store(
                signedIn,
                model,
                new PageText(messages, locale),
                response,
                key,
                key,
                name.strip(),
                mode,
                rule,
                ruleJson);
    }

    @PostMapping("/groups/{key}/delete")
    String delete(SignedIn signedIn, @PathVariable String key, Locale locale, RedirectAttributes redirect) {
        try {
            Group before = insights.groupWithCount(signedIn.store(), key).getKey();
            rules.delete(signedIn.store(), key);
            audit.defined(signedIn.store().id(), PrivacyPages.actor(signedIn), before, null);
            redirect.addFlashAttribute("notice", key);
            return "redirect:/groups";
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", MerchantMessages.of(e, new PageText(messages, locale)));
            return "redirect:/groups/" + key;
        }
    }

    private String store(
            SignedIn signedIn,
            Model model,
            PageText page,
            HttpServletResponse response,
            String existing,
            String key,
            String name,
            String mode,
            String ruleText,
            String ruleJson) {
        try {
            Condition rule = rule(mode, ruleText, ruleJson);
            String saved = key;
            if (existing == null) {
                Group created = key.isEmpty()
                        ? rules.createNamed(signedIn.store(), name, rule)
                        : rules.create(signedIn.store(), key, name.isEmpty() ? key : name, rule);
                saved = created.key();
                audit.defined(signedIn.store().id(), PrivacyPages.actor(signedIn), null, created);
            } else {
                Group before =
                        insights.groupWithCount(signedIn.store(), existing).getKey();
                rules.update(signedIn.store(), existing, name.isEmpty() ? null : name, rule);
                audit.defined(
                        signedIn.store().id(),
                        PrivacyPages.actor(signedIn),
                        before,
                        insights.groupWithCount(signedIn.store(), existing).getKey());
            }
            return "redirect:/groups/" + saved;
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            String text = "builder".equals(mode) ? printable(ruleJson, ruleText) : ruleText;
            return editor(signedIn, model, new GroupForm(existing, key, name, text), MerchantMessages.of(e, page));
        }
    }

    /** The rule of the form: the builder's JSON tree, or the typed text; blank means manual members only. */
    private Condition rule(String mode, String ruleText, String ruleJson) {
        if ("builder".equals(mode) && !ruleJson.isBlank()) {
            return JsonConditions.fromJson(json.readValue(ruleJson, Object.class), fields);
        }
        return ruleText.isBlank() ? null : RuleText.parse(ruleText, fields);
    }

    private String printable(String ruleJson, String fallback) {
        try {
            return RuleText.print(JsonConditions.fromJson(json.readValue(ruleJson, Object.class), fields));
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private String editor(SignedIn signedIn, Model model, GroupForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("catalogue", builder.json(signedIn.store()));
        return "group-editor";
    }

    /** What the editor shows: {@code existing} is the key of the group being changed, null for a new one. */
    public record GroupForm(String existing, String key, String name, String rule) {

        public boolean isNew() {
            return existing == null;
        }
    }
}
