package io.vigil.review.domain;

/** Four eyes: the person who resolved (or escalated) a high-severity flag cannot also close it. */
public class SecondReviewerRequiredException extends NotPermittedException {

    private static final long serialVersionUID = 1L;

    public SecondReviewerRequiredException(String message) {
        super(message);
    }
}
