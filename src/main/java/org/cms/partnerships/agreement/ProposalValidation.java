package org.cms.partnerships.agreement;

import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.ACRONYM;
import static org.cms.partnerships.agreement.AgreementVariables.TITLE;

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
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
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
        boolean newPartner = PartnerChoice.NEW.name().equals(FormValues.text(raw(execution, PARTNER_CHOICE)));
        String acronym = FormValues.text(raw(execution, ACRONYM)).toUpperCase();
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
            FormValues.requiredText(raw(execution, NEW_PARTNER_NAME), "name of the new partner", 3, problems);
            newCategory = FormValues.enumValue(PartnerCategory.class, raw(execution, NEW_PARTNER_CATEGORY),
                    "partner category", problems);
            String email = FormValues.text(raw(execution, FOCAL_POINT_EMAIL));
            if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add("The focal point's e-mail address '%s' is not valid".formatted(email));
            }
        } else {
            existing = partners.findByAcronym(acronym);
            if (existing.isEmpty()) {
                problems.add("No partner with acronym %s; register it as a new partner".formatted(acronym));
            }
        }
        InstrumentType instrument = FormValues.enumValue(InstrumentType.class, raw(execution, INSTRUMENT_TYPE),
                "instrument type", problems);
        String title = FormValues.requiredText(raw(execution, TITLE), "title", 5, problems);
        LocalDate termStart = FormValues.date(raw(execution, TERM_START), "start of the proposed term", problems);
        LocalDate termEnd = null;
        if (!FormValues.text(raw(execution, TERM_END)).isEmpty()) {
            termEnd = FormValues.date(raw(execution, TERM_END), "end of the proposed term", problems);
            if (termStart != null && termEnd != null && !termEnd.isAfter(termStart)) {
                problems.add("The proposed term ends (%s) before it starts (%s)".formatted(termEnd, termStart));
            }
        }
        String supersedes = FormValues.text(raw(execution, SUPERSEDES)).toUpperCase();
        if (!supersedes.isEmpty()) {
            Optional<Agreement> older = agreements.find(supersedes);
            if (older.isEmpty()) {
                problems.add("No agreement with reference %s to supersede".formatted(supersedes));
            } else if (!older.get().status().isActive()) {
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
        List<String> family = FormValues.list(raw(execution, FAMILY_INSTRUMENTS));
        String reference = agreements.nextReference(partner.acronym(), RegisterClock.today().getYear());
        String by = Optional.ofNullable(PROPOSED_BY.orNull(execution)).orElse(Actor.SYSTEM);
        agreements.propose(new AgreementService.NewAgreement(reference, partner.id(), instrument, title, scope(execution),
                family.isEmpty() ? null : String.join(", ", family), RegisterClock.today(), termEnd, null, null), by);
        agreements.recordProposer(reference, by);

        execution.setProcessBusinessKey(reference);
        AgreementVariables.REFERENCE.set(execution, reference);
        ACRONYM.set(execution, partner.acronym());
        AgreementVariables.PARTNER.set(execution, partner.name());
        PARTNER_CATEGORY.set(execution, partner.category());
        SUPERSEDES.set(execution, supersedes.isEmpty() ? null : supersedes);
        SUPERSEDES_FLAG.set(execution, !supersedes.isEmpty());
        FAMILY_INSTRUMENT_LIST.set(execution, family);
        // Kept as text ("AEWA, EUROBATS") for forms and the consultation's status reason; reads back as a list.
        execution.setVariable(FAMILY_INSTRUMENTS.name(), String.join(", ", family));
        PROPOSED_BY.set(execution, by);
        PARTNER_REMINDER_CYCLE.set(execution, "R/" + settings.partnerReminderInterval());
        PARTNER_REMINDERS_SENT.set(execution, 0);
        REMINDERS_BEFORE_ALERT.set(execution, settings.remindersBeforeAlert());
        RETURN_TO_ENDORSEMENT.set(execution, false);
        REVISION_REASON.set(execution, null);
    }

    private Partner createPartner(DelegateExecution execution, PartnerCategory category) {
        Partner partner = partners.create(new PartnerService.NewPartner(
                FormValues.text(raw(execution, ACRONYM)).toUpperCase(),
                FormValues.text(raw(execution, NEW_PARTNER_NAME)), category,
                emptyToNull(raw(execution, NEW_PARTNER_HEADQUARTERS)),
                emptyToNull(raw(execution, NEW_PARTNER_WEBSITE)), false, null));
        String focalPoint = FormValues.text(raw(execution, FOCAL_POINT_NAME));
        if (!focalPoint.isEmpty()) {
            String language = FormValues.text(raw(execution, FOCAL_POINT_LANGUAGE));
            partners.addFocalPoint(partner.id(), new PartnerService.NewFocalPoint(focalPoint, null,
                    emptyToNull(raw(execution, FOCAL_POINT_EMAIL)),
                    language.isEmpty() ? Language.EN : Language.valueOf(language)));
        }
        return partner;
    }

    private static String scope(DelegateExecution execution) {
        List<String> parts = new ArrayList<>();
        addPart(parts, "Species", raw(execution, SCOPE_SPECIES));
        addPart(parts, "Themes", raw(execution, SCOPE_THEMES));
        addPart(parts, "Regions", raw(execution, SCOPE_REGIONS));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void addPart(List<String> parts, String label, Object value) {
        String text = FormValues.text(value);
        if (!text.isEmpty()) {
            parts.add(label + ": " + text);
        }
    }

    /** The value as submitted (start form or REST), checked here with the proposal's own messages. */
    private static Object raw(DelegateExecution execution, ProcessVariable<?> variable) {
        return execution.getVariable(variable.name());
    }

    private static String emptyToNull(Object value) {
        String text = FormValues.text(value);
        return text.isEmpty() ? null : text;
    }
}
