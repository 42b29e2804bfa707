package io.basira.groups;

import io.basira.card.CustomerSnapshot;
import io.basira.groups.GroupEngine.Moves;
import io.basira.shared.Store;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * The full re-evaluations of {@link GroupEngine} (a load, an import or analytics reload, a rule change,
 * midnight): computed on a private {@link StoreGroups} off the readers' lock, reconciled with the writes
 * made meanwhile (the store's write counter and the customers they touched) and swapped in under it.
 * Every method here is called holding the store's {@code rebuilding} lock, or takes it.
 */
final class FullReevaluation {

    private final GroupEngine engine;

    FullReevaluation(GroupEngine engine) {
        this.engine = engine;
    }

    /** One evaluation of a full re-evaluation: which groups, as of which day, recorded with which cause. */
    private record Step(MembershipCause cause, Function<StoreGroups, List<String>> keys, LocalDate day) {}

    /**
     * A full re-evaluation: {@code define} changes the fresh state's definitions before it is evaluated,
     * {@code steps} say what is evaluated, {@code persisted} runs in the transaction of the movements (with
     * {@code redefined}, the keys of the groups it changed), and {@code evaluatedOn} (null: unchanged) is
     * the store's new last evaluated date.
     */
    private record Plan(
            boolean load,
            Consumer<StoreGroups> define,
            Function<StoreGroups, List<Step>> steps,
            Runnable persisted,
            Set<String> redefined,
            LocalDate evaluatedOn) {}

    /** A new or changed rule: the group and the groups naming it, cause {@code rule_change}; the caller holds {@code rebuilding}. */
    void redefine(Store store, StoreSlot slot, Group group, Runnable save) {
        LocalDate today = engine.today(store);
        rebuild(
                store,
                slot,
                new Plan(
                        false,
                        fresh -> fresh.define(group),
                        fresh -> List.of(new Step(
                                MembershipCause.RULE_CHANGE, s -> s.withDependents(Set.of(group.key())), today)),
                        save,
                        Set.of(group.key()),
                        null));
    }

    /**
     * Reads every customer afresh and re-evaluates every group with {@code cause}, off the readers' lock; a
     * store not in memory is loaded instead (what it finds changed recorded with {@code loadCause}), which
     * is the same evaluation.
     */
    int reevaluate(Store store, StoreSlot slot, MembershipCause loadCause, MembershipCause cause) {
        slot.rebuilding.lock();
        try {
            if (slot.state == null) {
                return load(store, slot, loadCause);
            }
            LocalDate today = engine.today(store);
            return rebuild(
                    store,
                    slot,
                    new Plan(
                            false,
                            fresh -> {},
                            fresh -> List.of(new Step(cause, StoreGroups::order, today)),
                            () -> {},
                            Set.of(),
                            null));
        } finally {
            slot.rebuilding.unlock();
        }
    }

    /** Midnight, once the caller saw the date move: re-checked under {@code rebuilding}. */
    int passMidnight(Store store, StoreSlot slot) {
        slot.rebuilding.lock();
        try {
            if (slot.state == null) {
                load(store, slot, MembershipCause.IMPORT);
                return 0;
            }
            LocalDate today = engine.today(store);
            if (slot.evaluatedOn != null && !slot.evaluatedOn.isBefore(today)) {
                return 0;
            }
            return rebuild(
                    store,
                    slot,
                    new Plan(false, fresh -> {}, fresh -> List.of(midnight(today)), () -> {}, Set.of(), today));
        } finally {
            slot.rebuilding.unlock();
        }
    }

    private static Step midnight(LocalDate today) {
        return new Step(
                MembershipCause.MIDNIGHT,
                state -> {
                    Set<String> moving = new TreeSet<>();
                    state.groups().stream().filter(Group::dependsOnToday).forEach(g -> moving.add(g.key()));
                    return state.withDependents(moving);
                },
                today);
    }

    /**
     * Builds the store's memory from the stored data, then brings the stored membership up to date: first as
     * of the last evaluated date (what changed meanwhile is data: {@code cause}, normally {@code import}),
     * then, when that date is past, for today (cause {@code midnight}). The caller holds {@code rebuilding}.
     */
    int load(Store store, StoreSlot slot, MembershipCause cause) {
        LocalDate today = engine.today(store);
        return rebuild(
                store,
                slot,
                new Plan(
                        true,
                        fresh -> {},
                        fresh -> {
                            LocalDate last = engine.ports
                                    .membership()
                                    .evaluatedOn(store.id())
                                    .filter(d -> d.isBefore(today))
                                    .orElse(today);
                            List<Step> steps = new ArrayList<>();
                            steps.add(new Step(cause, StoreGroups::order, last));
                            if (last.isBefore(today)) {
                                steps.add(midnight(today));
                            }
                            return steps;
                        },
                        () -> {},
                        Set.of(),
                        today));
    }

    /**
     * A full re-evaluation; the caller holds {@code rebuilding}. Off every lock: reads the store afresh into
     * a private state, starts it from the membership as it was when the re-evaluation started (the memory's,
     * or for a load the stored one) and evaluates. Then, holding {@code writing}: re-reads and re-tests the
     * customers written meanwhile (starting them from the membership their writes left), persists the
     * movements; and only for the swap, the exclusive lock.
     *
     * @return the number of movements that changed the stored membership
     */
    private int rebuild(Store store, StoreSlot slot, Plan plan) {
        GroupPorts ports = engine.ports;
        while (true) {
            if (!plan.load() && slot.state == null) {
                load(store, slot, MembershipCause.IMPORT); // memory was dropped: first the stored membership
            }
            StoreGroups.Membership before;
            long startedAt;
            slot.writing.lock();
            try {
                StoreGroups current = slot.state;
                before = current == null ? null : current.membership();
                startedAt = slot.writes;
                slot.touched = new HashSet<>();
            } finally {
                slot.writing.unlock();
            }
            StoreGroups next;
            List<Step> steps;
            List<List<Movement>> moves = new ArrayList<>();
            try {
                next = StoreGroups.read(store, engine.fields, ports.customers(), ports.definitions(), ports.manual());
                plan.define().accept(next);
                Map<String, Set<String>> previous =
                        before == null ? ports.membership().all(store.id()) : before.byCustomerId();
                previous.forEach((key, ids) -> {
                    if (next.group(key) != null) {
                        next.setStoredMembers(key, ids);
                    }
                });
                steps = plan.steps().apply(next);
                for (Step step : steps) {
                    moves.add(next.evaluate(step.keys().apply(next), GroupEngine.contextOn(store, step.day())));
                }
            } catch (RuntimeException e) {
                slot.writing.lock();
                slot.touched = null;
                slot.writing.unlock();
                throw e;
            }
            Step last = steps.get(steps.size() - 1);
            slot.writing.lock();
            try {
                Set<String> touched = slot.touched;
                slot.touched = null;
                StoreGroups current = slot.state;
                if (before != null && current == null) {
                    continue; // a write failed and dropped memory meanwhile
                }
                List<Movement> again = List.of();
                if (slot.writes != startedAt) {
                    moves.replaceAll(list -> list.stream()
                            .filter(m -> !touched.contains(m.customerId()))
                            .toList());
                    again = reapply(store, next, current, touched, last.day());
                }
                List<Moves> batches = new ArrayList<>();
                for (int i = 0; i < steps.size(); i++) {
                    batches.add(new Moves(steps.get(i).cause(), moves.get(i)));
                }
                batches.add(new Moves(last.cause(), again));
                int applied = engine.persist(store, plan.persisted(), plan.redefined(), batches, plan.evaluatedOn());
                slot.lock.writeLock().lock();
                try {
                    slot.state = next;
                    if (plan.evaluatedOn() != null) {
                        slot.evaluatedOn = plan.evaluatedOn();
                    }
                } finally {
                    slot.lock.writeLock().unlock();
                }
                return applied;
            } catch (RuntimeException e) {
                slot.drop();
                throw e;
            } finally {
                slot.writing.unlock();
            }
        }
    }

    /**
     * The customers written while a full re-evaluation ran, on its private state {@code next}: read again,
     * put back in the groups their writes left them in ({@code current}, the memory readers see), and
     * re-tested; the movements returned are from that membership to the new one.
     */
    private List<Movement> reapply(
            Store store, StoreGroups next, StoreGroups current, Set<String> touched, LocalDate day) {
        RoaringBitmap rows = new RoaringBitmap();
        for (CustomerSnapshot customer : engine.ports.customers().findAll(store.id(), touched)) {
            int row = next.upsert(customer);
            rows.add(row);
            Set<String> now = current == null
                    ? Set.of()
                    : current.groupsOf(customer.customer().externalId());
            for (String key : next.order()) {
                next.setMember(key, row, now.contains(key));
            }
        }
        return next.retest(rows, GroupEngine.contextOn(store, day));
    }
}
