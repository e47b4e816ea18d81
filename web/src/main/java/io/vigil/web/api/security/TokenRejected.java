package io.vigil.web.api.security;

/** Why a bearer token was refused. The message is safe to return to the client; it names no key material. */
public class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    public TokenRejected(String message) {
        super(message);
    }
}
