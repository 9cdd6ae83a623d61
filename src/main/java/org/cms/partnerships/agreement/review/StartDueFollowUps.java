package org.cms.partnerships.agreement.review;

import static org.cms.partnerships.agreement.review.AnnualReviewProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.stereotype.Component;

/**
 * The morning sweep's one step, one share at a time: start the follow-ups that are due today, going on
 * from where the share before stopped; the model loops (a job per share) while some are left.
 */
@Component("startDueFollowUps")
class StartDueFollowUps implements JavaDelegate {

    private final FollowUps followUps;

    StartDueFollowUps(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean first = SWEEP_DAY.orNull(execution) == null;
        LocalDate day = first ? RegisterClock.today() : SWEEP_DAY.from(execution);
        FollowUps.Share share = followUps.startDueShare(day, first ? null : SWEPT_UP_TO.orNull(execution));
        SWEEP_DAY.set(execution, day);
        REVIEWS_STARTED.set(execution, (first ? 0 : REVIEWS_STARTED.from(execution)) + share.reviews().size());
        RENEWALS_STARTED.set(execution, (first ? 0 : RENEWALS_STARTED.from(execution)) + share.renewals().size());
        SWEPT_UP_TO.set(execution, share.sweptUpTo());
        FOLLOW_UPS_LEFT.set(execution, share.sweptUpTo() != null);
    }
}
