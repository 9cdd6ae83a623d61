package org.cms.partnerships.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cms.partnerships.register.AgreementService.Comment;
import org.junit.jupiter.api.Test;

/** What the reviewers' forms show of the comments kept on an agreement, without an engine. */
class CommentsSoFarTest {

    private static final Instant NOV_23 = Instant.parse("2026-11-23T09:30:00Z");

    @Test
    void eachCommentSaysWhoWhichStepWhenAndWhatNewestFirst() {
        String shown = CommentsSoFar.of(List.of(
                new Comment("CONSULTATION", "AEWA", "aewa", "Please reflect the flyway approach", NOV_23),
                new Comment("CLEARANCE", "Executive Secretary", "amina", "RETURNED: Reflect the AEWA comments",
                        NOV_23.plusSeconds(86_400))));

        assertThat(shown).isEqualTo("""
                - **Executive Secretary** (amina) · clearance · 2026-11-24 · RETURNED: Reflect the AEWA comments
                - **AEWA** · consultation · 2026-11-23 · Please reflect the flyway approach""");
    }

    @Test
    void noCommentsSaySo() {
        assertThat(CommentsSoFar.of(List.of())).isEqualTo(CommentsSoFar.NONE);
    }

    @Test
    void htmlAndMarkdownInAStoredCommentAreEscaped() {
        String shown = CommentsSoFar.of(List.of(new Comment("LEGAL_REVIEW", "Legal <b>", "lena",
                "<img src=x onerror=alert(1)> see [the draft](javascript:alert(1)) ![x](http://evil.example/x.png) "
                        + "**bold** `code` & <script>\nnew line # heading", NOV_23)));

        assertThat(shown).isEqualTo("- **Legal &lt;b&gt;** (lena) · legal review · 2026-11-23 · "
                + "&lt;img src=x onerror=alert\\(1\\)&gt; see \\[the draft\\]\\(javascript:alert\\(1\\)\\) "
                + "\\!\\[x\\]\\(http://evil.example/x.png\\) \\*\\*bold\\*\\* \\`code\\` &amp; &lt;script&gt; new line \\# heading");
        assertThat(shown).doesNotContain("<", "](", "\n");
    }

    @Test
    void staysUnder4000CharactersAndCountsTheOlderCommentsLeftOut() {
        List<Comment> comments = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            comments.add(new Comment("CONSULTATION", "AEWA", "aewa", ("Comment " + i + " ").repeat(30), NOV_23.plusSeconds(i)));
        }
        comments.add(new Comment("LEGAL_REVIEW", "Legal", "lena", "<&>".repeat(2000), NOV_23.plusSeconds(100)));

        String shown = CommentsSoFar.of(comments);

        assertThat(shown.length()).isLessThan(4000);
        assertThat(shown).startsWith("- **Legal** (lena) · legal review · 2026-11-23 · &lt;&amp;&gt;");
        assertThat(shown.lines().filter(line -> line.startsWith("- ")).count()).isEqualTo(7);
        assertThat(shown.lines().skip(1).findFirst().orElseThrow()).contains("Comment 40 ");
        assertThat(shown).endsWith("_34 older comments are not shown_: the agreement's record has them all.");
        assertThat(shown.lines().findFirst().orElseThrow()).endsWith("…").doesNotContain("&…", "&l…");
    }
}
