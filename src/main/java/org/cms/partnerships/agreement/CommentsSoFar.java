package org.cms.partnerships.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.AgreementService.Comment;

/**
 * The comments kept on an agreement as the reviewers' forms show them: one Markdown list item per
 * comment, newest first ({@code - **AEWA** (aewa) · consultation · 2026-11-23 · Please reflect ...}),
 * kept under {@link #LIMIT} characters (a Camunda string variable holds 4000): each comment's text is
 * shortened to {@link #LIMIT_PER_COMMENT} and the older comments that do not fit are counted at the end.
 *
 * <p>Tasklist renders a form's text as Markdown, so every stored character that Markdown or HTML reads
 * as markup is escaped ({@link #escape}): a comment cannot add a link, an image or HTML to the form.
 */
final class CommentsSoFar {

    static final int LIMIT = 3900;
    static final int LIMIT_PER_COMMENT = 1200;
    static final String NONE = "Nothing has been said yet.";
    /** Room kept for the closing line that counts the older comments left out. */
    private static final int NOTE_ROOM = 100;
    /**
     * Backslash-escaped: the punctuation Markdown reads as markup within a line (emphasis, code, links,
     * images, tables, strike-through, headings). A comment is put on one line after our own prefix, so the
     * markers that count only at a line's start ({@code - 1. >}) cannot act.
     */
    private static final String MARKDOWN = "\\`*_{}[]()#+!|~";

    private CommentsSoFar() {
    }

    /** The comments in the register's order (oldest first), as Markdown for a form. */
    static String of(List<Comment> comments) {
        if (comments.isEmpty()) {
            return NONE;
        }
        List<Comment> newestFirst = new ArrayList<>(comments);
        java.util.Collections.reverse(newestFirst);
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Comment comment : newestFirst) {
            String line = line(comment);
            int room = shown + 1 < newestFirst.size() ? NOTE_ROOM : 0;
            if (out.length() + line.length() + 1 + room > LIMIT) {
                break;
            }
            out.append(line).append('\n');
            shown++;
        }
        int leftOut = newestFirst.size() - shown;
        if (leftOut > 0) {
            out.append('\n').append(leftOut == 1 ? "_1 older comment is not shown_" : "_" + leftOut + " older comments are not shown_")
                    .append(": the agreement's record has them all.\n");
        }
        return out.toString().stripTrailing();
    }

    /** One comment: who (the source, and the person when it is someone else), which step, when, what. */
    static String line(Comment comment) {
        String source = blankToDash(comment.source());
        String author = comment.author();
        String who = "**" + escape(source, 120) + "**"
                + (author == null || author.isBlank() || author.equalsIgnoreCase(source) ? "" : " (" + escape(author, 120) + ")");
        String step = escape(blankToDash(comment.kind()).toLowerCase(Locale.ROOT).replace('_', ' '), 60);
        LocalDate day = LocalDate.ofInstant(comment.createdAt(), RegisterClock.SECRETARIAT_ZONE);
        return "- " + who + " · " + step + " · " + day + " · " + escape(blankToDash(comment.text()), LIMIT_PER_COMMENT);
    }

    /**
     * The text on one line with every Markdown punctuation character backslash-escaped and {@code < > &}
     * as HTML entities, at most {@code limit} characters (then an ellipsis, never half an escape).
     */
    static String escape(String text, int limit) {
        String flat = text.strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder();
        int[] codePoints = flat.codePoints().toArray();
        for (int c : codePoints) {
            String piece = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                default -> MARKDOWN.indexOf(c) >= 0 ? "\\" + (char) c : Character.toString(c);
            };
            if (out.length() + piece.length() > limit - 1) {
                return out.append('…').toString();
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static String blankToDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
