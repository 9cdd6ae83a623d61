package org.cms.partnerships.register;

/** The partner's contact person; written to in their preferred language. */
public record FocalPoint(long id, long partnerId, String name, String position, String email, Language preferredLanguage) {
}
