package org.cms.partnerships.endorsement;

import org.cms.partnerships.endorsement.Endorsement.SubjectType;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanService;
import org.springframework.stereotype.Component;

/** What an endorsement is about, looked up in the register: title and partner of the subject. */
@Component
public class EndorsementSubjects {

    public record Subject(String reference, String title, long partnerId, String partnerAcronym, String partnerName) {
    }

    private final AgreementService agreements;
    private final WorkPlanService workPlans;
    private final PartnerService partners;

    public EndorsementSubjects(AgreementService agreements, WorkPlanService workPlans, PartnerService partners) {
        this.agreements = agreements;
        this.workPlans = workPlans;
        this.partners = partners;
    }

    /** @throws org.cms.partnerships.common.NotFoundException if the register has no such subject */
    public Subject resolve(SubjectType type, String reference) {
        return switch (type) {
            case AGREEMENT, AMENDMENT -> {
                Agreement a = agreements.get(agreementReference(reference));
                yield new Subject(reference, a.title(), partners.getByAcronym(a.partnerAcronym()).id(),
                        a.partnerAcronym(), a.partnerName());
            }
            case WORK_PLAN, EXTENSION, PROGRESS_REPORT -> {
                WorkPlan w = workPlans.get(reference);
                var partner = partners.getByAcronym(w.partnerAcronym());
                yield new Subject(reference, w.title(), partner.id(), partner.acronym(), partner.name());
            }
        };
    }

    /** Writes the outcome onto the agreement's record; work plans keep theirs in the endorsement table. */
    public void recordOutcome(SubjectType type, String reference, Endorsement endorsement) {
        if (type == SubjectType.AGREEMENT || type == SubjectType.AMENDMENT) {
            agreements.addEndorsementReference(agreementReference(reference), endorsement.summary());
        }
    }

    /** An amendment is referenced as "CMS-IWC-2000/A1": the agreement is the part before the slash. */
    static String agreementReference(String reference) {
        int slash = reference.indexOf('/');
        return slash < 0 ? reference : reference.substring(0, slash);
    }
}
