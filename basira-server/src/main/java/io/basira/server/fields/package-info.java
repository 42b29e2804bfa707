/**
 * The rule fields of this server: {@link io.basira.server.fields.FieldsConfiguration} builds the one
 * {@link io.basira.segment.FieldCatalogue} (the core's built-ins, then every feature's
 * {@link io.basira.segment.FieldSet} bean) that every reader of rules takes by constructor: the groups engine,
 * the stored rules, the API's and the dashboard's rules, the command line, the field-catalogue endpoint, the
 * builder, sorting, the exports and the customer card page; {@link io.basira.server.fields.FieldCatalogueJson} writes its
 * JSON once, with the labels from the message bundles.
 */
package io.basira.server.fields;
