package io.vigil.redaction;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses ("123 main street apartment 4b", "po box 1234") and postal codes. A street address is a house
 * number, one to four name words and a street-type word; the name words exclude function words so "2 kids on my way"
 * is not an address. A postal code is a ZIP after a zip cue, after a US state name, or shortly after a street address;
 * UK and Canadian postcodes need the cue.
 */
public final class AddressRecognizer implements Recognizer {

    private static final String STREET_TYPES = "street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|"
            + "court|ct|place|pl|terrace|ter|circle|cir|parkway|pkwy|highway|hwy|trail|trl|square|sq|loop|alley|"
            + "crescent|close|row|pike|path|plaza|heights|grove|expressway|turnpike|walk|ridge|point|run";
    private static final String NAME_WORD = "(?!(?:on|my|a|an|to|in|of|i|and|is|it|for|with|at|by|this|that|your|"
            + "our|their|his|her|we|you|they|be|was|are|were|have|has|had|the|down|up|out|all|dollars|people|"
            + "minutes|hours|days|times|kids|items|pm|am|or|but|so|no|not|way)\\b)[a-z0-9'.]+";
    private static final Pattern STREET = Pattern.compile("(?<![\\w@.-])(?:(?:\\d{1,6}[a-z]?(?:-\\d{1,4})?)(?: "
            + NAME_WORD + "){1,4}? (?:" + STREET_TYPES + ")\\b(?: (?:north|south|east|west|ne|nw|se|sw))?"
            + "(?: (?:apartment|apt|unit|suite|ste|number|no|#|floor|flat) [a-z0-9-]+)?"
            + "|(?:po|p\\.o\\.|post office) box \\d+)");
    static final Set<String> STREET_TYPE_WORDS = Set.of(STREET_TYPES.split("\\|"));
    private static final Pattern UK_POSTCODE = Pattern.compile("[a-z]{1,2}\\d[a-z\\d]?\\d[a-z]{2}");
    private static final Pattern CA_POSTCODE = Pattern.compile("[a-z]\\d[a-z]\\d[a-z]\\d");
    static final Set<String> STATES = Set.copyOf(java.util.List.of("alabama", "alaska", "arizona", "arkansas", "california",
            "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana",
            "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
            "mississippi", "missouri", "montana", "nebraska", "nevada", "hampshire", "jersey", "mexico", "york",
            "carolina", "dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "island", "tennessee", "texas", "utah",
            "vermont", "virginia", "washington", "wisconsin", "wyoming", "dc", "ca", "ny", "tx", "fl", "il", "pa",
            "oh", "ga", "nc", "mi", "nj", "va", "wa", "az", "ma", "tn", "in", "mo", "md", "wi", "co", "mn"));

    @Override
    public String name() {
        return "address";
    }

    @Override
    public void recognize(Analysis a) {
        NormalizedText nt = a.text();
        int lastStreetToken = -100;
        // The regex is the expensive part of this recogniser; most utterances have no street word at all.
        // Both alternatives of STREET need a digit (house number, box number), so text without one cannot match.
        Matcher m = mayHaveStreet(a) && hasDigit(nt.text()) ? STREET.matcher(nt.text()) : null;
        while (m != null && m.find()) {
            int firstToken = nt.tokenAt(m.start());
            if (firstToken < 0 || !startsOnNumberOrBox(a, firstToken) || a.followedByUnit(firstToken)
                    || a.cueFor(firstToken, firstToken + 1) == Cue.NEGATIVE) {
                continue;
            }
            a.reportChars(EntityType.STREET_ADDRESS, m.start(), m.end(), 0.88, name(), "house number + street type");
            lastStreetToken = nt.tokenAt(m.end() - 1);
        }
        for (int i = 0; i < a.size(); i++) {
            NormalizedText.Token t = a.token(i);
            if (t.isNumber()) {
                String d = a.digits(i);
                if (d.length() != 5 && d.length() != 9 || a.followedByUnit(i)) {
                    continue;
                }
                Cue cue = a.cueFor(i, i + 1);
                if (cue == Cue.ZIP) {
                    a.report(EntityType.POSTAL_CODE, i, i + 1, 0.95, name(), "zip after zip cue");
                } else if (a.is(i - 1, Lexicon.STATE) && cue != Cue.NEGATIVE) {
                    a.report(EntityType.POSTAL_CODE, i, i + 1, 0.85, name(), "zip after a state name");
                } else if (i > lastStreetToken && i - lastStreetToken <= 6 && cue != Cue.NEGATIVE) {
                    a.report(EntityType.POSTAL_CODE, i, i + 1, 0.8, name(), "zip after a street address");
                }
            } else if (t.kind() == NormalizedText.Kind.ALNUM && a.cueFor(i, i + 1) == Cue.ZIP) {
                String s = t.alphanumerics();
                if (UK_POSTCODE.matcher(s).matches() || CA_POSTCODE.matcher(s).matches()) {
                    a.report(EntityType.POSTAL_CODE, i, i + 1, 0.9, name(), "postcode after postal cue");
                }
            }
        }
    }

    private static boolean mayHaveStreet(Analysis a) {
        for (int i = 1; i < a.size(); i++) {
            if (a.is(i, Lexicon.STREET_TYPE) || a.word(i).equals("box")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsOnNumberOrBox(Analysis a, int token) {
        NormalizedText.Token t = a.token(token);
        return t.isNumber() || t.kind() == NormalizedText.Kind.ALNUM || t.text().startsWith("p")
                || t.text().equals("post");
    }
}
