package io.vigil.redaction;

/**
 * What the words around a value say it is. One value gets the cue nearest to it (see {@link ContextCues}), so "routing
 * number is ... and account number is ..." gives each number its own meaning.
 */
public enum Cue {
    CARD, EXPIRY, CVV, SSN, PHONE, ACCOUNT, ROUTING, IBAN, DOB, ADDRESS, ZIP, PASSPORT, LICENSE, MEDICAL, PIN, PASSWORD,
    /** A phrase that merely looks like a cue ("social media", "license plate"); it hides farther cues. */
    NEUTRAL,
    /** The value is an order, ticket, confirmation, menu choice and so on: not personal data. */
    NEGATIVE
}
