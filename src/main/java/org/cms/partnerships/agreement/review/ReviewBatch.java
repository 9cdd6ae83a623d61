package org.cms.partnerships.agreement.review;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * What {@link ReviewStart} looks up for each review (the agreement, its joint work plans), loaded for a
 * whole batch of the morning sweep in one query each, inside the batch's transaction, so as fresh as a
 * lookup per start. Bound to the sweep's thread while its batch starts; a review started any other way
 * (Tasklist, REST, an agreement not in the batch) finds nothing here and looks up its own.
 */
@Component
class ReviewBatch {

    /** One agreement of the batch, as {@link ReviewStart} would have looked it up. */
    record Lookup(Agreement agreement, String workPlansText) {
    }

    private final ThreadLocal<Map<String, Lookup>> current = new ThreadLocal<>();
    private final AgreementService agreements;
    private final AnnualReviewService reviews;

    ReviewBatch(AgreementService agreements, AnnualReviewService reviews) {
        this.agreements = agreements;
        this.reviews = reviews;
    }

    /** Runs {@code starts} with the agreements named by {@code references} looked up, two queries in all. */
    void starting(Collection<String> references, Runnable starts) {
        Map<String, String> workPlans = reviews.workPlansOfAll(references);
        current.set(agreements.findAll(references).stream().collect(Collectors.toMap(Agreement::reference,
                agreement -> new Lookup(agreement, workPlans.get(agreement.reference())), (a, b) -> a)));
        try {
            starts.run();
        } finally {
            current.remove();
        }
    }

    /** The batch's lookup for the agreement with this reference (as the register writes it), if a batch is starting it. */
    Optional<Lookup> lookup(String reference) {
        Map<String, Lookup> batch = current.get();
        return batch == null || reference == null ? Optional.empty() : Optional.ofNullable(batch.get(reference));
    }
}
