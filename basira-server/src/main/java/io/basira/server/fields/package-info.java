/**
 * The rule fields of this server: {@link io.basira.server.fields.FieldsConfiguration} builds the one
 * {@link io.basira.segment.FieldCatalogue} (the core's built-ins, then every feature's
 * {@link io.basira.segment.FieldSet} bean) that the engines, the field-catalogue endpoint, the dashboard's
 * builder, sorting and the customer export read; {@link io.basira.server.fields.FieldCatalogueJson} writes its
 * JSON once, with the labels from the message bundles.
 */
package io.basira.server.fields;
