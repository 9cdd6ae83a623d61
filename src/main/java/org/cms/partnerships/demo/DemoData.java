package org.cms.partnerships.demo;

import java.time.LocalDate;
import java.util.List;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.workplan.ActivityStatus;
import org.cms.partnerships.workplan.WorkPlanStatus;

/** The shape of the demo files under src/main/resources/demo/ (read with Jackson's YAML support). */
record DemoData(List<PartnerEntry> partners, List<PartnerEntry> deFactoPartners,
                List<MemberEntry> committeeMembers) {

    record PartnerEntry(String acronym, String name, PartnerCategory category, String headquarters, String website,
                        String notes, FocalPointEntry focalPoint, List<AgreementEntry> agreements,
                        LocalDate collaboratingSince) {
    }

    record FocalPointEntry(String name, String position, String email, Language language) {
    }

    record AgreementEntry(String reference, InstrumentType instrumentType, String title, String scope,
                          String familyInstruments, AgreementStatus status, LocalDate proposedOn, LocalDate signedOn,
                          String placeOfSignature, String supersedes, String endorsementReference, String conditions,
                          List<EventEntry> events, Integer termEndsDaysAfterLoad, String source, String signedAtMeeting) {
    }

    record EventEntry(LocalDate on, AgreementStatus to, String reason) {
    }

    record MemberEntry(String name, String partyOrSeat, String region, String role, String email, Language language,
                       LocalDate termStart, LocalDate termEnd) {
    }

    record WorkPlans(List<WorkPlanEntry> workPlans) {
    }

    record WorkPlanEntry(String reference, String partner, String agreement, String title, int periodStartYear,
                         int periodEndYear, WorkPlanStatus status, String predecessor, List<ThemeEntry> themes,
                         List<ActivityEntry> activities, LocalDate recordedOn, LocalDate statusAsAt,
                         List<PlanEventEntry> events) {
    }

    record PlanEventEntry(LocalDate on, WorkPlanStatus to, String reason) {
    }

    /** meetings.yaml: the meetings of the Convention's bodies and the Standing Committee's endorsements. */
    record Meetings(List<MeetingEntry> meetings, List<EndorsementEntry> endorsements) {
    }

    record MeetingEntry(org.cms.partnerships.meeting.Meeting.Kind kind, int number, String venue, LocalDate startsOn,
                        LocalDate endsOn, String notes) {
    }

    /** A decision of the Standing Committee at one of its meetings (by number) on a record of the register. */
    record EndorsementEntry(org.cms.partnerships.endorsement.Endorsement.SubjectType subjectType, String subject,
                            int meeting, String documentNumber, String text) {
    }

    record ThemeEntry(String code, String title) {
    }

    record ActivityEntry(String code, String theme, String heading, String description, String timeframe, String lead,
                         boolean externalFunding, ActivityStatus status, List<LogEntry> log) {
    }

    record LogEntry(LocalDate on, String text) {
    }
}
