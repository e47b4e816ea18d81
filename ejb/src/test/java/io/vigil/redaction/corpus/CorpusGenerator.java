package io.vigil.redaction.corpus;

import static io.vigil.redaction.EntityType.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.redaction.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Writes the labelled redaction corpus: seeded, templated phone-call utterances (positives for every entity type and
 * hard negatives) followed by the hand-written, held-out utterances of {@code handwritten.txt}.
 *
 * <p>Run from the repository root: {@code java ... io.vigil.redaction.corpus.CorpusGenerator
 * ejb/src/test/resources/redaction/handwritten.txt ejb/src/test/resources/redaction/corpus.jsonl}. The same seed
 * always gives the same file; {@code CorpusGeneratorTest} checks the committed corpus is current.
 */
public final class CorpusGenerator {

    static final long SEED = 20260126L;
    private static final int POSITIVES = 480;
    private static final int NEGATIVES = 300;

    private final Random r = new Random(SEED);
    private final SpokenForms say = new SpokenForms(r);

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CorpusGenerator <handwritten.txt> <corpus.jsonl>");
            System.exit(2);
        }
        String handwritten = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[1]), new CorpusGenerator().generate(handwritten), StandardCharsets.UTF_8);
    }

    /** The whole corpus as JSON lines. */
    String generate(String handwritten) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        List<Consumer<Utterance>> positives = positiveTemplates();
        List<Consumer<Utterance>> negatives = negativeTemplates();
        int n = 0;
        for (int i = 0; i < POSITIVES; i++) {
            Utterance u = new Utterance();
            positives.get(i % positives.size()).accept(u);
            if (r.nextInt(5) == 0) {
                negatives.get(r.nextInt(negatives.size())).accept(u);
            }
            out.append(line(json, "gen-" + (++n), "generated", u)).append('\n');
        }
        for (int i = 0; i < NEGATIVES; i++) {
            Utterance u = new Utterance();
            negatives.get(r.nextInt(negatives.size())).accept(u);
            out.append(line(json, "gen-" + (++n), "generated-negative", u)).append('\n');
        }
        int h = 0;
        String source = "handwritten";
        for (String raw : handwritten.split("\n")) {
            if (raw.startsWith("#source ")) {
                source = raw.substring("#source ".length()).strip();
                continue;
            }
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            out.append(line(json, "hand-" + (++h), source, Markup.parse(raw))).append('\n');
        }
        return out.toString();
    }

    private static String line(ObjectMapper json, String id, String source, Utterance u) {
        ObjectNode o = json.createObjectNode();
        o.put("id", id);
        o.put("source", source);
        o.put("text", u.text());
        ArrayNode labels = o.putArray("labels");
        for (Utterance.Label l : u.labels()) {
            labels.addObject().put("type", l.type().name()).put("start", l.start()).put("end", l.end());
        }
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    private String opener() {
        return pick("", "", "yeah", "okay", "okay so", "sure", "yes", "um", "alright", "so", "uh yeah", "right",
                "yes ma'am", "yep", "no problem", "let me see");
    }

    private String closer() {
        return pick("", "", "", "thanks", "thank you", "is that right", "did you get that", "okay", "got it",
                "i think", "that's it", "yeah");
    }

    private String randomDigits(int n, boolean firstNonZero) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 && firstNonZero ? 1 + r.nextInt(9) : r.nextInt(10));
        }
        return sb.toString();
    }

    private String luhnComplete(String prefix, int length) {
        String body = prefix + randomDigits(length - prefix.length() - 1, false);
        for (int d = 0; d < 10; d++) {
            if (io.vigil.redaction.Checksums.luhn(body + d)) {
                return body + d;
            }
        }
        throw new IllegalStateException();
    }

    /** One wrong digit, as an ASR slip would produce. */
    private String slip(String digits) {
        int at = r.nextInt(digits.length());
        char c = (char) ('0' + (digits.charAt(at) - '0' + 1 + r.nextInt(8)) % 10);
        return digits.substring(0, at) + c + digits.substring(at + 1);
    }

    private String spokenOrWritten(String ds, int[] groups) {
        int k = r.nextInt(10);
        if (k == 0) {
            return say.written(ds, groups, " ");
        }
        if (k == 1) {
            return say.written(ds, groups, "-");
        }
        return say.digits(ds, groups, true);
    }

    /** Sometimes a self-correction: start, abandon, say it again. */
    private String withCorrection(String ds, int[] groups) {
        String full = say.digits(ds, groups, false);
        if (r.nextInt(8) != 0) {
            return spokenOrWritten(ds, groups);
        }
        String wrongStart = say.digits(slip(ds.substring(0, Math.min(4, ds.length()))), null, false);
        return wrongStart + " " + pick("uh sorry", "sorry", "no wait", "i mean", "sorry let me start again",
                "wait no", "actually") + " " + full;
    }

    // ---------------------------------------------------------------- positives

    private List<Consumer<Utterance>> positiveTemplates() {
        List<Consumer<Utterance>> t = new ArrayList<>();
        t.add(this::card);
        t.add(this::card);
        t.add(this::cardExpiryCvv);
        t.add(this::cardLastFour);
        t.add(this::ssn);
        t.add(this::ssnLastFour);
        t.add(this::phone);
        t.add(this::phone);
        t.add(this::email);
        t.add(this::email);
        t.add(this::iban);
        t.add(this::bank);
        t.add(this::dob);
        t.add(this::dob);
        t.add(this::address);
        t.add(this::address);
        t.add(this::postal);
        t.add(this::passport);
        t.add(this::license);
        t.add(this::medical);
        t.add(this::pin);
        t.add(this::password);
        t.add(this::person);
        t.add(this::person);
        t.add(this::person);
        t.add(this::mixed);
        return t;
    }

    private void card(Utterance u) {
        String prefix = pick("4", "4", "51", "52", "55", "37", "6011", "2221");
        int len = prefix.equals("37") ? 15 : 16;
        String ds = luhnComplete(prefix, len);
        boolean asrSlip = r.nextInt(6) == 0;
        if (asrSlip) {
            ds = slip(ds);
        }
        int[] groups = len == 15 ? new int[] {4, 6, 5} : new int[] {4};
        u.say(opener());
        int k = r.nextInt(8);
        if (k == 0) {
            u.say(pick("the card number is", "card number", "it's a visa", "my visa is", "the number on the card is"));
        } else if (k == 1) {
            u.say(pick("i want to pay with my", "put it on my", "charge it to my")).say(pick("mastercard", "visa",
                    "credit card", "debit card", "amex")).say(pick("it's", "the number is", "number", ""));
        } else if (k == 2) {
            u.say(pick("the long number on the front is", "okay the numbers on my card are", "my card is"));
        } else if (k == 3 && !asrSlip) {
            u.say(pick("it's", "okay it's", "here you go"));
        } else if (k == 4) {
            u.say(pick("debit card number", "credit card number is uh", "card number is"));
        } else {
            u.say(pick("my card number is", "the card is", "so the card number", "the credit card number is",
                    "sure the card is", "card's"));
        }
        u.pii(CREDIT_CARD, withCorrection(ds, groups)).say(closer());
    }

    private String expiry() {
        int m = 1 + r.nextInt(12);
        int y = 25 + r.nextInt(8);
        String mm = String.format("%02d", m);
        return switch (r.nextInt(6)) {
            case 0 -> say.pair(mm) + " " + say.pair(String.valueOf(y));
            case 1 -> pick("january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december") + " " + "twenty " + say.pair(String.valueOf(y));
            case 2 -> say.digitWord(mm.charAt(0)) + " " + say.digitWord(mm.charAt(1)) + " slash "
                    + say.digitWord(String.valueOf(y).charAt(0)) + " " + say.digitWord(String.valueOf(y).charAt(1));
            case 3 -> mm + "/" + y;
            case 4 -> (m < 10 ? say.digitWord((char) ('0' + m)) : say.pair(mm)) + " " + say.pair(String.valueOf(y));
            default -> say.pair(mm) + " " + say.pair("20") + " " + say.pair(String.valueOf(y));
        };
    }

    private void cardExpiryCvv(Utterance u) {
        u.say(opener());
        int k = r.nextInt(3);
        if (k == 0) {
            u.say(pick("it expires", "expiration date is", "the expiry is", "exp date", "expiring"))
                    .pii(CARD_EXPIRY, expiry())
                    .say(pick("and the cvv is", "and the security code on the back is", "cvv", "and the three digit "
                            + "code is", "security code")).pii(CARD_CVV, say.digits(randomDigits(3, false), null,
                            false)).say(closer());
        } else if (k == 1) {
            u.say(pick("the security code is", "cvc is", "the three digits on the back are", "verification code"))
                    .pii(CARD_CVV, say.digits(randomDigits(r.nextInt(4) == 0 ? 4 : 3, false), null, false))
                    .say(closer());
        } else {
            u.say(pick("valid thru", "expiration", "it's good through", "the card expires on", "expires"))
                    .pii(CARD_EXPIRY, expiry()).say(closer());
        }
    }

    private void cardLastFour(Utterance u) {
        u.say(opener()).say(pick("the last four of the card are", "card ending in", "it's the visa ending",
                "the last four digits of my card are", "my debit card ends in")).pii(CREDIT_CARD,
                say.digits(randomDigits(4, false), null, false)).say(closer());
    }

    private String validSsn() {
        String area;
        do {
            area = randomDigits(3, true);
        } while (area.equals("666") || area.startsWith("9"));
        return area + String.format("%02d", 1 + r.nextInt(99)) + String.format("%04d", 1 + r.nextInt(9999));
    }

    private void ssn(Utterance u) {
        String ds = validSsn();
        if (r.nextInt(7) == 0) {
            ds = slip(ds);
        }
        u.say(opener());
        if (r.nextInt(5) == 0) {
            u.pii(US_SSN, withCorrection(ds, new int[] {3, 2, 4})).say(pick("that's my social", "is my ssn",
                    "that's the social security number"));
        } else {
            u.say(pick("my social is", "social security number is", "my ssn is", "the social is uh",
                    "my social security number", "social", "it's my social", "ssn", "for the social it's"))
                    .pii(US_SSN, withCorrection(ds, new int[] {3, 2, 4}));
        }
        u.say(closer());
    }

    private void ssnLastFour(Utterance u) {
        u.say(opener()).say(pick("last four of my social are", "the last four of my social is",
                "last four of the ssn", "last four digits of my social security number")).pii(US_SSN,
                say.digits(randomDigits(4, false), null, false)).say(closer());
    }

    private void phone(Utterance u) {
        String area = pick("201", "212", "310", "415", "312", "617", "702", "404", "713", "206", "503", "646",
                "917", "305", "512", "614", "720", "919", "480", "847");
        String ds = area + (2 + r.nextInt(8)) + randomDigits(2, false) + randomDigits(4, false);
        String spoken;
        int k = r.nextInt(9);
        if (k == 0) {
            spoken = "one " + say.digits(ds, new int[] {3, 3, 4}, true);
        } else if (k == 1) {
            spoken = "eight hundred " + say.digits(ds.substring(3), new int[] {3, 4}, false);
        } else if (k == 2) {
            spoken = "plus four four " + say.digits("20" + randomDigits(8, false), new int[] {2, 4, 4}, false);
        } else {
            spoken = withCorrection(ds, new int[] {3, 3, 4});
        }
        u.say(opener());
        if (r.nextInt(6) == 0) {
            u.pii(PHONE_NUMBER, spoken).say(pick("is my cell", "that's the best number", "that's my phone number"));
        } else {
            u.say(pick("my number is", "you can reach me at", "call me back at", "my cell is", "phone number is",
                    "the best number is", "my phone's", "it's", "text me at", "my mobile number is",
                    "you can call me on", "the callback number is")).pii(PHONE_NUMBER, spoken);
        }
        u.say(closer());
    }

    private static final String[] LOCALS = {"john", "mary", "jsmith", "sarah", "mike", "tom", "lisa", "kevin",
        "dragonfly", "bluebird", "coolcat", "jenny", "rob", "dave", "angela", "carlos", "priya", "wei", "amy"};
    private static final String[] LASTS = {"smith", "jones", "lee", "garcia", "brown", "nguyen", "patel", "miller",
        "wilson", "baker", "kim", "lopez"};

    private void email(Utterance u) {
        String local = switch (r.nextInt(6)) {
            case 0 -> pick(LOCALS) + " dot " + pick(LASTS);
            case 1 -> pick(LOCALS) + " " + say.pair(String.valueOf(10 + r.nextInt(89)));
            case 2 -> say.spell(pick("jdoe", "kbm", "tgr", "abq", "mks"));
            case 3 -> pick(LOCALS) + " underscore " + pick(LASTS);
            case 4 -> pick(LOCALS) + pick(LASTS);
            default -> pick(LOCALS);
        };
        String domain = pick("gmail", "yahoo", "hotmail", "outlook", "aol", "icloud", "comcast", "protonmail",
                "acme corp") + " dot " + pick("com", "com", "com", "net", "org", "edu", "co dot uk");
        u.say(opener()).say(pick("my email is", "email address is", "you can email me at", "it's", "send it to",
                "my e-mail is", "the email on the account is", "email"))
                .pii(EMAIL_ADDRESS, local + " at " + domain).say(closer());
    }

    private String ibanFor(String country, String bban) {
        StringBuilder num = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            num.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'a' + 10));
        }
        int check = 98 - new java.math.BigInteger(num.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    private void iban(Utterance u) {
        String iban = switch (r.nextInt(4)) {
            case 0 -> ibanFor("gb", pick("west", "nwbk", "barc", "mids") + randomDigits(14, false));
            case 1 -> ibanFor("de", randomDigits(18, false));
            case 2 -> ibanFor("fr", randomDigits(23, false));
            default -> ibanFor("nl", pick("abna", "rabo", "ingb") + randomDigits(10, false));
        };
        String spoken;
        if (Character.isDigit(iban.charAt(4))) {
            spoken = say.spell(iban.substring(0, 2)) + " " + say.digits(iban.substring(2), new int[] {2, 4}, false)
                    .replace(",", "");
        } else {
            spoken = say.spell(iban.substring(0, 2)) + " " + say.digits(iban.substring(2, 4), null, false) + " "
                    + say.spell(iban.substring(4, 8)) + " " + say.digits(iban.substring(8), new int[] {4}, false)
                    .replace(",", "");
        }
        u.say(opener()).say(pick("my iban is", "the iban is", "iban", "international account number is", "it's"))
                .pii(IBAN, spoken).say(closer());
    }

    private String validAba() {
        String body = pick("0", "1", "2", "3") + randomDigits(7, false);
        int[] w = {3, 7, 1, 3, 7, 1, 3, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += w[i] * (body.charAt(i) - '0');
        }
        return body + (10 - sum % 10) % 10;
    }

    private void bank(Utterance u) {
        u.say(opener());
        int k = r.nextInt(3);
        if (k != 1) {
            u.say(pick("routing number is", "the routing is", "aba routing number", "routing"))
                    .pii(BANK_ROUTING, withCorrection(validAba(), new int[] {3, 3, 3}));
        }
        if (k != 0) {
            u.say(pick("and the account number is", "account number", "checking account is", "my savings account "
                    + "number is", "and account")).pii(BANK_ACCOUNT, spokenOrWritten(randomDigits(8 + r.nextInt(5),
                    true), new int[] {4}));
        }
        u.say(closer());
    }

    private static final String[] MONTH = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};
    private static final String[] ORD = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
        "seventeenth", "eighteenth", "nineteenth", "twentieth"};

    private String ordinal(int d) {
        if (d <= 20) {
            return ORD[d - 1];
        }
        if (d == 30) {
            return "thirtieth";
        }
        return (d < 30 ? "twenty " : "thirty ") + ORD[d % 10 - 1];
    }

    private String date() {
        int m = 1 + r.nextInt(12);
        int d = 1 + r.nextInt(28);
        int y = 1940 + r.nextInt(66);
        return switch (r.nextInt(6)) {
            case 0 -> MONTH[m - 1] + " " + ordinal(d) + " " + say.year(y);
            case 1 -> "the " + ordinal(d) + " of " + MONTH[m - 1] + " " + say.year(y);
            case 2 -> say.pair(String.format("%02d", m)) + " " + say.pair(String.format("%02d", d)) + " "
                    + say.year(y);
            case 3 -> String.format("%02d/%02d/%d", m, d, y);
            case 4 -> MONTH[m - 1] + " " + say.cardinal(d) + " " + say.year(y);
            default -> say.digitWord(String.format("%02d", m).charAt(0)) + " "
                    + say.digitWord(String.format("%02d", m).charAt(1)) + " " + say.pair(String.format("%02d", d))
                    + " " + say.pair(String.format("%02d", y % 100));
        };
    }

    private void dob(Utterance u) {
        u.say(opener());
        if (r.nextInt(5) == 0) {
            u.say(pick("i was born", "born on", "i was born on")).pii(DATE_OF_BIRTH, date()).say(closer());
        } else {
            u.say(pick("my date of birth is", "date of birth", "dob is", "my birthday is", "birth date is",
                    "d o b", "my birthdate is uh")).pii(DATE_OF_BIRTH, date()).say(closer());
        }
    }

    private static final String[] STREETS = {"main", "oak", "maple", "elm", "washington", "lake", "pine", "cedar",
        "sunset", "highland", "martin luther king", "park", "church", "mill", "river", "spring", "jefferson",
        "lincoln", "willow", "chestnut", "forest hills", "bay", "harbor view", "old mill", "meadow brook"};
    private static final String[] TYPES = {"street", "avenue", "road", "drive", "lane", "boulevard", "way", "court",
        "place", "terrace", "circle", "parkway", "trail", "st", "ave"};
    private static final String[] CITIES = {"springfield illinois", "austin texas", "portland oregon",
        "columbus ohio", "denver colorado", "tampa florida", "albany new york", "madison wisconsin",
        "raleigh north carolina", "phoenix arizona"};

    private String houseNumber() {
        int n = 1 + r.nextInt(r.nextBoolean() ? 99 : 9999);
        return switch (r.nextInt(3)) {
            case 0 -> say.digits(String.valueOf(n), null, false);
            case 1 -> n >= 100 && n < 10000 ? (n >= 1000 ? say.pair(String.valueOf(n / 100)) + " "
                    + (n % 100 == 0 ? "hundred" : say.pair(String.format("%02d", n % 100)))
                    : say.cardinal(n / 100) + " " + say.pair(String.format("%02d", n % 100))) : say.cardinal(n);
            default -> String.valueOf(n);
        };
    }

    private String zip() {
        return randomDigits(5, true);
    }

    private void address(Utterance u) {
        String street = houseNumber() + " " + pick(STREETS) + " " + pick(TYPES);
        if (r.nextInt(4) == 0) {
            street += " " + pick("apartment", "apt", "unit", "suite") + " " + pick("four b", "twelve", "two c",
                    "three oh one", "seven", "b");
        }
        if (r.nextInt(8) == 0) {
            street = "p o box " + say.digits(randomDigits(4, true), null, false);
        }
        u.say(opener()).say(pick("i live at", "my address is", "the address is", "ship it to", "it's",
                "mailing address is", "billing address is", "send it to")).pii(STREET_ADDRESS, street);
        if (r.nextBoolean()) {
            u.say(pick(CITIES)).pii(POSTAL_CODE, say.digits(zip(), null, false));
        }
        u.say(closer());
    }

    private void postal(Utterance u) {
        u.say(opener());
        if (r.nextInt(6) == 0) {
            String pc = pick("sw1a1aa", "ec1a1bb", "m11ae", "b338th", "cr26xh");
            u.say(pick("postcode is", "my post code is")).pii(POSTAL_CODE, say.spell(pc));
        } else {
            u.say(pick("zip code is", "my zip is", "zip", "the zip code is uh", "postal code")).pii(POSTAL_CODE,
                    say.digits(zip(), null, false));
        }
        u.say(closer());
    }

    private void passport(Utterance u) {
        String id = r.nextBoolean() ? randomDigits(9, true) : pick("c", "x", "e", "p", "n") + randomDigits(8, false);
        u.say(opener()).say(pick("my passport number is", "passport number", "the passport is", "passport no",
                "it's passport")).pii(PASSPORT, say.spell(id)).say(closer());
    }

    private void license(Utterance u) {
        String id = switch (r.nextInt(3)) {
            case 0 -> pick("d", "s", "b", "f", "w") + randomDigits(7, false);
            case 1 -> randomDigits(9, true);
            default -> pick("d", "s", "k") + randomDigits(3, false) + "-" + randomDigits(4, false);
        };
        String spoken = say.spell(id.replace("-", "")).replace(" ", " ");
        if (id.contains("-")) {
            spoken = say.spell(id.substring(0, 4)) + " dash " + say.spell(id.substring(5));
        }
        u.say(opener()).say(pick("my driver's license number is", "drivers license", "license number is",
                "the dl number is", "driver license number", "my license is")).pii(DRIVER_LICENSE, spoken)
                .say(closer());
    }

    private void medical(Utterance u) {
        String id = switch (r.nextInt(3)) {
            case 0 -> randomDigits(1, true) + pick("eg", "tk", "hn", "pr") + randomDigits(1, false)
                    + pick("te", "mk", "ry") + randomDigits(1, false) + pick("mk", "hd", "ww") + randomDigits(2, false);
            case 1 -> pick("xyz", "w", "mbr", "h") + randomDigits(9, false);
            default -> randomDigits(10, true);
        };
        u.say(opener()).say(pick("my member id is", "medicare number is", "the insurance id is", "member number",
                "policy number is", "my medicaid id", "patient id", "subscriber id is", "medical record number"))
                .pii(MEDICAL_ID, say.spell(id)).say(closer());
    }

    private void pin(Utterance u) {
        u.say(opener()).say(pick("my pin is", "the pin number is", "pin", "pin code", "my atm pin is",
                "the passcode is")).pii(PIN, say.digits(randomDigits(4 + (r.nextInt(4) == 0 ? 2 : 0), false), null,
                false)).say(closer());
    }

    private void password(Utterance u) {
        String pw = switch (r.nextInt(5)) {
            case 0 -> pick("sunshine", "dragon", "monkey", "tigers", "bluesky", "letmein", "football") + " "
                    + say.year(1980 + r.nextInt(45));
            case 1 -> pick("fluffy", "max", "buddy", "rocky", "bella") + " " + say.pair(String.valueOf(10
                    + r.nextInt(89)));
            case 2 -> say.spell(pick("qwerty", "abc", "pw")) + " " + say.digits(randomDigits(3, false), null, false);
            case 3 -> pick("purple", "happy", "green") + " " + pick("elephant", "dog", "house") + " "
                    + say.digits(randomDigits(2, false), null, false);
            default -> pick("password", "welcome", "summer") + " " + say.digits(randomDigits(3, false), null,
                    false);
        };
        u.say(opener()).say(pick("my password is", "the password is", "password is", "my login password is",
                "the password would be", "i set the password to")).pii(PASSWORD, pw).say(pick("", "and",
                "thanks", "i think"));
    }

    private static final String[] FIRST = {"john", "maria", "james", "jennifer", "david", "linda", "michael",
        "patricia", "robert", "susan", "daniel", "karen", "priya", "wei", "carlos", "fatima", "olga", "kenji",
        "sofia", "ahmed", "emily", "brian", "natalie", "omar", "megan", "tyrone", "aisha", "luis", "hannah", "derek"};
    private static final String[] RARE_FIRST = {"ngozi", "thaddeus", "bartholomew", "ximena", "eoin", "oluwaseun",
        "marisol", "dagny", "ignatius", "xochitl", "lavinia", "percival"};
    private static final String[] RARE_LAST = {"okafor", "vanterpool", "quist", "szczepanski", "abernathy",
        "nakashima", "oyelaran", "featherstone", "dubrovsky", "ekwueme", "thistlewood", "zaragoza"};

    private void person(Utterance u) {
        boolean rare = r.nextInt(4) == 0;
        String first = rare ? pick(RARE_FIRST) : pick(FIRST);
        String last = rare ? pick(RARE_LAST) : pick(LASTS);
        u.say(opener());
        switch (r.nextInt(8)) {
            case 0 -> u.say(pick("my name is", "name is", "the name's")).pii(PERSON, first + " " + last);
            case 1 -> u.say("hi this is").pii(PERSON, rare ? first + " " + last : first).say(pick("calling about "
                    + "my bill", "i had a question", "from", ""));
            case 2 -> u.say(pick("my name is", "it's")).pii(PERSON, first + " " + last).say(pick("that's", "spelled"))
                    .pii(PERSON, say.spell(last));
            case 3 -> u.say(pick("the account holder is", "it's under", "the account is under the name"))
                    .pii(PERSON, first + " " + last);
            case 4 -> u.say(pick("can i speak to", "i was speaking with", "i talked to", "i'd like to speak with"))
                    .pii(PERSON, rare ? "mister " + last : first).say(pick("earlier", "please", "yesterday", ""));
            case 5 -> u.say(pick("i'm", "yeah i'm")).pii(PERSON, rare ? first : first + " " + last)
                    .say(pick("and i'm calling about my card", "", "the account holder"));
            case 6 -> u.say(pick("my wife", "my husband", "my daughter")).pii(PERSON, first).say(pick("usually "
                    + "handles this", "set it up", "is on the account"));
            default -> u.say(pick("last name is", "surname is", "first name")).pii(PERSON, rare ? last : first);
        }
        u.say(closer());
    }

    private void mixed(Utterance u) {
        String first = pick(FIRST);
        u.say(pick("okay", "yes", "sure")).say("my name is").pii(PERSON, first + " " + pick(LASTS))
                .say(pick("and my date of birth is", "born")).pii(DATE_OF_BIRTH, date())
                .say(pick("and the zip code is", "zip")).pii(POSTAL_CODE, say.digits(zip(), null, false));
    }

    // ---------------------------------------------------------------- hard negatives

    private List<Consumer<Utterance>> negativeTemplates() {
        List<Consumer<Utterance>> t = new ArrayList<>();
        t.add(u -> u.say(opener()).say(pick("it was", "the bill came to", "they charged me", "i paid", "that's",
                "it costs")).say(say.cardinal(5 + r.nextInt(2000)) + " " + pick("dollars", "bucks", "dollars and "
                + say.cardinal(1 + r.nextInt(99)) + " cents")).say(closer()));
        t.add(u -> u.say(opener()).say(pick("can you call me at", "the appointment is at", "i'll be free after",
                "let's do", "it closes at", "i called at")).say(say.cardinal(1 + r.nextInt(12)) + " "
                + pick("thirty", "fifteen", "forty five", "o'clock", "") + " " + pick("pm", "am", "p m",
                "in the morning", "tonight")).say(closer()));
        t.add(u -> u.say(opener()).say(pick("my order number is", "the order number is", "order", "ticket number",
                "the confirmation number is", "reference number", "case number is", "tracking number is",
                "the claim number is", "invoice number")).say(say.digits(randomDigits(6 + r.nextInt(10), true),
                new int[] {3, 4}, true)).say(closer()));
        t.add(u -> u.say(pick("press", "please press", "for billing press", "to repeat press", "select option",
                "dial")).say(say.cardinal(r.nextInt(10))).say(pick("", "now", "for sales", "to continue")));
        t.add(u -> u.say(opener()).say(pick("i have", "we have", "there are", "i've got", "about")).say(
                say.cardinal(2 + r.nextInt(400))).say(pick("kids", "people", "employees", "items in the cart",
                "locations", "lines on the account", "devices")).say(closer()));
        t.add(u -> u.say(opener()).say(pick("i've been a customer since", "we moved here in", "i bought it in",
                "the car is a")).say(say.year(1990 + r.nextInt(35))).say(pick("", "model", "i think")));
        t.add(u -> u.say(opener()).say(pick("my appointment is on", "can we reschedule to", "the payment was due",
                "it shipped on", "the meeting is")).say(MONTH[r.nextInt(12)] + " " + ordinal(1 + r.nextInt(28)))
                .say(closer()));
        t.add(u -> u.say(opener()).say(pick("i saw it on social media", "my social worker told me to call",
                "the gift card balance is " + say.cardinal(25 + r.nextInt(200)) + " dollars",
                "i need a new card because mine expired", "my card was declined twice", "i forgot my password",
                "i want to reset my pin", "can you send me a new card", "what's the routing number for the bank",
                "i lost my passport last week", "my license expired", "i don't remember my account number")));
        t.add(u -> u.say(opener()).say(pick("flight", "room", "extension", "gate", "seat", "aisle", "building"))
                .say(say.cardinal(1 + r.nextInt(999))).say(closer()));
        t.add(u -> u.say(opener()).say(pick("i will call back later", "mark it as urgent please", "the bill is way "
                + "too high", "is there a grace period", "we hope so", "i may be late", "it'll be ready in june",
                "that's a long story", "can you chase that up", "frank answer is no", "the rose garden is closed",
                "i need to grant access", "green light on the router is blinking", "my dog max ate it")));
        t.add(u -> u.say(opener()).say(pick("it takes", "wait about", "it's been", "that was")).say(
                say.cardinal(2 + r.nextInt(58))).say(pick("minutes", "days", "hours", "weeks", "months", "years"))
                .say(pick("", "already", "now", "ago")));
        t.add(u -> u.say(opener()).say(pick("the model number is", "serial number", "sku", "the part number is",
                "promo code")).say(say.spell(pick("xj", "mt", "ab", "qr")) + " "
                + say.digits(randomDigits(4 + r.nextInt(4), true), null, false)).say(closer()));
        t.add(u -> u.say(opener()).say(pick("the interest rate is", "it dropped", "about", "roughly")).say(
                say.cardinal(1 + r.nextInt(99))).say(pick("percent", "percent this year", "percent i think")));
        t.add(u -> u.say(opener()).say(pick("the total is", "my balance is", "the payment is", "i owe")).say(
                say.cardinal(10 + r.nextInt(990)) + " " + pick("dollars", "dollars and fifty cents", "bucks")));
        t.add(u -> u.say(opener()).say(pick("hello how are you today", "can you hear me", "sorry the line "
                + "cut out", "i'm calling about my internet service", "yes that's correct", "no i already tried "
                + "that", "could you repeat that", "okay thank you so much for your help", "hold on one second",
                "i'd like to cancel my subscription", "is this the billing department", "let me grab my wallet",
                "what's the status of my refund", "the website keeps crashing", "that's one two three steps")));
        t.add(u -> u.say(opener()).say("that's " + say.cardinal(1 + r.nextInt(20)) + " " + pick("out of ten",
                "times in a row", "calls this week", "percent", "dollars more")).say(closer()));
        t.add(u -> u.say(opener()).say(pick("i need", "can i get", "send me", "order")).say(say.cardinal(1
                + r.nextInt(50))).say(pick("boxes", "units", "more", "of them", "pieces")).say(closer()));
        return t;
    }
}
