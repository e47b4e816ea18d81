package io.vigil.review.domain;

import jakarta.ejb.ApplicationException;

/**
 * A review request the rules refuse. The message is written for the person who asked: it says why and what to do
 * next. Thrown to the caller as is, and the transaction rolls back.
 */
@ApplicationException(rollback = true, inherited = true)
public class ReviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReviewException(String message) {
        super(message);
    }
}
