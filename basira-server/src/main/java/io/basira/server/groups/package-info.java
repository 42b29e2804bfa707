/**
 * Saved groups, live membership and its history (docs/groups.md). Membership lives in memory per
 * store ({@code LiveGroups}), follows every committed write, moves at each store's midnight and is
 * persisted as entries and exits with their cause; checkout reads it without waiting for a full
 * re-evaluation.
 */
package io.basira.server.groups;
