package io.vigil.web.console;

/** A signed-in person whose token names no tenant (or one Vigil does not hold) may see nothing. */
public class NoTenantException extends SecurityException {

    private static final long serialVersionUID = 1L;

    public NoTenantException(String message) {
        super(message);
    }
}
