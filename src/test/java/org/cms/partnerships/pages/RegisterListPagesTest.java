package org.cms.partnerships.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementSort;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 13: the agreement and partner list pages read one page in SQL (sorted there, counted by one GROUP
 * BY) and show what sorting and paging the whole list in Java showed: the exports still sort the whole
 * list in Java, so each page of the list must be the matching slice of the export.
 */
@CmsIntegrationTest
class RegisterListPagesTest {

    private static final Pattern ROW = Pattern.compile("<th scope=\"row\"><a href=\"[^\"]*\"[^>]*>([^<]+)</a></th>");

    @Autowired TestRestTemplate rest;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;

    @Test
    void everySortOfTheAgreementListPagesAsTheExportSortsTheWholeList() {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        for (AgreementSort sort : AgreementSort.values()) {
            for (String dir : List.of("asc", "desc")) {
                for (String filter : List.of("", "&status=IN_FORCE", "&q=a")) {
                    String query = "sort=" + sort.parameter() + "&dir=" + dir + filter;
                    List<String> exported = text(oliver, "/register/agreements.csv?" + query).lines().skip(1)
                            .map(line -> line.split(",", 2)[0]).toList();
                    List<String> shown = new ArrayList<>();
                    int pages = (exported.size() + RegisterPages.PAGE_SIZE - 1) / RegisterPages.PAGE_SIZE;
                    for (int page = 1; page <= pages; page++) {
                        String html = text(oliver, "/register/agreements?" + query + "&page=" + page);
                        assertThat(html).as(query).contains("of " + exported.size() + "</p>");
                        shown.addAll(references(html));
                    }
                    assertThat(shown).as(query).containsExactlyElementsOf(exported);
                }
            }
        }
    }

    @Test
    void theStatusCountsAndAPageBeyondTheLastAreAsBefore() {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        int all = agreements.search(AgreementFilter.all()).size();
        String html = text(oliver, "/register/agreements?page=999");
        // A page beyond the last shows the last page, as the list paged in memory did.
        int pages = (all + RegisterPages.PAGE_SIZE - 1) / RegisterPages.PAGE_SIZE;
        assertThat(html).contains("Page " + pages + " of " + pages, "of " + all + "</p>");
        assertThat(references(html)).hasSize(all - (pages - 1) * RegisterPages.PAGE_SIZE);
        long inForce = agreements.search(new AgreementFilter(org.cms.partnerships.register.AgreementStatus.IN_FORCE,
                null, null, null, null)).size();
        assertThat(html).containsPattern("In force</span> <span>" + inForce + "</span>");
    }

    @Test
    void thePartnerFieldSuggestsTheFormalPartnersWhileTheyAreFewAndTakesATypedAcronymAlways() {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        List<String> formal = partners.search(null, false, null).stream().map(Partner::acronym)
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertThat(formal.size()).isLessThanOrEqualTo(RegisterPages.PARTNER_SUGGESTIONS);
        String html = text(oliver, "/register/agreements");
        Matcher suggestion = Pattern.compile("<option value=\"([^\"]+)\">").matcher(
                html.substring(html.indexOf("<datalist id=\"f-partner-acronyms\">")));
        List<String> suggested = new ArrayList<>();
        while (suggestion.find()) {
            suggested.add(suggestion.group(1));
        }
        assertThat(suggested).containsExactlyElementsOf(formal);
        assertThat(html).contains("list=\"f-partner-acronyms\"").doesNotContain("f-partner-hint\">");
        // Beyond the limit no list is offered (the register at scale has thousands of partners).
        assertThat(partners.formalAcronymsIfAtMost(formal.size())).containsExactlyElementsOf(formal);
        assertThat(partners.formalAcronymsIfAtMost(formal.size() - 1)).isEmpty();
        // The acronym typed, in any case, filters as the choice did.
        String noaa = text(oliver, "/register/agreements?partner=noaa");
        assertThat(references(noaa)).isNotEmpty().allSatisfy(reference -> assertThat(reference).contains("NOAA"));
        assertThat(noaa).contains("value=\"noaa\"");
    }

    @Test
    void thePartnerListPagesByAcronymWithEachPartnersAgreementCount() {
        WebappSession oliver = WebappSession.login(rest, "oliver", "tasklist");
        List<Partner> expected = partners.search(null, null, null).stream()
                .sorted(java.util.Comparator.comparing(Partner::acronym, String.CASE_INSENSITIVE_ORDER)).toList();
        List<String> shown = new ArrayList<>();
        for (int page = 1; page <= (expected.size() + RegisterPages.PAGE_SIZE - 1) / RegisterPages.PAGE_SIZE; page++) {
            String html = text(oliver, "/register/partners?page=" + page);
            assertThat(html).contains("of " + expected.size() + "</p>");
            shown.addAll(references(html));
        }
        assertThat(shown).containsExactlyElementsOf(expected.stream().map(Partner::acronym).toList());
        // Other tests in this context may have added NOAA agreements: the count is the register's, whatever it is.
        int noaaAgreements = agreements.search(new AgreementFilter(null, null, null, "NOAA", null)).size();
        String noaa = text(oliver, "/register/partners?q=noaa");
        assertThat(noaa).containsPattern("NOAA</a></th>[\\s\\S]*?<td class=\"num\">" + noaaAgreements + "</td>");
        // A Family secretariat's counts hold only what it reads: EUROBATS reads none of IWC's agreements.
        String eurobats = text(WebappSession.login(rest, "eurobats", "tasklist"), "/register/partners?q=iwc");
        assertThat(eurobats).containsPattern(">IWC</a></th>[\\s\\S]*?<td class=\"num\">0</td>");
    }

    private static String text(WebappSession session, String path) {
        return new String(session.get(path).getBody(), StandardCharsets.UTF_8);
    }

    private static List<String> references(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
