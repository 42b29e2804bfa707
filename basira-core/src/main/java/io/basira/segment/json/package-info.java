/**
 * The JSON form of a rule (the rule builder's condition tree, docs/rules.md): read into the same
 * {@link io.basira.segment.Condition} as the text form, with errors that name the path of the bad node.
 * Plain Java: the caller hands in parsed JSON as maps and lists.
 */
package io.basira.segment.json;
