package org.cms.partnerships.workplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.common.StatusHistory;
import org.cms.partnerships.engine.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of joint work plans, their themes and activities. Every status change goes through
 * {@link #changeStatus}, which checks the move ({@link WorkPlanStatus#canChangeTo}) and records who,
 * when and why; the rules of implementation (funding before an activity starts, what carries over
 * to a successor, how a plan is extended) live here, whoever calls.
 */
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

    /** Records a plan in its first status (the demo data, plans recorded after the fact). */
    @Transactional
    public WorkPlan create(NewWorkPlan n) {
        return create(n, Actor.SYSTEM, "Recorded in the register");
    }

    /** Records a plan in its first status, with the first line of its history. */
    @Transactional
    public WorkPlan create(NewWorkPlan n, String by, String reason) {
        return create(n, by, reason, RegisterClock.now());
    }

    /** Records a plan in its first status as from {@code at} (a plan recorded after the fact keeps its real date). */
    @Transactional
    public WorkPlan create(NewWorkPlan n, String by, String reason, java.time.Instant at) {
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
                .param("now", Timestamp.from(at))
                .update(keys, "id");
        WorkPlan created = get(n.reference());
        insertHistory(created.id(), null, n.status(), by, reason, at);
        return created;
    }

    /**
     * Moves the plan to {@code to} if its lifecycle allows it, and records the change. Staying in the
     * same status (implementation resumed after an extension) records nothing. A plan going into
     * implementation puts its activities subject to external funding that is not secured in
     * AWAITING_FUNDING.
     */
    @Transactional
    public WorkPlan changeStatus(String planReference, WorkPlanStatus to, String by, String reason) {
        return changeStatus(planReference, to, by, reason, RegisterClock.now());
    }

    /** {@link #changeStatus(String, WorkPlanStatus, String, String)} as from {@code at} (history recorded after the fact). */
    @Transactional
    public WorkPlan changeStatus(String planReference, WorkPlanStatus to, String by, String reason, java.time.Instant at) {
        WorkPlan plan = get(planReference);
        if (plan.status() == to) {
            return plan;
        }
        if (!plan.status().canChangeTo(to)) {
            throw new ConflictException("%s is %s: it cannot become %s".formatted(planReference, plan.status(), to));
        }
        jdbc.sql("UPDATE work_plan SET status = :status WHERE id = :id").param("status", to.name()).param("id", plan.id()).update();
        insertHistory(plan.id(), plan.status(), to, by, reason, at);
        if (to == WorkPlanStatus.IN_IMPLEMENTATION) {
            for (WorkPlanActivity waiting : activities(planReference)) {
                if (waiting.subjectToExternalFunding() && waiting.fundingStatus() == FundingStatus.NOT_SECURED
                        && waiting.status() == ActivityStatus.NOT_STARTED) {
                    setActivityStatus(planReference, waiting.code(), ActivityStatus.AWAITING_FUNDING, at);
                }
            }
        }
        return get(planReference);
    }

    private void insertHistory(long planId, WorkPlanStatus from, WorkPlanStatus to, String by, String reason,
                               java.time.Instant at) {
        // The facts as at a date read superseded_at, which StatusHistory keeps with the row.
        StatusHistory.WORK_PLANS.record(jdbc, planId, from, to, at, "changed_by", "reason")
                .param("changed_by", by).param("reason", reason).update();
    }

    /** The plan's status history, oldest first. */
    public List<WorkPlanStatusChange> history(String planReference) {
        return jdbc.sql("""
                SELECT h.* FROM work_plan_status_change h JOIN work_plan w ON w.id = h.work_plan_id
                WHERE w.reference = :plan ORDER BY h.id""")
                .param("plan", planReference)
                .query((rs, row) -> new WorkPlanStatusChange(
                        rs.getString("from_status") == null ? null : WorkPlanStatus.valueOf(rs.getString("from_status")),
                        WorkPlanStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), rs.getString("reason")))
                .list();
    }

    @Transactional
    public void addTheme(String planReference, String code, String title) {
        jdbc.sql("INSERT INTO work_plan_theme (work_plan_id, code, title) VALUES (:planId, :code, :title)")
                .param("planId", get(planReference).id()).param("code", code).param("title", title).update();
    }

    /** Adds an activity; one subject to external funding starts out waiting for it. */
    @Transactional
    public void addActivity(String planReference, NewActivity a) {
        addActivity(planReference, a, RegisterClock.now());
    }

    /** Adds an activity as from {@code at} (a plan recorded after the fact). */
    @Transactional
    public void addActivity(String planReference, NewActivity a, java.time.Instant at) {
        jdbc.sql("""
                INSERT INTO work_plan_activity (work_plan_id, theme_code, code, heading, description, timeframe, lead,
                                                subject_to_external_funding, funding_status, status)
                VALUES (:planId, :theme, :code, :heading, :description, :timeframe, :lead, :external, :funding, :status)""")
                .params(activityParams(planReference, a, a.lead() == null ? "Joint" : a.lead()))
                .param("status", ActivityStatus.NOT_STARTED.name())
                .update();
        insertActivityHistory(activity(planReference, a.code()).id(), null, ActivityStatus.NOT_STARTED, at);
    }

    /** One line of an activity's status history (read by the facts as at a date). */
    private void insertActivityHistory(long activityId, ActivityStatus from, ActivityStatus to, java.time.Instant at) {
        StatusHistory.ACTIVITIES.record(jdbc, activityId, from, to, at).update();
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
        jdbc.sql("DELETE FROM activity_status_change WHERE activity_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM work_plan_activity WHERE id = :id").param("id", id).update();
    }

    /**
     * Stops every plan of the agreement that is not closed (the agreement ended); returns their
     * references. Activities keep their status, so the record shows how far each got.
     */
    @Transactional
    public List<String> stopPlansOf(String agreementReference, String reason, String by) {
        List<String> stopped = plansOf(agreementReference).stream().filter(plan -> !plan.status().isFinal())
                .map(WorkPlan::reference).toList();
        stopped.forEach(plan -> changeStatus(plan, WorkPlanStatus.STOPPED, by, reason));
        return stopped;
    }

    public List<WorkPlan> plansOf(String agreementReference) {
        return jdbc.sql(SELECT + " WHERE a.reference = :reference ORDER BY w.reference")
                .param("reference", agreementReference).query(WorkPlanService::workPlan).list();
    }

    /** The joint work plans of these agreements, in one query, ordered by plan reference. */
    public List<WorkPlan> plansOfAll(java.util.Collection<String> agreementReferences) {
        if (agreementReferences.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE a.reference IN (:references) ORDER BY w.reference")
                .param("references", agreementReferences).query(WorkPlanService::workPlan).list();
    }

    /** The plans of a partner (with or without an agreement), by reference: the partner's register page. */
    public List<WorkPlan> plansOfPartner(long partnerId) {
        return jdbc.sql(SELECT + " WHERE w.partner_id = :partner ORDER BY w.reference").param("partner", partnerId)
                .query(WorkPlanService::workPlan).list();
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

    /** Both bodies endorsed the extension: the period now ends in {@code newEndYear}. */
    @Transactional
    public WorkPlan extendTo(String planReference, int newEndYear) {
        WorkPlan plan = get(planReference);
        if (newEndYear <= plan.periodEndYear()) {
            throw new ConflictException("%s already runs to %d".formatted(planReference, plan.periodEndYear()));
        }
        jdbc.sql("UPDATE work_plan SET period_end_year = :year WHERE id = :id").param("year", newEndYear).param("id", plan.id()).update();
        return get(planReference);
    }

    /**
     * The officer's decision as the period ends: close, or extend to a later last year for a reason
     * (both bodies then endorse it). Refuses with every problem; kept on the plan.
     */
    @Transactional
    public void recordExtensionDecision(String planReference, WorkPlanProcess.ExtensionDecision decision, Integer newEndYear,
                                        String reason, String by) {
        WorkPlan plan = get(planReference);
        List<String> problems = new java.util.ArrayList<>();
        String why = reason == null ? "" : reason.strip();
        if (decision == WorkPlanProcess.ExtensionDecision.EXTEND) {
            if (newEndYear == null) {
                problems.add("The new last year is required");
            } else if (newEndYear <= plan.periodEndYear()) {
                problems.add("The new last year %d must be after %d".formatted(newEndYear, plan.periodEndYear()));
            }
            if (why.length() < 5) {
                problems.add("The reason for the extension is required (at least 5 characters)");
            }
        }
        InvalidInputException.throwIfAny(problems);
        addComment(planReference, "EXTENSION", "Secretariat", by, decision
                + (decision == WorkPlanProcess.ExtensionDecision.EXTEND ? " to " + newEndYear + ": " + why : ""));
    }

    /** The secretariats' yearly coordination meeting, kept on the plan; returns the progress report's text. */
    @Transactional
    public String recordCoordinationMeeting(String planReference, String summary, String by) {
        if (summary.length() > 3000) {
            throw new InvalidInputException("Keep the summary of the meeting under 3000 characters; the details go into the activities' progress");
        }
        addComment(planReference, "COORDINATION_MEETING", "Secretariats", by, summary);
        java.util.Map<ActivityStatus, Long> counts = activities(planReference).stream()
                .collect(java.util.stream.Collectors.groupingBy(WorkPlanActivity::status, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', ' '))
                .collect(java.util.stream.Collectors.joining(", ")) + ". " + summary;
    }

    /**
     * Both bodies have spoken: their decisions are kept on the plan.
     *
     * @return whether the plan is adopted (neither body refused it)
     */
    @Transactional
    public boolean recordEndorsements(String planReference, WorkPlanProcess.BodyDecision cms, WorkPlanProcess.BodyDecision partnerBody) {
        addComment(planReference, "ENDORSEMENT", "CMS Standing Committee", Actor.SYSTEM, cms.name());
        addComment(planReference, "ENDORSEMENT", "Partner's body", Actor.SYSTEM, partnerBody.name());
        return cms != WorkPlanProcess.BodyDecision.NOT_ENDORSED && partnerBody != WorkPlanProcess.BodyDecision.NOT_ENDORSED;
    }

    /** The plan's activities for the forms, one short line each (see {@link ActivityTexts}). */
    public String activitiesText(String planReference) {
        return ActivityTexts.activities(activities(planReference), planReference);
    }

    /** The predecessor's unfinished activities, for the officer deciding what carries over. */
    public String unfinishedActivitiesText(String predecessorReference) {
        return ActivityTexts.unfinished(activities(predecessorReference), predecessorReference);
    }

    /**
     * Reads the officer's {@code code | reason} lines: each must name an unfinished activity of the
     * predecessor and say why it is dropped. Refuses with every problem.
     */
    public java.util.Map<String, String> drops(String predecessorReference, String lines) {
        java.util.Set<String> unfinished = new java.util.HashSet<>();
        activities(predecessorReference).stream().filter(a -> !a.status().isFinished()).forEach(a -> unfinished.add(a.code()));
        return ActivityLines.drops(lines, unfinished, predecessorReference);
    }

    /**
     * The predecessor closes: its unfinished activities are dropped (those named, with the reason)
     * or carried over into the successor, linked to their origin and coded {code}-{first year}.
     *
     * @return the codes of the carried-over activities in the successor
     */
    @Transactional
    public List<String> carryOver(String successor, String predecessor, String dropLines, String by) {
        java.util.Map<String, String> drops = drops(predecessor, dropLines);
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
            insertActivityHistory(activity(successor, code).id(), null, activity.status(), now);
            addLogEntry(predecessor, activity.code(), today, "Carried over to " + successor + " as " + code, by, now);
            carried.add(code);
        }
        changeStatus(predecessor, WorkPlanStatus.CLOSED, by, "Succeeded by %s; unfinished activities carried over".formatted(successor));
        addComment(successor, "CARRY_OVER", predecessor, by,
                "Carried over: %s; dropped: %s".formatted(carried.isEmpty() ? "none" : String.join(", ", carried),
                        drops.isEmpty() ? "none" : String.join(", ", drops.keySet())));
        return carried;
    }

    /**
     * Progress on one activity: a new status, a dated line of what was done (today when no date is
     * given), and funding secured (an activity waiting for funding can then start). An activity
     * subject to external funding cannot go IN_PROGRESS before its funding is recorded. Refuses with
     * every problem.
     */
    @Transactional
    public WorkPlanActivity recordProgress(String planReference, String code, ActivityStatus status, String text,
                                           java.time.LocalDate on, boolean fundingSecured, String by) {
        List<String> problems = new java.util.ArrayList<>();
        String wanted = code == null ? "" : code.strip().toUpperCase();
        WorkPlanActivity activity = activities(planReference).stream().filter(a -> a.code().equalsIgnoreCase(wanted))
                .findFirst().orElse(null);
        if (activity == null) {
            problems.add("No activity %s in %s".formatted(wanted, planReference));
        }
        java.time.LocalDate day = on == null ? RegisterClock.today() : on;
        if (day.isAfter(RegisterClock.today())) {
            problems.add("The date %s is in the future".formatted(day));
        }
        boolean said = text != null && !text.isBlank();
        if (status == null && !said && !fundingSecured) {
            problems.add("Record a new status, what was done, or that funding was secured");
        }
        if (activity != null) {
            activity.fundingRefusal(status, fundingSecured).ifPresent(problems::add);
        }
        InvalidInputException.throwIfAny(problems);
        on = day;
        if (fundingSecured) {
            jdbc.sql("UPDATE work_plan_activity SET funding_status = 'SECURED' WHERE id = :id").param("id", activity.id()).update();
            if (status == null && activity.status() == ActivityStatus.AWAITING_FUNDING) {
                status = ActivityStatus.NOT_STARTED;
            }
        }
        if (status != null) {
            setActivityStatus(planReference, activity.code(), status);
        }
        if (said) {
            addLogEntry(planReference, activity.code(), on, text.strip(), by, RegisterClock.now());
        }
        return activity(planReference, activity.code());
    }

    /** One dated line of what was done on an activity (the annex's "summary of activities undertaken"). */
    public record LogEntry(String activityCode, java.time.LocalDate entryDate, String text, String recordedBy) {
    }

    @Transactional
    public void setActivityStatus(String planReference, String code, ActivityStatus status) {
        setActivityStatus(planReference, code, status, RegisterClock.now());
    }

    /** Sets an activity's status as from {@code at}, with a line of its history when it changes. */
    @Transactional
    public void setActivityStatus(String planReference, String code, ActivityStatus status, java.time.Instant at) {
        WorkPlanActivity current = activities(planReference).stream().filter(a -> a.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("No activity %s in %s".formatted(code, planReference)));
        if (current.status() == status) {
            return;
        }
        jdbc.sql("UPDATE work_plan_activity SET status = :status WHERE id = :id")
                .param("status", status.name()).param("id", current.id()).update();
        insertActivityHistory(current.id(), current.status(), status, at);
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

    /**
     * The plan with this reference in any letter case: the exact reference first (the unique index), then,
     * only when a link spells it differently, the case-insensitive match (a scan of the plans).
     */
    public Optional<WorkPlan> findIgnoringCase(String reference) {
        Optional<WorkPlan> exact = find(reference);
        if (exact.isPresent()) {
            return exact;
        }
        return jdbc.sql(SELECT + " WHERE UPPER(w.reference) = UPPER(:reference) ORDER BY w.reference")
                .param("reference", reference).query(WorkPlanService::workPlan).list().stream().findFirst();
    }

    /** How many activities each of these plans has (a plan without any: absent), in one query per 500 plans. */
    public java.util.Map<String, Integer> activityCounts(java.util.Collection<String> planReferences) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(planReferences));
        for (int from = 0; from < all.size(); from += 500) {
            jdbc.sql("""
                    SELECT w.reference, COUNT(*) AS activities FROM work_plan w
                    JOIN work_plan_activity act ON act.work_plan_id = w.id
                    WHERE w.reference IN (:references) GROUP BY w.reference""")
                    .param("references", all.subList(from, Math.min(all.size(), from + 500)))
                    .query((rs, row) -> java.util.Map.entry(rs.getString("reference"), rs.getInt("activities"))).list()
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
        }
        return counts;
    }

    public WorkPlan get(String reference) {
        return find(reference).orElseThrow(() -> new NotFoundException("No joint work plan with reference " + reference));
    }

    /** The plans in one status, by reference. */
    public List<WorkPlan> withStatus(WorkPlanStatus status) {
        return jdbc.sql(SELECT + " WHERE w.status = :status ORDER BY w.reference").param("status", status.name())
                .query(WorkPlanService::workPlan).list();
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
