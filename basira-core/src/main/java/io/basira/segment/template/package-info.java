/**
 * The ready-made groups of docs/rules.md ("Ready-made templates"): key, Arabic and English names and
 * descriptions, and a rule in the text form that parses.
 */
package io.basira.segment.template;
