package io.basira.server.dashboard;

import io.basira.server.api.ApiErrors.InvalidRecords;
import io.basira.server.api.RequestProblems;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/**
 * The constraints of a typed request checked for a dashboard form, as {@code @Valid} checks them for the API:
 * the same records, the same reasons, in the reader's language (the dashboard's locale).
 */
@Component
final class FormChecks {

    private final Validator validator;

    FormChecks(Validator validator) {
        this.validator = validator;
    }

    /** {@code request} unchanged. @throws InvalidRecords listing each broken constraint ({@code name is required}) */
    <T> T require(T request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new InvalidRecords(RequestProblems.of(violations));
        }
        return request;
    }
}
