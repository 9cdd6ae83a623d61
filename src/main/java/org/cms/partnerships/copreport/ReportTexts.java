package org.cms.partnerships.copreport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.PartnerCategory;

/**
 * The fixed wording of the document in each language (headings, table headers, categories), so a
 * courtesy translation reads in its language around the translated narrative.
 */
final class ReportTexts {

    private final Language language;
    private final Map<String, String> words;

    private ReportTexts(Language language, Map<String, String> words) {
        this.language = language;
        this.words = words;
    }

    static ReportTexts of(Language language) {
        return switch (language) {
            case EN -> new ReportTexts(language, EN);
            case FR -> new ReportTexts(language, FR);
            case ES -> new ReportTexts(language, ES);
        };
    }

    String get(String key) {
        String word = words.get(key);
        if (word == null) {
            throw new IllegalArgumentException("No text '%s' in %s".formatted(key, language));
        }
        return word;
    }

    String section(ReportSection section) {
        return get("section." + section.name());
    }

    String category(PartnerCategory category) {
        return get("category." + category.name());
    }

    String date(LocalDate day) {
        String pattern = language == Language.ES ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";
        return day == null ? "" : day.format(DateTimeFormatter.ofPattern(pattern, locale()));
    }

    Locale locale() {
        return switch (language) {
            case EN -> Locale.ENGLISH;
            case FR -> Locale.FRENCH;
            case ES -> Locale.forLanguageTag("es");
        };
    }

    /** "13th MEETING OF THE CONFERENCE OF THE PARTIES", "13e RÉUNION ...", "13ª REUNIÓN ...". */
    String meeting(int number) {
        return switch (language) {
            case EN -> org.cms.partnerships.meeting.Meeting.ordinal(number) + " MEETING OF THE CONFERENCE OF THE PARTIES";
            case FR -> number + "e RÉUNION DE LA CONFÉRENCE DES PARTIES";
            case ES -> number + "ª REUNIÓN DE LA CONFERENCIA DE LAS PARTES";
        };
    }

    String summary(int previousCop, LocalDate asOf) {
        String ordinal = switch (language) {
            case EN -> org.cms.partnerships.meeting.Meeting.ordinal(previousCop);
            case FR -> previousCop + "e";
            case ES -> previousCop + "ª";
        };
        return get("summary.text").formatted(ordinal, date(asOf));
    }

