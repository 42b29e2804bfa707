package io.basira.server.ingest;

import io.basira.shared.StoreId;
import java.util.Set;

/** Published after a write committed: the cards of these customers of this store changed (empty: possibly all of them). */
public record CardsChanged(StoreId store, Set<String> customerIds) {}
