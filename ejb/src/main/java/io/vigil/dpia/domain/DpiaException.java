package io.vigil.dpia.domain;

/** A refused DPIA or record action; the message is meant for the person who tried it and says what to do. */
@jakarta.ejb.ApplicationException(rollback = true, inherited = true)
public class DpiaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DpiaException(String message) {
        super(message);
    }

    /** Not found, or another tenant's: the same answer, so ids cannot be probed. */
    public static final class NotFound extends DpiaException {
        private static final long serialVersionUID = 1L;

        public NotFound(String what) {
            super(what + " does not exist");
        }
    }

    /** The person lacks the role, or is the author asking to approve their own assessment. */
    public static final class NotPermitted extends DpiaException {
        private static final long serialVersionUID = 1L;

        public NotPermitted(String message) {
            super(message);
        }
    }

    /** The action does not fit the version's state (e.g. editing an approved DPIA). */
    public static final class WrongState extends DpiaException {
        private static final long serialVersionUID = 1L;

        public WrongState(String message) {
            super(message);
        }
    }

    /** Missing or malformed input. */
    public static final class Invalid extends DpiaException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }
}
