package org.cms.partnerships.agreement.renewal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.amendment.AmendmentProcess;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Service;

/** What a renewal decision leaves and starts: a comment, and a renewed agreement or an extension amendment. */
@Service
public class RenewalService {

    private final AgreementService agreements;
    private final AgreementLifecycle lifecycle;
    private final AmendmentProcess amendments;

    public RenewalService(AgreementService agreements, AgreementLifecycle lifecycle, AmendmentProcess amendments) {
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.amendments = amendments;
    }

    public void recordDecision(String reference, RenewalProcess.Decision decision, String reason, String by) {
        agreements.addComment(reference, "RENEWAL", "Renewal decision", by, decision + ": " + reason);
    }

    /**
     * A new proposal that supersedes the agreement, with its partner, instrument, scope and Family
     * instruments, its term starting the day after this one ends.
     *
     * @return the reference of the renewed agreement (the proposal's business key)
     */
    public String proposeRenewal(String reference) {
        Agreement old = agreements.get(reference);
        Map<String, Object> proposal = new HashMap<>();
        AgreementProcess.PARTNER_CHOICE.putIn(proposal, AgreementProcess.PartnerChoice.EXISTING);
        AgreementVariables.ACRONYM.putIn(proposal, old.partnerAcronym());
        AgreementProcess.INSTRUMENT_TYPE.putIn(proposal, old.instrumentType());
        AgreementVariables.TITLE.putIn(proposal, "Renewal of " + old.title());
        AgreementProcess.SCOPE_THEMES.putIn(proposal, old.scope());
        AgreementProcess.FAMILY_INSTRUMENTS.putIn(proposal, familyInstruments(old.familyInstruments()));
        AgreementProcess.TERM_START.putIn(proposal, old.expiresOn().plusDays(1));
        AgreementProcess.SUPERSEDES.putIn(proposal, old.reference());
        return lifecycle.propose(proposal);
    }

    /** @return the reference of the extension amendment */
    public String proposeExtension(String reference, String reason, LocalDate newExpiresOn) {
        return amendments.propose(reference, "EXTENSION_OF_TERM", "Extension of the term: " + reason, null,
                newExpiresOn.toString());
    }

    private static List<String> familyInstruments(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.replace("[", "").replace("]", "").replace("\"", "").split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
