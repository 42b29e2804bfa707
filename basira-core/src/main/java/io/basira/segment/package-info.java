/**
 * The rule language of docs/rules.md: the sealed {@link io.basira.segment.Condition} tree, the field
 * and operator catalogues and the typing of a rule. A condition that exists is well typed. Its forms
 * (text, JSON) and engines (one customer, every customer) live in the sub-packages; both engines give
 * the same answer for every rule (SQL three-valued logic).
 */
package io.basira.segment;
