package io.vigil.review.domain;

/** No such flag, call or annotation in the tenant: unknown and foreign ids are answered alike. */
public class ReviewNotFoundException extends ReviewException {

    private static final long serialVersionUID = 1L;

    public ReviewNotFoundException(String message) {
        super(message);
    }
}
