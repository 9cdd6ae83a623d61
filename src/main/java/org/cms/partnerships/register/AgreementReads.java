package org.cms.partnerships.register;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 *
 * <p>What this rests on: {@link AgreementService} is the only writer of {@code agreement}, and the partner's
 * columns an {@link Agreement} shows (acronym, name, category) are never updated; a write added elsewhere must
 * go through the service (which calls {@link #forget}). Within one transaction, an agreement that another
 * transaction changes and commits meanwhile is seen as first read (as under REPEATABLE READ); the engine's
 * optimistic locking still refuses two steps of one process racing each other, and the register never locked
 * the row before either.
 *
 * <p>Also known without a read: an agreement created in this transaction has no comments until this
 * transaction adds one (a proposal's first task shows the comments so far, in the transaction that created it).
 */
final class AgreementReads {

    /** This instance's key among the transaction's resources (the DataSource's connection is another). */
    private final Object key = new Object();

    /** The agreement from this transaction's reads, or from {@code database} (kept when the transaction is there to keep it). */
    Optional<Agreement> find(String reference, Function<String, Optional<Agreement>> database) {
        Kept kept = current(true);
        if (kept == null) {
            return database.apply(reference);
        }
        Agreement known = kept.agreements.get(reference);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Agreement> read = database.apply(reference);
        read.ifPresent(agreement -> kept.agreements.put(reference, agreement));
        return read;
    }

    /** Before a write to the {@code agreement} table: the next read in this transaction goes to the database. */
    void forget() {
        Kept kept = current(false);
        if (kept != null) {
            kept.agreements.clear();
        }
    }

    /** The agreement was inserted in this transaction: it has no comments yet. */
    void created(String reference) {
        Kept kept = current(true);
        if (kept != null) {
            kept.uncommented.add(reference);
        }
    }

    /** Before a comment on the agreement is inserted. */
    void commented(String reference) {
        Kept kept = current(false);
        if (kept != null) {
            kept.uncommented.remove(reference);
        }
    }

    /** Whether the agreement is known to have no comments: created in this transaction, none added since. */
    boolean knownUncommented(String reference) {
        Kept kept = current(false);
        return kept != null && kept.uncommented.contains(reference);
    }

    /**
     * After an update whose result is known without reading it back: {@code now} is the row as it is now
     * in this transaction. Only for an update of that one agreement's own columns (not of a link, which the
     * other agreement's row shows too).
     */
    void changed(Agreement now) {
        Kept kept = current(false);
        if (kept != null) {
            kept.agreements.put(now.reference(), now);
        }
    }

    /** What this transaction knows; null outside a transaction (or when nothing is kept and not {@code create}). */
    private Kept current(boolean create) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Kept kept = (Kept) TransactionSynchronizationManager.getResource(key);
        if (kept == null && create) {
            kept = new Kept();
            TransactionSynchronizationManager.bindResource(key, kept);
            TransactionSynchronizationManager.registerSynchronization(new Release(key, kept));
        }
        return kept;
    }

    /** One transaction's agreements by reference, and the references it created that have no comments yet. */
    private static final class Kept {
        final Map<String, Agreement> agreements = new HashMap<>();
        final Set<String> uncommented = new HashSet<>();

        void clear() {
            agreements.clear();
            uncommented.clear();
        }
    }

    /** Unbinds what a transaction kept when it completes; empties it when another transaction suspends it. */
    private record Release(Object key, Kept kept) implements TransactionSynchronization {

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
