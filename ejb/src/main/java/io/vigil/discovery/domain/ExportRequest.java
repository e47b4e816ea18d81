package io.vigil.discovery.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a legal user asks to produce: the calls, what of them, the audio and its format, the production numbering, the
 * confidentiality legend every document carries, and optionally the certificate of the recipient the bundle is
 * encrypted for. Unredacted audio needs a justification of at least {@link #MIN_JUSTIFICATION} characters.
 */
public record ExportRequest(String matter, CallSelection selection, Set<ExportContent> contents, AudioChoice audio,
                            NativeFormat format,
                            ProductionNumbering numbering, String confidentiality, String justification,
                            String recipientCertificatePem) {

    public static final int MIN_JUSTIFICATION = 15;

    public ExportRequest {
        if (matter == null || matter.isBlank()) {
            throw new ExportRequestInvalid("Name the matter the production is for (e.g. the case number)");
        }
        matter = matter.strip();
        if (matter.length() > 200) {
            throw new ExportRequestInvalid("The matter name is at most 200 characters");
        }
        if (selection == null) {
            throw new ExportRequestInvalid("Choose the calls to export");
        }
        contents = contents == null || contents.isEmpty() ? EnumSet.noneOf(ExportContent.class) : EnumSet.copyOf(contents);
        audio = audio == null ? AudioChoice.REDACTED : audio;
        format = format == null ? NativeFormat.WAV : format;
        if (numbering == null) {
            throw new ExportRequestInvalid("Give the production numbering: a prefix and the first number");
        }
        confidentiality = confidentiality == null || confidentiality.isBlank() ? "CONFIDENTIAL" : confidentiality.strip();
        justification = justification == null ? null : justification.strip();
        if (audio == AudioChoice.ORIGINAL && (justification == null || justification.length() < MIN_JUSTIFICATION)) {
            throw new ExportRequestInvalid("Unredacted audio needs a justification of at least " + MIN_JUSTIFICATION
                    + " characters (e.g. the court order it answers); it is kept in the audit trail");
        }
        if (audio == AudioChoice.NONE && !contents.contains(ExportContent.TRANSCRIPT)) {
            throw new ExportRequestInvalid("The export would hold no document: choose audio or transcripts");
        }
        recipientCertificatePem = recipientCertificatePem == null || recipientCertificatePem.isBlank() ? null
                : recipientCertificatePem.strip();
    }

    public boolean includes(ExportContent content) {
        return contents.contains(content);
    }
}
