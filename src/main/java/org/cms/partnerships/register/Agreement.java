package org.cms.partnerships.register;

import java.time.LocalDate;

/** A partnership instrument as the register holds it, with its partner's name for display. */
public record Agreement(
        long id,
        String reference,
        String partnerAcronym,
        String partnerName,
        PartnerCategory partnerCategory,
        InstrumentType instrumentType,
        String title,
        String scope,
        String familyInstruments,
        AgreementStatus status,
        LocalDate proposedOn,
        LocalDate signedOn,
        LocalDate inForceFrom,
        LocalDate expiresOn,
        LocalDate nextReviewOn,
        String signatoryCms,
        String signatoryPartner,
        String placeOfSignature,
        String supersedes,
        String supersededBy,
        String endorsementReference,
        String conditions,
        String draftUrl,
        String draftVersion,
        String termsSummary,
        String proposedBy) {

    /** The same agreement in another status, with the next review date the status change leaves it. */
    public Agreement withStatus(AgreementStatus newStatus, LocalDate newNextReviewOn) {
        return new Agreement(id, reference, partnerAcronym, partnerName, partnerCategory, instrumentType, title, scope,
                familyInstruments, newStatus, proposedOn, signedOn, inForceFrom, expiresOn, newNextReviewOn, signatoryCms,
                signatoryPartner, placeOfSignature, supersedes, supersededBy, endorsementReference, conditions, draftUrl,
                draftVersion, termsSummary, proposedBy);
    }
}
