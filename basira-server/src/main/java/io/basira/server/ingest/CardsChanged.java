package io.basira.server.ingest;

import io.basira.shared.StoreId;
import java.util.Set;

/** Published after a write committed: the cards of these customers of this store changed. */
public record CardsChanged(StoreId store, Set<String> customerIds) {}
