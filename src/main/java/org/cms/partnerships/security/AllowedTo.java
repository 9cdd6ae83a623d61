package org.cms.partnerships.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a write endpoint of the register API, and what it does in words: {@link WriteGrants}
 * refuses everyone else with 403 before the endpoint runs. Every POST, PUT, PATCH and DELETE under
 * {@code /api} carries one; one without it is refused to everybody (fail closed). The administrator
 * ({@code camunda-admin}) may do everything, as in the engine.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedTo {

    /** The groups that may call it (constants of {@link Groups}). */
    String[] groups();

    /** What the call does, for the refusal: "import activities into a work plan". */
    String action();
}
