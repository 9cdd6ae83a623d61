package org.cms.partnerships.register;

/** The working languages of CMS; every person the system writes to has one of them. */
public enum Language {
    EN, FR, ES
}
