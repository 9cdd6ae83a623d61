package org.cms.partnerships.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The register at scale, written by set-based SQL (INSERT ... SELECT generate_series, PostgreSQL):
 * agreements with their status history, joint work plans with their themes, activities and status
 * history, the notification log; and the partners the measured proposals use ("BL" partners, NGOs
 * with a focal point, one per proposal, so that no two proposals collide). Generated rows are named
 * BX... (register) and BL... (proposals) and never touch the demo's rows.
 */
final class ScaleData {

    final int agreements;
    final int workPlans;
    final int activitiesPerPlan;
    final int notifications;
    final int proposalPartners;

    ScaleData(double scale, int proposalPartners) {
        this.agreements = Math.max(100, (int) Math.round(10_000 * scale));
        this.workPlans = Math.max(20, (int) Math.round(2_000 * scale));
        this.activitiesPerPlan = 30;
        this.notifications = Math.max(500, (int) Math.round(50_000 * scale));
        this.proposalPartners = proposalPartners;
    }

    /** The generated agreements in force: four in five, those whose number is not a multiple of 5. */
    int inForce() {
        return agreements - agreements / 5;
    }

    /** The register partner of generated agreement number {@code g} (an SQL expression). */
    private String partnerOf(String g) {
        return "'BX' || lpad((1 + (%s - 1) %% %d)::text, 6, '0')".formatted(g, Math.max(1, agreements / 5));
    }

    /** The reference of generated agreement number {@code g}, so that plans and messages find theirs by the unique key. */
    private String reference(String g) {
        return "'CMS-' || %s || '-' || (1990 + %s %% 36) || '-' || %s".formatted(partnerOf(g), g, g);
    }

