package io.basira.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerBook#commit} appends only entries of accounts the transaction holds locked: the ledger has no
 * foreign key of its own (migration V300), its entries' accounts tie them to their store.
 */
class LedgerBookTest {

    private final LoyaltyWorld world = new LoyaltyWorld(LoyaltyWorld.standard());
    private final LedgerBook book = new LedgerBook(world.memory, world.memory);

    @Test
    void an_entry_of_a_customer_whose_account_is_not_locked_is_refused_and_nothing_is_appended() {
        Map<String, Account> locked = world.memory.lock(LoyaltyWorld.STORE, Set.of("c1"));
        LedgerEntry own = entry("c1", "o1");
        LedgerEntry stray = entry("c2", "o2");

        assertThatThrownBy(() -> book.commit(LedgerBook.Commit.of(
                        LoyaltyWorld.STORE,
                        LoyaltyWorld.standard(),
                        locked,
                        Map.of("c1", List.of(own), "c2", List.of(stray)),
                        world.now)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c2");
        assertThat(world.memory.lock(LoyaltyWorld.STORE, Set.of("c1", "c2")).values())
                .allSatisfy(account -> assertThat(account.entries()).isEmpty());
    }

    @Test
    void an_entry_filed_under_another_customer_is_refused() {
        Map<String, Account> locked = world.memory.lock(LoyaltyWorld.STORE, Set.of("c1", "c2"));

        assertThatThrownBy(() -> book.commit(LedgerBook.Commit.of(
                        LoyaltyWorld.STORE,
                        LoyaltyWorld.standard(),
                        locked,
                        Map.of("c1", List.of(entry("c2", "o2"))),
                        world.now)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("filed under c1");
    }

    @Test
    void entries_of_locked_accounts_are_appended_in_customer_order() {
        Map<String, Account> locked = world.memory.lock(LoyaltyWorld.STORE, Set.of("c1", "c2"));

        book.commit(LedgerBook.Commit.of(
                LoyaltyWorld.STORE,
                LoyaltyWorld.standard(),
                locked,
                Map.of("c2", List.of(entry("c2", "o2")), "c1", List.of(entry("c1", "o1"))),
                world.now));

        Map<String, Account> after = world.memory.lock(LoyaltyWorld.STORE, Set.of("c1", "c2"));
        assertThat(after.get("c1").entries()).extracting(LedgerEntry::ref).containsExactly("o1");
        assertThat(after.get("c2").entries()).extracting(LedgerEntry::ref).containsExactly("o2");
    }

    private LedgerEntry entry(String customer, String order) {
        return new LedgerEntry(customer, Cause.ORDER, order, 10, 0, 1000, world.now, world.now, null, null);
    }
}
