package io.basira.server.importing;

import io.basira.server.csvimport.RowError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * An import problem said in the reader's language (docs/import.md, "Errors"): every {@link RowError} has a code,
 * said as {@code import.error.<code>} of the bundles with its arguments (isolated in the Arabic bundle, so a value
 * keeps its own direction). The place ({@code file:line: column}) is the merchant's file and the canonical column,
 * never translated. The CLI stays English ({@link RowError#toString}).
 */
public final class ImportErrorText {

    private final MessageSource messages;

    public ImportErrorText(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason alone, in {@code language}. */
    public String reason(RowError error, Locale language) {
        return messages.getMessage(
                "import.error." + error.code(), error.arguments().toArray(), error.reason(), language);
    }

    /** {@code place: reason} in {@code language}. */
    public String text(RowError error, Locale language) {
        return error.place() + ": " + reason(error, language);
    }

    /** The problems as the API gives them: place, code and arguments, and the message in {@code language}. */
    public List<Map<String, Object>> details(List<RowError> errors, Locale language) {
        return errors.stream()
                .map(error -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("file", error.file());
                    json.put("line", error.line());
                    json.put("column", error.column());
                    json.put("code", error.code());
                    json.put("arguments", error.arguments());
                    json.put("message", reason(error, language));
                    return json;
                })
                .toList();
    }
}
