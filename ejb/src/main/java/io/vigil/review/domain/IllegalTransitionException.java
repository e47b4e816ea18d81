package io.vigil.review.domain;

/** The flag's state does not allow the action, usually because someone else moved it first. */
public class IllegalTransitionException extends ReviewException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
