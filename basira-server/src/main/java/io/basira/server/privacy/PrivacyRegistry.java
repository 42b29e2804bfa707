package io.basira.server.privacy;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every {@link CustomerDataKind} of the application: the export writes each, the erasure erases each (in
 * {@link CustomerDataKind#eraseOrder()}), the retention prunes those that have one. Built from the kind
 * beans; a name or a table claimed twice is refused at start.
 */
public final class PrivacyRegistry {

    private final Map<String, CustomerDataKind> kinds = new LinkedHashMap<>();

    public PrivacyRegistry(List<CustomerDataKind> kinds) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (CustomerDataKind kind : kinds) {
            if (!kind.name().matches("[a-z][a-z0-9_]{0,39}")) {
                throw new IllegalArgumentException(
                        "privacy kind name '" + kind.name() + "' must be a-z0-9_, at most 40");
            }
            if (this.kinds.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalArgumentException("two privacy kinds are named '" + kind.name() + "'");
            }
            for (String table : kind.tables()) {
                String other = tables.putIfAbsent(table.toLowerCase(Locale.ROOT), kind.name());
                if (other != null) {
                    throw new IllegalArgumentException("table " + table + " is claimed by privacy kinds '" + other
                            + "' and '" + kind.name() + "'");
                }
            }
        }
    }

    /** The kinds in registration order (the export's order). */
    public List<CustomerDataKind> kinds() {
        return List.copyOf(kinds.values());
    }

    /** The kinds in the order an erasure runs them. */
    public List<CustomerDataKind> erasureOrder() {
        return kinds.values().stream()
                .sorted(Comparator.comparingInt(CustomerDataKind::eraseOrder))
                .toList();
    }

    public Optional<CustomerDataKind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** The kinds that declare a retention. */
    public List<CustomerDataKind> retained() {
        return kinds.values().stream()
                .filter(kind -> kind.retention().isPresent())
                .toList();
    }

    /** Every table some kind covers, lower case. */
    public Set<String> coveredTables() {
        Set<String> covered = new TreeSet<>();
        kinds.values().forEach(kind -> kind.tables().forEach(table -> covered.add(table.toLowerCase(Locale.ROOT))));
        return covered;
    }
}
