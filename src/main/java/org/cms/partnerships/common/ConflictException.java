package org.cms.partnerships.common;

/** The request is sound but the record is not in a state to accept it (409), e.g. a withdrawal after signature. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
