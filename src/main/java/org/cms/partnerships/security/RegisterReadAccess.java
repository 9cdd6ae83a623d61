package org.cms.partnerships.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.endorsement.Endorsement;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementSort;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.CommitteeMember;
import org.cms.partnerships.register.FocalPoint;
import org.cms.partnerships.register.Page;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanService;
import org.springframework.stereotype.Component;

/**
 * What the user of the current request may read in the register and the notification log: the one
 * place of that rule, used by every read endpoint ({@code /api/agreements...}, {@code /api/partners...},
 * {@code /api/work-plans...}, {@code /api/endorsements...}, {@code /api/notifications...}, {@code /notifications}).
 *
 * <ul>
 *   <li>A user whose only staff groups are Family secretariat groups ({@code family-secretariats} and their
 *       own {@code family-secretariat-aewa}) reads the agreements whose CMS Family instruments name their
 *       secretariat, the partners, joint work plans and endorsements of those agreements, of their comments
 *       only their own secretariat's consultation answers and the Standing Committee's outcomes, and of the
 *       notification log the e-mails about those agreements addressed to them. Anything else is answered
 *       exactly like a record that does not exist (404), so references do not leak.</li>
 *   <li>Legal officers and the Executive Secretary read the whole register with every comment (legal and
 *       clearance comments are internal to staff), and of the notification log the e-mails addressed to
 *       them: bodies and the addresses of partners' focal points and Committee members are for those who
 *       send and follow up e-mails (also in {@code /api/partners/{acronym}} and {@code /api/committee-members}).</li>
 *   <li>Partnership officers, managers and administrators, and code running without an authenticated
 *       user, read everything.</li>
 * </ul>
 */
@Component
public class RegisterReadAccess {

    /** Groups whose members read the whole register, whatever other groups they are in. */
    private static final Set<String> WHOLE_REGISTER = Set.of(Groups.PARTNERSHIP_OFFICERS, Groups.LEGAL_OFFICERS,
            Groups.EXECUTIVE_SECRETARY, Groups.MANAGERS, Groups.CAMUNDA_ADMIN);
    /** Groups whose members read the whole notification log: they send e-mails, follow them up and retry them. */
    private static final Set<String> WHOLE_LOG = Set.of(Groups.PARTNERSHIP_OFFICERS, Groups.MANAGERS, Groups.CAMUNDA_ADMIN);
    /** Comments a Family secretariat reads besides its own consultation answers: the Committee's public outcomes. */
    private static final Set<String> PUBLIC_COMMENT_KINDS = Set.of("ENDORSEMENT");
    private static final String CONSULTATION = "CONSULTATION";

    private final IdentityService identity;
    private final AgreementService agreements;
    private final WorkPlanService workPlans;

    public RegisterReadAccess(IdentityService identity, AgreementService agreements, WorkPlanService workPlans) {
        this.identity = identity;
        this.agreements = agreements;
        this.workPlans = workPlans;
    }

    /**
     * What one user may read: the whole register or the agreements of their secretariats; the whole
     * notification log or their own e-mails (by address).
     */
    public record Scope(boolean everything, boolean wholeLog, Set<String> secretariats, String email) {

        static final Scope EVERYTHING = new Scope(true, true, Set.of(), null);

        public boolean mayRead(Agreement agreement) {
            return everything || concernsSecretariat(agreement);
        }

        private boolean concernsSecretariat(Agreement agreement) {
            List<String> instruments = agreement.familyInstruments() == null ? List.of()
                    : AgreementProcess.FAMILY_INSTRUMENTS.read(agreement.familyInstruments());
            return instruments != null && instruments.stream().map(Groups::secretariatKey).anyMatch(secretariats::contains);
        }

        /** Staff read every comment; a secretariat its own consultation answers and the Committee's outcomes. */
        public boolean mayRead(AgreementService.Comment comment) {
            if (everything) {
                return true;
            }
            return PUBLIC_COMMENT_KINDS.contains(comment.kind()) || CONSULTATION.equals(comment.kind())
                    && comment.source() != null && secretariats.contains(Groups.secretariatKey(comment.source()));
        }
    }

