package org.cms.partnerships.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of the register pages and of the Camunda webapps they link to. */
public final class Links {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final String COCKPIT = "/camunda/app/cockpit/default/";

    private Links() {
    }

    public static String tasklist() {
        return TASKLIST;
    }

    public static String cockpit() {
        return COCKPIT;
    }

    public static String tasklistTask(String taskId) {
        return TASKLIST + "#/?task=" + taskId;
    }

    public static String cockpitInstance(String processInstanceId) {
        return COCKPIT + "#/process-instance/" + processInstanceId + "/runtime";
    }

    public static String agreement(String reference) {
        return "/register/agreements/" + encode(reference);
    }

    public static String partner(String acronym) {
        return "/register/partners/" + encode(acronym);
    }

    public static String workPlan(String reference) {
        return "/register/work-plans/" + encode(reference);
    }

    public static String copReport(String businessKey) {
        return "/register/cop-reports/" + encode(businessKey);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
