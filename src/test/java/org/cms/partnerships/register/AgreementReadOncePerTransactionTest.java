package org.cms.partnerships.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: {@link AgreementService} reads an agreement once per transaction ({@link AgreementReads}). A
 * read after any of its writes in the same transaction gives exactly what the database now holds (checked
 * against {@link AgreementService#findAll}, which always reads the database); nothing read in one
 * transaction is seen in another, nor outside a transaction, nor after a suspension.
 */
@CmsIntegrationTest
class AgreementReadOncePerTransactionTest {

    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aReadAfterEachWriteInTheSameTransactionSeesTheWriteAsTheDatabaseHasIt() {
        String reference = "CMS-HSI-READS-1";
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            create(reference, AgreementStatus.PROPOSED);
            Agreement proposed = agreements.get(reference);
            assertThat(agreements.get(reference)).as("kept: the second read is the first's").isSameAs(proposed);
            assertThat(proposed).isEqualTo(fromTheDatabase(reference));
            // Created in this transaction: no comments, known without a read; one added is read back.
            assertThat(agreements.comments(reference)).isEmpty();
            agreements.addComment(reference, "CONSULTATION", "AEWA", "aewa", "Include the flyway approach");
            assertThat(agreements.comments(reference)).extracting(AgreementService.Comment::text)
                    .containsExactly("Include the flyway approach");

            agreements.changeStatus(reference, AgreementStatus.DRAFTING, "test", "Drafting");
            assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.DRAFTING);
            assertThat(agreements.get(reference)).isEqualTo(fromTheDatabase(reference));

            agreements.recordDraft(reference, "https://docs.cms.int/drafts/reads", "v2", "Terms of the reads test");
            assertThat(agreements.get(reference).draftVersion()).isEqualTo("v2");
            assertThat(agreements.get(reference)).isEqualTo(fromTheDatabase(reference));

            agreements.enterStage(reference, AgreementStatus.AWAITING_SIGNATURE, "test", "Ready to sign");
            agreements.sign(reference, new AgreementService.Signature(RegisterClock.today(), null, "Bonn", "For CMS",
                    "For HSI", RegisterClock.today().plusYears(5)), null, "test");
            Agreement signed = agreements.get(reference);
            assertThat(signed.status()).isEqualTo(AgreementStatus.IN_FORCE);
            assertThat(signed.nextReviewOn()).isNotNull();
            assertThat(signed).isEqualTo(fromTheDatabase(reference));

            // A binding status keeps the next review, one that no longer binds drops it: as the update does.
            agreements.changeStatus(reference, AgreementStatus.SUSPENDED, "test", "Suspended");
            assertThat(agreements.get(reference).nextReviewOn()).isEqualTo(signed.nextReviewOn());
            assertThat(agreements.get(reference)).isEqualTo(fromTheDatabase(reference));
            agreements.changeStatus(reference, AgreementStatus.TERMINATED, "test", "Terminated");
            assertThat(agreements.get(reference).nextReviewOn()).isNull();
            assertThat(agreements.get(reference)).isEqualTo(fromTheDatabase(reference));

            agreements.amend(reference, "A scope amended", LocalDate.of(2040, 1, 1));
            assertThat(agreements.get(reference).scope()).isEqualTo("A scope amended");
            assertThat(agreements.get(reference)).isEqualTo(fromTheDatabase(reference));
            status.setRollbackOnly();
        });

        assertThat(agreements.find(reference)).as("rolled back: nothing kept outlives the transaction").isEmpty();
    }

    @Test
    void whatOneTransactionReadIsNotSeenByTheNextNorOutsideATransactionNorAfterASuspension() {
        String reference = "CMS-HSI-READS-2";
        create(reference, AgreementStatus.REJECTED);
        try {
            TransactionTemplate transaction = new TransactionTemplate(transactions);
            transaction.executeWithoutResult(status -> {
                assertThat(agreements.get(reference).title()).isEqualTo("Reads test");
                // A write that bypasses the service is not seen in this transaction: proof that it was read once.
                retitle(reference, "Retitled in the first transaction");
                assertThat(agreements.get(reference).title()).isEqualTo("Reads test");
            });
            String next = transaction.execute(status -> agreements.get(reference).title());
            assertThat(next).as("the next transaction reads again").isEqualTo("Retitled in the first transaction");

            retitle(reference, "Retitled outside");
            assertThat(agreements.get(reference).title()).as("outside a transaction every read is the database's")
                    .isEqualTo("Retitled outside");
            retitle(reference, "Retitled outside again");
            assertThat(agreements.get(reference).title()).isEqualTo("Retitled outside again");

            TransactionTemplate inner = new TransactionTemplate(transactions);
            inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            transaction.executeWithoutResult(status -> {
                assertThat(agreements.get(reference).title()).isEqualTo("Retitled outside again");
                inner.executeWithoutResult(innerStatus -> {
                    assertThat(agreements.get(reference).title()).isEqualTo("Retitled outside again");
                    retitle(reference, "Retitled by an inner transaction");
                });
                assertThat(agreements.get(reference).title()).as("read again after the inner transaction committed")
                        .isEqualTo("Retitled by an inner transaction");
            });
        } finally {
            jdbc.sql("DELETE FROM agreement_status_change WHERE agreement_id = (SELECT id FROM agreement WHERE reference = ?)")
                    .param(reference).update();
            jdbc.sql("DELETE FROM agreement WHERE reference = ?").param(reference).update();
        }
    }

    private void create(String reference, AgreementStatus status) {
        agreements.create(new AgreementService.NewAgreement(reference, partners.getByAcronym("HSI").id(),
                InstrumentType.LETTER_OF_COOPERATION, "Reads test", "A scope", null, RegisterClock.today(), null, null,
                null), status, "test", "Created by the test", RegisterClock.now());
    }

    private void retitle(String reference, String title) {
        jdbc.sql("UPDATE agreement SET title = ? WHERE reference = ?").params(title, reference).update();
    }

    private Agreement fromTheDatabase(String reference) {
        List<Agreement> found = agreements.findAll(List.of(reference));
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
