package org.cms.partnerships.workplan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drafting rules: what a draft needs before it goes to the partner, and how a revision is kept. */
@Service
public class WorkPlanDrafting {

    private final WorkPlanService workPlans;
    private final ActivityImport activityImport;

    WorkPlanDrafting(WorkPlanService workPlans, ActivityImport activityImport) {
        this.workPlans = workPlans;
        this.activityImport = activityImport;
    }

    /**
     * The draft is ready for consultation: the activities pasted as CSV are imported (the import's rules:
     * {@link ActivityImport#importPastedCsv}), then the typed activities are added or changed, the plan has
     * at least one activity and the deadline for comments is in the future. Refuses with every problem;
     * the caller's transaction keeps nothing of a refused draft.
     *
     * @return the plan's activities as the forms show them
     */
    @Transactional
    public String readyForConsultation(String planReference, String activitiesCsv, String activityLines,
                                       LocalDate commentDeadline) {
        activityImport.importPastedCsv(planReference, activitiesCsv);
        activityImport.importTyped(planReference, activityLines);
        List<String> problems = new ArrayList<>();
        if (workPlans.activities(planReference).isEmpty()) {
            problems.add("The plan has no activity yet: add them one per line or paste them as CSV");
        }
        if (!commentDeadline.isAfter(RegisterClock.today())) {
            problems.add("The deadline for comments %s is not in the future".formatted(commentDeadline));
        }
        InvalidInputException.throwIfAny(problems);
        return workPlans.activitiesText(planReference);
    }

    /**
     * The plan revised after consultation: activities added, changed or removed in one go (or none),
     * and a note on the plan.
     *
     * @return the plan's activities as the forms show them
     */
    @Transactional
    public String revise(String planReference, String activityLines, String by) {
        int changed = activityImport.importTyped(planReference, activityLines);
        workPlans.addComment(planReference, "REVISION", "Secretariat", by,
                "Revised after consultation" + (changed > 0 ? "; %d activities added, changed or removed".formatted(changed) : ""));
        return workPlans.activitiesText(planReference);
    }
}
