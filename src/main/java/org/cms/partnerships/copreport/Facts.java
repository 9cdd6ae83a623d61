package org.cms.partnerships.copreport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cms.partnerships.register.PartnerCategory;

/**
 * What the register says about the partnerships as at a date, for the period since the previous
 * Conference of the Parties: every figure with the records behind it. Computed from the status
 * histories, never from today's statuses; frozen into a report when the Executive Secretary approves it.
 */
public record Facts(
        LocalDate periodFrom,
        LocalDate asOf,
        /** Formal partners as at the date, by category (every category, zero included) and in total. */
        Map<PartnerCategory, Integer> formalPartnersByCategory,
        int formalPartnersTotal,
        List<PartnerLine> formalPartners,
        List<AgreementLine> newPartnerships,
        List<Supersession> renewals,
        List<Ending> terminations,
        List<Pending> pendingInstruments,
        List<PartnerLine> dormantPartners,
        List<PlanLine> workPlansAdopted,
        List<PlanLine> workPlansInImplementation,
        List<PlanLine> workPlansClosed,
        List<DeFacto> deFactoCollaborations,
        List<EndorsementLine> committeeEndorsements) {

    /** A formal partner and the instruments that bind it as at the date. */
    public record PartnerLine(String acronym, String name, PartnerCategory category, List<String> agreements,
                              LocalDate firstSigned) {
    }

    /** An instrument signed in the period; {@code meeting} the meeting where it was signed, if any. */
    public record AgreementLine(String reference, String partnerAcronym, String partnerName, PartnerCategory category,
                                String instrumentType, LocalDate signedOn, String placeOfSignature, String meeting) {
    }

    /** A renewal: {@code reference} signed in the period replaced {@code supersedes} (signed {@code supersedesSignedOn}). */
    public record Supersession(String reference, String partnerAcronym, String partnerName, PartnerCategory category,
                               String instrumentType, LocalDate signedOn, String supersedes, LocalDate supersedesSignedOn) {
    }

    /** An instrument that ended in the period (terminated or expired) and why. */
    public record Ending(String reference, String partnerAcronym, String partnerName, PartnerCategory category,
                         String status, LocalDate on, String reason) {
    }

    /** An instrument waiting for the partner (or the signature) as at the date, and what endorsed it. */
    public record Pending(String reference, String partnerAcronym, String partnerName, PartnerCategory category,
                          String status, LocalDate since, String endorsedBy) {
    }

    /** A joint work plan; {@code activitiesByStatus} as at the date; {@code bodies} who endorsed it, and where. */
    public record PlanLine(String reference, String partnerAcronym, String title, int periodStartYear,
                           int periodEndYear, LocalDate on, List<String> bodies, Map<String, Integer> activitiesByStatus) {
    }

    public record DeFacto(String acronym, String name, PartnerCategory category, LocalDate since, String notes) {
    }

    /** A decision of the Standing Committee in the period. */
    public record EndorsementLine(String subjectType, String subjectReference, String decision, LocalDate decidedOn,
                                  String meeting, String documentNumber) {
    }
}
