package io.basira.segment;

/**
 * A segment rule as a tree: the one form that the parser, the JSON reader, the printer and every
 * evaluation engine (one customer at checkout, the columnar index) share.
 *
 * <p>Every node is an immutable record that checks its types when built, so an ill-typed tree cannot
 * exist: {@code gender > 5} or {@code total_spent = 'abc'} fail in the constructor. Boolean nodes keep
 * the shape the rule was written in ({@code a AND (b AND c)} is not flattened), which makes
 * {@code parse(print(tree))} equal to {@code tree}.
 *
 * <p>Meaning (docs/rules.md): three-valued logic as in SQL. A leaf over a field with no value is
 * unknown, except {@link IsNull} and {@link IsNotNull}; {@link Not} of unknown is unknown; a customer is
 * a member when the whole rule is true.
 */
public sealed interface Condition permits And, Or, Not, Comparison, Between, In, IsNull, IsNotNull, HasAnyTag, InGroup {

    /** The field a leaf tests, or null for {@link And}, {@link Or} and {@link Not}. */
    default SegmentField field() {
        return null;
    }
}
