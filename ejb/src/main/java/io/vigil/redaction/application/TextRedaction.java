package io.vigil.redaction.application;

import io.vigil.redaction.RedactionEngine;
import io.vigil.redaction.RedactionResult;
import io.vigil.redaction.operator.MaskOperator;
import io.vigil.redaction.operator.RedactionOperator;
import io.vigil.redaction.operator.TypeTagOperator;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The redaction engine for the application: one instance (its recognisers load their lists once; it is safe for
 * concurrent use), with the operators that need no tenant key. Text over {@link #MAX_CHARS} is refused rather than
 * cut, so nothing is silently left unredacted.
 */
@ApplicationScoped
public class TextRedaction {

    public static final int MAX_CHARS = 64 * 1024;

    /** How found values are replaced in a preview or an API answer. */
    public enum Style { TAG, MASK }

    private final RedactionEngine engine = RedactionEngine.createDefault();

    public RedactionResult redact(String text, Style style) {
        if (text == null) {
            throw new IllegalArgumentException("no text to redact");
        }
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the text has " + text.length() + " characters; send at most "
                    + MAX_CHARS + " per request (split long transcripts by turn)");
        }
        RedactionOperator operator = style == Style.MASK ? new MaskOperator() : new TypeTagOperator();
        return engine.withOperator(operator).redact(text);
    }
}
