package org.cms.partnerships.common;

/** A register record that does not exist: 404 at the API, a clear message in a process. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
