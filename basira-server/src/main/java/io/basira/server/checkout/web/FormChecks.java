package io.basira.server.checkout.web;

import io.basira.server.dashboard.FormValueException;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.platform.errors.RequestProblems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The constraints of a typed request checked for a dashboard form, as {@code @Valid} checks them for the API:
 * the same records, the same reasons, in the reader's language (the dashboard's locale). Where the API names a
 * field by its JSON path ({@code items[0].product_id required}), the form names it by its label
 * ({@code form.field.<path>}: {@code المنتج (السطر 1): مطلوب}); a field without a label keeps its path, isolated.
 */
@Component
public final class FormChecks {

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Validator validator;
    private final MessageSource messages;

    FormChecks(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /** {@code request} unchanged. @throws InvalidRecords listing each broken constraint ({@code الاسم: مطلوب}) */
    public <T> T require(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            PageText text = new PageText(messages, LocaleContextHolder.getLocale());
            List<String> lines =
                    violations.stream().map(v -> line(v, text)).sorted().toList();
            throw new InvalidRecords(lines);
        }
        return request;
    }

    private static String line(ConstraintViolation<?> violation, PageText text) {
        String path = RequestProblems.of(List.of(violation)).get(0);
        String field = path.endsWith(" " + violation.getMessage())
                ? path.substring(0, path.length() - violation.getMessage().length() - 1)
                : "";
        return field.isEmpty() ? violation.getMessage() : label(field, text) + ": " + violation.getMessage();
    }

    /**
     * The message of a refusal in the reader's language: each broken constraint, a value that does not read as
     * its field's type, or the text of any other refusal, isolated.
     */
    public String message(RuntimeException e) {
        PageText text = new PageText(messages, LocaleContextHolder.getLocale());
        if (e instanceof FormValueException value) {
            return label(value.field(), text) + ": "
                    + text.get("form.value." + value.kind(), MerchantMessages.isolate(value.value(), text));
        }
        if (e instanceof InvalidRecords invalid && !invalid.problems().isEmpty()) {
            return String.join("; ", invalid.problems());
        }
        return MerchantMessages.of(e, text);
    }

    /** The label of a field's JSON path ({@code items[0].product_id}), or the path isolated. */
    public static String label(String path, PageText text) {
        Matcher index = INDEX.matcher(path);
        String line = index.find() ? String.valueOf(Integer.parseInt(index.group(1)) + 1) : "";
        try {
            return text.get("form.field." + INDEX.matcher(path).replaceAll(""), MerchantMessages.isolate(line, text));
        } catch (NoSuchMessageException e) {
            return MerchantMessages.isolate(path);
        }
    }
}
