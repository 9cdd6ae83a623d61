package org.cms.partnerships.register;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One read of an agreement per transaction. A step of a process runs its delegates and listeners in
 * one engine transaction, and each of them reads the agreement by its reference (as many as seven times
 * in a step): the first read of a reference is kept for the rest of that transaction.
 *
 * <p>The rules that keep it the register's view:
 * <ul>
 * <li>only inside an actual Spring transaction (the engine's, or a {@code @Transactional} service
 * method); outside one every read goes to the database, as before;</li>
 * <li>every write of {@link AgreementService} to the {@code agreement} table {@link #forget}s what this
 * transaction kept (all of it: a link written on one agreement shows in the other's row), or, for a status
 * change, {@link #changed keeps} the agreement as the update leaves it; so a read after a write in the
 * same transaction sees the write;</li>
 * <li>what is kept is dropped when the transaction completes (commit or rollback) and when it is suspended
 * (a {@code REQUIRES_NEW} inside it may change the agreement and commit); a new transaction starts empty, so
 * nothing read in one transaction is seen in another.</li>
 * </ul>
 * An absent agreement is not kept (a reference about to be created is looked up before it exists).
 * {@link Agreement} is immutable, so the same instance can be handed out more than once.
 */
final class AgreementReads {

    /** This instance's key among the transaction's resources (the DataSource's connection is another). */
    private final Object key = new Object();

    /** The agreement from this transaction's reads, or from {@code database} (kept when the transaction is there to keep it). */
    Optional<Agreement> find(String reference, Function<String, Optional<Agreement>> database) {
        Map<String, Agreement> kept = current(true);
        if (kept == null) {
            return database.apply(reference);
        }
        Agreement known = kept.get(reference);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Agreement> read = database.apply(reference);
        read.ifPresent(agreement -> kept.put(reference, agreement));
        return read;
    }

    /** Before a write to the {@code agreement} table: the next read in this transaction goes to the database. */
    void forget() {
        Map<String, Agreement> kept = current(false);
        if (kept != null) {
            kept.clear();
        }
    }

    /**
     * After an update whose result is known without reading it back: {@code now} is the row as it is now
     * in this transaction. Only for an update of that one agreement's own columns (not of a link, which the
     * other agreement's row shows too).
     */
    void changed(Agreement now) {
        Map<String, Agreement> kept = current(false);
        if (kept != null) {
            kept.put(now.reference(), now);
        }
    }

    /** This transaction's agreements; null outside a transaction (or when not {@code create}d yet). */
    @SuppressWarnings("unchecked")
    private Map<String, Agreement> current(boolean create) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Agreement> kept = (Map<String, Agreement>) TransactionSynchronizationManager.getResource(key);
        if (kept == null && create) {
            kept = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, kept);
            TransactionSynchronizationManager.registerSynchronization(new Release(key, kept));
        }
        return kept;
    }

    /** Unbinds what a transaction kept when it completes; empties it when another transaction suspends it. */
    private record Release(Object key, Map<String, Agreement> kept) implements TransactionSynchronization {

        @Override
        public void suspend() {
            // The inner transaction may write the agreement and commit: after it, read again.
            kept.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, kept);
        }

        @Override
        public void afterCompletion(int status) {
            kept.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
