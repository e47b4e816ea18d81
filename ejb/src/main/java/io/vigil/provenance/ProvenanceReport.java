package io.vigil.provenance;

import io.vigil.crypto.c2pa.C2paManifest;
import io.vigil.crypto.c2pa.C2paValidation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a verification found, for people and the API: the validation state in c2pa-rs's words ({@code Trusted},
 * {@code Valid}, {@code Invalid}), the signer, the time, the actions and the validation status codes.
 *
 * @param format      {@code audio/wav} or {@code audio/mpeg}, empty if the bytes are neither
 * @param signedAt    the RFC 3161 timestamp of the signature, if the signer had one
 * @param statedAt    the time the signer states for its last action (signed, but not attested by a third party)
 * @param problem     for an invalid file, what is wrong in one sentence
 */
public record ProvenanceReport(String state, Optional<String> format, Optional<String> manifestLabel,
                               Optional<String> title, Optional<String> claimGenerator, Optional<String> signer,
                               Optional<String> issuer, Optional<Instant> signedAt, Optional<Instant> statedAt, List<Action> actions,
                               List<Ingredient> ingredients, List<Code> codes, Optional<String> problem) {

    /** One action of the manifest, e.g. {@code c2pa.created} with its digital source type. */
    public record Action(String action, Optional<String> digitalSourceType, Optional<String> reason, Optional<Instant> when) {
    }

    public record Ingredient(Optional<String> title, String relationship, Optional<String> manifestLabel) {
    }

    /** One validation status code, {@code kind} success, informational or failure. */
    public record Code(String code, String kind, String explanation) {
    }

    public ProvenanceReport {
        actions = List.copyOf(actions);
        ingredients = List.copyOf(ingredients);
        codes = List.copyOf(codes);
    }

    public boolean trusted() {
        return "Trusted".equals(state);
    }

    /** Valid or Trusted: nothing failed but (perhaps) the trust in the signer. */
    public boolean valid() {
        return !"Invalid".equals(state);
    }

    public List<String> failureCodes() {
        return codes.stream().filter(c -> c.kind().equals("failure")).map(Code::code).toList();
    }

    static ProvenanceReport of(C2paValidation.Report report, Optional<String> format) {
        Optional<C2paManifest> manifest = report.manifest();
        return new ProvenanceReport(report.state().label(), format,
                manifest.map(C2paManifest::label),
                manifest.flatMap(C2paManifest::title),
                manifest.map(m -> m.claimGenerator().name() + " " + m.claimGenerator().version()),
                manifest.map(m -> m.signer().getSubjectX500Principal().getName()),
                manifest.map(m -> m.signer().getIssuerX500Principal().getName()),
                manifest.flatMap(C2paManifest::timestamp),
                manifest.flatMap(m -> m.actions().stream().flatMap(a -> a.when().stream()).reduce((a, b) -> b)),
                manifest.map(m -> m.actions().stream().map(a -> new Action(a.action(), a.digitalSourceType(), a.reason(), a.when())).toList())
                        .orElse(List.of()),
                manifest.map(m -> m.ingredients().stream()
                        .map(i -> new Ingredient(i.title(), i.relationship(), i.manifestLabel())).toList()).orElse(List.of()),
                report.statuses().stream().map(s -> new Code(s.code(), s.kind().name().toLowerCase(java.util.Locale.ROOT),
                        s.explanation())).toList(),
                report.problem());
    }

    /** A report for bytes that are not audio Vigil can read at all. */
    static ProvenanceReport unreadable(String problem) {
        return new ProvenanceReport("Invalid", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new Code("claim.malformed", "failure", problem)), Optional.of(problem));
    }
}
