package io.basira.server.platform.web;

import io.basira.shared.TextRules;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link Text} with {@link TextRules}; the message names the reason with its figures. */
public class TextValidator implements ConstraintValidator<Text, String> {

    private int max;
    private boolean multiline;

    @Override
    public void initialize(Text text) {
        max = text.max();
        multiline = text.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        TextRules.Refusal refusal = multiline ? TextRules.textRefusal(value, max) : TextRules.lineRefusal(value, max);
        if (refusal == null) {
            return true;
        }
        HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
        hibernate
                .addMessageParameter("max", refusal.maxLength())
                .addMessageParameter("length", refusal.length())
                .addMessageParameter("position", refusal.position())
                .addMessageParameter("code", refusal.codePoint() == null ? "" : refusal.codePoint());
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(
                        switch (refusal.kind()) {
                            case TOO_LONG -> "{basira.text.too_long}";
                            case CONTROL_CHARACTER -> "{basira.text.control_character}";
                            case UNPAIRED_SURROGATE -> "{basira.text.unpaired_surrogate}";
                        })
                .addConstraintViolation();
        return false;
    }

    /** {@link Text} on a {@link Given}: its value when it is a string (other values are the reader's to refuse). */
    public static final class OfGiven implements ConstraintValidator<Text, Given> {

        private final TextValidator text = new TextValidator();

        @Override
        public void initialize(Text annotation) {
            text.initialize(annotation);
        }

        @Override
        public boolean isValid(Given value, ConstraintValidatorContext context) {
            return !(Given.valueOf(value) instanceof String string) || text.isValid(string, context);
        }
    }
}
