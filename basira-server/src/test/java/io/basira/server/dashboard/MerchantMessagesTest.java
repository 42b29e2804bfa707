package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basira.fields.BuiltInFields;
import io.basira.groups.GroupInUse;
import io.basira.groups.GroupUses;
import io.basira.segment.InvalidRuleException;
import io.basira.segment.RuleError;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.text.RuleText;
import io.basira.server.platform.errors.CodedRefusal;
import io.basira.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Refusals a merchant reads: every rule error has its sentence in both languages, isolated from its codes. */
class MerchantMessagesTest {

    private static final PluralMessages MESSAGES = new PluralMessages();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding(StandardCharsets.UTF_8.name());
        MESSAGES.setFallbackToSystemLocale(false);
        MESSAGES.setDefaultLocale(DashboardLocales.ARABIC);
    }

    private static final PageText ARABIC = new PageText(MESSAGES, DashboardLocales.ARABIC);
    private static final PageText ENGLISH = new PageText(MESSAGES, Locale.ENGLISH);

    @Test
    void a_group_in_use_names_what_aims_at_it_by_kind_in_the_readers_language() {
        GroupInUse used = new GroupInUse(
                "vip",
                List.of(),
                List.of(new GroupUses.Use("policy", "شحن مجاني"), new GroupUses.Use("coupon", "VIP10")),
                "group 'vip' cannot be deleted: policy 'شحن مجاني', coupon 'VIP10' aim at it; change or delete them"
                        + " first");
        assertThat(MerchantMessages.of(used, ARABIC))
                .isEqualTo("لا يمكن حذف المجموعة \u2068vip\u2069 ما دامت جمهورًا لـ: سياسة \u2068شحن مجاني\u2069، "
                        + "الكوبون \u2068VIP10\u2069. غيّرها أو احذفها أولًا.");
        assertThat(MerchantMessages.of(used, ENGLISH))
                .isEqualTo("Group vip cannot be deleted while it is the audience of: policy \u2068شحن مجاني\u2069, "
                        + "coupon VIP10. Change or delete those first.");
    }

    @Test
    void a_coded_refusal_is_said_from_its_key_with_its_values_isolated() {
        CodedRefusal refusal = new CodedRefusal("messages.error.smtp-port", "smtp_port 0 must be 1-65535", 0);
        assertThat(MerchantMessages.of(refusal, ARABIC)).startsWith("المنفذ \u20680\u2069 غير صالح");
        assertThat(MerchantMessages.of(refusal, ENGLISH)).isEqualTo("Port 0 is not valid: it must be 1 to 65535.");
        assertThat(refusal.getMessage()).as("the API's reason").isEqualTo("smtp_port 0 must be 1-65535");
    }

    @Test
    void every_rule_error_code_has_a_sentence_in_arabic_and_in_english() {
        for (RuleError error : RuleError.values()) {
            String arabic = MESSAGES.getMessage(
                    "rule.error." + error.code(), new Object[] {"a", "b", "c", "d"}, null, DashboardLocales.ARABIC);
            String english = MESSAGES.getMessage(
                    "rule.error." + error.code(), new Object[] {"a", "b", "c", "d"}, null, Locale.ENGLISH);
            assertThat(arabic)
                    .as("ar " + error.code())
                    .isNotNull()
                    .matches(text -> text.codePoints()
                            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
            assertThat(english).as("en " + error.code()).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "total_spent >",
                "totl_spent > 5",
                "total_spent > 'abc'",
                "(order_count > 1",
                "gender = 'x'",
                "order_count > 1.5",
                "city = 'unterminated",
                "last_purchase_at < -999999d",
                "total_spent > 1 AND",
                "order_count # 2",
                "tags = ''",
                "group = 'Bad Key'",
                "created_at > '2024-02-30'",
                "total_spent > ١٬٥"
            })
    void a_wrong_rule_reads_in_arabic_with_its_codes_isolated_and_in_english_as_the_api_says(String rule) {
        InvalidRuleException e =
                catchThrowableOfType(InvalidRuleException.class, () -> RuleText.parse(rule, BuiltInFields.catalogue()));
        assertThat(e.error()).as(rule).isNotEqualTo(RuleError.OTHER);
        String arabic = MerchantMessages.of(e, ARABIC);
        assertThat(arabic)
                .as(rule)
                .startsWith("السطر \u2068")
                .doesNotContain("rule.error")
                .doesNotContain("expected", "takes", "unknown", " is ");
        assertThat(arabic.chars().filter(c -> c == MerchantMessages.FSI).count())
                .isEqualTo(arabic.chars().filter(c -> c == MerchantMessages.PDI).count());
        assertThat(MerchantMessages.of(e, ENGLISH)).as(rule).isEqualTo(e.getMessage());
    }

    @Test
    void a_json_rule_error_says_its_path() {
        InvalidRuleException e = catchThrowableOfType(
                InvalidRuleException.class,
                () -> JsonConditions.fromJson(
                        java.util.Map.of("field", "total_spent", "op", ">", "value", "abc"),
                        BuiltInFields.catalogue()));
        assertThat(MerchantMessages.of(e, ARABIC)).startsWith("عند \u2068$");
    }

    @Test
    void a_manual_add_of_an_unknown_customer_names_the_id_isolated() {
        assertThat(MerchantMessages.manualChange(
                        new NotFoundException("customer 'C999999' does not exist in this store"), "C999999", ARABIC))
                .isEqualTo("لا يوجد في هذا المتجر عميل رقمه \u2068C999999\u2069.");
        assertThat(MerchantMessages.manualChange(new NotFoundException("x"), "C999999", ENGLISH))
                .isEqualTo("There is no customer C999999 in this store.");
    }
}
