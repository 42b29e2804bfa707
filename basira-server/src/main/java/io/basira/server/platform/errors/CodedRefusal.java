package io.basira.server.platform.errors;

import java.util.List;
import java.util.Objects;

/**
 * Input refused with a reason the dashboard can say in the reader's language: the bundles' {@code key} and its
 * arguments (values the merchant typed, limits), each shown isolated from the sentence around it. The message is
 * the English sentence the API and the command line keep giving as their {@code reason}.
 */
public final class CodedRefusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> arguments;

    public CodedRefusal(String key, String english, Object... arguments) {
        super(english);
        this.key = Objects.requireNonNull(key, "key");
        this.arguments = List.of(arguments);
    }

    /** The key of the bundles ({@code messages.error.time}). */
    public String key() {
        return key;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
