package org.cms.partnerships.agreement.review;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reviews outside the calendar, and the morning sweep on demand. */
@RestController
public class ReviewApi {

    private final FollowUps followUps;

    public ReviewApi(FollowUps followUps) {
        this.followUps = followUps;
    }

    /** Starts a review of the agreement now (201), with the same checks as in Tasklist; 409 when one is under way. */
    @PostMapping("/api/agreements/{reference}/annual-review")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "start an annual review")
    public ResponseEntity<Map<String, String>> reviewNow(@PathVariable String reference) {
        String key = followUps.startReviewNow(reference, RegisterClock.today());
        return ResponseEntity.created(URI.create("/api/agreements/" + reference)).body(Map.of("businessKey", key));
    }

    /** Runs the follow-up sweep now; what it already started it does not start again. */
    @PostMapping("/api/follow-ups/sweep")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS, Groups.MANAGERS}, action = "run the follow-up sweep")
    public Map<String, List<String>> sweep() {
        FollowUps.Started started = followUps.startDue(RegisterClock.today());
        return Map.of("reviewsStarted", started.reviews(), "renewalsStarted", started.renewals());
    }

    /** Starts the renewal decision of an agreement with an end date now (201), outside the calendar; 409 when one is under way. */
    @PostMapping("/api/agreements/{reference}/renewal")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS}, action = "start a renewal decision")
    public ResponseEntity<Map<String, String>> renewalNow(@PathVariable String reference) {
        String key = followUps.startRenewalNow(reference);
        return ResponseEntity.created(URI.create("/api/agreements/" + reference)).body(Map.of("businessKey", key));
    }
}
