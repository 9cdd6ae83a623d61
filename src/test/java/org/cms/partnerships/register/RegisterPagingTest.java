package org.cms.partnerships.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13: the register's list reads in SQL (paging, the Family secretariats' cut, the text search) find
 * exactly what the whole list filtered in Java found before. Expectations are computed from the unpaged
 * service list at the time of the test, so the test holds whatever other tests added to the register.
 */
@CmsIntegrationTest
class RegisterPagingTest {

    @Autowired TestRestTemplate rest;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;

    @Test
    void theListComesInPagesWithTheTotalAndLinksInAStableOrder() {
        List<String> all = agreements.search(AgreementFilter.all()).stream().map(Agreement::reference).toList();
        assertThat(all).hasSizeGreaterThan(20);
        int size = 7;
        int pages = (all.size() + size - 1) / size;
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            ResponseEntity<JsonNode> answer = get("oliver", "/api/agreements?size=" + size + "&page=" + page);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getHeaders().getFirst("X-Total-Count")).isEqualTo(Integer.toString(all.size()));
            assertThat(answer.getBody()).hasSize(page < pages ? size : all.size() - (pages - 1) * size);
            String links = answer.getHeaders().getFirst(HttpHeaders.LINK);
            assertThat(links).contains("page=1&size=7>; rel=\"first\"", "page=" + pages + "&size=7>; rel=\"last\"");
            assertThat(links.contains("rel=\"next\"")).isEqualTo(page < pages);
            assertThat(links.contains("page=" + (page - 1) + "&size=7>; rel=\"prev\"")).isEqualTo(page > 1);
            paged.addAll(answer.getBody().findValuesAsText("reference"));
        }
        // Every agreement once, in the order of the reference, as the unpaged list had them.
        assertThat(paged).containsExactlyElementsOf(all);

        ResponseEntity<JsonNode> after = get("oliver", "/api/agreements?size=7&page=" + (pages + 1));
        assertThat(after.getBody()).isEmpty();
        assertThat(after.getHeaders().getFirst("X-Total-Count")).isEqualTo(Integer.toString(all.size()));
        ResponseEntity<JsonNode> byDefault = get("oliver", "/api/agreements");
        assertThat(byDefault.getBody().findValuesAsText("reference"))
                .containsExactlyElementsOf(all.subList(0, Math.min(all.size(), RegisterApi.DEFAULT_PAGE_SIZE)));
    }

    @Test
    void theLinksKeepTheFiltersAndTheTotalCountsTheFilteredList() {
        List<String> inForce = agreements.search(new AgreementFilter(AgreementStatus.IN_FORCE, null, null, null, "o"))
                .stream().map(Agreement::reference).toList();
        ResponseEntity<JsonNode> first = get("oliver", "/api/agreements?status=IN_FORCE&q=o&size=2");
        assertThat(first.getHeaders().getFirst("X-Total-Count")).isEqualTo(Integer.toString(inForce.size()));
        assertThat(first.getBody().findValuesAsText("reference")).containsExactlyElementsOf(inForce.subList(0, 2));
        assertThat(first.getHeaders().getFirst(HttpHeaders.LINK))
                .contains("/api/agreements?status=IN_FORCE&q=o&page=2&size=2>; rel=\"next\"");
        // A search text with "&" and "+" comes back encoded, so that the link finds the same list.
        ResponseEntity<JsonNode> encoded = rest.withBasicAuth("oliver", "oliver").getForEntity(
                java.net.URI.create(rest.getRootUri() + "/api/agreements?q=a%26b%2Bc&size=1"), JsonNode.class);
        assertThat(encoded.getHeaders().getFirst(HttpHeaders.LINK)).contains("q=a%26b%2Bc&page=1&size=1");
    }

    @Test
    void aPageOrASizeOutOfRangeIsA400SayingWhatIsAllowed() {
        for (String query : List.of("page=0", "size=0", "size=1001", "page=-3")) {
            ResponseEntity<JsonNode> answer = get("oliver", "/api/agreements?" + query);
            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("detail").asText()).as(query).contains("Parameter '" + query.split("=")[0] + "'");
        }
        assertThat(get("oliver", "/api/agreements?size=1000").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("oliver", "/api/agreements?page=2147483647").getBody()).isEmpty();
    }

    @Test
    void aFamilySecretariatsPagesHoldOnlyWhatItReadsWithTheirOwnTotal() {
        for (String user : List.of("aewa", "eurobats", "ascobans")) {
            List<String> expected = agreements.search(AgreementFilter.all()).stream()
                    .filter(a -> names(a, user)).map(Agreement::reference).toList();
            assertThat(expected).as(user).isNotEmpty();
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= (expected.size() + 2) / 3; page++) {
                ResponseEntity<JsonNode> answer = get(user, "/api/agreements?size=3&page=" + page);
                assertThat(answer.getHeaders().getFirst("X-Total-Count")).as(user).isEqualTo(Integer.toString(expected.size()));
                paged.addAll(answer.getBody().findValuesAsText("reference"));
            }
            assertThat(paged).as(user).containsExactlyElementsOf(expected);
            String csv = rest.withBasicAuth(user, user).getForObject("/api/agreements.csv", String.class);
            assertThat(csv.lines().skip(1).map(line -> line.split(",", 2)[0])).as(user).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theSqlCutForASecretariatIsTheExactRuleForEveryKeyInTheRegister() {
        List<Agreement> all = agreements.search(AgreementFilter.all());
        Set<String> keys = new java.util.TreeSet<>();
        all.forEach(a -> instruments(a).map(Groups::secretariatKey).forEach(keys::add));
        assertThat(keys).contains("aewa", "eurobats", "ascobans");
        for (String key : keys) {
            assertThat(agreements.search(AgreementFilter.all().naming(Set.of(key)))).as(key)
                    .containsExactlyElementsOf(all.stream().filter(a -> instruments(a).map(Groups::secretariatKey)
                            .anyMatch(key::equals)).toList());
        }
        assertThat(agreements.search(AgreementFilter.all().naming(Set.of()))).isEmpty();
        // A key that is not letters and digits (a group id an administrator typed) names nothing, as in Java.
        assertThat(agreements.search(AgreementFilter.all().naming(Set.of("ae_a", "%")))).isEmpty();
    }

    /** Spellings of the list the Java rule reads (ValueReaders.textList, Groups.secretariatKey); rolled back. */
    @Test
    @Transactional
    void theSqlCutReadsTheSpellingsOfTheListAsTheJavaRuleDoes() {
        long partner = partners.getByAcronym("IWC").id();
        List<String> spellings = List.of("[\"Sharks MoU\", \"AEWA\"]", "A.E.W.A., EUROBATS", "AEWAX, Gorilla-Agreement",
                "  aewa  ", "Eurobats;AEWA", "XAEWA", ",,AEWA,,");
        for (int i = 0; i < spellings.size(); i++) {
            agreements.create(new AgreementService.NewAgreement("CMS-SPELLING-" + i, partner,
                    InstrumentType.LETTER_OF_COOPERATION, "Spelling " + i, null, spellings.get(i), LocalDate.of(2020, 1, 1),
                    null, null, null), AgreementStatus.PROPOSED, "test", "spelling", RegisterClock.now());
        }
        AgreementFilter spelled = new AgreementFilter(null, null, null, null, "CMS-SPELLING-");
        List<Agreement> created = agreements.search(spelled);
        assertThat(created).hasSize(spellings.size());
        for (String key : List.of("aewa", "eurobats", "sharksmou", "gorillaagreement", "eurobatsaewa", "aewax")) {
            assertThat(agreements.search(spelled.naming(Set.of(key))).stream().map(Agreement::reference)).as(key)
                    .containsExactlyElementsOf(created.stream().filter(a -> instruments(a).map(Groups::secretariatKey)
                            .anyMatch(key::equals)).map(Agreement::reference).toList());
        }
        assertThat(agreements.search(spelled.naming(Set.of("aewa")))).extracting(Agreement::reference)
                .containsExactly("CMS-SPELLING-0", "CMS-SPELLING-1", "CMS-SPELLING-3", "CMS-SPELLING-6");
    }

    @Test
    void theTextSearchStillFindsACaseInsensitiveSubstringOfReferenceTitleScopeAndPartner() {
        List<Agreement> all = agreements.search(AgreementFilter.all());
        List<String> texts = new ArrayList<>(List.of("whaling", "WHALING", "Ocean Noise", "cms-iwc", "zoos and", "waza",
                "-20", "bats", " migratory ", "x"));
        // A word of a scope and of a partner's name, whatever the demo holds now.
        all.stream().filter(a -> a.scope() != null && a.scope().length() > 12).findFirst()
                .ifPresent(a -> texts.add(a.scope().substring(3, 12).toLowerCase(Locale.ROOT)));
        String name = all.get(0).partnerName();
        texts.add(name.substring(Math.min(2, name.length() - 1), Math.min(9, name.length())).toUpperCase(Locale.ROOT));
        for (String text : texts) {
            String upper = text.trim().toUpperCase();
            List<String> expected = all.stream().filter(a -> Stream.of(a.reference(), a.title(), a.scope(), a.partnerName(),
                    a.partnerAcronym()).anyMatch(v -> v != null && v.toUpperCase().contains(upper))).map(Agreement::reference).toList();
            assertThat(agreements.search(new AgreementFilter(null, null, null, null, text)).stream().map(Agreement::reference))
                    .as(text).containsExactlyElementsOf(expected);
            assertThat(agreements.page(new AgreementFilter(null, null, null, null, text), AgreementSort.REFERENCE, false, 0, 1000)
                    .total()).as(text).isEqualTo(expected.size());
        }
    }

    @Test
    void aTextSearchCountsItsMatchesWithItsPageOnEveryPageAndBeyondTheLast() {
        for (String text : List.of("o", "whaling", "no agreement says this")) {
            AgreementFilter filter = new AgreementFilter(null, null, null, null, text);
            List<String> expected = agreements.search(filter).stream().map(Agreement::reference).toList();
            assertThat(agreements.pageSql(filter, AgreementSort.REFERENCE, false, 0, 1).sql()).contains("COUNT(*) OVER ()");
            for (int size : List.of(1, 2, 7)) {
                for (int offset = 0; offset <= expected.size() + size; offset += size) {
                    Page<Agreement> page = agreements.page(filter, AgreementSort.REFERENCE, false, offset, size);
                    assertThat(page.total()).as("%s, %d from %d", text, size, offset).isEqualTo(expected.size());
                    assertThat(page.items()).extracting(Agreement::reference).as("%s, %d from %d", text, size, offset)
                            .containsExactlyElementsOf(expected.subList(Math.min(offset, expected.size()),
                                    Math.min(offset + size, expected.size())));
                }
            }
        }
        // Without a text the page stops at its end and the total is counted on its own.
        assertThat(agreements.pageSql(AgreementFilter.all(), AgreementSort.REFERENCE, false, 0, 1).sql()).doesNotContain("OVER");
    }

    @Test
    void thePartnerFilterIgnoresCaseAndCountsPerStatusComeFromOneQuery() {
        assertThat(agreements.search(new AgreementFilter(null, null, null, " iucn-ELC ", null))).extracting(Agreement::reference)
                .containsExactly("CMS-IUCN-ELC-1996", "CMS-IUCN-ELC-2011");
        assertThat(partners.findByAcronym("iwc")).map(Partner::acronym).contains("IWC");
        List<Agreement> all = agreements.search(AgreementFilter.all());
        java.util.Map<AgreementStatus, Long> expected = new java.util.EnumMap<>(AgreementStatus.class);
        all.forEach(a -> expected.merge(a.status(), 1L, Long::sum));
        assertThat(agreements.countByStatus(new AgreementFilter(AgreementStatus.IN_FORCE, null, null, null, null)))
                .isEqualTo(expected);
    }

    private static boolean names(Agreement agreement, String secretariatKey) {
        return instruments(agreement).map(Groups::secretariatKey).anyMatch(secretariatKey::equals);
    }

    private static Stream<String> instruments(Agreement agreement) {
        return agreement.familyInstruments() == null ? Stream.empty()
                : AgreementProcess.FAMILY_INSTRUMENTS.read(agreement.familyInstruments()).stream();
    }

    private ResponseEntity<JsonNode> get(String user, String url) {
        return rest.withBasicAuth(user, user).getForEntity(url, JsonNode.class);
    }
}
