package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.FormInput;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.springframework.stereotype.Component;

/**
 * Checks a report request as it starts, from Tasklist, REST or the schedule alike: a COP of the register
 * with a previous COP (the start of the period), a cut-off date within the period and not after today,
 * a symbol not used by another report. Any problem refuses the start with every problem listed (400);
 * nothing is written. Then names the instance ({@code COP13-partnerships}) and sets what every step shows.
 */
@Component("copReportRequestValidation")
class CopReportRequestValidation implements ExecutionListener {

    private final MeetingService meetings;
    private final CopReportService reports;
    private final CopReportSettings settings;

    CopReportRequestValidation(MeetingService meetings, CopReportService reports, CopReportSettings settings) {
        this.meetings = meetings;
        this.reports = reports;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        FormInput input = FormInput.of(execution);
        Integer number = input.required(COP_NUMBER);
        LocalDate cutOff = input.optional(CUT_OFF);
        String agendaItem = input.optionalText(AGENDA_ITEM);
        String symbol = input.optionalText(SYMBOL);
        Optional<Meeting> cop = number == null ? Optional.empty() : meetings.find(Meeting.Kind.COP, number);
        input.check(number == null || cop.isPresent(),
                "copNumber: there is no %s meeting of the Conference of the Parties in the register".formatted(
                        number == null ? "" : Meeting.ordinal(number)));
        Optional<Meeting> previous = cop.flatMap(meetings::previousCop);
        input.check(cop.isEmpty() || previous.isPresent(), "copNumber: the register has no earlier Conference of the "
                + "Parties to start the period from; record it first (/api/meetings)");
        LocalDate periodFrom = previous.map(p -> p.endsOn().plusDays(1)).orElse(null);
        if (cutOff != null && periodFrom != null) {
            input.check(!cutOff.isBefore(periodFrom), "cutOffDate: %s is before the start of the period (%s, the day after COP%d)"
                    .formatted(cutOff, periodFrom, previous.get().number()));
        }
        if (cutOff != null) {
            input.check(!cutOff.isAfter(RegisterClock.today()),
                    "cutOffDate: %s is in the future; leave it empty for the facts as at the day of approval".formatted(cutOff));
            cop.ifPresent(c -> input.check(cutOff.isBefore(c.startsOn()),
                    "cutOffDate: %s is not before the Conference opens (%s)".formatted(cutOff, c.startsOn())));
        }
        if (agendaItem.isEmpty()) {
            agendaItem = settings.agendaItem();
        }
        input.check(agendaItem.matches("\\d+(\\.\\d+)*"), "The agenda item must be a number such as 23.1, not '%s'".formatted(agendaItem));
        if (symbol.isEmpty() && number != null) {
            symbol = CopReportProcess.defaultSymbol(number, agendaItem);
        }
        input.check(symbol.length() <= 100, "reportSymbol: at most 100 characters");
        String key = number == null ? null : CopReport.businessKey(number);
        input.check(key == null || reports.find(key).isEmpty(), "copNumber: the report %s is already in the register".formatted(key));
        String wanted = symbol;
        input.check(reports.all().stream().noneMatch(r -> r.symbol().equalsIgnoreCase(wanted)),
                "reportSymbol: %s is already the symbol of another report".formatted(symbol));
        input.throwIfInvalid();

        Meeting conference = cop.orElseThrow();
        LocalDate deadline = conference.startsOn().minusDays(settings.documentDeadlineDays());
        execution.setProcessBusinessKey(key);
        REPORT_KEY.set(execution, key);
        SYMBOL.set(execution, symbol);
        AGENDA_ITEM.set(execution, agendaItem);
        COP_TITLE.set(execution, conference.title());
        PERIOD_FROM.set(execution, periodFrom);
        DOCUMENT_DEADLINE.set(execution, deadline);
        DOCUMENT_DEADLINE_AT.set(execution, RegisterClock.at(deadline, LocalTime.of(9, 0)));
        REMINDER_AT.set(execution, RegisterClock.at(deadline.minusDays(settings.reminderDaysBefore()), LocalTime.of(9, 0)));
        FACTS_AS_OF.set(execution, cutOff != null ? cutOff.toString() : "the day of approval (today while it is drafted)");
    }
}
