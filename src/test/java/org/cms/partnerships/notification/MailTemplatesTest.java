package org.cms.partnerships.notification;

import static org.assertj.core.api.Assertions.assertThat;

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
        model.put("endorsementSubjectReference", "CMS-CITES-2002");
        model.put("endorsementSubjectTitle", "CMS-CITES Joint Work Programme 2012-2014");
        model.put("partnerName", "CITES Secretariat");
        model.put("meetingNumber", 38);
        model.put("meetingOrdinal", "38th");
        model.put("meetingDate", "2011-11-19");
        model.put("documentNumber", "CMS/StC38/4");
        model.put("documentUrl", "https://www.cms.int/stc38");
        model.put("objectionDeadline", "2011-10-31");
        model.put("endorsementDecision", "ENDORSED");
        model.put("endorsementDecisionDate", "2011-11-19");
        model.put("endorsementDecisionText", "Endorsed as presented");
        model.put("baseUrl", "http://localhost:8080");
        model.put("agreementReference", "CMS-IOTC-2015");
        model.put("agreementTitle", "Memorandum of Cooperation between CMS and IOTC");
        model.put("rejectionReason", "Declined by the partner: no mandate");
        model.put("consultationDeadline", "2015-05-31");
        model.put("consultedSecretariat", "AEWA");
        model.put("draftUrl", "https://www.cms.int/drafts/iotc-v2");
        model.put("draftVersion", "v2");
        model.put("reminderNumber", 2);
        model.put("partnerRemindersSent", 3);
        model.put("signedOn", "2016-11-09");
        model.put("placeOfSignature", "Bonn");
        model.put("supersedesReference", "CMS-IOTC-2001");
        model.put("reviewDueOn", "2027-07-01");
        model.put("expiresOn", "2027-12-31");
        model.put("workPlanTitle", "CMS-CITES Joint Work Programme 2012-2014");
        model.put("workPlanReference", "JWP-CMS-CITES-2012-2014");
        model.put("periodStartYear", 2012);
        model.put("periodEndYear", 2014);
        model.put("commentDeadline", "2011-10-31");
        model.put("activitiesText", "A1 (2012, NOT_STARTED): concordance list");
        model.put("progressSummary", "3 completed, 2 in progress. Good progress on elephants.");
        model.put("terminationEffectiveOn", "2013-12-31");
        model.put("terminationReason", "Friends of CMS ceased operations");
        return model;
    }
}
