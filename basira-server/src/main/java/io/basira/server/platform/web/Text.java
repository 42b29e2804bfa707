package io.basira.server.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text Basira accepts on a request field: at most {@link #max()} characters (the schema's column length,
 * counted as {@link io.basira.shared.TextRules} counts), no control character, no unpaired surrogate; tab,
 * line feed and carriage return only when {@link #multiline()}. Null is valid (use {@code @NotBlank} for a
 * required field). The same rule as the core's records, so a request refused here would be refused there,
 * but with its reason in the reader's language.
 */
@Documented
@Constraint(validatedBy = {TextValidator.class, TextValidator.OfGiven.class})
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    /** The longest text accepted, in UTF-16 code units. */
    int max();

    /** Whether tab, line feed and carriage return are allowed (a rule's text). */
    boolean multiline() default false;

    String message() default "{basira.text.too_long}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
