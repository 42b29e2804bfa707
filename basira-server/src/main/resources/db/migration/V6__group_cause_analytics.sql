-- An analytics refresh (docs/analytics.md) re-evaluates the store's groups; its entries and exits are kept in the
-- history with the cause 'analytics' (docs/groups.md). Runs unchanged on H2 and PostgreSQL.
ALTER TABLE group_history DROP CONSTRAINT group_history_cause_check;
ALTER TABLE group_history ADD CONSTRAINT group_history_cause_check
    CHECK (cause IN ('rule_change', 'order', 'manual', 'midnight', 'import', 'analytics'));
