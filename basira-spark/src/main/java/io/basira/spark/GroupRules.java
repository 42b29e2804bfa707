package io.basira.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.basira.fields.BrowsingCardFields;
import io.basira.fields.BuiltInFields;
import io.basira.loyalty.LoyaltyFields;
import io.basira.segment.And;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.Not;
import io.basira.segment.Or;
import io.basira.segment.SegmentField;
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
 * docs/rules.md), read and checked by the core's parser on the server's fields (the built-in ones, loyalty and
 * browsing); a group refers to another with {@code group = 'key'}. Every such field is computed by the job (the
 * loyalty ones from the export's program and ledger, {@link LoyaltyJob}); a rule that reads a field the job does not
 * compute (none today: a field the server adds later, until the job computes it) is refused with the field's name,
 * rather than evaluated on an empty value (a different membership than the engine's).
 * Parsed once per JVM (executors included) and evaluated in dependency order.
 */
public final class GroupRules {

    /** Every field the server's rules can name: what a rule is parsed with. */
    static final FieldCatalogue SERVER_FIELDS =
            BuiltInFields.catalogue().with(new LoyaltyFields(), new BrowsingCardFields());

    private static final FieldCatalogue BROWSING = FieldCatalogue.of(java.util.List.of(new BrowsingCardFields()));

    private static final FieldCatalogue LOYALTY = FieldCatalogue.of(java.util.List.of(new LoyaltyFields()));

    /** What the job computes: the built-in fields (with the analytics card fields), browsing and loyalty. */
    static final FieldCatalogue COMPUTED =
            BuiltInFields.catalogue().with(new LoyaltyFields(), new BrowsingCardFields());

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
                Condition condition = RuleText.parse(text, SERVER_FIELDS);
                refuseUncomputed(condition, COMPUTED);
                parsed.put(key, condition);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "the rule of group '" + key + "' (" + text + "): " + e.getMessage(), e);
            }
        });
        return java.util.Collections.unmodifiableMap(parsed);
    }

    /** Whether any rule reads {@code field}. */
    public static boolean uses(Map<String, String> rules, SegmentField field) {
        for (Condition condition : conditions(rules).values()) {
            if (reads(condition, field.fieldName())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any rule reads a browsing field ({@code sessions_30d}, {@code viewed_products_45d} ...). */
    public static boolean usesBrowsing(Map<String, String> rules) {
        for (Condition condition : conditions(rules).values()) {
            if (readsAny(condition, BROWSING)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any rule reads a loyalty field ({@code loyalty_points}, {@code loyalty_tier} ...). */
    public static boolean usesLoyalty(Map<String, String> rules) {
        for (Condition condition : conditions(rules).values()) {
            if (readsAny(condition, LOYALTY)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsAny(Condition condition, FieldCatalogue fields) {
        if (condition instanceof And and) {
            return and.operands().stream().anyMatch(c -> readsAny(c, fields));
        }
        if (condition instanceof Or or) {
            return or.operands().stream().anyMatch(c -> readsAny(c, fields));
        }
        if (condition instanceof Not not) {
            return readsAny(not.operand(), fields);
        }
        return fields.byName(condition.field().fieldName()).isPresent();
    }

    private static boolean reads(Condition condition, String name) {
        if (condition instanceof And and) {
            return and.operands().stream().anyMatch(c -> reads(c, name));
        }
        if (condition instanceof Or or) {
            return or.operands().stream().anyMatch(c -> reads(c, name));
        }
        if (condition instanceof Not not) {
            return reads(not.operand(), name);
        }
        return condition.field().fieldName().equals(name);
    }

    /** Fails on the first field of the rule that {@code computed} does not hold, naming it. */
    static void refuseUncomputed(Condition condition, FieldCatalogue computed) {
        if (condition instanceof And and) {
            and.operands().forEach(c -> refuseUncomputed(c, computed));
        } else if (condition instanceof Or or) {
            or.operands().forEach(c -> refuseUncomputed(c, computed));
        } else if (condition instanceof Not not) {
            refuseUncomputed(not.operand(), computed);
        } else {
            String name = condition.field().fieldName();
            if (computed.byName(name).isEmpty()) {
                throw new IllegalArgumentException(
                        "the field " + name + " is not computed by the Spark job; evaluate this group in the engine");
            }
        }
    }
}
