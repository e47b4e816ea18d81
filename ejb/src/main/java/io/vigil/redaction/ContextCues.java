package io.vigil.redaction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The phrase table that turns surrounding words into a {@link Cue}, and the unit words ("dollars", "pm") that mark a
 * number as an amount, time or count. Phrases are matched on normalised tokens, so "last four" is written "last 4".
 */
public final class ContextCues {

    /** One cue phrase, stored as its words. */
    record Phrase(String[] words, Cue cue) {
    }

    private static final Map<String, List<Phrase>> BY_FIRST_WORD = new HashMap<>();

    static final Set<String> UNITS_AFTER = Set.copyOf(java.util.List.of("dollars", "dollar", "bucks", "cents", "percent", "pm", "am",
            "o'clock", "minutes", "minute", "mins", "hours", "hour", "days", "day", "weeks", "week", "months", "month",
            "years", "year", "times", "people", "items", "miles", "pounds", "euros", "kids", "calls", "seconds",
            "points", "gigs", "gb", "mb", "units", "boxes", "bottles", "pieces", "rings", "percent.", "%", "grand",
            "packs", "orders", "tickets", "employees", "locations", "stores", "feet", "inches", "degrees", "bedrooms",
            "thousand", "million", "billion", "hundred", "more", "left", "total", "each", "per", "a", "o'", "oclock"));

    static {
        add(Cue.CARD, "card", "credit card", "debit card", "card number", "visa", "mastercard", "master card", "amex",
                "american express", "discover card", "long number", "number on the front", "card ending",
                "credit", "debit", "card's", "cards", "credit card number", "debit card number", "card no");
        add(Cue.EXPIRY, "expiry", "expiration", "expires", "expire", "expiring", "exp", "valid thru",
                "valid through", "good thru", "good through", "expiry date", "expiration date", "exp date");
        add(Cue.CVV, "cvv", "cvc", "cvv2", "cid", "security code", "security number", "3 digit code",
                "3 digits", "verification code", "code on the back", "digits on the back", "numbers on the back",
                "back of the card", "csc", "card code");
        add(Cue.SSN, "social", "ssn", "social security", "social security number", "socials", "ss number");
        add(Cue.PHONE, "phone", "phone number", "cell", "mobile", "cell phone", "call me", "call me back",
                "reach me", "callback", "call back", "text me", "telephone", "landline", "contact number",
                "best number", "number to reach", "home number", "work number", "cell number", "reach me at",
                "my number", "cell phone number", "phone number is");
        add(Cue.ACCOUNT, "account", "account number", "checking", "savings", "acct", "checking account",
                "bank account", "account no");
        add(Cue.ROUTING, "routing", "routing number", "aba", "transit number", "routing and transit", "rtn",
                "sort code");
        add(Cue.IBAN, "iban", "international bank account", "i ban");
        add(Cue.DOB, "born", "birthday", "birth", "date of birth", "dob", "birthdate", "born on", "born in",
                "d.o.b", "bday");
        add(Cue.ZIP, "zip", "zip code", "zipcode", "postal code", "postcode", "post code", "postal");
        add(Cue.PASSPORT, "passport", "passport number", "passport no", "passport number is");
        add(Cue.LICENSE, "license", "licence", "driver's license", "drivers license", "driver license",
                "driving licence", "driving license", "dl", "license number", "licence number", "dl number",
                "driver's licence", "driver's license number", "drivers license number", "driver license number");
        add(Cue.MEDICAL, "medicare", "medicaid", "member id", "member number", "insurance id", "policy number",
                "mrn", "medical record", "medical record number", "patient id", "subscriber id", "health plan",
                "insurance number", "plan id", "beneficiary", "health insurance", "member i d", "memberid",
                "insurance card", "health card", "medicare number", "medicaid number", "medicaid id", "medicare id", "nhs number", "patient number", "chart number");
        add(Cue.PIN, "pin", "pin number", "pin code", "passcode", "atm pin", "security pin", "access code");
        add(Cue.PASSWORD, "password", "pass word", "passphrase", "pass phrase", "login");
        add(Cue.NEUTRAL, "social media", "social worker", "social club", "license plate", "social life",
                "number of", "credit score", "credit limit", "credit line", "store credit", "account balance",
                "phone call", "phone calls", "phone bill", "birthday party", "card balance");
        add(Cue.NEGATIVE, "order", "order number", "ticket", "ticket number", "confirmation", "confirmation number",
                "confirmation code", "reference", "reference number", "tracking", "tracking number", "case",
                "case number", "invoice", "claim", "claim number", "flight", "room", "extension", "ext", "model",
                "serial", "press", "option", "dial", "step", "item", "page", "version", "gift card", "rewards",
                "loyalty", "promo", "coupon", "voucher", "booking", "reservation", "appointment", "store number",
                "transaction", "receipt", "batch", "error code", "error", "sku", "part number", "product",
                "rma", "return", "shipment", "package", "ref", "locker", "seat", "gate", "aisle", "unit price",
                "building", "floor", "bus", "route", "channel", "level", "table", "lot", "warranty",
                "incident", "request", "work order", "po number", "purchase order", "member since");
    }

