package io.vigil.review.domain;

/** Someone else changed the same flag at the same moment; nothing was saved. */
public class ConcurrentReviewException extends ReviewException {

    private static final long serialVersionUID = 1L;

    public ConcurrentReviewException(String message) {
        super(message);
    }
}
