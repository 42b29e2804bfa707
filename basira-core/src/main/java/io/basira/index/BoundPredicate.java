package io.basira.index;

import java.util.List;

/**
 * A {@link ColumnPredicate} resolved against one {@link CustomerIndex} (columns looked up, NOT
 * pushed to the leaves, string literals turned into dictionary codes). Bind once when a rule is
 * saved, evaluate many times; valid for the index that bound it, as it grows.
 *
 * <p>Binding adds nothing to the index: a literal no row has had yet gets no code (it cannot match).
 * When such literals exist, each use first compares the sizes of their dictionaries with the sizes
 * seen last (no allocation); only when a dictionary has grown are the literals looked up again, and
 * only when one of them has arrived is the predicate bound anew. A predicate whose literals are all
 * known pays one field read per use.
 *
 * <p>Thread safety: as the index's reads. The current binding is an immutable snapshot in a volatile
 * field; concurrent readers that find it outdated may each bind anew, which reads the index only and
 * gives equal results.
 */
public final class BoundPredicate {

    private final CustomerIndex index;
    private final ColumnPredicate source;
    private volatile Binding binding;

    /** A scan tree and the literals it was bound without, with the dictionary sizes last checked. */
    private static final class Binding {
        final Scan root;
        final PredicateBinder.Absent[] absent;
        /** Sizes of the absent literals' dictionaries when last checked; a hint, updated racily. */
        final int[] sizesSeen;

        Binding(Scan root, List<PredicateBinder.Absent> absent) {
            this.root = root;
            this.absent = absent.toArray(new PredicateBinder.Absent[0]);
            this.sizesSeen = new int[this.absent.length];
            for (int i = 0; i < this.absent.length; i++) {
                sizesSeen[i] = this.absent[i].dictionary().size();
            }
        }

        /** True when a literal that was absent is now in its dictionary. Allocation-free. */
        boolean outdated() {
            for (int i = 0; i < absent.length; i++) {
                int size = absent[i].dictionary().size();
                if (size != sizesSeen[i]) {
                    if (absent[i].dictionary().codeOf(absent[i].value()) >= 0) {
                        return true;
                    }
                    sizesSeen[i] = size;
                }
            }
            return false;
        }
    }

    BoundPredicate(CustomerIndex index, ColumnPredicate source) {
        this.index = index;
        this.source = source;
        this.binding = bind();
    }

    private Binding bind() {
        PredicateBinder binder = new PredicateBinder(index);
        Scan root = binder.bind(source, false);
        return new Binding(root, binder.absent());
    }

    public ColumnPredicate source() {
        return source;
    }

    /** Literals of the predicate that no row has had yet (they match nothing until one does). */
    public int absentLiterals() {
        return binding.absent.length;
    }

    Scan rootFor(CustomerIndex caller) {
        if (caller != index) {
            throw new IllegalArgumentException("this predicate was bound to another index: " + source);
        }
        Binding current = binding;
        if (current.absent.length != 0 && current.outdated()) {
            current = bind();
            binding = current;
        }
        return current.root;
    }

    @Override
    public String toString() {
        return "BoundPredicate[" + source + "]";
    }
}
