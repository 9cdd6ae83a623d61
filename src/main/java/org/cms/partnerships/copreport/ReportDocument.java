package org.cms.partnerships.copreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.cms.partnerships.copreport.Facts.PartnerLine;
import org.cms.partnerships.copreport.Facts.PlanLine;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.PartnerCategory;

/**
 * The report laid out as the seeds are (000, 001, 004): header with symbol, date and original
 * language; meeting, agenda item and title; summary; sections with numbered paragraphs and the
 * register's tables beside them; the action requested. Both renderers (Word, PDF) draw this one model,
 * so the two documents say the same.
 */
public record ReportDocument(Language language, String convention, String distribution, String symbol, String date,
                             String original, String courtesyNote, String meeting, String venueAndDates, String agendaItem,
                             String title, String preparedBy, String summaryHeading, String summary, List<Section> sections) {

    public record Section(String heading, List<Paragraph> paragraphs, List<Table> tables) {
    }

    /** A numbered paragraph (numbers run through the document, as in the seeds). */
    public record Paragraph(int number, String text) {
    }

    public record Table(String title, List<String> headers, List<List<String>> rows) {
    }

    static ReportDocument of(CopReport report, Facts facts, Map<ReportSection, String> narrative, Language language,
                             int previousCop) {
        ReportTexts t = ReportTexts.of(language);
        List<Section> sections = new ArrayList<>();
        int number = 1;
        for (ReportSection section : ReportSection.values()) {
            List<Paragraph> paragraphs = new ArrayList<>();
            String text = narrative.getOrDefault(section, "");
            for (String paragraph : text.split("\\R\\s*\\R")) {
                if (!paragraph.isBlank()) {
                    paragraphs.add(new Paragraph(section == ReportSection.ACTION_REQUESTED ? 0 : number++, paragraph.strip()));
                }
            }
            sections.add(new Section(t.section(section), paragraphs, tables(section, facts, t)));
        }
        String date = t.date(report.publishedOn() != null ? report.publishedOn()
                : report.approvedOn() != null ? report.approvedOn() : facts.asOf());
        return new ReportDocument(language, t.get("convention"), t.get("distribution"), report.symbol(), date,
                t.get("original"), language == Language.EN ? null : t.get("courtesy"), t.meeting(report.copNumber()),
                report.copVenue() + ", " + t.date(report.copStartsOn()) + " - " + t.date(report.copEndsOn()),
                t.get("agenda") + " " + report.agendaItem(), t.get("title"), t.get("prepared"), t.get("summary"),
                t.summary(previousCop, facts.asOf()), sections);
    }

    private static List<Table> tables(ReportSection section, Facts f, ReportTexts t) {
        List<Table> tables = new ArrayList<>();
        switch (section) {
            case BACKGROUND -> {
                List<List<String>> rows = new ArrayList<>();
                for (PartnerCategory category : PartnerCategory.values()) {
                    int count = f.formalPartnersByCategory().getOrDefault(category, 0);
                    if (count > 0) {
                        rows.add(List.of(t.category(category), String.valueOf(count), String.join(", ",
                                f.formalPartners().stream().filter(p -> p.category() == category).map(PartnerLine::acronym).toList())));
                    }
                }
                rows.add(List.of(t.get("total"), String.valueOf(f.formalPartnersTotal()), ""));
                tables.add(new Table(t.get("table.byCategory").formatted(t.date(f.asOf())),
                        List.of(t.get("col.category"), t.get("col.number"), t.get("col.partner")), rows));
                tables.add(new Table(t.get("table.new"), List.of(t.get("col.partner"), t.get("col.instrument"), t.get("col.date"),
                        t.get("col.meeting")), f.newPartnerships().stream().map(a -> List.of(a.partnerName() + " (" + a.partnerAcronym() + ")",
                        instrument(a.instrumentType()), t.date(a.signedOn()), a.meeting() != null ? a.meeting()
                                : a.placeOfSignature() != null ? a.placeOfSignature() : "")).toList()));
                tables.add(new Table(t.get("table.renewals"), List.of(t.get("col.partner"), t.get("col.instrument"), t.get("col.date"),
                        t.get("col.replaces")), f.renewals().stream().map(r -> List.of(r.partnerName() + " (" + r.partnerAcronym() + ")",
                        instrument(r.instrumentType()), t.date(r.signedOn()), r.supersedes())).toList()));
                tables.add(new Table(t.get("table.endings"), List.of(t.get("col.partner"), t.get("col.date"), t.get("col.reason")),
                        f.terminations().stream().map(e -> List.of(e.partnerName() + " (" + e.partnerAcronym() + ")", t.date(e.on()),
                                e.reason() == null ? "" : e.reason())).toList()));
                tables.add(new Table(t.get("table.endorsements"), List.of(t.get("col.subject"), t.get("col.date"), t.get("col.meeting")),
                        f.committeeEndorsements().stream().map(e -> List.of(e.subjectReference(), t.date(e.decidedOn()), e.meeting())).toList()));
            }
            case MEAS, UN_AGENCIES_IGOS, NGOS_CIVIL_SOCIETY, PRIVATE_SECTOR -> {
                Predicate<PartnerCategory> in = section.categories()::contains;
                tables.add(new Table(t.get("table.partners").formatted(t.date(f.asOf())),
                        List.of(t.get("col.partner"), t.get("col.category"), t.get("col.instruments"), t.get("col.since")),
                        f.formalPartners().stream().filter(p -> in.test(p.category())).map(p -> List.of(p.name() + " (" + p.acronym() + ")",
                                t.category(p.category()), String.join(", ", p.agreements()),
                                p.firstSigned() == null ? "" : String.valueOf(p.firstSigned().getYear()))).toList()));
                List<List<String>> pending = f.pendingInstruments().stream().filter(p -> in.test(p.category()))
                        .map(p -> List.of(p.partnerName() + " (" + p.partnerAcronym() + ")", p.reference(), t.date(p.since()),
                                p.endorsedBy() == null ? "" : p.endorsedBy())).toList();
                if (!pending.isEmpty()) {
                    tables.add(new Table(t.get("table.pending"), List.of(t.get("col.partner"), t.get("col.instrument"),
                            t.get("col.since"), t.get("col.endorsedBy")), pending));
                }
                List<List<String>> dormant = f.dormantPartners().stream().filter(p -> in.test(p.category()))
                        .map(p -> List.of(p.name() + " (" + p.acronym() + ")", String.join(", ", p.agreements()))).toList();
                if (!dormant.isEmpty()) {
                    tables.add(new Table(t.get("table.dormant"), List.of(t.get("col.partner"), t.get("col.instruments")), dormant));
                }
            }
            case DE_FACTO -> tables.add(new Table(t.get("table.deFacto"), List.of(t.get("col.partner"), t.get("col.category"),
                    t.get("col.since")), f.deFactoCollaborations().stream().map(d -> List.of(d.name() + " (" + d.acronym() + ")",
                    t.category(d.category()), d.since() == null ? "" : String.valueOf(d.since().getYear()))).toList()));
            case JOINT_WORK_PLANS -> {
                List<List<String>> rows = new ArrayList<>();
                f.workPlansAdopted().forEach(p -> rows.add(planRow(p, t.get("stage.adopted"), t)));
                f.workPlansInImplementation().stream().filter(p -> f.workPlansAdopted().stream().noneMatch(a -> a.reference().equals(p.reference())))
                        .forEach(p -> rows.add(planRow(p, t.get("stage.implementation"), t)));
                f.workPlansClosed().forEach(p -> rows.add(planRow(p, t.get("stage.closed"), t)));
                tables.add(new Table(t.get("table.plans"), List.of(t.get("col.plan"), t.get("col.stage"), t.get("col.date"),
                        t.get("col.endorsedBy"), t.get("col.activities")), rows));
            }
            default -> {
            }
        }
        return tables;
    }

    private static List<String> planRow(PlanLine p, String stage, ReportTexts t) {
        String activities = p.activitiesByStatus().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
        return List.of(p.title() + " (" + p.reference() + ")", stage, t.date(p.on()), String.join("; ", p.bodies()), activities);
    }

    private static String instrument(String type) {
        try {
            return InstrumentType.valueOf(type).label();
        } catch (IllegalArgumentException e) {
            return type;
        }
    }
}
