package io.basira.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.basira.fields.BuiltInFields;
import io.basira.segment.Condition;
import io.basira.segment.group.GroupDependencies;
import io.basira.segment.text.RuleText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The saved groups' rules: a CSV file {@code group,rule} (a group's key, its rule in the text language of
 * docs/rules.md), read and checked by the core's parser on the built-in fields; a group refers to another with
 * {@code in group "key"}. Parsed once per JVM (executors included) and evaluated in dependency order.
 */
public final class GroupRules {

    private static final Map<Map<String, String>, GroupDependencies> PARSED = new ConcurrentHashMap<>();
    private static final Map<Map<String, String>, Map<String, Condition>> CONDITIONS = new ConcurrentHashMap<>();

    private GroupRules() {}

    /** The rules of {@code file}, in file order; every rule parsed once here so that a bad one fails at once. */
    public static Map<String, String> read(Path file) {
        Map<String, String> rules = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> csv =
                CsvReader.builder().ofCsvRecord(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (CsvRecord record : csv) {
                if (header) {
                    header = false;
                    if (record.getFieldCount() < 2
                            || !record.getField(0).strip().equalsIgnoreCase("group")
                            || !record.getField(1).strip().equalsIgnoreCase("rule")) {
                        throw new IllegalArgumentException(file + ": the header must be 'group,rule'");
                    }
                    continue;
                }
                if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
                    continue;
                }
                if (record.getFieldCount() != 2) {
                    throw new IllegalArgumentException(file + ":" + record.getStartingLineNumber()
                            + ": expected 2 columns (group,rule), found " + record.getFieldCount());
                }
                String key = record.getField(0).strip();
                if (rules.put(key, record.getField(1)) != null) {
                    throw new IllegalArgumentException(
                            file + ":" + record.getStartingLineNumber() + ": the group '" + key + "' is given twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules file " + file, e);
        }
        dependencies(rules).evaluationOrder(); // a cycle fails here, before the job
        return rules;
    }

    /** The parsed rules in dependency order (cached). */
    public static GroupDependencies dependencies(Map<String, String> rules) {
        return PARSED.computeIfAbsent(rules, GroupRules::parse);
    }

    /** Each group's parsed rule (cached). */
    public static Map<String, Condition> conditions(Map<String, String> rules) {
        return CONDITIONS.computeIfAbsent(rules, GroupRules::conditionsOf);
    }

    private static GroupDependencies parse(Map<String, String> rules) {
        return new GroupDependencies(conditions(rules));
    }

    private static Map<String, Condition> conditionsOf(Map<String, String> rules) {
        Map<String, Condition> parsed = new LinkedHashMap<>();
        rules.forEach((key, text) -> {
            try {
                parsed.put(key, RuleText.parse(text, BuiltInFields.catalogue()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "the rule of group '" + key + "' (" + text + "): " + e.getMessage(), e);
            }
        });
        return java.util.Collections.unmodifiableMap(parsed);
    }
}