    Language language() {
        return language;
    }

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("convention", "CONVENTION ON MIGRATORY SPECIES"),
            Map.entry("distribution", "Distribution: General"),
            Map.entry("original", "Original: English"),
            Map.entry("courtesy", "Courtesy translation"),
            Map.entry("agenda", "Agenda Item"),
            Map.entry("title", "SYNERGIES AND PARTNERSHIPS"),
            Map.entry("prepared", "(Prepared by the Secretariat)"),
            Map.entry("summary", "Summary:"),
            Map.entry("summary.text", "This document reports on the partnerships of the Secretariat since the %s meeting of the Conference of the Parties, as recorded in its register, and highlights the state of activities as at %s."),
            Map.entry("section.BACKGROUND", "Background"),
            Map.entry("section.MEAS", "Multilateral Environmental Agreements (MEAs)"),
            Map.entry("section.UN_AGENCIES_IGOS", "UN Agencies and Intergovernmental Organizations"),
            Map.entry("section.NGOS_CIVIL_SOCIETY", "Non-Governmental Organizations and Civil Society"),
            Map.entry("section.PRIVATE_SECTOR", "Private Sector"),
            Map.entry("section.DE_FACTO", "De Facto Partnerships"),
            Map.entry("section.JOINT_WORK_PLANS", "Joint Work Plans"),
            Map.entry("section.CONCLUSION", "Conclusion"),
            Map.entry("section.ACTION_REQUESTED", "Action requested"),
            Map.entry("table.byCategory", "Formal partners by category as at %s"),
            Map.entry("table.partners", "Formal partners as at %s"),
            Map.entry("table.new", "New formal partnerships in the period"),
            Map.entry("table.renewals", "Renewals and supersessions"),
            Map.entry("table.endings", "Terminations"),
            Map.entry("table.pending", "Instruments pending"),
            Map.entry("table.dormant", "Dormant partners"),
            Map.entry("table.plans", "Joint work plans"),
            Map.entry("table.deFacto", "De facto collaborations"),
            Map.entry("table.endorsements", "Endorsements by the Standing Committee in the period"),
            Map.entry("col.category", "Category"), Map.entry("col.number", "Number"), Map.entry("col.partner", "Partner"),
            Map.entry("col.instrument", "Instrument"), Map.entry("col.date", "Date"), Map.entry("col.meeting", "Where signed"),
            Map.entry("col.replaces", "Replaces"), Map.entry("col.reason", "Reason"), Map.entry("col.status", "Status"),
            Map.entry("col.endorsedBy", "Endorsed by"), Map.entry("col.plan", "Joint work plan"),
            Map.entry("col.stage", "Stage"), Map.entry("col.activities", "Activities"), Map.entry("col.since", "Since"),
            Map.entry("col.subject", "Subject"), Map.entry("col.instruments", "Instruments"),
            Map.entry("total", "Total"), Map.entry("none", "None in the period."),
            Map.entry("stage.adopted", "adopted"), Map.entry("stage.implementation", "in implementation"), Map.entry("stage.closed", "closed"),
            Map.entry("category.MEA", "Multilateral environmental agreements"),
            Map.entry("category.UN_AGENCY_IGO", "UN agencies and intergovernmental bodies"),
            Map.entry("category.NGO", "Non-governmental organizations"),
            Map.entry("category.NATIONAL_GOVERNMENTAL", "National governmental bodies"),
            Map.entry("category.PRIVATE_SECTOR", "Private sector"),
            Map.entry("category.ACADEMIC", "Academic and scientific bodies"),
            Map.entry("category.FOUNDATION", "Foundations"));

    private static final Map<String, String> FR = Map.ofEntries(
            Map.entry("convention", "CONVENTION SUR LES ESPÈCES MIGRATRICES"),
            Map.entry("distribution", "Distribution : générale"),
            Map.entry("original", "Original : anglais"),
            Map.entry("courtesy", "Traduction de courtoisie"),
            Map.entry("agenda", "Point de l'ordre du jour"),
            Map.entry("title", "SYNERGIES ET PARTENARIATS"),
            Map.entry("prepared", "(Préparé par le Secrétariat)"),
            Map.entry("summary", "Résumé :"),
            Map.entry("summary.text", "Le présent document rend compte des partenariats du Secrétariat depuis la %s réunion de la "
                    + "Conférence des Parties, tels qu'inscrits à son registre, et présente l'état des activités au %s."),
            Map.entry("section.BACKGROUND", "Contexte"),
            Map.entry("section.MEAS", "Accords multilatéraux sur l'environnement (AME)"),
            Map.entry("section.UN_AGENCIES_IGOS", "Institutions des Nations Unies et organisations intergouvernementales"),
            Map.entry("section.NGOS_CIVIL_SOCIETY", "Organisations non gouvernementales et société civile"),
            Map.entry("section.PRIVATE_SECTOR", "Secteur privé"),
            Map.entry("section.DE_FACTO", "Partenariats de fait"),
            Map.entry("section.JOINT_WORK_PLANS", "Plans de travail conjoints"),
            Map.entry("section.CONCLUSION", "Conclusion"),
            Map.entry("section.ACTION_REQUESTED", "Action requise"),
            Map.entry("table.byCategory", "Partenaires officiels par catégorie au %s"),
            Map.entry("table.partners", "Partenaires officiels au %s"),
            Map.entry("table.new", "Nouveaux partenariats officiels de la période"),
            Map.entry("table.renewals", "Renouvellements et remplacements"),
            Map.entry("table.endings", "Résiliations"),
            Map.entry("table.pending", "Instruments en attente"),
            Map.entry("table.dormant", "Partenaires inactifs"),
            Map.entry("table.plans", "Plans de travail conjoints"),
            Map.entry("table.deFacto", "Collaborations de fait"),
            Map.entry("table.endorsements", "Approbations du Comité permanent pendant la période"),
            Map.entry("col.category", "Catégorie"), Map.entry("col.number", "Nombre"), Map.entry("col.partner", "Partenaire"),
            Map.entry("col.instrument", "Instrument"), Map.entry("col.date", "Date"), Map.entry("col.meeting", "Lieu de signature"),
            Map.entry("col.replaces", "Remplace"), Map.entry("col.reason", "Motif"), Map.entry("col.status", "Statut"),
            Map.entry("col.endorsedBy", "Approuvé par"), Map.entry("col.plan", "Plan de travail conjoint"),
            Map.entry("col.stage", "Étape"), Map.entry("col.activities", "Activités"), Map.entry("col.since", "Depuis"),
            Map.entry("col.subject", "Objet"), Map.entry("col.instruments", "Instruments"),
            Map.entry("total", "Total"), Map.entry("none", "Aucun pendant la période."),
            Map.entry("stage.adopted", "adopté"), Map.entry("stage.implementation", "en cours de mise en œuvre"), Map.entry("stage.closed", "clos"),
            Map.entry("category.MEA", "Accords multilatéraux sur l'environnement"),
            Map.entry("category.UN_AGENCY_IGO", "Institutions des Nations Unies et organismes intergouvernementaux"),
            Map.entry("category.NGO", "Organisations non gouvernementales"),
            Map.entry("category.NATIONAL_GOVERNMENTAL", "Organismes gouvernementaux nationaux"),
            Map.entry("category.PRIVATE_SECTOR", "Secteur privé"),
            Map.entry("category.ACADEMIC", "Organismes universitaires et scientifiques"),
            Map.entry("category.FOUNDATION", "Fondations"));

    private static final Map<String, String> ES = Map.ofEntries(
            Map.entry("convention", "CONVENCIÓN SOBRE LAS ESPECIES MIGRATORIAS"),
            Map.entry("distribution", "Distribución: General"),
            Map.entry("original", "Original: inglés"),
            Map.entry("courtesy", "Traducción de cortesía"),
            Map.entry("agenda", "Punto del orden del día"),
            Map.entry("title", "SINERGIAS Y ASOCIACIONES"),
            Map.entry("prepared", "(Preparado por la Secretaría)"),
            Map.entry("summary", "Resumen:"),
            Map.entry("summary.text", "El presente documento informa sobre las asociaciones de la Secretaría desde la %s reunión de la "
                    + "Conferencia de las Partes, tal como constan en su registro, y presenta el estado de las actividades al %s."),
            Map.entry("section.BACKGROUND", "Antecedentes"),
            Map.entry("section.MEAS", "Acuerdos ambientales multilaterales (AAM)"),
            Map.entry("section.UN_AGENCIES_IGOS", "Organismos de las Naciones Unidas y organizaciones intergubernamentales"),
            Map.entry("section.NGOS_CIVIL_SOCIETY", "Organizaciones no gubernamentales y sociedad civil"),
            Map.entry("section.PRIVATE_SECTOR", "Sector privado"),
            Map.entry("section.DE_FACTO", "Asociaciones de hecho"),
            Map.entry("section.JOINT_WORK_PLANS", "Planes de trabajo conjuntos"),
            Map.entry("section.CONCLUSION", "Conclusión"),
            Map.entry("section.ACTION_REQUESTED", "Acción solicitada"),
            Map.entry("table.byCategory", "Socios formales por categoría al %s"),
            Map.entry("table.partners", "Socios formales al %s"),
            Map.entry("table.new", "Nuevas asociaciones formales del período"),
            Map.entry("table.renewals", "Renovaciones y sustituciones"),
            Map.entry("table.endings", "Terminaciones"),
            Map.entry("table.pending", "Instrumentos pendientes"),
            Map.entry("table.dormant", "Socios inactivos"),
            Map.entry("table.plans", "Planes de trabajo conjuntos"),
            Map.entry("table.deFacto", "Colaboraciones de hecho"),
            Map.entry("table.endorsements", "Aprobaciones del Comité Permanente en el período"),
            Map.entry("col.category", "Categoría"), Map.entry("col.number", "Número"), Map.entry("col.partner", "Socio"),
            Map.entry("col.instrument", "Instrumento"), Map.entry("col.date", "Fecha"), Map.entry("col.meeting", "Lugar de la firma"),
            Map.entry("col.replaces", "Sustituye a"), Map.entry("col.reason", "Motivo"), Map.entry("col.status", "Estado"),
            Map.entry("col.endorsedBy", "Aprobado por"), Map.entry("col.plan", "Plan de trabajo conjunto"),
            Map.entry("col.stage", "Etapa"), Map.entry("col.activities", "Actividades"), Map.entry("col.since", "Desde"),
            Map.entry("col.subject", "Asunto"), Map.entry("col.instruments", "Instrumentos"),
            Map.entry("total", "Total"), Map.entry("none", "Ninguno en el período."),
            Map.entry("stage.adopted", "adoptado"), Map.entry("stage.implementation", "en ejecución"), Map.entry("stage.closed", "cerrado"),
            Map.entry("category.MEA", "Acuerdos ambientales multilaterales"),
            Map.entry("category.UN_AGENCY_IGO", "Organismos de las Naciones Unidas e intergubernamentales"),
            Map.entry("category.NGO", "Organizaciones no gubernamentales"),
            Map.entry("category.NATIONAL_GOVERNMENTAL", "Organismos gubernamentales nacionales"),
            Map.entry("category.PRIVATE_SECTOR", "Sector privado"),
            Map.entry("category.ACADEMIC", "Organismos académicos y científicos"),
            Map.entry("category.FOUNDATION", "Fundaciones"));
}
