package io.basira.segment.template;

import io.basira.segment.Condition;
import io.basira.segment.text.RuleText;
import java.util.Objects;

/**
 * A ready-made group a merchant can create in one click: a key (the group's slug), names and
 * descriptions in Arabic and English, and the rule in text form.
 */
public record SegmentTemplate(
        String key, String nameAr, String nameEn, String descriptionAr, String descriptionEn, String rule) {

    public SegmentTemplate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nameAr, "nameAr");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(descriptionAr, "descriptionAr");
        Objects.requireNonNull(descriptionEn, "descriptionEn");
        Objects.requireNonNull(rule, "rule");
    }

    /** The rule as a tree. */
    public Condition condition() {
        return RuleText.parse(rule);
    }
}
