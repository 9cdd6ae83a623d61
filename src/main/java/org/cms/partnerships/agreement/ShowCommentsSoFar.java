package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.COMMENTS_SO_FAR;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * Creating a task that reviews, redrafts, clears, schedules or signs an agreement: what was said so far
 * on it (Family secretariats' consultation comments, legal comments, the Executive Secretary's reasons)
 * is read from the register into the task-local {@link AgreementProcess#COMMENTS_SO_FAR}, which the form
 * shows. In {@code standing-committee-endorsement} only when the subject is an agreement.
 */
@Component("showCommentsSoFar")
class ShowCommentsSoFar implements TaskListener {

    private final AgreementService agreements;

    ShowCommentsSoFar(AgreementService agreements) {
        this.agreements = agreements;
    }

    @Override
    public void notify(DelegateTask task) {
        agreementOf(task).ifPresent(reference -> COMMENTS_SO_FAR.setLocal(task, CommentsSoFar.of(agreements.comments(reference))));
    }

    /** The agreement's reference: the process's own, or the endorsement's subject when that is an agreement. */
    private static Optional<String> agreementOf(DelegateTask task) {
        Optional<SubjectType> subject = EndorsementProcess.SUBJECT_TYPE.optionalFrom(task);
        if (subject.isPresent()) {
            return subject.get() == SubjectType.AGREEMENT ? EndorsementProcess.SUBJECT_REFERENCE.optionalFrom(task) : Optional.empty();
        }
        return AgreementVariables.REFERENCE.optionalFrom(task);
    }
}
