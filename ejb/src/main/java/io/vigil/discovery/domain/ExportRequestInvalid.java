package io.vigil.discovery.domain;

/** An export request that cannot be carried out as asked; the message says what to change. */
public class ExportRequestInvalid extends RuntimeException {

    public ExportRequestInvalid(String message) {
        super(message);
    }
}
