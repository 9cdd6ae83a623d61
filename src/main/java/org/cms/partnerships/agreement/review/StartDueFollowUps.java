package org.cms.partnerships.agreement.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.stereotype.Component;

/** The morning sweep's one step: start the follow-ups that are due today. */
@Component("startDueFollowUps")
class StartDueFollowUps implements JavaDelegate {

    private final FollowUps followUps;

    StartDueFollowUps(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUps.Started started = followUps.startDue(RegisterClock.today());
        AnnualReviewProcess.REVIEWS_STARTED.set(execution, started.reviews().size());
        AnnualReviewProcess.RENEWALS_STARTED.set(execution, started.renewals().size());
    }
}
