package org.cms.partnerships.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.agreement.review.AnnualReviewProcess;
import org.cms.partnerships.agreement.termination.TerminationProcess;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.notification.NotificationVariables;
import org.cms.partnerships.workplan.WorkPlanProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cms.partnerships.register.Language;
import org.junit.jupiter.api.Test;

/** Every e-mail template exists in English, French and Spanish and renders with a subject and a body. */
class MailTemplatesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/mail");

    @Test
    void everyTemplateExistsInAllThreeLanguagesAndRenders() throws IOException {
        Set<String> names;
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            names = files.map(p -> p.getFileName().toString().replaceAll("\\.(en|fr|es)\\.txt$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(names).isNotEmpty();
        MailTemplates templates = new MailTemplates();
        for (String name : names) {
            for (Language language : Language.values()) {
                assertThat(TEMPLATES.resolve(name + "." + language.name().toLowerCase() + ".txt"))
                        .as("template %s in %s", name, language).exists();
                MailTemplates.Rendered rendered = templates.render(name, language, sampleModel(language));
                assertThat(rendered.subject()).as("subject of %s.%s", name, language).isNotBlank().doesNotContain("${");
                assertThat(rendered.body()).as("body of %s.%s", name, language).contains("Jane Doe").doesNotContain("[(");
            }
        }
    }

    private static Map<String, Object> sampleModel(Language language) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", "Jane Doe");
        model.put("dates", new NotificationService.Dates(language));
        model.put(EndorsementProcess.SUBJECT_REFERENCE.name(), "CMS-CITES-2002");
        model.put(EndorsementProcess.SUBJECT_TITLE.name(), "CMS-CITES Joint Work Programme 2012-2014");
        model.put(NotificationVariables.PARTNER_NAME.name(), "CITES Secretariat");
        model.put(EndorsementProcess.MEETING_NUMBER.name(), 38);
        model.put(EndorsementProcess.MEETING_ORDINAL.name(), "38th");
        model.put(EndorsementProcess.MEETING_DATE.name(), "2011-11-19");
        model.put(EndorsementProcess.DOCUMENT_NUMBER.name(), "CMS/StC38/4");
        model.put(EndorsementProcess.DOCUMENT_URL.name(), "https://www.cms.int/stc38");
        model.put(EndorsementProcess.OBJECTION_DEADLINE.name(), "2011-10-31");
        model.put(EndorsementProcess.ENDORSEMENT_DECISION.name(), "ENDORSED");
        model.put(EndorsementProcess.ENDORSEMENT_DECISION_DATE.name(), "2011-11-19");
        model.put(EndorsementProcess.ENDORSEMENT_DECISION_TEXT.name(), "Endorsed as presented");
        model.put("baseUrl", "http://localhost:8080");
        model.put(AgreementVariables.REFERENCE.name(), "CMS-IOTC-2015");
        model.put(AgreementVariables.TITLE.name(), "Memorandum of Cooperation between CMS and IOTC");
        model.put(AgreementProcess.REJECTION_REASON.name(), "Declined by the partner: no mandate");
        model.put(AgreementProcess.CONSULTATION_DEADLINE_DATE.name(), "2015-05-31");
        model.put(NotificationVariables.CONSULTED_SECRETARIAT.name(), "AEWA");
        model.put(AgreementProcess.DRAFT_URL.name(), "https://www.cms.int/drafts/iotc-v2");
        model.put(AgreementProcess.DRAFT_VERSION.name(), "v2");
        model.put("reminderNumber", 2);
        model.put(AgreementProcess.PARTNER_REMINDERS_SENT.name(), 3);
        model.put(AgreementProcess.SIGNED_ON.name(), "2016-11-09");
        model.put(AgreementProcess.PLACE_OF_SIGNATURE.name(), "Bonn");
        model.put(AgreementVariables.SUPERSEDED_REFERENCE.name(), "CMS-IOTC-2001");
        model.put(AnnualReviewProcess.REVIEW_DUE_ON.name(), "2027-07-01");
        model.put(AgreementProcess.EXPIRES_ON.name(), "2027-12-31");
        model.put(WorkPlanProcess.PLAN_TITLE.name(), "CMS-CITES Joint Work Programme 2012-2014");
        model.put(WorkPlanProcess.REFERENCE.name(), "JWP-CMS-CITES-2012-2014");
        model.put(WorkPlanProcess.FIRST_YEAR.name(), 2012);
        model.put(WorkPlanProcess.LAST_YEAR.name(), 2014);
        model.put(WorkPlanProcess.COMMENT_DEADLINE.name(), "2011-10-31");
        model.put(WorkPlanProcess.ACTIVITIES_TEXT.name(), "A1 (2012, Not started): concordance list");
        model.put(WorkPlanProcess.PROGRESS_SUMMARY.name(), "3 completed, 2 in progress. Good progress on elephants.");
        model.put(TerminationProcess.EFFECTIVE_ON.name(), "2013-12-31");
        model.put(TerminationProcess.REASON.name(), "Friends of CMS ceased operations");
        model.put(org.cms.partnerships.copreport.CopReportProcess.REPORT_KEY.name(), "COP13-partnerships");
        model.put(org.cms.partnerships.copreport.CopReportProcess.SYMBOL.name(), "UNEP/CMS/COP13/Doc.23.1");
        model.put(org.cms.partnerships.copreport.CopReportProcess.COP_TITLE.name(),
                "13th meeting of the Conference of the Parties (Gandhinagar, India, 17-22 February 2020)");
        model.put(org.cms.partnerships.copreport.CopReportProcess.PERIOD_FROM.name(), "2017-10-29");
        model.put(org.cms.partnerships.copreport.CopReportProcess.PUBLISHED_ON.name(), "2019-12-10");
        model.put(org.cms.partnerships.copreport.CopReportProcess.DOCUMENT_DEADLINE.name(), "2019-12-19");
        model.put(org.cms.partnerships.copreport.CopReportProcess.TRANSLATION_DUE.name(), "2019-12-12");
        model.put(org.cms.partnerships.copreport.CopReportProcess.TRANSLATION_LANGUAGE.name(), "FR");
        return model;
    }
}
