package org.cms.partnerships.copreport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.register.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of the reports to the Conference of the Parties: their narratives per section and
 * language, the courtesy translations, the status history, and the facts frozen at approval. Before
 * approval {@link #facts} computes them afresh from the register; from approval on it returns the
 * stored ones, so the published figures never move.
 */
@Service
public class CopReportService {

    private static final String SELECT = """
            SELECT r.*, m.number AS cop_number, m.venue AS cop_venue, m.starts_on AS cop_starts_on, m.ends_on AS cop_ends_on
            FROM cop_report r JOIN meeting m ON m.id = r.cop_meeting_id
            """;

    private final JdbcClient jdbc;
    private final FactsService factsService;
    private final ObjectMapper json;

    public CopReportService(JdbcClient jdbc, FactsService factsService, ObjectMapper json) {
        this.jdbc = jdbc;
        this.factsService = factsService;
        this.json = json;
    }

    /** What a report is opened with; the process has checked it ({@code CopReportRequestValidation}). */
    public record NewReport(Meeting cop, String symbol, String agendaItem, LocalDate periodFrom, LocalDate cutOff,
                            LocalDate documentDeadline) {
    }

    /** Opens the report in DRAFTING; a second report for the same COP or with a used symbol is refused (409). */
    @Transactional
    public CopReport open(NewReport n, String by) {
        String key = CopReport.businessKey(n.cop().number());
        if (find(key).isPresent()) {
            throw new ConflictException("The report %s is already in the register".formatted(key));
        }
        if (jdbc.sql("SELECT COUNT(*) FROM cop_report WHERE UPPER(symbol) = UPPER(:symbol)").param("symbol", n.symbol())
                .query(Integer.class).single() > 0) {
            throw new ConflictException("The symbol %s is already used by another report".formatted(n.symbol()));
        }
        jdbc.sql("""
                INSERT INTO cop_report (business_key, cop_meeting_id, symbol, agenda_item, period_from, cut_off,
                                        document_deadline, status, created_at, created_by)
                VALUES (:key, :cop, :symbol, :agendaItem, :from, :cutOff, :deadline, :status, :now, :by)""")
                .param("key", key).param("cop", n.cop().id()).param("symbol", n.symbol()).param("agendaItem", n.agendaItem())
                .param("from", Date.valueOf(n.periodFrom())).param("cutOff", n.cutOff() == null ? null : Date.valueOf(n.cutOff()))
                .param("deadline", Date.valueOf(n.documentDeadline())).param("status", CopReportStatus.DRAFTING.name())
                .param("now", Timestamp.from(RegisterClock.now())).param("by", by).update();
        CopReport opened = get(key);
        event(opened.id(), null, CopReportStatus.DRAFTING, by, "Report opened for the %s meeting of the Conference of the Parties; facts as at %s"
                .formatted(Meeting.ordinal(n.cop().number()), n.cutOff() == null ? "the day of approval" : n.cutOff()));
        return opened;
    }

    /** A stage of the process begins: the report takes its status (nothing recorded when already there). */
    @Transactional
    public void enterStage(String key, CopReportStatus to, String by, String reason) {
        CopReport report = get(key);
        if (report.status() == to) {
            return;
        }
        if (!report.status().canChangeTo(to)) {
            throw new ConflictException("Report %s is %s: it cannot become %s".formatted(key, report.status(), to));
        }
        jdbc.sql("UPDATE cop_report SET status = :status WHERE id = :id").param("status", to.name()).param("id", report.id()).update();
        event(report.id(), report.status(), to, by, reason);
    }

    // ------------------------------------------------------------------ facts

    /** The date the facts are as at: the cut-off, or today until approval when none was given. */
    public LocalDate factsAsOf(CopReport report) {
        return report.cutOff() != null ? report.cutOff() : RegisterClock.today();
    }

    /** The report's facts: frozen from approval on, computed from the register before. */
    public Facts facts(String key) {
        CopReport report = get(key);
        if (report.status().factsFrozen()) {
            String frozen = jdbc.sql("SELECT frozen_facts FROM cop_report WHERE id = :id").param("id", report.id())
                    .query(String.class).single();
            try {
                return json.readValue(frozen, Facts.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The frozen facts of %s cannot be read".formatted(key), e);
            }
        }
        return factsService.asOf(factsAsOf(report), report.periodFrom());
    }

    // ------------------------------------------------------------------ narrative and approval

    /** The officer's narrative of every section, in the original language (English). */
    @Transactional
    public void saveNarrative(String key, Map<ReportSection, String> texts, String by) {
        CopReport report = get(key);
        replaceSections(report.id(), Language.EN, texts);
        event(report.id(), null, null, by, "Narrative drafted");
    }

    /** The narrative in one language, section by section (missing sections absent). */
    public Map<ReportSection, String> narrative(String key, Language language) {
        Map<ReportSection, String> texts = new EnumMap<>(ReportSection.class);
        jdbc.sql("SELECT section, text FROM cop_report_section WHERE report_id = :id AND language = :language")
                .param("id", get(key).id()).param("language", language.name())
                .query((rs, n) -> texts.put(ReportSection.valueOf(rs.getString("section")), rs.getString("text"))).list();
        return texts;
    }

    /** The Executive Secretary returns the draft: the comments stay in the history. */
    @Transactional
    public void returnDraft(String key, String comments, String by) {
        event(get(key).id(), null, null, by, "Returned by the Executive Secretary: " + comments);
    }

    /** Approval: the facts are computed one last time and stored; from now on they never move. */
    @Transactional
    public Facts approve(String key, String comment, String by) {
        CopReport report = get(key);
        LocalDate today = RegisterClock.today();
        LocalDate asOf = factsAsOf(report);
        Facts facts = factsService.asOf(asOf, report.periodFrom());
        try {
            jdbc.sql("""
                    UPDATE cop_report SET frozen_facts = :facts, cut_off = :asOf, approved_on = :today, approved_by = :by
                    WHERE id = :id""")
                    .param("facts", json.writeValueAsString(facts)).param("asOf", Date.valueOf(asOf))
                    .param("today", Date.valueOf(today)).param("by", by).param("id", report.id()).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The facts of %s cannot be stored".formatted(key), e);
        }
        event(report.id(), null, null, by, "Approved by the Executive Secretary; facts frozen as at %s%s"
                .formatted(asOf, comment == null || comment.isBlank() ? "" : ": " + comment));
        return facts;
    }

    // ------------------------------------------------------------------ translations

    public record Translation(Language language, LocalDate requestedOn, LocalDate dueOn, LocalDate receivedOn, String outcome) {
        public boolean late() {
            return receivedOn != null ? receivedOn.isAfter(dueOn) : RegisterClock.today().isAfter(dueOn);
        }
    }

    /** Courtesy translations into French and Spanish requested, due on {@code dueOn} (in the future). */
    @Transactional
    public void requestTranslations(String key, List<Language> languages, LocalDate dueOn, String by) {
        CopReport report = get(key);
        InvalidInputException.throwIfAny(dueOn.isAfter(RegisterClock.today()) ? List.of()
                : List.of("translationDueDate: the translations' deadline %s is not in the future".formatted(dueOn)));
        for (Language language : languages) {
            jdbc.sql("""
                    INSERT INTO cop_report_translation (report_id, language, requested_on, due_on)
                    VALUES (:id, :language, :today, :due)""")
                    .param("id", report.id()).param("language", language.name())
                    .param("today", Date.valueOf(RegisterClock.today())).param("due", Date.valueOf(dueOn)).update();
        }
        event(report.id(), null, null, by, "Courtesy translations requested (%s), due on %s".formatted(languages, dueOn));
    }

    /** A translation arrived (its text per section) or will not arrive; late when after its deadline. */
    @Transactional
    public Translation recordTranslation(String key, Language language, boolean received, LocalDate on,
                                         Map<ReportSection, String> texts, String by) {
        CopReport report = get(key);
        Translation requested = translations(key).stream().filter(t -> t.language() == language).findFirst()
                .orElseThrow(() -> new ConflictException("No %s translation was requested for %s".formatted(language, key)));
        if (received) {
            replaceSections(report.id(), language, texts);
        }
        jdbc.sql("UPDATE cop_report_translation SET received_on = :on, outcome = :outcome WHERE report_id = :id AND language = :language")
                .param("on", received ? Date.valueOf(on) : null).param("outcome", received ? "RECEIVED" : "NOT_RECEIVED")
                .param("id", report.id()).param("language", language.name()).update();
        event(report.id(), null, null, by, received
                ? "%s translation received on %s%s".formatted(language, on, on.isAfter(requested.dueOn()) ? " (late: due on " + requested.dueOn() + ")" : "")
                : "%s translation not received: published without it".formatted(language));
        return translations(key).stream().filter(t -> t.language() == language).findFirst().orElseThrow();
    }

    public List<Translation> translations(String key) {
        return jdbc.sql("SELECT * FROM cop_report_translation WHERE report_id = :id ORDER BY language")
                .param("id", get(key).id())
                .query((rs, n) -> new Translation(Language.valueOf(rs.getString("language")), rs.getDate("requested_on").toLocalDate(),
                        rs.getDate("due_on").toLocalDate(), rs.getDate("received_on") == null ? null : rs.getDate("received_on").toLocalDate(),
                        rs.getString("outcome")))
                .list();
    }

    /** The languages the document exists in: English and every translation received. */
    public List<Language> languages(String key) {
        List<Language> languages = new ArrayList<>(List.of(Language.EN));
        translations(key).stream().filter(t -> "RECEIVED".equals(t.outcome())).map(Translation::language).forEach(languages::add);
        return languages;
    }

    // ------------------------------------------------------------------ publication

    /** Published on {@code on} (not in the future); late when after the document deadline. */
    @Transactional
    public CopReport publish(String key, LocalDate on, String by) {
        CopReport report = get(key);
        InvalidInputException.throwIfAny(on.isAfter(RegisterClock.today())
                ? List.of("publishedOn: the date of publication %s is in the future".formatted(on)) : List.of());
        boolean late = on.isAfter(report.documentDeadline());
        jdbc.sql("UPDATE cop_report SET published_on = :on, published_late = :late WHERE id = :id")
                .param("on", Date.valueOf(on)).param("late", late).param("id", report.id()).update();
        event(report.id(), null, null, by, "Published as %s on %s%s".formatted(report.symbol(), on,
                late ? " (after the document deadline " + report.documentDeadline() + ")" : ""));
        return get(key);
    }

    // ------------------------------------------------------------------ reading

    public record Event(CopReportStatus fromStatus, CopReportStatus toStatus, Instant at, String by, String note) {
    }

    public List<Event> history(String key) {
        return jdbc.sql("SELECT * FROM cop_report_event WHERE report_id = :id ORDER BY id").param("id", get(key).id())
                .query((rs, n) -> new Event(status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getTimestamp("happened_at").toInstant(), rs.getString("by_user"), rs.getString("note")))
                .list();
    }

    public Optional<CopReport> find(String key) {
        return jdbc.sql(SELECT + " WHERE UPPER(r.business_key) = UPPER(:key)").param("key", key)
                .query(CopReportService::report).optional();
    }

    public CopReport get(String key) {
        return find(key).orElseThrow(() -> new NotFoundException("No report %s in the register".formatted(key)));
    }

    public List<CopReport> all() {
        return jdbc.sql(SELECT + " ORDER BY m.starts_on").query(CopReportService::report).list();
    }

    private void replaceSections(long reportId, Language language, Map<ReportSection, String> texts) {
        jdbc.sql("DELETE FROM cop_report_section WHERE report_id = :id AND language = :language")
                .param("id", reportId).param("language", language.name()).update();
        texts.forEach((section, text) -> jdbc.sql("""
                INSERT INTO cop_report_section (report_id, section, language, text) VALUES (:id, :section, :language, :text)""")
                .param("id", reportId).param("section", section.name()).param("language", language.name()).param("text", text)
                .update());
    }

    private void event(long reportId, CopReportStatus from, CopReportStatus to, String by, String note) {
        jdbc.sql("""
                INSERT INTO cop_report_event (report_id, from_status, to_status, happened_at, by_user, note)
                VALUES (:id, :from, :to, :at, :by, :note)""")
                .param("id", reportId).param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("at", Timestamp.from(RegisterClock.now())).param("by", by)
                .param("note", note == null ? null : note.length() > 4000 ? note.substring(0, 3997) + "..." : note).update();
    }

    private static CopReportStatus status(String name) {
        return name == null ? null : CopReportStatus.valueOf(name);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static CopReport report(ResultSet rs, int row) throws SQLException {
        return new CopReport(rs.getLong("id"), rs.getString("business_key"), rs.getInt("cop_number"), rs.getString("cop_venue"),
                date(rs, "cop_starts_on"), date(rs, "cop_ends_on"), rs.getString("symbol"), rs.getString("agenda_item"),
                date(rs, "period_from"), date(rs, "cut_off"), date(rs, "document_deadline"),
                CopReportStatus.valueOf(rs.getString("status")), date(rs, "approved_on"), rs.getString("approved_by"),
                date(rs, "published_on"), (Boolean) rs.getObject("published_late", Boolean.class), rs.getString("created_by"));
    }
}
