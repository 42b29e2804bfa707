package io.basira.server.campaigns;

import io.basira.groups.GroupUses;
import io.basira.shared.StoreId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The campaigns (not finished) that aim at a group, so the group is never deleted under them. */
public final class CampaignGroupUses implements GroupUses {

    private final JdbcTemplate jdbc;

    public CampaignGroupUses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Use> of(StoreId store, String groupKey) {
        return jdbc
                .queryForList(
                        "SELECT name FROM campaigns WHERE store_id = ? AND status <> 'finished' AND "
                                + "CONCAT(',', group_keys, ',') LIKE ? ORDER BY id",
                        String.class,
                        store.value(),
                        "%,"
                                + groupKey.replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_") + ",%")
                .stream()
                .map(name -> new Use("campaign", name))
                .toList();
    }
}
