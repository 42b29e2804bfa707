package io.basira.server.platform.errors;

import io.basira.server.platform.web.ApiLocales;
import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import tools.jackson.databind.DatabindException;

/**
 * The problems of a request whose body broke its constraints, one line each: the field by its JSON path
 * ({@code items[0].unit_price}), then why, in the language the constraint's message was resolved in
 * (the request's; see {@link ApiLocales}). Lines come sorted by path, so an answer is repeatable.
 */
public final class RequestProblems {

    private static final Pattern CAPITAL = Pattern.compile("([a-z0-9])([A-Z])");

    private RequestProblems() {}

    /** The lines of a failed {@code @Valid} binding (the API). */
    public static List<String> of(BindingResult result) {
        List<String> fields = result.getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(e -> line(e.getField(), e.getDefaultMessage()))
                .toList();
        List<String> objects = result.getGlobalErrors().stream()
                .map(e -> String.valueOf(e.getDefaultMessage()))
                .toList();
        return concat(objects, fields);
    }

    /** The lines of violations found by calling the validator (the dashboard's forms). */
    public static List<String> of(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> line(v.getPropertyPath().toString(), v.getMessage()))
                .sorted()
                .toList();
    }

    /** The path of a body's value that did not read as its type ({@code items[0].unit_price}), or "" for the body. */
    static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code itemsList[0].unitPrice} as the JSON names it: {@code items_list[0].unit_price}. */
    static String jsonPath(String javaPath) {
        Matcher matcher = CAPITAL.matcher(javaPath);
        StringBuilder json = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    json, matcher.group(1) + "_" + matcher.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        matcher.appendTail(json);
        return json.toString();
    }

    private static String line(String javaPath, String why) {
        String path = jsonPath(javaPath).replaceAll("\\.<[^>]+>", "");
        return path.isEmpty() ? why : path + " " + why;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
