package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.AGREEMENT_REFERENCE;
import static org.cms.partnerships.agreement.AgreementVariables.PARTNER_NAME;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.springframework.stereotype.Component;

/**
 * Checks a proposal as the process starts (Tasklist start form and REST alike) and, when it stands,
 * records it: the partner if new, and the agreement in PROPOSED with a reference that becomes the
 * business key. Any problem refuses the start with every problem listed; nothing is written.
 */
@Component("proposalValidation")
class ProposalValidation implements ExecutionListener {

    private final PartnerService partners;
    private final AgreementService agreements;
    private final AgreementSettings settings;

    ProposalValidation(PartnerService partners, AgreementService agreements, AgreementSettings settings) {
        this.partners = partners;
        this.agreements = agreements;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        boolean newPartner = "NEW".equals(FormValues.text(execution.getVariable(PARTNER_CHOICE)));
        String acronym = FormValues.text(execution.getVariable(PARTNER_ACRONYM)).toUpperCase();
        Optional<Partner> existing = Optional.empty();
        PartnerCategory newCategory = null;
        if (acronym.isEmpty()) {
            problems.add("The partner's acronym is required");
        } else if (newPartner) {
            if (!acronym.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
                problems.add("The acronym '%s' may contain only letters, digits and hyphens".formatted(acronym));
            } else if (partners.findByAcronym(acronym).isPresent()) {
                problems.add("A partner with acronym %s is already registered: choose it as an existing partner".formatted(acronym));
            }
            FormValues.requiredText(execution.getVariable(NEW_PARTNER_NAME), "name of the new partner", 3, problems);
            newCategory = FormValues.enumValue(PartnerCategory.class, execution.getVariable(NEW_PARTNER_CATEGORY),
                    "partner category", problems);
            String email = FormValues.text(execution.getVariable(FOCAL_POINT_EMAIL));
            if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add("The focal point's e-mail address '%s' is not valid".formatted(email));
            }
        } else {
            existing = partners.findByAcronym(acronym);
            if (existing.isEmpty()) {
                problems.add("No partner with acronym %s; register it as a new partner".formatted(acronym));
            }
        }
        InstrumentType instrument = FormValues.enumValue(InstrumentType.class, execution.getVariable(INSTRUMENT_TYPE),
                "instrument type", problems);
        String title = FormValues.requiredText(execution.getVariable(TITLE), "title", 5, problems);
        LocalDate termStart = FormValues.date(execution.getVariable(TERM_START), "start of the proposed term", problems);
        LocalDate termEnd = null;
        if (!FormValues.text(execution.getVariable(TERM_END)).isEmpty()) {
            termEnd = FormValues.date(execution.getVariable(TERM_END), "end of the proposed term", problems);
            if (termStart != null && termEnd != null && !termEnd.isAfter(termStart)) {
                problems.add("The proposed term ends (%s) before it starts (%s)".formatted(termEnd, termStart));
            }
        }
        String supersedes = FormValues.text(execution.getVariable(SUPERSEDES)).toUpperCase();
        if (!supersedes.isEmpty()) {
            Optional<Agreement> older = agreements.find(supersedes);
            if (older.isEmpty()) {
                problems.add("No agreement with reference %s to supersede".formatted(supersedes));
            } else if (older.get().status() != AgreementStatus.IN_FORCE && older.get().status() != AgreementStatus.DORMANT) {
                problems.add("%s is %s: only an agreement in force can be superseded".formatted(supersedes, older.get().status()));
            } else if (!older.get().partnerAcronym().equalsIgnoreCase(acronym)) {
                problems.add("%s is an agreement with %s, not with %s".formatted(supersedes, older.get().partnerAcronym(), acronym));
            }
        }
        if (existing.isPresent() && instrument != null) {
            Optional<Agreement> open = agreements.openProposal(existing.get().acronym(), instrument);
            open.ifPresent(o -> problems.add("A proposal for a %s with %s is already under way: %s (%s)"
                    .formatted(o.instrumentType().label(), o.partnerAcronym(), o.reference(), o.status())));
        }
        InvalidInputException.throwIfAny(problems);

        Partner partner = existing.isPresent() ? existing.get() : createPartner(execution, newCategory);
        List<String> family = FormValues.list(execution.getVariable(FAMILY_INSTRUMENTS));
        String reference = agreements.nextReference(partner.acronym(), RegisterClock.today().getYear());
        String by = Optional.ofNullable((String) execution.getVariable(PROPOSED_BY)).orElse(Actor.SYSTEM);
        agreements.propose(new AgreementService.NewAgreement(reference, partner.id(), instrument, title, scope(execution),
                family.isEmpty() ? null : String.join(", ", family), RegisterClock.today(), termEnd, null, null), by);
        agreements.recordProposer(reference, by);

        execution.setProcessBusinessKey(reference);
        execution.setVariable(AGREEMENT_REFERENCE, reference);
        execution.setVariable(PARTNER_ACRONYM, partner.acronym());
        execution.setVariable(PARTNER_NAME, partner.name());
        execution.setVariable(PARTNER_CATEGORY, partner.category().name());
        execution.setVariable(SUPERSEDES, supersedes.isEmpty() ? null : supersedes);
        execution.setVariable(SUPERSEDES_FLAG, !supersedes.isEmpty());
        execution.setVariable(FAMILY_INSTRUMENT_LIST, new ArrayList<>(family));
        execution.setVariable(FAMILY_INSTRUMENTS, String.join(", ", family));
        execution.setVariable(PROPOSED_BY, by);
        execution.setVariable(PARTNER_REMINDER_CYCLE, "R/" + settings.partnerReminderInterval());
        execution.setVariable(PARTNER_REMINDERS_SENT, 0);
        execution.setVariable(REMINDERS_BEFORE_ALERT, settings.remindersBeforeAlert());
        execution.setVariable(RETURN_TO_ENDORSEMENT, false);
        execution.setVariable(REVISION_REASON, null);
    }

    private Partner createPartner(DelegateExecution execution, PartnerCategory category) {
        Partner partner = partners.create(new PartnerService.NewPartner(
                FormValues.text(execution.getVariable(PARTNER_ACRONYM)).toUpperCase(),
                FormValues.text(execution.getVariable(NEW_PARTNER_NAME)), category,
                emptyToNull(execution.getVariable(NEW_PARTNER_HEADQUARTERS)),
                emptyToNull(execution.getVariable(NEW_PARTNER_WEBSITE)), false, null));
        String focalPoint = FormValues.text(execution.getVariable(FOCAL_POINT_NAME));
        if (!focalPoint.isEmpty()) {
            String language = FormValues.text(execution.getVariable(FOCAL_POINT_LANGUAGE));
            partners.addFocalPoint(partner.id(), new PartnerService.NewFocalPoint(focalPoint, null,
                    emptyToNull(execution.getVariable(FOCAL_POINT_EMAIL)),
                    language.isEmpty() ? Language.EN : Language.valueOf(language)));
        }
        return partner;
    }

    private static String scope(DelegateExecution execution) {
        List<String> parts = new ArrayList<>();
        addPart(parts, "Species", execution.getVariable(SCOPE_SPECIES));
        addPart(parts, "Themes", execution.getVariable(SCOPE_THEMES));
        addPart(parts, "Regions", execution.getVariable(SCOPE_REGIONS));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void addPart(List<String> parts, String label, Object value) {
        String text = FormValues.text(value);
        if (!text.isEmpty()) {
            parts.add(label + ": " + text);
        }
    }

    private static String emptyToNull(Object value) {
        String text = FormValues.text(value);
        return text.isEmpty() ? null : text;
    }
}
