package io.basira.server.groups.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.fields.BuiltInFields;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.text.RuleText;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardLocales;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.PluralMessages;
import io.basira.server.dashboard.RuleWords;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule and why a customer matches it, in the merchant's words (issue 14, item 7): no field names, no raw values. */
class RuleWordsTest {

    private static final Store RIYADH =
            new Store(new StoreId(1), "s", "S", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
    private static final FieldCatalogue FIELDS = BuiltInFields.catalogue();

    private final RuleWords arabic = words(DashboardLocales.ARABIC);
    private final RuleWords english = words(Locale.ENGLISH);

    static RuleWords words(Locale locale) {
        PluralMessages messages = new PluralMessages();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        Map<String, String> groups = Map.of("vip", "كبار العملاء");
        return new RuleWords(
                new PageText(messages, locale),
                new DashboardFormats(locale, RIYADH),
                key -> groups.getOrDefault(key, key));
    }

    private static Condition rule(String text) {
        return RuleText.parse(text, FIELDS);
    }

    @Test
    void why_reads_as_a_sentence_with_formatted_money_not_the_rule_language() {
        Condition leaf = rule("total_spent > 1000");
        String words = arabic.leaf(leaf) + " — " + arabic.customerValue(leaf, "6674.63");
        assertThat(words)
                .startsWith("إجمالي الإنفاق أكثر من")
                .contains("1,000.00", "6,674.63")
                .doesNotContain("total_spent", ">", "القيمة:");
        assertThat(english.leaf(leaf)).isEqualTo("Total spent more than SAR1,000.00");
    }

    @Test
    void a_relative_date_is_said_in_days_ago_and_never_printed_backwards() {
        String words = arabic.leaf(rule("last_purchase_at < -90d"));
        assertThat(words).isEqualTo("تاريخ آخر شراء منذ أكثر من 90 يومًا").doesNotContain("90d");
        assertThat(english.leaf(rule("last_purchase_at < -90d"))).isEqualTo("Last purchase more than 90 days ago");
        assertThat(english.leaf(rule("last_purchase_at >= -1d"))).isEqualTo("Last purchase 1 day ago or later");
    }

    @Test
    void choices_groups_countries_and_shares_are_named_in_the_interface_language() {
        assertThat(arabic.rule(rule("gender = 'female' AND group = 'vip'")))
                .isEqualTo("الجنس يساوي أنثى و عضو في «كبار العملاء»");
        assertThat(arabic.leaf(rule("country = 'SA'"))).contains("السعودية").doesNotContain("SA'");
        assertThat(english.leaf(rule("discount_share >= 0.5"))).isEqualTo("Discount share at least 50%");
        assertThat(english.customerValue(rule("group = 'vip'"), "member")).isEqualTo("a member");
    }

    @Test
    void nested_rules_keep_their_grouping_and_negation() {
        assertThat(english.rule(rule("total_spent > 1500 OR (order_count > 10 AND NOT (cancelled_orders >= 3))")))
                .isEqualTo(
                        "Total spent more than SAR1,500.00 or (Order count more than 10 and not: Cancelled orders at least 3)");
    }

    @Test
    void a_customer_date_is_a_date_in_the_interface_language() {
        Condition leaf = rule("last_purchase_at < -90d");
        assertThat(english.customerValue(leaf, "2025-01-27")).isEqualTo("27 Jan 2025");
        assertThat(english.customerValue(leaf, null)).isNull();
    }
}
