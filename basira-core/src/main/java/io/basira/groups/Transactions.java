package io.basira.groups;

import java.util.function.Supplier;

/**
 * Port: runs work in one transaction of the database the other ports write to, committed when the work
 * returns and rolled back when it throws (the exception is thrown on).
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} directly: for fakes that need no transaction. */
    Transactions NONE = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
}
