/**
 * Everything that happens at a time, through one durable scheduler (db-scheduler, docs/adr/0002):
 * one row per store runs that store's jobs at its local midnight. The scheduler decides when, never
 * what: each job is its feature's idempotent work for a date.
 */
package io.basira.server.platform.jobs;
