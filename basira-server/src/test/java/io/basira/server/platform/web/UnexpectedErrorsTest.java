package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.server.platform.errors.ApiErrors;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerMapping;

/** A 500 tells the caller an error id and the log the same id, the types and the stack: never SQL values or customer data. */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorsTest {

    private static final String SQL = "INSERT INTO customers (store_id, customer_id, email, phone) VALUES (7, 'C-1', "
            + "'sara@example.com', '+966500000001')";

    @Test
    void a_failed_write_is_logged_with_its_error_id_and_types_but_without_sql_or_customer_values(CapturedOutput output)
            throws Exception {
        var failure = new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [" + SQL + "]",
                new SQLIntegrityConstraintViolationException("Unique index violation: " + SQL, "23505", 23505));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/customers/sara@example.com");
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/customers/{customerId}");

        ProblemDetail problem = new ApiErrors().unexpected(failure, request);

        String id = (String) problem.getProperties().get("error_id");
        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).contains(id).doesNotContain("Exception", "java.", "SQL", "sara");
        assertThat(output.getOut() + output.getErr())
                .contains(
                        "error " + id,
                        "POST /api/v1/customers/{customerId}",
                        "org.springframework.dao.DataIntegrityViolationException",
                        "java.sql.SQLIntegrityConstraintViolationException (SQLState 23505, vendor code 23505)",
                        "at io.basira.server.platform.web.UnexpectedErrorsTest")
                .doesNotContain("sara@example.com", "+966500000001", "INSERT INTO");
    }

    @Test
    void security_refusals_are_left_to_spring_security() {
        AccessDeniedException denied = new AccessDeniedException("no");
        assertThatThrownBy(() -> new ApiErrors().unexpected(denied, new MockHttpServletRequest()))
                .isSameAs(denied);
    }
}
