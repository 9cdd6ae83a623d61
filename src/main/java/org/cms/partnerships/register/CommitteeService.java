package org.cms.partnerships.register;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only writer of Standing Committee membership. */
@Service
public class CommitteeService {

    private final JdbcClient jdbc;

    public CommitteeService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewMember(String name, String partyOrSeat, String region, String role, String email,
                            Language preferredLanguage, LocalDate termStart, LocalDate termEnd) {
    }

    @Transactional
    public void add(NewMember m) {
        jdbc.sql("""
                INSERT INTO committee_member (name, party_or_seat, region, role, email, preferred_language, term_start, term_end)
                VALUES (:name, :party, :region, :role, :email, :language, :termStart, :termEnd)""")
                .param("name", m.name())
                .param("party", m.partyOrSeat())
                .param("region", m.region())
                .param("role", m.role())
                .param("email", m.email())
                .param("language", m.preferredLanguage().name())
                .param("termStart", Date.valueOf(m.termStart()))
                .param("termEnd", m.termEnd() == null ? null : Date.valueOf(m.termEnd()))
                .update();
    }

    /** Members whose term covers the given day: the people to write to about a meeting on that day. */
    public List<CommitteeMember> membersServingOn(LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM committee_member
                WHERE term_start <= :day AND (term_end IS NULL OR term_end >= :day)
                ORDER BY region, party_or_seat""")
                .param("day", Date.valueOf(day))
                .query(CommitteeService::member).list();
    }

    /**
     * The member serving on {@code day} with this name, case and spacing aside: how an objection
     * names the member who raises it.
     */
    public Optional<CommitteeMember> servingMemberNamed(String name, LocalDate day) {
        String wanted = name == null ? "" : name.trim().replaceAll("\\s+", " ");
        return membersServingOn(day).stream().filter(m -> m.name().equalsIgnoreCase(wanted)).findFirst();
    }

    public List<CommitteeMember> all() {
        return jdbc.sql("SELECT * FROM committee_member ORDER BY region, party_or_seat").query(CommitteeService::member).list();
    }

    static CommitteeMember member(ResultSet rs, int row) throws SQLException {
        Date end = rs.getDate("term_end");
        return new CommitteeMember(rs.getLong("id"), rs.getString("name"), rs.getString("party_or_seat"),
                rs.getString("region"), rs.getString("role"), rs.getString("email"),
                Language.valueOf(rs.getString("preferred_language")), rs.getDate("term_start").toLocalDate(),
                end == null ? null : end.toLocalDate());
    }
}
