package io.basira.bench;

import io.basira.index.ColumnKind;
import io.basira.index.ColumnPredicate;
import io.basira.index.ColumnSpec;
import io.basira.index.CompareOp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Seeded random group rules of 1–5 conditions over {@link SyntheticStore}'s fields, each as an
 * index predicate and as the equivalent SQL WHERE clause (same three-valued logic). Literals are
 * drawn from the data's own distribution, so selectivities range from empty to nearly all.
 */
public final class RandomRules {

    /** One rule in both forms. */
    public record Rule(ColumnPredicate predicate, String sql) {}

    private static final String[] SQL_OPS = {"=", "<>", "<", "<=", ">", ">="};

    private final Random random;

    public RandomRules(long seed) {
        this.random = new Random(seed);
    }

    public List<Rule> rules(int count) {
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rules.add(tree(1 + random.nextInt(5)));
        }
        return rules;
    }

    private Rule tree(int conditions) {
        Rule rule;
        if (conditions == 1) {
            rule = leaf();
        } else {
            int left = 1 + random.nextInt(conditions - 1);
            Rule a = tree(left);
            Rule b = tree(conditions - left);
            boolean and = random.nextInt(3) != 0;
            rule = and
                    ? new Rule(ColumnPredicate.and(a.predicate(), b.predicate()), "(" + a.sql() + " AND " + b.sql() + ")")
                    : new Rule(ColumnPredicate.or(a.predicate(), b.predicate()), "(" + a.sql() + " OR " + b.sql() + ")");
        }
        if (random.nextInt(8) == 0) {
            return new Rule(ColumnPredicate.not(rule.predicate()), "(NOT " + rule.sql() + ")");
        }
        return rule;
    }

    private Rule leaf() {
        int field = random.nextInt(SyntheticStore.FIELDS.size());
        ColumnSpec spec = SyntheticStore.FIELDS.get(field);
        String name = spec.name();
        if (random.nextInt(12) == 0) {
            return random.nextBoolean()
                    ? new Rule(ColumnPredicate.isNull(name), name + " IS NULL")
                    : new Rule(ColumnPredicate.isNotNull(name), name + " IS NOT NULL");
        }
        if (spec.kind() == ColumnKind.INTEGER) {
            return integerLeaf(field, name);
        }
        return spec.kind() == ColumnKind.DICTIONARY ? inLeaf(field, name) : tagLeaf(name);
    }

    private Rule integerLeaf(int field, String name) {
        long a = sample(field);
        if (random.nextInt(5) == 0) {
            long b = sample(field);
            long low = Math.min(a, b);
            long high = Math.max(a, b);
            return new Rule(ColumnPredicate.between(name, low, high), name + " BETWEEN " + low + " AND " + high);
        }
        int op = random.nextInt(6);
        return new Rule(ColumnPredicate.compare(name, CompareOp.values()[op], a), name + " " + SQL_OPS[op] + " " + a);
    }

    private Rule inLeaf(int field, String name) {
        Set<String> values = new LinkedHashSet<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            values.add((String) sampleNonNull(field));
        }
        StringJoiner sql = new StringJoiner("', '", name + " IN ('", "')");
        values.forEach(sql::add);
        return new Rule(new ColumnPredicate.InSet(name, values), sql.toString());
    }

    private Rule tagLeaf(String name) {
        Set<String> tags = new LinkedHashSet<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            tags.add(SyntheticStore.TAGS[random.nextInt(SyntheticStore.TAGS.length)]);
        }
        StringJoiner sql = new StringJoiner("', '", "list_has_any(" + name + ", ['", "'])");
        tags.forEach(sql::add);
        return new Rule(new ColumnPredicate.HasAnyTag(name, tags), sql.toString());
    }

    private long sample(int field) {
        return (Long) sampleNonNull(field);
    }

    private Object sampleNonNull(int field) {
        while (true) {
            Object value = SyntheticStore.customer(random)[field];
            if (value != null) {
                return value;
            }
        }
    }
}
