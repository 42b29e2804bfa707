package io.basira.server.groups.jdbc;

import io.basira.groups.Group;
import io.basira.groups.GroupDefinitions;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.text.RuleText;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store's saved groups. The rule is stored as canonical text (what is read back) and as its JSON
 * form (for other readers of the database); a manual-only group has neither.
 */
public final class JdbcGroups implements GroupDefinitions {

    private static final String COLUMNS = "group_key, name, rule_text, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final FieldCatalogue fields;

    /** @param fields the fields the stored rules are read against (the server's catalogue) */
    public JdbcGroups(JdbcTemplate jdbc, JsonMapper json, FieldCatalogue fields) {
        this.jdbc = jdbc;
        this.json = json;
        this.fields = fields;
    }

    /** Every group of the store, by key. */
    public List<Group> all(StoreId store) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM groups WHERE store_id = ? ORDER BY group_key", this::map, store.value());
    }

    /** The rule's JSON, as stored, fits its column ({@link Group#MAX_RULE_JSON_LENGTH}). */
    @Override
    public void requireStorable(Group group) {
        int jsonLength = group.rule() == null ? 0 : ruleJson(group).length();
        if (jsonLength > Group.MAX_RULE_JSON_LENGTH) {
            throw new IllegalArgumentException("rule_json is " + jsonLength + " characters long as stored, more than "
                    + Group.MAX_RULE_JSON_LENGTH);
        }
    }

    private String ruleJson(Group group) {
        return json.writeValueAsString(JsonConditions.toJson(group.rule()));
    }

    /** Inserts the group, or replaces its name and rule when the key exists. */
    @Override
    public void save(StoreId store, Group group) {
        String ruleJson = group.rule() == null ? null : ruleJson(group);
        int updated = jdbc.update(con -> {
            var ps = con.prepareStatement("UPDATE groups SET name = ?, rule_text = ?, rule_json = ?, updated_at = ? "
                    + "WHERE store_id = ? AND group_key = ?");
            ps.setString(1, group.name());
            ps.setString(2, group.ruleText());
            ps.setString(3, ruleJson);
            Sql.setInstant(ps, 4, group.updatedAt());
            ps.setLong(5, store.value());
            ps.setString(6, group.key());
            return ps;
        });
        if (updated == 0) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO groups (store_id, group_key, name, rule_text, rule_json, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
                ps.setLong(1, store.value());
                ps.setString(2, group.key());
                ps.setString(3, group.name());
                ps.setString(4, group.ruleText());
                ps.setString(5, ruleJson);
                Sql.setInstant(ps, 6, group.createdAt());
                Sql.setInstant(ps, 7, group.updatedAt());
                return ps;
            });
        }
    }

    /** Deletes the group with its members and manual lists; its history stays. */
    public boolean delete(StoreId store, String key) {
        return jdbc.update("DELETE FROM groups WHERE store_id = ? AND group_key = ?", store.value(), key) > 0;
    }

    /** Whether the store has a group: asked on every write of a store not in the groups' memory, so it stops at the first. */
    public boolean any(StoreId store) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM groups WHERE store_id = ? FETCH FIRST 1 ROWS ONLY", Integer.class, store.value())
                .isEmpty();
    }

    /** Whether one of the store's saved groups names {@code field} in its rule (as text or as the builder's JSON). */
    public boolean anyRuleMentions(StoreId store, String field) {
        String pattern = "%" + field + "%";
        return !jdbc.queryForList(
                        "SELECT 1 FROM groups WHERE store_id = ? AND (rule_text LIKE ? OR rule_json LIKE ?) "
                                + "FETCH FIRST 1 ROWS ONLY",
                        Integer.class,
                        store.value(),
                        pattern,
                        pattern)
                .isEmpty();
    }

    private Group map(ResultSet rs, int row) throws SQLException {
        String text = rs.getString("rule_text");
        return new Group(
                rs.getString("group_key"),
                rs.getString("name"),
                text == null ? null : RuleText.parse(text, fields),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