    /** The scope of the user the request is authenticated as. */
    public Scope current() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null) {
            return Scope.EVERYTHING;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        boolean wholeRegister = groups.stream().anyMatch(WHOLE_REGISTER::contains);
        boolean wholeLog = groups.stream().anyMatch(WHOLE_LOG::contains);
        if (wholeRegister && wholeLog) {
            return Scope.EVERYTHING;
        }
        Set<String> secretariats = groups.stream().filter(Groups::isFamilySecretariat)
                .map(g -> g.substring(Groups.FAMILY_SECRETARIAT_PREFIX.length())).collect(Collectors.toSet());
        User user = identity.createUserQuery().userId(authentication.getUserId()).singleResult();
        return new Scope(wholeRegister, false, wholeRegister ? Set.of() : secretariats, user == null ? null : user.getEmail());
    }

    // ------------------------------------------------------------------ agreements

    /**
     * The criteria cut to what the user reads: for a Family secretariat the agreements naming their
     * secretariats, in SQL, so that a page and its total hold only those; for everyone else unchanged.
     */
    public AgreementFilter restrict(AgreementFilter filter) {
        return restrict(current(), filter);
    }

    private static AgreementFilter restrict(Scope scope, AgreementFilter filter) {
        return scope.everything() ? filter : filter.naming(scope.secretariats());
    }

    /** Every agreement the filter finds that the user reads (unpaged: exports), by reference. */
    public List<Agreement> agreements(AgreementFilter filter) {
        Scope scope = current();
        return readable(scope, agreements.search(restrict(scope, filter)));
    }

    /** One page of the agreements the filter finds that the user reads, with their total. */
    public Page<Agreement> agreements(AgreementFilter filter, AgreementSort sort, boolean descending, int offset, int limit) {
        Scope scope = current();
        Page<Agreement> page = agreements.page(restrict(scope, filter), sort, descending, offset, limit);
        return new Page<>(readable(scope, page.items()), page.total(), page.offset(), page.limit());
    }

    /** How many agreements the user reads in each status among those the filter finds. */
    public Map<AgreementStatus, Long> countByStatus(AgreementFilter filter) {
        return agreements.countByStatus(restrict(filter));
    }

    /** How many agreements the user reads of each of these partners (by partner id). */
    public Map<Long, Long> countByPartner(Collection<Long> partnerIds) {
        return agreements.countByPartner(restrict(AgreementFilter.all()), partnerIds);
    }

    /**
     * The agreements among those found that the user may read. The lists are cut in SQL already
     * ({@link #restrict}); this applies the exact rule ({@link Scope#mayRead(Agreement)}) once more to what
     * is shown, so that a difference between the two could only ever hide a row, never show one.
     */
    public List<Agreement> readable(List<Agreement> found) {
        return readable(current(), found);
    }

    private static List<Agreement> readable(Scope scope, List<Agreement> found) {
        return scope.everything() ? found : found.stream().filter(scope::mayRead).toList();
    }

    /** The agreement, or the same 404 as for an unknown reference when the user may not read it. */
    public Agreement agreement(String reference) {
        return agreements.find(reference).filter(current()::mayRead).orElseThrow(() -> notFound(reference));
    }

    /**
     * For endpoints under an agreement: refuses (404) a reference the user may not read; for users who
     * read everything it checks nothing, so those endpoints answer them as before.
     */
    public void requireReadable(String reference) {
        if (!current().everything()) {
            agreement(reference);
        }
    }

    /** The comments of an agreement the user may read (see {@link Scope#mayRead(AgreementService.Comment)}). */
    public List<AgreementService.Comment> comments(List<AgreementService.Comment> found) {
        Scope scope = current();
        return scope.everything() ? found : found.stream().filter(scope::mayRead).toList();
    }

    /** References of every agreement a limited scope reads (the notification log's rule). */
    private Set<String> readableReferences(Scope scope) {
        return readable(scope, agreements.search(restrict(scope, AgreementFilter.all()))).stream()
                .map(Agreement::reference).collect(Collectors.toSet());
    }

    /** Which of these references a limited scope reads: one query for the references asked about. */
    private Set<String> readableAmong(Scope scope, Collection<String> references) {
        return readable(scope, agreements.among(restrict(scope, AgreementFilter.all()), references)).stream()
                .map(Agreement::reference).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ partners, work plans, endorsements

    /** The partners of the agreements the user reads. */
    public List<Partner> partners(List<Partner> found) {
        Scope scope = current();
        if (scope.everything()) {
            return found;
        }
        Set<Long> withReadableAgreements = agreements.countByPartner(restrict(scope, AgreementFilter.all()),
                found.stream().map(Partner::id).toList()).keySet();
        return found.stream().filter(p -> withReadableAgreements.contains(p.id())).toList();
    }

    /** The partner, or the same 404 as for an unknown acronym when the user reads none of its agreements. */
    public Partner partner(Partner partner) {
        if (partners(List.of(partner)).isEmpty()) {
            throw new NotFoundException("No partner with acronym " + partner.acronym());
        }
        return partner;
    }

    /** The joint work plans of the agreements the user reads. */
    public List<WorkPlan> workPlans(List<WorkPlan> found) {
        Scope scope = current();
        if (scope.everything()) {
            return found;
        }
        Set<String> references = readableAmong(scope, found.stream().map(WorkPlan::agreementReference)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return found.stream().filter(w -> w.agreementReference() != null && references.contains(w.agreementReference()))
                .toList();
    }

    /** The plan, or the same 404 as for an unknown reference when the user may not read it. */
    public WorkPlan workPlan(WorkPlan plan) {
        if (workPlans(List.of(plan)).isEmpty()) {
            throw new NotFoundException("No joint work plan with reference " + plan.reference());
        }
        return plan;
    }

    /**
     * Whether the user reads the endorsements of a subject: an agreement or its amendment ("CMS-IWC-2000/A1")
     * they read, or a plan (its extension, its progress report) of such an agreement.
     */
    public boolean mayReadSubject(Endorsement.SubjectType type, String subjectReference) {
        Scope scope = current();
        if (scope.everything()) {
            return true;
        }
        return switch (type) {
            case AGREEMENT, AMENDMENT -> readableAmong(scope, Set.of(subjectReference.split("/", 2)[0])).size() == 1;
            case WORK_PLAN, EXTENSION, PROGRESS_REPORT -> workPlans.find(subjectReference).map(WorkPlan::agreementReference)
                    .filter(r -> readableAmong(scope, Set.of(r)).size() == 1).isPresent();
        };
    }

    /** The endorsement, or the same 404 as for an unknown id when the user may not read its subject. */
    public Endorsement endorsement(Endorsement endorsement) {
        if (!mayReadSubject(endorsement.subjectType(), endorsement.subjectReference())) {
            throw new NotFoundException("No endorsement with id " + endorsement.id());
        }
        return endorsement;
    }

    /** The endorsements the user reads among those found. */
    public List<Endorsement> endorsements(List<Endorsement> found) {
        return current().everything() ? found
                : found.stream().filter(e -> mayReadSubject(e.subjectType(), e.subjectReference())).toList();
    }

    // ------------------------------------------------------------------ addresses

    /** Focal points; their e-mail addresses only for those who read the whole notification log. */
    public List<FocalPoint> focalPoints(List<FocalPoint> found) {
        return current().wholeLog() ? found : found.stream()
                .map(f -> new FocalPoint(f.id(), f.partnerId(), f.name(), f.position(), null, f.preferredLanguage())).toList();
    }

    /** The Standing Committee; the members' e-mail addresses only for those who read the whole notification log. */
    public List<CommitteeMember> committeeMembers(List<CommitteeMember> found) {
        return current().wholeLog() ? found : found.stream().map(m -> new CommitteeMember(m.id(), m.name(), m.partyOrSeat(),
                m.region(), m.role(), null, m.preferredLanguage(), m.termStart(), m.termEnd())).toList();
    }

    // ------------------------------------------------------------------ notifications

    /** Which lines of the notification log the user may read. */
    public Predicate<Notification> notifications() {
        Scope scope = current();
        if (scope.wholeLog()) {
            return n -> true;
        }
        if (scope.email() == null) {
            return n -> false;
        }
        Predicate<Notification> toThem = n -> scope.email().equalsIgnoreCase(Objects.toString(n.recipientEmail(), ""));
        if (scope.everything()) {
            return toThem;
        }
        Set<String> references = readableReferences(scope);
        return toThem.and(n -> references.contains(n.subjectReference()));
    }

    /** The notification, or the same 404 as for an unknown id when the user may not read it. */
    public Notification readable(Notification notification) {
        if (!notifications().test(notification)) {
            throw new NotFoundException("No notification with id " + notification.id());
        }
        return notification;
    }

    private static NotFoundException notFound(String reference) {
        return new NotFoundException("No agreement with reference " + reference);
    }
}