    /** Words that make the number right after them an amount, year or count ("about 500", "since 2019"). */
    static final Set<String> IMMEDIATE_NEGATIVE = Set.copyOf(java.util.List.of("in", "about", "around", "only", "over", "under",
            "than", "after", "before", "until", "til", "by", "every", "per", "costs", "cost", "paid", "charged", "owe",
            "total", "took", "takes", "lasted", "minus", "since", "$", "approximately", "roughly", "almost", "nearly",
            "least", "most", "top", "chapter", "number of"));

    private ContextCues() {
    }

    private static void add(Cue cue, String... phrases) {
        for (String p : phrases) {
            String[] words = p.toLowerCase(Locale.ROOT).split(" ");
            BY_FIRST_WORD.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(words, cue));
        }
    }

    /**
     * For every token, the cue of the longest phrase starting there (or null), and the index just past that phrase.
     * Computed once per utterance so every recogniser's context look-up is a short array scan.
     */
    static void index(NormalizedText text, Cue[] cueAt, int[] cueEnd) {
        List<NormalizedText.Token> tokens = text.tokens();
        int coveredUntil = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if ((text.roles(i) & Lexicon.CUE_START) == 0) {
                continue;
            }
            List<Phrase> candidates = text.entry(i).cuePhrases;
            if (candidates == null || i < coveredUntil) {
                // Inside a longer phrase ("account number is"), the inner "number is" must not count on its own.
                continue;
            }
            // Candidates are longest first (ties in table order), so the first match is the longest one.
            int bestLen = 0;
            for (Phrase p : candidates) {
                if (matches(tokens, i, p.words())) {
                    bestLen = p.words().length;
                    cueAt[i] = p.cue();
                    cueEnd[i] = i + bestLen;
                    break;
                }
            }
            coveredUntil = Math.max(coveredUntil, i + bestLen);
        }
    }

    private static boolean matches(List<NormalizedText.Token> tokens, int at, String[] words) {
        if (at + words.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            if (!tokens.get(at + k).text().equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** Every word that starts a cue phrase. */
    static Set<String> firstWords() {
        return BY_FIRST_WORD.keySet();
    }

    /** The phrases starting with {@code word}, longest first and otherwise in table order; null when none. */
    static List<Phrase> phrasesStartingWith(String word) {
        List<Phrase> phrases = BY_FIRST_WORD.get(word);
        if (phrases == null) {
            return null;
        }
        List<Phrase> sorted = new ArrayList<>(phrases);
        sorted.sort(java.util.Comparator.comparingInt((Phrase p) -> p.words().length).reversed());
        return List.copyOf(sorted);
    }

    /** True when the word right before a number makes it an amount, year or count. */
    static boolean isImmediateNegative(String word) {
        return IMMEDIATE_NEGATIVE.contains(word);
    }

    /** True when the word marks the preceding number as an amount, time, duration or count. */
    static boolean isUnitWord(String word) {
        return UNITS_AFTER.contains(word);
    }
}
