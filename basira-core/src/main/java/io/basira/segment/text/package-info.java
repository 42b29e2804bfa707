/**
 * The text form of a rule: a hand-written tokenizer and recursive-descent parser (docs/adr/0001) whose
 * errors give the line, the column and what was expected, and the printer. Printing a parsed rule and
 * parsing it again gives the same tree.
 */
package io.basira.segment.text;
