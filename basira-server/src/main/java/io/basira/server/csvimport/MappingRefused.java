package io.basira.server.csvimport;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A column mapping that cannot be used, with a code ({@code import.mapping.error.<code>} of the bundles) and its
 * arguments, the English sentence (the CLI's) as its message. The mapping's JSON (the API's {@code mapping}, a
 * {@code --mapping FILE.json}), the presets, a store's saved mapping and the dashboard's mapping editor refuse so,
 * so the dashboard and the API (by Accept-Language) say why in Arabic or English (docs/import.md).
 *
 * <p>The codes and their arguments: {@code not_json} (line, column), {@code not_an_object}, {@code files_not_object},
 * {@code not_a_kind} (kind, the kinds), {@code file_not_object} (file), {@code source_empty} (file),
 * {@code date_format} (file, pattern), {@code not_a_column} (file, column, the file's columns), {@code value_line}
 * (file, line, text), {@code unknown_preset} (name, the presets), {@code no_preset} (the presets),
 * {@code no_saved_mapping}.
 */
public final class MappingRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient List<String> arguments;

    public MappingRefused(String code, String english, Object... arguments) {
        super(english);
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = Arrays.stream(arguments).map(String::valueOf).toList();
    }

    /** The bundles' {@code import.mapping.error.<code>} and the API's {@code code}. */
    public String code() {
        return code;
    }

    public List<String> arguments() {
        return arguments;
    }
}