    void generate(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            // The register's partners: 1 for 5 agreements, the seven categories in turn.
            sql.execute("""
                    INSERT INTO partner (acronym, name, category, headquarters, created_at)
                    SELECT 'BX' || lpad(g::text, 6, '0'), 'Benchmark partner ' || g || ' for '
                           || (ARRAY['dugongs','sharks','raptors','marine turtles','bats','saiga antelopes','albatrosses'])[1 + g %% 7],
                           (ARRAY['MEA','UN_AGENCY_IGO','NGO','NATIONAL_GOVERNMENTAL','PRIVATE_SECTOR','ACADEMIC','FOUNDATION'])[1 + g %% 7],
                           'Bonn', now()
                    FROM generate_series(1, %d) g""".formatted(Math.max(1, agreements / 5)));
            sql.execute("""
                    INSERT INTO partner (acronym, name, category, headquarters, created_at)
                    SELECT 'BL' || lpad(g::text, 6, '0'), 'Proposal partner ' || g, 'NGO', 'Bonn', now()
                    FROM generate_series(1, %d) g""".formatted(proposalPartners));
            sql.execute("""
                    INSERT INTO focal_point (partner_id, name, position, email, preferred_language)
                    SELECT id, 'Focal point of ' || acronym, 'Programme officer', lower(acronym) || '@partners.example.org',
                           (ARRAY['EN','FR','ES'])[1 + id % 3]
                    FROM partner WHERE acronym LIKE 'BX%' OR acronym LIKE 'BL%'""");
            // Agreements: four in five in force, the rest expired, terminated, dormant or on the way.
            sql.execute("""
                    INSERT INTO agreement (reference, partner_id, instrument_type, title, scope, status, proposed_on, signed_on,
                                           in_force_from, expires_on, next_review_on, signatory_cms, created_at, updated_at)
                    SELECT %s, p.id,
                           (ARRAY['MEMORANDUM_OF_UNDERSTANDING','MEMORANDUM_OF_COOPERATION','PARTNERSHIP_AGREEMENT',
                                  'LETTER_OF_COOPERATION','MEMORANDUM_OF_AGREEMENT'])[1 + g %% 5],
                           'Cooperation on the conservation of ' || (ARRAY['dugongs','sharks','raptors','marine turtles','bats',
                                  'saiga antelopes','albatrosses','houbara bustards','cranes','sea turtles','eels'])[1 + g %% 11]
                           || ' in region ' || (g %% 97),
                           'Joint activities number ' || g || ' on flyways, habitats and capacity building',
                           CASE WHEN g %% 5 <> 0 THEN 'IN_FORCE'
                                ELSE (ARRAY['EXPIRED','TERMINATED','DORMANT','DRAFTING','AWAITING_SIGNATURE'])[1 + (g / 5) %% 5] END,
                           DATE '1990-01-01' + (g %% 12000), DATE '1990-03-01' + (g %% 12000), DATE '1990-03-01' + (g %% 12000),
                           CASE WHEN g %% 3 = 0 THEN DATE '2040-01-01' + (g %% 3000) END, NULL,
                           'Executive Secretary', now(), now()
                    FROM generate_series(1, %d) g
                    JOIN partner p ON p.acronym = %s"""
                    .formatted(reference("g"), agreements, partnerOf("g")));
            // Four status changes each: proposed, drafting, awaiting signature, then its status. Each is superseded
            // by the next step (superseded_at, as StatusHistory keeps it for the changes the application records).
            sql.execute("""
                    INSERT INTO agreement_status_change (agreement_id, from_status, to_status, changed_at, changed_by, reason,
                                                         superseded_at)
                    SELECT a.id,
                           (ARRAY[NULL,'PROPOSED','DRAFTING','AWAITING_SIGNATURE'])[s],
                           (ARRAY['PROPOSED','DRAFTING','AWAITING_SIGNATURE', a.status])[s],
                           a.created_at - make_interval(days => 400 - 100 * s), 'oliver', 'Benchmark history step ' || s,
                           CASE WHEN s < 4 THEN a.created_at - make_interval(days => 400 - 100 * (s + 1)) END
                    FROM agreement a CROSS JOIN generate_series(1, 4) s
                    WHERE a.reference LIKE 'CMS-BX%'""");
            sql.execute("""
                    INSERT INTO work_plan (reference, partner_id, agreement_id, title, period_start_year, period_end_year, status, created_at)
                    SELECT 'JWP-BX-' || g, a.partner_id, a.id, 'Joint work plan ' || g, 2000 + g %% 30, 2002 + g %% 30,
                           (ARRAY['DRAFT','IN_CONSULTATION','AWAITING_ENDORSEMENT','IN_IMPLEMENTATION','CLOSED'])[1 + g %% 5], now()
                    FROM generate_series(1, %d) g
                    JOIN agreement a ON a.reference = %s""".formatted(workPlans, reference("g")));
            sql.execute("""
                    INSERT INTO work_plan_theme (work_plan_id, code, title)
                    SELECT w.id, t.code, t.title FROM work_plan w
                    CROSS JOIN (VALUES ('A', 'Outreach and education'), ('B', 'Species campaigns')) AS t(code, title)
                    WHERE w.reference LIKE 'JWP-BX-%'""");
            sql.execute("""
                    INSERT INTO work_plan_activity (work_plan_id, theme_code, code, heading, description, timeframe, lead,
                                                    subject_to_external_funding, funding_status, status)
                    SELECT w.id, CASE WHEN n <= %d THEN 'A' ELSE 'B' END, CASE WHEN n <= %d THEN 'A' ELSE 'B' END || n,
                           'Heading ' || n, 'Activity ' || n || ' of ' || w.reference, (2000 + n %% 30)::text, 'Joint',
                           n %% 4 = 0, CASE WHEN n %% 4 = 0 THEN 'NOT_SECURED' ELSE 'NOT_REQUIRED' END,
                           (ARRAY['NOT_STARTED','IN_PROGRESS','COMPLETED','AWAITING_FUNDING'])[1 + n %% 4]
                    FROM work_plan w CROSS JOIN generate_series(1, %d) n
                    WHERE w.reference LIKE 'JWP-BX-%%'""".formatted(activitiesPerPlan / 2, activitiesPerPlan / 2, activitiesPerPlan)
                    );
            sql.execute("""
                    INSERT INTO work_plan_status_change (work_plan_id, from_status, to_status, changed_at, changed_by, reason)
                    SELECT id, NULL, status, created_at, 'oliver', 'Benchmark plan' FROM work_plan WHERE reference LIKE 'JWP-BX-%'""");
            sql.execute("""
                    INSERT INTO notification_log (dedup_key, template, subject_reference, recipient_name, recipient_email, language,
                                                  subject, body, status, attempts, created_at, sent_at)
                    SELECT 'benchmark-' || g, (ARRAY['agreement-signed','partner-approval-request','consultation-reminder'])[1 + g %% 3],
                           a.reference, 'Focal point ' || g, 'fp' || g || '@partners.example.org', 'EN',
                           'Benchmark message ' || g, 'Dear colleague, message ' || g || ' about ' || a.reference,
                           'RENDERED', 1, now() - make_interval(mins => g), now() - make_interval(mins => g)
                    FROM generate_series(1, %d) g
                    JOIN agreement a ON a.reference = %s"""
                    .formatted(notifications, reference("(1 + g % " + agreements + ")")));
            generateForPagesAndReports(sql);
            checkSupersededAt(sql);
            sql.execute("ANALYZE");
        }
    }

    /**
     * The histories are written here past the services, with superseded_at set as they set it; the facts
     * as at a date read it, so a generated row that disagrees would make the measured facts wrong.
     */
    private static void checkSupersededAt(Statement sql) throws SQLException {
        for (String[] history : new String[][] {{"agreement_status_change", "agreement_id"},
                {"work_plan_status_change", "work_plan_id"}, {"activity_status_change", "activity_id"}}) {
            try (var rows = sql.executeQuery("""
                    SELECT COUNT(*) FROM %1$s h
                    WHERE h.superseded_at IS DISTINCT FROM (SELECT MIN(n.changed_at) FROM %1$s n WHERE n.%2$s = h.%2$s
                        AND (n.changed_at > h.changed_at OR (n.changed_at = h.changed_at AND n.id > h.id)))"""
                    .formatted(history[0], history[1]))) {
                rows.next();
                if (rows.getLong(1) != 0) {
                    throw new IllegalStateException("%d generated rows of %s are not superseded at the next change"
                            .formatted(rows.getLong(1), history[0]));
                }
            }
        }
    }

    /**
     * What the register pages and the COP report facts read besides the above: the activities' dated
     * status history (the facts count activities by status as at a date), endorsements by the Standing
     * Committee at a meeting of the register (plans in implementation, instruments awaiting signature: the
     * facts and the pages name the meeting), and a few failed e-mails (the log's status filter).
     */
    private void generateForPagesAndReports(Statement sql) throws SQLException {
        // As V13_1 records them: a first row with the activity's status when its plan was created, and for
        // those that moved on, an earlier "not started" row, so that a date in between counts them so (that
        // row superseded by the later one, which stands: superseded_at as StatusHistory keeps it).
        sql.execute("""
                INSERT INTO activity_status_change (activity_id, from_status, to_status, changed_at, superseded_at)
                SELECT a.id, NULL, 'NOT_STARTED', w.created_at - INTERVAL '200 days', w.created_at - INTERVAL '50 days'
                FROM work_plan_activity a JOIN work_plan w ON w.id = a.work_plan_id
                WHERE w.reference LIKE 'JWP-BX-%' AND a.status <> 'NOT_STARTED'""");
        sql.execute("""
                INSERT INTO activity_status_change (activity_id, from_status, to_status, changed_at)
                SELECT a.id, CASE WHEN a.status = 'NOT_STARTED' THEN NULL ELSE 'NOT_STARTED' END, a.status,
                       w.created_at - INTERVAL '50 days'
                FROM work_plan_activity a JOIN work_plan w ON w.id = a.work_plan_id
                WHERE w.reference LIKE 'JWP-BX-%'""");
        String meeting = "(SELECT MAX(id) FROM meeting WHERE kind = 'STANDING_COMMITTEE')";
        sql.execute("""
                INSERT INTO endorsement (subject_type, subject_reference, body, mode, meeting_number, meeting_date, meeting_id,
                                         document_number, decision, decision_date, decision_text, recorded_by, created_at)
                SELECT 'WORK_PLAN', w.reference, 'CMS_STANDING_COMMITTEE', 'MEETING', m.number, m.starts_on, m.id,
                       'UNEP/CMS/StC-BX/Doc.W' || w.id, 'ENDORSED', CURRENT_DATE - (w.id %% 300)::int, 'Endorsed', 'oliver', now()
                FROM work_plan w CROSS JOIN meeting m
                WHERE w.reference LIKE 'JWP-BX-%%' AND w.status IN ('IN_IMPLEMENTATION', 'CLOSED') AND m.id = %s"""
                .formatted(meeting));
        sql.execute("""
                INSERT INTO endorsement (subject_type, subject_reference, body, mode, meeting_number, meeting_date, meeting_id,
                                         document_number, decision, decision_date, decision_text, recorded_by, created_at)
                SELECT 'AGREEMENT', a.reference, 'CMS_STANDING_COMMITTEE', 'MEETING', m.number, m.starts_on, m.id,
                       'UNEP/CMS/StC-BX/Doc.A' || a.id, 'ENDORSED', CURRENT_DATE - (a.id %% 300)::int, 'Endorsed', 'oliver', now()
                FROM agreement a CROSS JOIN meeting m
                WHERE a.reference LIKE 'CMS-BX%%' AND a.status = 'AWAITING_SIGNATURE' AND m.id = %s""".formatted(meeting));
        sql.execute("""
                UPDATE notification_log SET status = 'FAILED', error = 'Benchmark: mail server refused', attempts = 5, sent_at = NULL
                WHERE dedup_key LIKE 'benchmark-%' AND id % 100 = 0""");
    }
}
