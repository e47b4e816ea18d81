package io.vigil.redaction;

import io.vigil.redaction.operator.RedactionOperator;
import io.vigil.redaction.operator.TypeTagOperator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The redaction pipeline: normalise spoken forms, run every recogniser over the normalised tokens, keep findings at
 * or above the score threshold, resolve overlaps (higher score wins, then the longer span), and replace each kept span
 * of the ORIGINAL text with what the operator returns. Immutable and thread-safe; build one and share it.
 */
public final class RedactionEngine {

    /** Findings below this score are dropped; recognisers score context-free guesses under it on purpose. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private static final Comparator<DetectedEntity> PRIORITY = Comparator.comparingDouble(DetectedEntity::score)
            .reversed().thenComparing(Comparator.comparingInt(DetectedEntity::length).reversed())
            .thenComparingInt(DetectedEntity::start);

    private final SpokenFormNormalizer normalizer = new SpokenFormNormalizer();
    private final List<Recognizer> recognizers;
    private final double threshold;
    private final RedactionOperator operator;

    public RedactionEngine(List<Recognizer> recognizers, double threshold, RedactionOperator operator) {
        this.recognizers = List.copyOf(recognizers);
        this.threshold = threshold;
        this.operator = operator;
    }

    /** All recognisers, US phone region, threshold 0.5, type tags. */
    public static RedactionEngine createDefault() {
        return new RedactionEngine(defaultRecognizers("US"), DEFAULT_THRESHOLD, new TypeTagOperator());
    }

    public static List<Recognizer> defaultRecognizers(String phoneRegion) {
        return List.of(new CreditCardRecognizer(), new CardDetailsRecognizer(), new SsnRecognizer(),
                new PhoneNumberRecognizer(phoneRegion), new EmailRecognizer(), new IbanRecognizer(),
                new BankAccountRecognizer(), new DateOfBirthRecognizer(), new AddressRecognizer(),
                new IdentityDocumentRecognizer(), new CredentialRecognizer(),
                new PersonNameRecognizer(NameGazetteer.defaults()));
    }

    /** Same recognisers and threshold with another operator (for example a per-tenant hash). */
    public RedactionEngine withOperator(RedactionOperator other) {
        return new RedactionEngine(recognizers, threshold, other);
    }

    /** Finds the entities without changing the text; spans are in original offsets, sorted by start. */
    public List<DetectedEntity> detect(String text) {
        NormalizedText normalized = normalizer.normalize(text);
        List<DetectedEntity> found = new ArrayList<>();
        Analysis analysis = new Analysis(normalized, found);
        for (Recognizer r : recognizers) {
            r.recognize(analysis);
        }
        return resolve(found);
    }

    public RedactionResult redact(String text) {
        return apply(text, detect(text));
    }

    /** Replaces the given (non-overlapping, sorted) spans using this engine's operator. */
    public RedactionResult apply(String text, List<DetectedEntity> entities) {
        if (entities.isEmpty()) {
            return new RedactionResult(text, entities);
        }
        return new RedactionResult(render(text, 0, text.length(), entities), entities);
    }

    /** The redacted form of text[from, to); entities must be sorted and lie inside the range. */
    String render(String text, int from, int to, List<DetectedEntity> entities) {
        StringBuilder out = new StringBuilder(to - from + 16 * entities.size());
        int pos = from;
        for (DetectedEntity e : entities) {
            out.append(text, pos, e.start());
            out.append(operator.apply(e, text.substring(e.start(), e.end())));
            pos = e.end();
        }
        out.append(text, pos, to);
        return out.toString();
    }

    private List<DetectedEntity> resolve(List<DetectedEntity> found) {
        if (found.isEmpty()) {
            return found;
        }
        found.removeIf(e -> e.score() < threshold || e.length() == 0);
        found.sort(PRIORITY);
        List<DetectedEntity> kept = new ArrayList<>(found.size());
        for (DetectedEntity e : found) {
            boolean clash = false;
            for (DetectedEntity k : kept) {
                if (k.overlaps(e)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparingInt(DetectedEntity::start));
        return kept;
    }
}
