package io.basira.server.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A bundle message that names code (a file, a call, an address) marks it with back-quotes: "paste it before
 * `</body>`". The page shows each marked span in its own {@code <code translate="no" dir="ltr">} (template
 * {@code coded :: text(message)}), so code keeps its direction inside Arabic text and is never translated.
 */
public final class CodeSpans {

    /** One piece of a message: plain text in the reader's language, or code. */
    public record Span(String text, boolean code) {}

    private CodeSpans() {}

    /** The message's pieces in order; an unmatched last back-quote is kept as text. Empty pieces are left out. */
    public static List<Span> of(String message) {
        List<Span> spans = new ArrayList<>();
        if (message == null) {
            return spans;
        }
        String[] parts = message.split("`", -1);
        boolean closed = parts.length % 2 == 1;
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && (closed || i < parts.length - 1);
            String text = code || closed || i < parts.length - 1 ? parts[i] : "`" + parts[i];
            if (!text.isEmpty()) {
                spans.add(new Span(text, code));
            }
        }
        return spans;
    }
}
