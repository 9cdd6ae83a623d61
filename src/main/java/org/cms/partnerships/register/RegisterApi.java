package org.cms.partnerships.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.time.LocalDate;
import java.util.List;
import org.cms.partnerships.security.RegisterReadAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read side of the register: partners, agreements with their history, and a CSV export of the
 * agreements for the triennial report. Behind HTTP Basic like the engine REST API. Every agreement
 * read goes through {@link RegisterReadAccess}: a Family secretariat reads only the agreements naming it.
 */
@RestController
@RequestMapping("/api")
public class RegisterApi {

    private final PartnerService partners;
    private final AgreementService agreements;
    private final CommitteeService committee;
    private final RegisterReadAccess access;
    private final CsvMapper csv = CsvMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public RegisterApi(PartnerService partners, AgreementService agreements, CommitteeService committee,
                       RegisterReadAccess access) {
        this.partners = partners;
        this.agreements = agreements;
        this.committee = committee;
        this.access = access;
    }

    public record PartnerDetail(Partner partner, List<FocalPoint> focalPoints, List<Agreement> agreements) {
    }

    public record AgreementDetail(Agreement agreement, List<StatusChange> history,
                                  List<AgreementService.Comment> comments) {
    }

    @GetMapping("/partners")
    public List<Partner> partners(@RequestParam(required = false) PartnerCategory category,
                                  @RequestParam(required = false) Boolean deFacto,
                                  @RequestParam(name = "q", required = false) String text) {
        return access.partners(partners.search(category, deFacto, text));
    }

    @GetMapping("/partners/{acronym}")
    public PartnerDetail partner(@PathVariable String acronym) {
        Partner partner = access.partner(partners.getByAcronym(acronym));
        return new PartnerDetail(partner, access.focalPoints(partners.focalPoints(partner.id())),
                access.readable(agreements.search(new AgreementFilter(null, null, null, partner.acronym(), null))));
    }

    @GetMapping("/agreements")
    public List<Agreement> agreements(@RequestParam(required = false) AgreementStatus status,
                                      @RequestParam(required = false) PartnerCategory category,
                                      @RequestParam(required = false) InstrumentType instrumentType,
                                      @RequestParam(required = false) String partner,
                                      @RequestParam(name = "q", required = false) String text) {
        return access.readable(agreements.search(new AgreementFilter(status, category, instrumentType, partner, text)));
    }

    /** 404 for an agreement the user may not read, as for one that does not exist. */
    @GetMapping("/agreements/{reference}")
    public AgreementDetail agreement(@PathVariable String reference) {
        Agreement agreement = access.agreement(reference);
        return new AgreementDetail(agreement, agreements.history(agreement.reference()),
                access.comments(agreements.comments(agreement.reference())));
    }

    /** The same filters as the list, as CSV (one line per agreement, header first). */
    @GetMapping(value = "/agreements.csv", produces = "text/csv")
    public ResponseEntity<String> agreementsCsv(@RequestParam(required = false) AgreementStatus status,
                                                @RequestParam(required = false) PartnerCategory category,
                                                @RequestParam(required = false) InstrumentType instrumentType,
                                                @RequestParam(required = false) String partner,
                                                @RequestParam(name = "q", required = false) String text)
            throws JsonProcessingException {
        List<AgreementCsvRow> rows = agreements(status, category, instrumentType, partner, text).stream()
                .map(AgreementCsvRow::of).toList();
        CsvSchema schema = csv.schemaFor(AgreementCsvRow.class).withHeader();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"agreements.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.writer(schema).writeValueAsString(rows));
    }

    @GetMapping("/committee-members")
    public List<CommitteeMember> committeeMembers() {
        return access.committeeMembers(committee.all());
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"reference", "partner", "partnerName", "category",
            "instrumentType", "title", "status", "signedOn", "expiresOn", "nextReviewOn", "supersedes", "supersededBy"})
    record AgreementCsvRow(String reference, String partner, String partnerName, PartnerCategory category,
                           InstrumentType instrumentType, String title, AgreementStatus status, LocalDate signedOn,
                           LocalDate expiresOn, LocalDate nextReviewOn, String supersedes, String supersededBy) {

        static AgreementCsvRow of(Agreement a) {
            return new AgreementCsvRow(a.reference(), a.partnerAcronym(), a.partnerName(), a.partnerCategory(),
                    a.instrumentType(), a.title(), a.status(), a.signedOn(), a.expiresOn(), a.nextReviewOn(),
                    a.supersedes(), a.supersededBy());
        }
    }
}
