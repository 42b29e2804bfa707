/**
 * Groups that name other groups ({@code in_group}): the dependency order in which a store's groups are
 * evaluated, and the refusal of a cycle ({@link io.basira.segment.group.GroupCycleException}).
 */
package io.basira.segment.group;
