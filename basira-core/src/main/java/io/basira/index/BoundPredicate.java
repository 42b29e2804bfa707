package io.basira.index;

/**
 * A {@link ColumnPredicate} resolved against one {@link CustomerIndex} (columns looked up, NOT
 * pushed to the leaves, string literals turned into dictionary codes). Bind once when a rule is
 * saved, evaluate many times. Immutable; valid for the index that bound it, as it grows.
 */
public final class BoundPredicate {

    private final CustomerIndex index;
    private final ColumnPredicate source;
    final Scan root;

    BoundPredicate(CustomerIndex index, ColumnPredicate source, Scan root) {
        this.index = index;
        this.source = source;
        this.root = root;
    }

    public ColumnPredicate source() {
        return source;
    }

    Scan rootFor(CustomerIndex caller) {
        if (caller != index) {
            throw new IllegalArgumentException("this predicate was bound to another index: " + source);
        }
        return root;
    }

    @Override
    public String toString() {
        return "BoundPredicate[" + source + "]";
    }
}
