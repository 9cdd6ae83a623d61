package org.cms.partnerships.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The proposal start form lists the register's partners to choose from. Tasklist loads no variables
 * into a start form (only a task's form gets them), so a select cannot be fed at run time; instead the
 * form is deployed again with the partners as its options: at start-up and after every partner
 * registered. The start event binds its form as {@code latest}, so Tasklist shows this version; an
 * unchanged list deploys nothing (duplicate filtering) unless another deployment came since.
 */
@Component
public class ProposalFormPartners {

    static final String FORM = "propose-agreement.form";
    static final String DEPLOYMENT = "cms-proposal-form-partners";
    private static final Logger log = LoggerFactory.getLogger(ProposalFormPartners.class);

    private final RepositoryService repository;
    private final IdentityService identity;
    private final PartnerService partners;
    private final TransactionTemplate newTransaction;
    private final ApplicationStartup startup;
    private final ObjectMapper json = new ObjectMapper();

    ProposalFormPartners(RepositoryService repository, IdentityService identity, PartnerService partners,
                         PlatformTransactionManager transactions, ApplicationStartup startup) {
        this.startup = startup;
        this.repository = repository;
        this.identity = identity;
        this.partners = partners;
        this.newTransaction = new TransactionTemplate(transactions);
        // After a commit the finished transaction's resources are still bound: the deployment needs its own.
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Partners registered before start-up ends (the demo loader's) are all in the start-up deployment. */
    private volatile boolean started;

    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        StartupStep step = startup.start("cms.proposal-form-partners");
        deploy();
        started = true;
        step.end();
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void partnerRegistered(PartnerService.PartnerRegistered registered) {
        if (started) {
            deploy();
        }
    }

    /** Deploys the proposal form with the register's partners as the options of its partner select. */
    public void deploy() {
        String form = formWithPartners();
        // A system step, whoever registered the partner: staff may not deploy.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            newTransaction.executeWithoutResult(tx -> {
                var deployment = repository.createDeployment().name(DEPLOYMENT).addString(FORM, form);
                // Skip an unchanged list only while this deployment holds the latest form version: after a
                // release deploys the form file again, that version (without partners) is the latest.
                if (oursIsTheLatestDeployment()) {
                    deployment.enableDuplicateFiltering(false);
                }
                deployment.deploy();
            });
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        log.debug("Proposal form deployed with the register's partners");
    }

    private boolean oursIsTheLatestDeployment() {
        var latest = repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, 1);
        return !latest.isEmpty() && DEPLOYMENT.equals(latest.get(0).getName());
    }

    String formWithPartners() {
        try (InputStream in = new ClassPathResource("forms/" + FORM).getInputStream()) {
            JsonNode form = json.readTree(in);
            for (JsonNode component : form.path("components")) {
                if (AgreementProcess.EXISTING_PARTNER.name().equals(component.path("key").asText())) {
                    ArrayNode values = ((ObjectNode) component).putArray("values");
                    for (Partner partner : partners.search(null, null, null)) {
                        values.addObject().put("label", label(partner)).put("value", partner.acronym());
                    }
                }
            }
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String label(Partner partner) {
        return partner.acronym() + " · " + partner.name() + (partner.deFacto() ? " (de facto partner)" : "");
    }
}
