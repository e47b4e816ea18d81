package io.vigil.review.domain;

/** What the reviewer entered cannot be accepted: a missing note, a time outside the call. */
public class ReviewInputException extends ReviewException {

    private static final long serialVersionUID = 1L;

    public ReviewInputException(String message) {
        super(message);
    }
}
