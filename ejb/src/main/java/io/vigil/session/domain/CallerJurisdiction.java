package io.vigil.session.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The jurisdiction whose retention rules a call falls under, from the caller's phone number: the number's country
 * (libphonenumber's region of a valid international number), with the member states of the European Economic Area
 * folded into {@code EU}, whose data protection law is one. So a call from {@code +33 1 ...} is {@code EU}, one
 * from {@code +1 212 ...} is {@code US}, one from {@code +44 ...} is {@code GB}.
 *
 * <p>Why the caller: retention law protects the data subject, and the caller is the person recorded. A caller
 * reference that is not an international number (an account id, a national number without its country, nothing)
 * gives no jurisdiction, and the call follows the tenant's default rules. Decided once, when the call is admitted,
 * before the reference is reduced to its keyed hash.
 */
public final class CallerJurisdiction {

    public static final String EU = "EU";

    /** The 27 EU member states and Iceland, Liechtenstein and Norway (the EEA, where the GDPR applies). */
    private static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO",
            // territories dialled with their own codes that are part of the EU: Åland, Réunion, Guadeloupe, Martinique,
            // French Guiana, Mayotte, Saint Martin (French part)
            "AX", "RE", "GP", "MQ", "GF", "YT", "MF");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private CallerJurisdiction() {
    }

    /** The jurisdiction of a caller reference, if it is a valid international phone number. */
    public static Optional<String> of(String callerReference) {
        if (callerReference == null) {
            return Optional.empty();
        }
        String reference = callerReference.strip();
        if (reference.startsWith("00")) {
            reference = "+" + reference.substring(2);
        }
        if (!reference.startsWith("+") || reference.length() > 40) {
            return Optional.empty();
        }
        Phonenumber.PhoneNumber number;
        try {
            number = PHONES.parse(reference, "ZZ");
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        if (!PHONES.isValidNumber(number)) {
            return Optional.empty();
        }
        String region = PHONES.getRegionCodeForNumber(number);
        if (region == null || region.equals("ZZ") || region.equals("001")) {
            return Optional.empty(); // non-geographic numbers (satellite, international services)
        }
        region = region.toUpperCase(Locale.ROOT);
        return Optional.of(EEA.contains(region) ? EU : region);
    }
}
