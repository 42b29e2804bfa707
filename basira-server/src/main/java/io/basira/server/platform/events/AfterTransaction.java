package io.basira.server.platform.events;

import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's transaction manager: the JDBC one, plus work queued to run on the same thread once
 * no transaction is open any more (after the outermost commit or rollback, the connection returned).
 *
 * <p>Why not a {@code TransactionSynchronization.afterCommit}: there the committed transaction's
 * connection is still bound to the thread, and a listener that writes with a transaction template of its
 * own (the groups persist their movements) would join the finished transaction and never commit. Here
 * nothing is bound any more, so a listener opens transactions of its own as it would anywhere else.
 */
public final class AfterTransaction implements PlatformTransactionManager {

    private static final ThreadLocal<List<Runnable>> QUEUED = new ThreadLocal<>();

    private final PlatformTransactionManager delegate;

    public AfterTransaction(PlatformTransactionManager delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code work} on this thread when its transactions have ended (now, when none is open). */
    static void run(Runnable work) {
        List<Runnable> queued = QUEUED.get();
        if (queued == null) {
            queued = new ArrayList<>();
            QUEUED.set(queued);
        }
        queued.add(work);
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
        return delegate.getTransaction(definition);
    }

    @Override
    public void commit(TransactionStatus status) throws TransactionException {
        try {
            delegate.commit(status);
        } finally {
            drain();
        }
    }

    @Override
    public void rollback(TransactionStatus status) throws TransactionException {
        try {
            delegate.rollback(status);
        } finally {
            drain();
        }
    }

    private static void drain() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // an outer transaction is still open: after it
        }
        List<Runnable> queued = QUEUED.get();
        while (queued != null && !queued.isEmpty()) {
            QUEUED.remove();
            queued.forEach(Runnable::run); // each catches its own failures
            queued = QUEUED.get();
        }
    }
}
