package io.basira.segment.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.segment.text.RuleText;
import org.junit.jupiter.api.Test;

class SegmentTemplatesTest {

    @Test
    void every_template_parses_and_prints_as_written() {
        assertThat(SegmentTemplates.all()).hasSize(8);
        for (SegmentTemplate template : SegmentTemplates.all()) {
            assertThat(RuleText.print(template.condition())).as(template.key()).isEqualTo(template.rule());
            assertThat(template.nameAr()).as(template.key()).matches(".*[\\u0600-\\u06FF].*");
            assertThat(template.descriptionAr()).as(template.key()).matches(".*[\\u0600-\\u06FF].*");
        }
    }

    @Test
    void the_templates_are_the_ones_merchants_ask_for() {
        assertThat(SegmentTemplates.all())
                .extracting(SegmentTemplate::key)
                .containsExactly(
                        "vip",
                        "high-value",
                        "low-basket",
                        "non-serious",
                        "new",
                        "happy",
                        "inactive",
                        "cart-abandoners");
        assertThat(SegmentTemplates.byKey("vip").orElseThrow().rule())
                .isEqualTo("total_spent > 1500 OR order_count > 10");
    }
}
