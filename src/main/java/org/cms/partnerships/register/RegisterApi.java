package org.cms.partnerships.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.time.LocalDate;
import java.util.List;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.security.RegisterReadAccess;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
                access.agreements(new AgreementFilter(null, null, null, partner.acronym(), null)));
    }

    /** Agreements per page when the caller names no size, and the most one page holds. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;
    /** The response header with the number of agreements the filters find in all pages. */
    public static final String TOTAL_COUNT = "X-Total-Count";
    private static final int MAX_LINK_HEADER = 4096;

    /**
     * One page of the agreements the filters find, by reference: {@code page} (from 1) of {@code size}
     * (default {@value #DEFAULT_PAGE_SIZE}, at most {@value #MAX_PAGE_SIZE}). The body is the page's
     * agreements; {@value #TOTAL_COUNT} says how many there are in all, {@code Link} (RFC 8288) where the
     * first, previous, next and last pages are (left out when longer than 4 kB: a search text of thousands of
     * characters). A page after the last is empty. The whole list at once is
     * the CSV export.
     */
    @GetMapping("/agreements")
    public ResponseEntity<List<Agreement>> agreements(@RequestParam(required = false) AgreementStatus status,
                                                      @RequestParam(required = false) PartnerCategory category,
                                                      @RequestParam(required = false) InstrumentType instrumentType,
                                                      @RequestParam(required = false) String partner,
                                                      @RequestParam(name = "q", required = false) String text,
                                                      @RequestParam(defaultValue = "1") int page,
                                                      @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        List<String> problems = new java.util.ArrayList<>();
        if (page < 1) {
            problems.add("Parameter 'page' has an invalid value '%d'; expected 1 or more".formatted(page));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add("Parameter 'size' has an invalid value '%d'; expected 1 to %d".formatted(size, MAX_PAGE_SIZE));
        }
        InvalidInputException.throwIfAny(problems);
        // Beyond the last page there is nothing; the offset is kept in range of an int for the SQL.
        int offset = (int) Math.min((long) (page - 1) * size, Integer.MAX_VALUE - MAX_PAGE_SIZE);
        Page<Agreement> found = access.agreements(new AgreementFilter(status, category, instrumentType, partner, text),
                AgreementSort.REFERENCE, false, offset, size);
        PageLinks links = new PageLinks(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/agreements")
                .build().toUriString())
                .param("status", status).param("category", category)
                .param("instrumentType", instrumentType)
                .param("partner", partner).param("q", text);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(found.total()));
        String link = links.header(page, size, found.total());
        // Four copies of a very long search text would pass the server's response header limit (8 kB): left out then.
        if (link.length() <= MAX_LINK_HEADER) {
            answer.header(HttpHeaders.LINK, link);
        }
        return answer.body(found.items());
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
        // The whole list (unpaged, one query): the export is how a caller takes the register at once.
        List<AgreementCsvRow> rows = access.agreements(new AgreementFilter(status, category, instrumentType, partner, text))
                .stream().map(AgreementCsvRow::of).toList();
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
