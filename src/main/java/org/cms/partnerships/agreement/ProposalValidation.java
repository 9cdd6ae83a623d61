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
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.engine.variables.FormInput;
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
        FormInput input = FormInput.of(execution);
        boolean newPartner = input.optional(PARTNER_CHOICE) == PartnerChoice.NEW;
        // Tasklist's start form chooses an existing partner from a list; REST callers name it by its acronym.
        String chosen = newPartner ? "" : input.optionalText(EXISTING_PARTNER);
        String acronym = (chosen.isEmpty() ? input.optionalText(ACRONYM) : chosen).toUpperCase();
        Optional<Partner> existing = Optional.empty();
        PartnerCategory newCategory = null;
        if (acronym.isEmpty()) {
            input.problem(newPartner ? "The partner's acronym is required" : "Choose the partner from the register");
        } else if (newPartner) {
            input.check(acronym.matches("[A-Z0-9][A-Z0-9-]{1,39}"),
                    "The acronym '%s' may contain only letters, digits and hyphens".formatted(acronym));
            input.check(!acronym.matches("[A-Z0-9][A-Z0-9-]{1,39}") || partners.findByAcronym(acronym).isEmpty(),
                    "A partner with acronym %s is already registered: choose it as an existing partner".formatted(acronym));
            input.text(NEW_PARTNER_NAME, 3);
            newCategory = input.required(NEW_PARTNER_CATEGORY);
            String email = input.optionalText(FOCAL_POINT_EMAIL);
            input.check(email.isEmpty() || email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
                    "The focal point's e-mail address '%s' is not valid".formatted(email));
            input.optional(FOCAL_POINT_LANGUAGE);
            // Read before anything is written, so that a value too long for its column is refused with the others.
            input.optionalText(NEW_PARTNER_HEADQUARTERS);
            input.webAddress(NEW_PARTNER_WEBSITE, false);
            input.optionalText(FOCAL_POINT_NAME);
        } else {
            existing = partners.findByAcronym(acronym);
            input.check(existing.isPresent(), "No partner with acronym %s; register it as a new partner".formatted(acronym));
        }
        InstrumentType instrument = input.required(INSTRUMENT_TYPE);
        String title = input.text(TITLE, 5);
        LocalDate termStart = input.required(TERM_START);
        LocalDate termEnd = input.optional(TERM_END);
        input.check(termStart == null || termEnd == null || termEnd.isAfter(termStart),
                "The proposed term ends (%s) before it starts (%s)".formatted(termEnd, termStart));
        String supersedes = input.optionalText(SUPERSEDES).toUpperCase();
        if (!supersedes.isEmpty()) {
            Optional<Agreement> older = agreements.find(supersedes);
            if (older.isEmpty()) {
                input.problem("No agreement with reference %s to supersede".formatted(supersedes));
            } else if (!older.get().status().isActive()) {
                input.problem("%s is %s: only an agreement in force can be superseded".formatted(supersedes, older.get().status()));
            } else if (!older.get().partnerAcronym().equalsIgnoreCase(acronym)) {
                input.problem("%s is an agreement with %s, not with %s".formatted(supersedes, older.get().partnerAcronym(), acronym));
            }
        }
        if (existing.isPresent() && instrument != null) {
            agreements.openProposal(existing.get().acronym(), instrument).ifPresent(o -> input.problem(
                    "A proposal for a %s with %s is already under way: %s (%s)"
                            .formatted(o.instrumentType().label(), o.partnerAcronym(), o.reference(), o.status())));
        }
        List<String> family = input.optional(FAMILY_INSTRUMENTS);
        String scope = scope(input);
        input.check(scope == null || scope.length() <= AgreementService.MAX_SCOPE, "The scope (species, themes and regions) is %d characters long; at most %d fit"
                .formatted(scope == null ? 0 : scope.length(), AgreementService.MAX_SCOPE));
        input.throwIfInvalid();

        Partner partner = existing.isPresent() ? existing.get() : createPartner(input, acronym, newCategory);
        family = family == null ? List.of() : family;
        String reference = agreements.nextReference(partner.acronym(), RegisterClock.today().getYear());
        String by = Optional.ofNullable(PROPOSED_BY.orNull(execution)).orElse(Actor.SYSTEM);
        agreements.propose(new AgreementService.NewAgreement(reference, partner.id(), instrument, title, scope,
                family.isEmpty() ? null : String.join(", ", family), RegisterClock.today(), termEnd, null, null), by);

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

    private Partner createPartner(FormInput input, String acronym, PartnerCategory category) {
        Partner partner = partners.create(new PartnerService.NewPartner(acronym, input.optionalText(NEW_PARTNER_NAME),
                category, emptyToNull(input.optionalText(NEW_PARTNER_HEADQUARTERS)),
                emptyToNull(input.optionalText(NEW_PARTNER_WEBSITE)), false, null));
        String focalPoint = input.optionalText(FOCAL_POINT_NAME);
        if (!focalPoint.isEmpty()) {
            Language language = input.optional(FOCAL_POINT_LANGUAGE);
            partners.addFocalPoint(partner.id(), new PartnerService.NewFocalPoint(focalPoint, null,
                    emptyToNull(input.optionalText(FOCAL_POINT_EMAIL)), language == null ? Language.EN : language));
        }
        return partner;
    }

    private static String scope(FormInput input) {
        List<String> parts = new ArrayList<>();
        addPart(parts, "Species", input.optionalText(SCOPE_SPECIES));
        addPart(parts, "Themes", input.optionalText(SCOPE_THEMES));
        addPart(parts, "Regions", input.optionalText(SCOPE_REGIONS));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static void addPart(List<String> parts, String label, String text) {
        if (!text.isEmpty()) {
            parts.add(label + ": " + text);
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
