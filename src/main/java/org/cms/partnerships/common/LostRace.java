package org.cms.partnerships.common;

import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Two users (or two nodes) acting on the same record at the same moment: the database lets one win and
 * the engine refuses the other with an optimistic-locking failure, or the task the other one completes
 * is already gone. Neither is a server error: the loser is told in plain words (409, 404), whatever API
 * it came through ({@code /api}, {@code /engine-rest}, Tasklist's engine API).
 */
public final class LostRace {

    public static final String CHANGED_MEANWHILE =
            "Someone else changed this at the same moment: reload it and try again if it still needs doing";
    public static final String TASK_GONE =
            "This task is no longer open: it was completed or cancelled in the meantime";

    private LostRace() {
    }

    /** The plain refusal for a request that lost a race, if it did. */
    public static Optional<RuntimeException> refusalFor(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
                return Optional.of(new ConflictException(CHANGED_MEANWHILE));
            }
            if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find task")) {
                return Optional.of(new NotFoundException(TASK_GONE));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
