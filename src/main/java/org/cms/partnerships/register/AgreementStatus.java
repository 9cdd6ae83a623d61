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

    /** Statuses of an agreement still on its way to signature. */
    public static final Set<AgreementStatus> IN_PREPARATION = EnumSet.of(PROPOSED, IN_DUE_DILIGENCE, DRAFTING,
            IN_CONSULTATION, IN_LEGAL_REVIEW, AWAITING_CLEARANCE, AWAITING_ENDORSEMENT, AWAITING_PARTNER_APPROVAL,
            AWAITING_SIGNATURE);

    /** Statuses of a signed agreement that still binds both sides. */
    public static final Set<AgreementStatus> EFFECTIVE = EnumSet.of(IN_FORCE, DORMANT, SUSPENDED);

    public boolean isFinal() {
        return this == EXPIRED || this == SUPERSEDED || this == TERMINATED || this == REJECTED || this == WITHDRAWN;
    }

    public boolean canChangeTo(AgreementStatus next) {
        if (next == this || isFinal()) {
            return false;
        }
        if (IN_PREPARATION.contains(this)) {
            // Preparation steps loop back and forth (revisions); it ends in force, rejected or withdrawn.
            return IN_PREPARATION.contains(next) || next == IN_FORCE || next == REJECTED || next == WITHDRAWN;
        }
        return switch (this) {
            case IN_FORCE -> EnumSet.of(DORMANT, SUSPENDED, EXPIRED, SUPERSEDED, TERMINATED).contains(next);
            case DORMANT -> EnumSet.of(IN_FORCE, SUSPENDED, EXPIRED, SUPERSEDED, TERMINATED).contains(next);
            case SUSPENDED -> EnumSet.of(IN_FORCE, EXPIRED, SUPERSEDED, TERMINATED).contains(next);
            default -> false;
        };
    }
}
