package io.basira.campaigns;

import java.util.Objects;

/**
 * One language's text of a message: a subject (e-mail only; ignored by SMS and webhooks) and a body with
 * variables (docs/campaigns.md lists them and their syntax). The messenger renders it; for e-mail the body
 * is sanitised HTML, for SMS plain text.
 */
public record TemplateText(String subject, String body) {

    public TemplateText {
        Objects.requireNonNull(body, "body");
    }
}
