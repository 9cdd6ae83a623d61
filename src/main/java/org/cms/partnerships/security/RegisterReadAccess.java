package org.cms.partnerships.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.springframework.stereotype.Component;

/**
 * What the user of the current request may read in the register and the notification log: the one
 * place of that rule, used by every read endpoint ({@code /api/agreements...}, {@code /api/notifications...},
 * {@code /notifications}).
 *
 * <p>A user whose only staff groups are Family secretariat groups ({@code family-secretariats} and their
 * own {@code family-secretariat-aewa}) reads the agreements whose CMS Family instruments name their
 * secretariat, and the notifications about those agreements addressed to them. An agreement they may not
 * read is answered exactly like one that does not exist (404), so references do not leak. Everyone else,
 * and code running without an authenticated user, reads everything.
 */
@Component
public class RegisterReadAccess {

    /** Groups whose members read the whole register, whatever other groups they are in. */
    private static final Set<String> WHOLE_REGISTER = Set.of(Groups.PARTNERSHIP_OFFICERS, Groups.LEGAL_OFFICERS,
            Groups.EXECUTIVE_SECRETARY, Groups.MANAGERS, Groups.CAMUNDA_ADMIN);

    private final IdentityService identity;
    private final AgreementService agreements;

    public RegisterReadAccess(IdentityService identity, AgreementService agreements) {
        this.identity = identity;
        this.agreements = agreements;
    }

    /** What one user may read: everything, or the agreements of their secretariats and their own e-mails. */
    public record Scope(boolean everything, Set<String> secretariats, String email) {

        static final Scope EVERYTHING = new Scope(true, Set.of(), null);

        public boolean mayRead(Agreement agreement) {
            return everything || concernsSecretariat(agreement);
        }

        private boolean concernsSecretariat(Agreement agreement) {
            List<String> instruments = agreement.familyInstruments() == null ? List.of()
                    : AgreementProcess.FAMILY_INSTRUMENTS.read(agreement.familyInstruments());
            return instruments != null && instruments.stream().map(Groups::secretariatKey).anyMatch(secretariats::contains);
        }
    }

    /** The scope of the user the request is authenticated as. */
    public Scope current() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null) {
            return Scope.EVERYTHING;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        boolean secretariatOnly = groups.stream().anyMatch(RegisterReadAccess::isSecretariatGroup)
                && groups.stream().noneMatch(WHOLE_REGISTER::contains);
        if (!secretariatOnly) {
            return Scope.EVERYTHING;
        }
        Set<String> secretariats = groups.stream().filter(Groups::isFamilySecretariat)
                .map(g -> g.substring(Groups.FAMILY_SECRETARIAT_PREFIX.length())).collect(Collectors.toSet());
        User user = identity.createUserQuery().userId(authentication.getUserId()).singleResult();
        return new Scope(false, secretariats, user == null ? null : user.getEmail());
    }

    private static boolean isSecretariatGroup(String groupId) {
        return Groups.FAMILY_SECRETARIATS.equals(groupId) || Groups.isFamilySecretariat(groupId);
    }

    // ------------------------------------------------------------------ agreements

    public List<Agreement> readable(List<Agreement> found) {
        Scope scope = current();
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

    // ------------------------------------------------------------------ notifications

    /** Which lines of the notification log the user may read. */
    public Predicate<Notification> notifications() {
        Scope scope = current();
        if (scope.everything()) {
            return n -> true;
        }
        if (scope.email() == null) {
            return n -> false;
        }
        Set<String> references = agreements.search(AgreementFilter.all()).stream().filter(scope::mayRead)
                .map(Agreement::reference).collect(Collectors.toSet());
        return n -> scope.email().equalsIgnoreCase(Objects.toString(n.recipientEmail(), ""))
                && references.contains(n.subjectReference());
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
