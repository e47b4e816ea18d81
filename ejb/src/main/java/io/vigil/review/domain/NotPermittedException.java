package io.vigil.review.domain;

/** The reviewer lacks the role for an action, or the action belongs to someone else. */
public class NotPermittedException extends ReviewException {

    private static final long serialVersionUID = 1L;

    public NotPermittedException(String message) {
        super(message);
    }
}
