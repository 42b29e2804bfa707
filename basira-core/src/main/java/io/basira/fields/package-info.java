/**
 * The core's rule fields, each set registered by the feature that produces it (the card, the customer's
 * attributes, the analytics card fields), and {@link io.basira.fields.BuiltInFields#catalogue()}, the
 * catalogue of them all. Every consumer of fields (both rule engines, the field-catalogue endpoint, sorting,
 * the customer export) reads a {@link io.basira.segment.FieldCatalogue}; a new field is one
 * {@link io.basira.segment.FieldSet} plus its label lines in the message bundles.
 */
package io.basira.fields;
