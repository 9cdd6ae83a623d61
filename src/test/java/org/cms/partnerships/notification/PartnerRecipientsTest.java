package org.cms.partnerships.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: a partner's focal points as e-mail recipients come from one query
 * ({@link PartnerService#getWithFocalPoints}) instead of the partner and then its focal points: for every
 * partner of the register the same recipients, in the same order, as the two reads gave, whatever the
 * letter case of the acronym; a partner without focal points still named with no address; an unknown
 * acronym still refused.
 */
@CmsIntegrationTest
class PartnerRecipientsTest {

    @Autowired Recipients recipients;
    @Autowired PartnerService partners;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void everyPartnersRecipientsAreTheSameAsFromThePartnerAndThenItsFocalPoints() {
        // Rolled back at the end: two partners of the test's own, one with two focal points, one with none.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Partner two = partners.create(new PartnerService.NewPartner("RECIPIENTS-TWO", "A partner with two focal points",
                    PartnerCategory.NGO, null, null, false, null));
            partners.addFocalPoint(two.id(), new PartnerService.NewFocalPoint("Second Registered", null, "b@example.org", Language.FR));
            partners.addFocalPoint(two.id(), new PartnerService.NewFocalPoint("First Registered", null, "a@example.org", Language.EN));
            partners.create(new PartnerService.NewPartner("RECIPIENTS-NONE", "A partner without focal points",
                    PartnerCategory.NGO, null, null, false, null));
            List<Partner> all = partners.search(null, null, null);
            assertThat(all).anyMatch(p -> partners.focalPoints(p.id()).isEmpty());
            assertThat(all).anyMatch(p -> partners.focalPoints(p.id()).size() > 1);

            for (Partner partner : all) {
                List<Recipient> before = twoReads(partner.acronym());
                assertThat(recipients.focalPointsOf(partner.acronym())).as(partner.acronym()).isEqualTo(before);
                assertThat(recipients.focalPointsOf(partner.acronym().toLowerCase(Locale.ROOT))).isEqualTo(before);
            }
            assertThat(recipients.focalPointsOf("RECIPIENTS-TWO")).extracting(Recipient::name)
                    .containsExactly("Second Registered", "First Registered");
            assertThat(recipients.focalPointsOf("recipients-none"))
                    .containsExactly(new Recipient("A partner without focal points (no focal point registered)", null, null));
            assertThatThrownBy(() -> recipients.focalPointsOf("NO-SUCH-PARTNER"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No partner with acronym NO-SUCH-PARTNER");
            status.setRollbackOnly();
        });
    }

    /** What focalPointsOf answered before: the partner, then its focal points. */
    private List<Recipient> twoReads(String acronym) {
        Partner partner = partners.getByAcronym(acronym);
        List<Recipient> found = partners.focalPoints(partner.id()).stream()
                .map(f -> new Recipient(f.name(), f.email(), f.preferredLanguage())).toList();
        return found.isEmpty() ? List.of(new Recipient(partner.name() + " (no focal point registered)", null, null)) : found;
    }
}
