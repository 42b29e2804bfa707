package io.basira.segment;

import java.util.List;

/**
 * The rule fields one feature produces, in the order the catalogue lists them. A feature registers its set
 * once: the core's built-ins in {@code io.basira.fields.BuiltInFields}, a server feature as a
 * {@code FieldSet} bean.
 */
@FunctionalInterface
public interface FieldSet {

    List<SegmentField> fields();

    /** Fields that take a number of days in their name ({@code viewed_products_45d}); none by default. */
    default List<FieldFamily> families() {
        return List.of();
    }
}
