package org.cms.partnerships.workplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of joint work plans, their themes and activities. */
@Service
public class WorkPlanService {

    private static final String SELECT = """
            SELECT w.*, p.acronym AS partner_acronym, a.reference AS agreement_reference,
                   pre.reference AS predecessor_reference
            FROM work_plan w
            JOIN partner p ON p.id = w.partner_id
            LEFT JOIN agreement a ON a.id = w.agreement_id
            LEFT JOIN work_plan pre ON pre.id = w.predecessor_id
            """;

    private final JdbcClient jdbc;

    public WorkPlanService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewWorkPlan(String reference, long partnerId, Long agreementId, String title, int periodStartYear,
                              int periodEndYear, WorkPlanStatus status, Long predecessorId) {
    }

    public record NewActivity(String themeCode, String code, String heading, String description, String timeframe,
                              String lead, boolean subjectToExternalFunding) {
    }

    @Transactional
    public WorkPlan create(NewWorkPlan n) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO work_plan (reference, partner_id, agreement_id, title, period_start_year, period_end_year,
                                       status, predecessor_id, created_at)
                VALUES (:reference, :partnerId, :agreementId, :title, :start, :end, :status, :predecessorId, :now)""")
                .param("reference", n.reference())
                .param("partnerId", n.partnerId())
                .param("agreementId", n.agreementId())
                .param("title", n.title())
                .param("start", n.periodStartYear())
                .param("end", n.periodEndYear())
                .param("status", n.status().name())
                .param("predecessorId", n.predecessorId())
                .param("now", Timestamp.from(RegisterClock.now()))
                .update(keys, "id");
        return get(n.reference());
    }

    @Transactional
    public void addTheme(String planReference, String code, String title) {
        jdbc.sql("INSERT INTO work_plan_theme (work_plan_id, code, title) VALUES (:planId, :code, :title)")
                .param("planId", get(planReference).id()).param("code", code).param("title", title).update();
    }

    /** Adds an activity; one subject to external funding starts out waiting for it. */
    @Transactional
    public void addActivity(String planReference, NewActivity a) {
        jdbc.sql("""
                INSERT INTO work_plan_activity (work_plan_id, theme_code, code, heading, description, timeframe, lead,
                                                subject_to_external_funding, funding_status, status)
                VALUES (:planId, :theme, :code, :heading, :description, :timeframe, :lead, :external, :funding, :status)""")
                .params(activityParams(planReference, a, a.lead() == null ? "Joint" : a.lead()))
                .param("status", ActivityStatus.NOT_STARTED.name())
                .update();
    }

    /** A drafted activity changed in a form: its theme, description, timeframe, lead and funding. */
    @Transactional
    public void changeActivity(String planReference, NewActivity a) {
        jdbc.sql("""
                UPDATE work_plan_activity SET theme_code = :theme, description = :description, timeframe = :timeframe,
                       lead = COALESCE(:lead, lead), heading = COALESCE(:heading, heading),
                       subject_to_external_funding = :external, funding_status = :funding
                WHERE work_plan_id = :planId AND code = :code""")
                .params(activityParams(planReference, a, a.lead()))
                .update();
    }

    /** The named parameters adding and changing an activity share. */
    private java.util.Map<String, Object> activityParams(String planReference, NewActivity a, String lead) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("planId", get(planReference).id());
        params.put("theme", a.themeCode());
        params.put("code", a.code());
        params.put("heading", a.heading());
        params.put("description", a.description());
        params.put("timeframe", a.timeframe());
        params.put("lead", lead);
        params.put("external", a.subjectToExternalFunding());
        params.put("funding", (a.subjectToExternalFunding() ? FundingStatus.NOT_SECURED : FundingStatus.NOT_REQUIRED).name());
        return params;
    }

    /** A drafted activity taken out of the plan (nothing has been done on it yet). */
    @Transactional
    public void removeActivity(String planReference, String code) {
        long id = activity(planReference, code).id();
        jdbc.sql("DELETE FROM activity_log_entry WHERE activity_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM work_plan_activity WHERE id = :id").param("id", id).update();
    }

    /**
     * Stops every plan of the agreement that is not closed (the agreement ended); returns their
     * references. Activities keep their status, so the record shows how far each got.
     */
    @Transactional
    public List<String> stopPlansOf(String agreementReference) {
        List<String> stopped = jdbc.sql("""
                SELECT w.reference FROM work_plan w JOIN agreement a ON a.id = w.agreement_id
                WHERE a.reference = :reference AND w.status NOT IN ('CLOSED', 'STOPPED', 'NOT_ADOPTED') ORDER BY w.reference""")
                .param("reference", agreementReference).query(String.class).list();
        for (String plan : stopped) {
            jdbc.sql("UPDATE work_plan SET status = 'STOPPED' WHERE reference = :plan").param("plan", plan).update();
        }
        return stopped;
    }

    public List<WorkPlan> plansOf(String agreementReference) {
        return jdbc.sql(SELECT + " WHERE a.reference = :reference ORDER BY w.reference")
                .param("reference", agreementReference).query(WorkPlanService::workPlan).list();
    }

    public record Comment(String kind, String source, String author, String text, java.time.Instant createdAt) {
    }

    @Transactional
    public void addComment(String planReference, String kind, String source, String author, String text) {
        jdbc.sql("""
                INSERT INTO work_plan_comment (work_plan_id, kind, source, author, text, created_at)
                VALUES (:planId, :kind, :source, :author, :text, :now)""")
                .param("planId", get(planReference).id()).param("kind", kind).param("source", source)
                .param("author", author).param("text", text).param("now", Timestamp.from(RegisterClock.now()))
                .update();
    }

    public List<Comment> comments(String planReference) {
        return jdbc.sql("""
                SELECT c.* FROM work_plan_comment c JOIN work_plan w ON w.id = c.work_plan_id
                WHERE w.reference = :plan ORDER BY c.id""")
                .param("plan", planReference)
                .query((rs, row) -> new Comment(rs.getString("kind"), rs.getString("source"), rs.getString("author"),
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    public void setStatus(String planReference, WorkPlanStatus status) {
        jdbc.sql("UPDATE work_plan SET status = :status WHERE reference = :plan")
                .param("status", status.name()).param("plan", planReference).update();
    }

    @Transactional
    public void extendTo(String planReference, int newEndYear) {
        jdbc.sql("UPDATE work_plan SET period_end_year = :year WHERE reference = :plan")
                .param("year", newEndYear).param("plan", planReference).update();
    }

    /**
     * Implementation starts: the plan is IN_IMPLEMENTATION, and activities subject to external
     * funding that is not secured wait in AWAITING_FUNDING.
     */
    @Transactional
    public void startImplementation(String planReference) {
        setStatus(planReference, WorkPlanStatus.IN_IMPLEMENTATION);
        jdbc.sql("""
                UPDATE work_plan_activity SET status = 'AWAITING_FUNDING'
                WHERE work_plan_id = (SELECT id FROM work_plan WHERE reference = :plan)
                  AND subject_to_external_funding = TRUE AND funding_status = 'NOT_SECURED' AND status = 'NOT_STARTED'""")
                .param("plan", planReference).update();
    }

    /**
     * The predecessor closes: its unfinished activities are dropped (those named, with the reason)
     * or carried over into the successor, linked to their origin and coded {code}-{first year}.
     *
     * @return the codes of the carried-over activities in the successor
     */
    @Transactional
    public List<String> carryOver(String successor, String predecessor, java.util.Map<String, String> drops, String by) {
        WorkPlan old = get(predecessor);
        java.time.LocalDate today = RegisterClock.today();
        java.time.Instant now = RegisterClock.now();
        java.util.Set<String> successorThemes = new java.util.HashSet<>(themeCodes(successor));
        java.util.Map<String, String> oldThemes = themes(predecessor).stream()
                .collect(java.util.stream.Collectors.toMap(Theme::code, Theme::title));
        List<String> carried = new java.util.ArrayList<>();
        for (WorkPlanActivity activity : activities(predecessor)) {
            if (activity.status().isFinished()) {
                continue;
            }
            String reason = drops.get(activity.code());
            if (reason != null) {
                setActivityStatus(predecessor, activity.code(), ActivityStatus.DROPPED);
                addLogEntry(predecessor, activity.code(), today, "Dropped at the close of the plan: " + reason, by, now);
                continue;
            }
            if (successorThemes.add(activity.themeCode())) {
                addTheme(successor, activity.themeCode(), oldThemes.getOrDefault(activity.themeCode(), activity.themeCode()));
            }
            String code = activity.code() + "-" + old.periodStartYear();
            jdbc.sql("""
                    INSERT INTO work_plan_activity (work_plan_id, theme_code, code, heading, description, timeframe, lead,
                                                    subject_to_external_funding, funding_status, status, carried_over_from_id)
                    VALUES (:planId, :theme, :code, :heading, :description, :timeframe, :lead, :external, :funding,
                            :status, :origin)""")
                    .param("planId", get(successor).id()).param("theme", activity.themeCode()).param("code", code)
                    .param("heading", activity.heading()).param("description", activity.description())
                    .param("timeframe", activity.timeframe()).param("lead", activity.lead())
                    .param("external", activity.subjectToExternalFunding()).param("funding", activity.fundingStatus().name())
                    .param("status", activity.status().name()).param("origin", activity.id())
                    .update();
            addLogEntry(predecessor, activity.code(), today, "Carried over to " + successor + " as " + code, by, now);
            carried.add(code);
        }
        setStatus(predecessor, WorkPlanStatus.CLOSED);
        return carried;
    }

    /**
     * Progress on one activity: a new status, a dated line of what was done, and funding secured
     * (an activity waiting for funding can then start).
     */
    @Transactional
    public WorkPlanActivity recordProgress(String planReference, String code, ActivityStatus status, String text,
                                           java.time.LocalDate on, boolean fundingSecured, String by) {
        WorkPlanActivity activity = activity(planReference, code);
        if (fundingSecured) {
            jdbc.sql("UPDATE work_plan_activity SET funding_status = 'SECURED' WHERE id = :id").param("id", activity.id()).update();
            if (status == null && activity.status() == ActivityStatus.AWAITING_FUNDING) {
                status = ActivityStatus.NOT_STARTED;
            }
        }
        if (status != null) {
            setActivityStatus(planReference, activity.code(), status);
        }
        if (text != null && !text.isBlank()) {
            addLogEntry(planReference, activity.code(), on, text, by, RegisterClock.now());
        }
        return activity(planReference, activity.code());
    }

    /** One dated line of what was done on an activity (the annex's "summary of activities undertaken"). */
    public record LogEntry(String activityCode, java.time.LocalDate entryDate, String text, String recordedBy) {
    }

    @Transactional
    public void setActivityStatus(String planReference, String code, ActivityStatus status) {
        int updated = jdbc.sql("""
                UPDATE work_plan_activity SET status = :status
                WHERE code = :code AND work_plan_id = (SELECT id FROM work_plan WHERE reference = :plan)""")
                .param("status", status.name()).param("code", code).param("plan", planReference).update();
        if (updated == 0) {
            throw new NotFoundException("No activity %s in %s".formatted(code, planReference));
        }
    }

    @Transactional
    public void addLogEntry(String planReference, String code, java.time.LocalDate on, String text, String by,
                            java.time.Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO activity_log_entry (activity_id, entry_date, text, recorded_by, recorded_at)
                VALUES (:activityId, :on, :text, :by, :at)""")
                .param("activityId", activity(planReference, code).id())
                .param("on", java.sql.Date.valueOf(on)).param("text", text).param("by", by)
                .param("at", Timestamp.from(recordedAt)).update();
    }

    public List<LogEntry> logEntries(String planReference) {
        return jdbc.sql("""
                SELECT act.code, e.* FROM activity_log_entry e
                JOIN work_plan_activity act ON act.id = e.activity_id JOIN work_plan w ON w.id = act.work_plan_id
                WHERE w.reference = :plan ORDER BY e.entry_date, e.id""")
                .param("plan", planReference)
                .query((rs, row) -> new LogEntry(rs.getString("code"), rs.getDate("entry_date").toLocalDate(),
                        rs.getString("text"), rs.getString("recorded_by")))
                .list();
    }

    public List<String> themeCodes(String planReference) {
        return jdbc.sql("""
                SELECT t.code FROM work_plan_theme t JOIN work_plan w ON w.id = t.work_plan_id
                WHERE w.reference = :plan ORDER BY t.code""")
                .param("plan", planReference).query(String.class).list();
    }

    public record Theme(String code, String title) {
    }

    public List<Theme> themes(String planReference) {
        return jdbc.sql("""
                SELECT t.code, t.title FROM work_plan_theme t JOIN work_plan w ON w.id = t.work_plan_id
                WHERE w.reference = :plan ORDER BY t.code""")
                .param("plan", planReference).query((rs, row) -> new Theme(rs.getString("code"), rs.getString("title"))).list();
    }

    public WorkPlanActivity activity(String planReference, String code) {
        return activities(planReference).stream().filter(a -> a.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No activity %s in %s".formatted(code, planReference)));
    }

    public Optional<WorkPlan> find(String reference) {
        return jdbc.sql(SELECT + " WHERE w.reference = :reference").param("reference", reference)
                .query(WorkPlanService::workPlan).optional();
    }

    public WorkPlan get(String reference) {
        return find(reference).orElseThrow(() -> new NotFoundException("No joint work plan with reference " + reference));
    }

    public List<WorkPlan> all() {
        return jdbc.sql(SELECT + " ORDER BY w.reference").query(WorkPlanService::workPlan).list();
    }

    /** Activities in the order the plan lists them: by theme, then by the number in the code (B2 before B10). */
    public List<WorkPlanActivity> activities(String planReference) {
        return jdbc.sql("""
                SELECT act.* FROM work_plan_activity act JOIN work_plan w ON w.id = act.work_plan_id
                WHERE w.reference = :reference""")
                .param("reference", planReference)
                .query(WorkPlanService::activity).list().stream()
                .sorted(java.util.Comparator.comparing(WorkPlanActivity::themeCode)
                        .thenComparingInt(act -> codeNumber(act.code())))
                .toList();
    }

    private static int codeNumber(String code) {
        String digits = code.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    static WorkPlan workPlan(ResultSet rs, int row) throws SQLException {
        return new WorkPlan(rs.getLong("id"), rs.getString("reference"), rs.getString("partner_acronym"),
                rs.getString("agreement_reference"), rs.getString("title"), rs.getInt("period_start_year"),
                rs.getInt("period_end_year"), WorkPlanStatus.valueOf(rs.getString("status")),
                rs.getString("predecessor_reference"));
    }

    static WorkPlanActivity activity(ResultSet rs, int row) throws SQLException {
        return new WorkPlanActivity(rs.getLong("id"), rs.getString("theme_code"), rs.getString("code"),
                rs.getString("heading"), rs.getString("description"), rs.getString("timeframe"), rs.getString("lead"),
                rs.getBoolean("subject_to_external_funding"), FundingStatus.valueOf(rs.getString("funding_status")),
                ActivityStatus.valueOf(rs.getString("status")));
    }
}
