package org.cms.partnerships.copreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cms.partnerships.copreport.Facts.AgreementLine;
import org.cms.partnerships.copreport.Facts.PartnerLine;
import org.cms.partnerships.copreport.Facts.PlanLine;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.PartnerCategory;

/**
 * The facts of each section as Markdown for the forms (Tasklist renders a text field as Markdown),
 * every figure followed by the records behind it. Each text stays under the engine's 4000 characters:
 * long lists name the first records and count the rest.
 */
public final class FactsText {

    static final int LIMIT = 3900;

    private FactsText() {
    }

    /** One line for the task list and the approval: the headline figures. */
    public static String summary(Facts f) {
        return "As at %s (period from %s): %d formal partners; %d new formal partnerships; %d renewals; %d terminated or expired; "
                .formatted(f.asOf(), f.periodFrom(), f.formalPartnersTotal(), f.newPartnerships().size(), f.renewals().size(),
                        f.terminations().size())
                + "%d pending; %d dormant; %d joint work plans adopted, %d in implementation, %d closed; %d de facto collaborations; %d Standing Committee endorsements"
                .formatted(f.pendingInstruments().size(), f.dormantPartners().size(), f.workPlansAdopted().size(),
                        f.workPlansInImplementation().size(), f.workPlansClosed().size(), f.deFactoCollaborations().size(),
                        f.committeeEndorsements().size());
    }

    public static String of(ReportSection section, Facts f) {
        List<String> lines = new ArrayList<>();
        switch (section) {
            case BACKGROUND -> {
                lines.add("**Period**: %s to %s".formatted(f.periodFrom(), f.asOf()));
                lines.add("**Formal partners: %d**, of which %s".formatted(f.formalPartnersTotal(), byCategory(f.formalPartnersByCategory())));
                lines.add("**New formal partnerships in the period: %d**%s".formatted(f.newPartnerships().size(),
                        names(f.newPartnerships().stream().map(AgreementLine::partnerAcronym).toList())));
                lines.add("**Standing Committee endorsements in the period: %d**".formatted(f.committeeEndorsements().size()));
                f.committeeEndorsements().forEach(e -> lines.add("- %s %s, %s".formatted(e.subjectType().toLowerCase().replace('_', ' '),
                        e.subjectReference(), e.meeting())));
            }
            case MEAS, UN_AGENCIES_IGOS, NGOS_CIVIL_SOCIETY, PRIVATE_SECTOR -> partnerSection(section, f, lines);
            case DE_FACTO -> {
                lines.add("**De facto collaborations: %d**".formatted(f.deFactoCollaborations().size()));
                f.deFactoCollaborations().forEach(d -> lines.add("- %s (%s)%s".formatted(d.name(), d.acronym(),
                        d.since() == null ? "" : ", since " + d.since().getYear())));
            }
            case JOINT_WORK_PLANS -> {
                lines.add("**Adopted in the period: %d**".formatted(f.workPlansAdopted().size()));
                f.workPlansAdopted().forEach(p -> lines.add("- %s (%s), %s%s".formatted(p.title(), p.reference(), p.on(),
                        p.bodies().isEmpty() ? "" : "; endorsed by " + String.join("; ", p.bodies()))));
                lines.add("**In implementation: %d**".formatted(f.workPlansInImplementation().size()));
                f.workPlansInImplementation().forEach(p -> lines.add("- %s (%s)%s".formatted(p.title(), p.reference(), activities(p))));
                lines.add("**Closed in the period: %d**".formatted(f.workPlansClosed().size()));
                f.workPlansClosed().forEach(p -> lines.add("- %s (%s), %s".formatted(p.title(), p.reference(), p.on())));
            }
            case CONCLUSION -> lines.add(summary(f));
            case ACTION_REQUESTED -> lines.add("The seeds ask the Conference to take note of the report and to guide the Secretariat's"
                    + " work on synergies and partnerships; name here what this Conference is invited to do.");
        }
        return fit(lines);
    }

    private static void partnerSection(ReportSection section, Facts f, List<String> lines) {
        Predicate<PartnerCategory> in = section.categories()::contains;
        List<PartnerLine> partners = f.formalPartners().stream().filter(p -> in.test(p.category())).toList();
        lines.add("**Formal partners: %d**".formatted(partners.size()));
        partners.forEach(p -> lines.add("- %s (%s): %s".formatted(p.name(), p.acronym(), String.join(", ", p.agreements()))));
        List<AgreementLine> signed = f.newPartnerships().stream().filter(a -> in.test(a.category())).toList();
        lines.add("**New in the period: %d**".formatted(signed.size()));
        signed.forEach(a -> lines.add("- %s: %s signed on %s%s".formatted(a.partnerAcronym(), a.reference(), a.signedOn(),
                a.meeting() == null ? "" : " at the " + a.meeting())));
        f.renewals().stream().filter(r -> in.test(r.category())).forEach(r -> lines.add("- Renewed: %s replaces %s (%s)"
                .formatted(r.reference(), r.supersedes(), r.signedOn())));
        f.terminations().stream().filter(t -> in.test(t.category())).forEach(t -> lines.add("- Ended: %s %s on %s: %s"
                .formatted(t.reference(), t.status().toLowerCase(), t.on(), t.reason())));
        f.pendingInstruments().stream().filter(p -> in.test(p.category())).forEach(p -> lines.add("- Pending: %s (%s since %s%s)"
                .formatted(p.reference(), p.status().toLowerCase().replace('_', ' '), p.since(),
                        p.endorsedBy() == null ? "" : "; endorsed by the " + p.endorsedBy())));
        List<String> dormant = f.dormantPartners().stream().filter(p -> in.test(p.category())).map(PartnerLine::acronym).toList();
        if (!dormant.isEmpty()) {
            lines.add("**Dormant: %d** (%s)".formatted(dormant.size(), String.join(", ", dormant)));
        }
    }

    static String byCategory(Map<PartnerCategory, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> "%d %s".formatted(e.getValue(), e.getKey().label().toLowerCase()))
                .collect(Collectors.joining(", "));
    }

    static String activities(PlanLine p) {
        String counted = p.activitiesByStatus().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey().toLowerCase().replace('_', ' ')).collect(Collectors.joining(", "));
        return counted.isEmpty() ? "" : ": activities " + counted;
    }

    private static String names(List<String> acronyms) {
        return acronyms.isEmpty() ? "" : " (" + String.join(", ", acronyms) + ")";
    }

    /** Links to the documents, for the forms. */
    static String links(String key, List<Language> languages) {
        StringBuilder out = new StringBuilder("Documents: ");
        for (Language language : languages) {
            String lang = language.name().toLowerCase();
            out.append("[DOCX %s](/api/cop-reports/%s/document.docx?language=%s) · [PDF %s](/api/cop-reports/%s/document.pdf?language=%s) · "
                    .formatted(language, key, lang, language, key, lang));
        }
        return out.append("[facts CSV](/api/cop-reports/%s/facts.csv) · [facts JSON](/api/cop-reports/%s/facts)".formatted(key, key)).toString();
    }

    private static String fit(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String next = lines.get(i) + "\n";
            if (out.length() + next.length() > LIMIT) {
                out.append("- ... and %d more (see the facts CSV)\n".formatted(lines.size() - i));
                break;
            }
            out.append(next);
        }
        return out.toString().strip();
    }
}
