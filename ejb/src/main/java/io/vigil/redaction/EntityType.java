package io.vigil.redaction;

/** The kinds of personal data the engine finds. The names are part of the external contract (CLI output, tags). */
public enum EntityType {
    PERSON, PHONE_NUMBER, EMAIL_ADDRESS, CREDIT_CARD, CARD_EXPIRY, CARD_CVV, US_SSN, IBAN, BANK_ACCOUNT,
    BANK_ROUTING, DATE_OF_BIRTH, STREET_ADDRESS, POSTAL_CODE, PASSPORT, DRIVER_LICENSE, MEDICAL_ID, PIN, PASSWORD
}
