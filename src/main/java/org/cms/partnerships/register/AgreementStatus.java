package org.cms.partnerships.register;

import java.util.EnumSet;
import java.util.Set;

/**
 * The statuses a partnership agreement passes through (DOMAIN.md). Each status lists where it may go
 * next, so a process step that would move an agreement the wrong way fails loudly instead of
 * leaving the register disagreeing with the engine.
 */
public enum AgreementStatus {
    PROPOSED,
    IN_DUE_DILIGENCE,
    DRAFTING,
    IN_CONSULTATION,
    IN_LEGAL_REVIEW,
    /** With the Executive Secretary for clearance before it leaves the Secretariat. */
    AWAITING_CLEARANCE,
    AWAITING_ENDORSEMENT,
    AWAITING_PARTNER_APPROVAL,
    AWAITING_SIGNATURE,
    IN_FORCE,
    DORMANT,
    EXPIRED,
    SUSPENDED,
    SUPERSEDED,
    TERMINATED,
    REJECTED,
    WITHDRAWN;

    /** Statuses of an agreement still on its way to signature: it may be withdrawn, and one per partner and instrument. */
    public static final Set<AgreementStatus> IN_PREPARATION = EnumSet.of(PROPOSED, IN_DUE_DILIGENCE, DRAFTING,
            IN_CONSULTATION, IN_LEGAL_REVIEW, AWAITING_CLEARANCE, AWAITING_ENDORSEMENT, AWAITING_PARTNER_APPROVAL,
            AWAITING_SIGNATURE);

    /** Statuses of a signed agreement that still binds both sides (it has annual reviews, it can expire). */
    public static final Set<AgreementStatus> EFFECTIVE = EnumSet.of(IN_FORCE, DORMANT, SUSPENDED);

    /** Binding and not suspended: reviewed every year, and may be superseded by a new agreement. */
    public static final Set<AgreementStatus> ACTIVE = EnumSet.of(IN_FORCE, DORMANT);

    /** The agreement is still on its way to signature. */
    public boolean inPreparation() {
        return IN_PREPARATION.contains(this);
    }

    /** The agreement binds both sides and is not suspended: reviewed yearly, may be superseded. */
    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    /** The agreement binds both sides. */
    public boolean isBinding() {
        return EFFECTIVE.contains(this);
    }

    public boolean isFinal() {
        return this == EXPIRED || this == SUPERSEDED || this == TERMINATED || this == REJECTED || this == WITHDRAWN;
    }

    /**
     * Whether the lifecycle allows a move from this status to {@code next}. A move to the status the
     * agreement already has is never allowed: every line of the history is a real change, so a step
     * that would repeat the status is a modelling error and fails loudly (it is not silently skipped).
     */
    public boolean canChangeTo(AgreementStatus next) {
        if (next == null || next == this || isFinal()) {
            return false;
        }
        if (inPreparation()) {
            // Preparation steps loop back and forth (revisions); it ends in force, rejected or withdrawn.
            return next.inPreparation() || next == IN_FORCE || next == REJECTED || next == WITHDRAWN;
        }
        return switch (this) {
            case IN_FORCE -> EnumSet.of(DORMANT, SUSPENDED, EXPIRED, SUPERSEDED, TERMINATED).contains(next);
            case DORMANT -> EnumSet.of(IN_FORCE, SUSPENDED, EXPIRED, SUPERSEDED, TERMINATED).contains(next);
            case SUSPENDED -> EnumSet.of(IN_FORCE, EXPIRED, SUPERSEDED, TERMINATED).contains(next);
            default -> false;
        };
    }

    /** Refuses a move the lifecycle does not allow (including one to the current status), naming both ends. */
    public void checkCanChangeTo(AgreementStatus next, String reference) {
        if (!canChangeTo(next)) {
            throw new org.cms.partnerships.common.ConflictException("Agreement %s cannot move from %s to %s".formatted(reference, this, next));
        }
    }
}
