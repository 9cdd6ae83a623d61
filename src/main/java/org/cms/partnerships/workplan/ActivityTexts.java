package org.cms.partnerships.workplan;

import java.util.List;

/**
 * The plan's activities as the forms show them, one short line each. Camunda keeps a string variable
 * in at most 4000 characters, so descriptions are shortened and a long plan points to its report.
 */
final class ActivityTexts {

    /** Camunda stores a string variable in a 4000-character column; "…" may take 3 bytes in UTF-8. */
    static final int MAX_TEXT_VARIABLE = 3800;

    private ActivityTexts() {
    }

    static String activities(List<WorkPlanActivity> activities, String plan) {
        return capped(activities.stream()
                .map(a -> "%s (%s, %s%s): %s".formatted(a.code(), a.timeframe(), a.status().label(),
                        a.subjectToExternalFunding() ? ", funding " + a.fundingStatus().label().toLowerCase() : "",
                        shorten(a.description())))
                .toList(), plan);
    }

    static String unfinished(List<WorkPlanActivity> activities, String plan) {
        return capped(activities.stream().filter(a -> !a.status().isFinished())
                .map(a -> a.code() + " (" + a.status().label() + "): " + shorten(a.description()))
                .toList(), plan);
    }

    static String capped(List<String> lines, String plan) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String more = "\n... %d more: see /api/work-plans/%s/report.html".formatted(lines.size() - i, plan);
            if (text.length() + lines.get(i).length() + 1 + more.length() > MAX_TEXT_VARIABLE) {
                return text.append(more).toString();
            }
            text.append(i == 0 ? "" : "\n").append(lines.get(i));
        }
        return text.toString();
    }

    static String shorten(String description) {
        return description.length() <= 70 ? description : description.substring(0, 69).stripTrailing() + "…";
    }
}
