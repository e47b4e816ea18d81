package io.vigil.session.realtime;

/** Raised inside the codec only, and turned into an {@code error} event: callers never see it. */
final class ProtocolViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final String code;
    final String param;

    ProtocolViolation(String code, String param, String message) {
        super(message, null, false, false);
        this.code = code;
        this.param = param;
    }
}
