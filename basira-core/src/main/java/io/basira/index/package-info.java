/**
 * The columnar per-store customer index (docs/index.md): narrow integer columns, dictionary-encoded
 * strings, tag bitmaps, null masks and zone maps, and the {@code ColumnPredicate} algebra a rule compiles
 * to. Results are RoaringBitmaps of rows. Its answers equal the single-customer evaluator's for every
 * rule; a benchmark justifies every hot loop.
 */
package io.basira.index;
