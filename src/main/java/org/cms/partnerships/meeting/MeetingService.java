package org.cms.partnerships.meeting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.meeting.Meeting.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of the meetings of the Convention's bodies (Conferences of the Parties, Standing
 * Committee meetings). One meeting per body and number; the dates are checked here, whoever writes.
 */
@Service
public class MeetingService {

    private final JdbcClient jdbc;

    public MeetingService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a meeting is recorded with; {@code endsOn} null: a one-day meeting. */
    public record MeetingInput(Kind kind, Integer number, String venue, LocalDate startsOn, LocalDate endsOn, String notes) {
    }

    @Transactional
    public Meeting create(MeetingInput in) {
        check(in, null);
        jdbc.sql("""
                INSERT INTO meeting (kind, number, venue, starts_on, ends_on, notes)
                VALUES (:kind, :number, :venue, :startsOn, :endsOn, :notes)""")
                .params(params(in)).update();
        return get(in.kind(), in.number());
    }

    /** Corrects a meeting (venue, dates, notes; its body and number stay). */
    @Transactional
    public Meeting update(Kind kind, int number, MeetingInput in) {
        Meeting current = get(kind, number);
        MeetingInput changed = new MeetingInput(kind, number, in.venue(), in.startsOn(), in.endsOn(), in.notes());
        check(changed, current.id());
        jdbc.sql("UPDATE meeting SET venue = :venue, starts_on = :startsOn, ends_on = :endsOn, notes = :notes WHERE id = :id")
                .params(params(changed)).param("id", current.id()).update();
        return get(kind, number);
    }

    private void check(MeetingInput in, Long existingId) {
        List<String> problems = new ArrayList<>();
        if (in.kind() == null) {
            problems.add("kind: one of COP, STANDING_COMMITTEE is required");
        }
        if (in.number() == null || in.number() < 1) {
            problems.add("number: a meeting number of at least 1 is required");
        }
        if (in.venue() == null || in.venue().isBlank()) {
            problems.add("venue: the place of the meeting is required");
        } else if (in.venue().length() > 200) {
            problems.add("venue: at most 200 characters");
        }
        if (in.startsOn() == null) {
            problems.add("startsOn: the first day of the meeting is required");
        } else if (in.endsOn() != null && in.endsOn().isBefore(in.startsOn())) {
            problems.add("endsOn: %s is before the first day %s".formatted(in.endsOn(), in.startsOn()));
        }
        if (in.notes() != null && in.notes().length() > 2000) {
            problems.add("notes: at most 2000 characters");
        }
        InvalidInputException.throwIfAny(problems);
        if (existingId == null && find(in.kind(), in.number()).isPresent()) {
            throw new ConflictException("%s %d is already in the register".formatted(in.kind(), in.number()));
        }
    }

    private static java.util.Map<String, Object> params(MeetingInput in) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("kind", in.kind().name());
        p.put("number", in.number());
        p.put("venue", in.venue().strip());
        p.put("startsOn", Date.valueOf(in.startsOn()));
        p.put("endsOn", Date.valueOf(in.endsOn() == null ? in.startsOn() : in.endsOn()));
        p.put("notes", in.notes());
        return p;
    }

    public Optional<Meeting> find(Kind kind, int number) {
        return jdbc.sql("SELECT * FROM meeting WHERE kind = :kind AND number = :number")
                .param("kind", kind.name()).param("number", number).query(MeetingService::meeting).optional();
    }

    public Meeting get(Kind kind, int number) {
        return find(kind, number).orElseThrow(() -> new NotFoundException(
                "No %s %d in the register".formatted(kind == Kind.COP ? "Conference of the Parties" : "Standing Committee meeting", number)));
    }

    public Optional<Meeting> byId(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM meeting WHERE id = :id").param("id", id).query(MeetingService::meeting).optional();
    }

    /** Meetings of one body (or all when {@code kind} is null), in date order. */
    public List<Meeting> list(Kind kind) {
        // No "(:kind IS NULL OR ...)": PostgreSQL cannot type a parameter that is only ever null.
        if (kind == null) {
            return jdbc.sql("SELECT * FROM meeting ORDER BY starts_on, kind, number").query(MeetingService::meeting).list();
        }
        return jdbc.sql("SELECT * FROM meeting WHERE kind = :kind ORDER BY starts_on, kind, number")
                .param("kind", kind.name()).query(MeetingService::meeting).list();
    }

    /** Meetings of one body starting after {@code day}, the next first: those still to come. */
    public List<Meeting> after(Kind kind, LocalDate day) {
        return jdbc.sql("SELECT * FROM meeting WHERE kind = :kind AND starts_on > :day ORDER BY starts_on, number")
                .param("kind", kind.name()).param("day", Date.valueOf(day)).query(MeetingService::meeting).list();
    }

    /** The Conference of the Parties before this one (the start of the report's period), if the register has it. */
    public Optional<Meeting> previousCop(Meeting cop) {
        return list(Kind.COP).stream().filter(m -> m.startsOn().isBefore(cop.startsOn()))
                .reduce((first, second) -> second);
    }

    /** The first Conference of the Parties starting after {@code day}. */
    public Optional<Meeting> nextCopAfter(LocalDate day) {
        return list(Kind.COP).stream().filter(m -> m.startsOn().isAfter(day)).findFirst();
    }

    /** The Standing Committee meeting held on {@code day}, if any. */
    public Optional<Meeting> committeeMeetingOn(LocalDate day) {
        return list(Kind.STANDING_COMMITTEE).stream()
                .filter(m -> !day.isBefore(m.startsOn()) && !day.isAfter(m.endsOn())).findFirst();
    }

    static Meeting meeting(ResultSet rs, int row) throws SQLException {
        return new Meeting(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getInt("number"),
                rs.getString("venue"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                rs.getString("notes"));
    }
}
