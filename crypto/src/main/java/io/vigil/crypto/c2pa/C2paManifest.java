package io.vigil.crypto.c2pa;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A verified C2PA manifest: what {@link C2paReader} returns once the hard binding, every assertion hash, the
 * claim signature and its chain have checked out.
 *
 * @param label            the manifest's label, {@code urn:c2pa:<uuid>}
 * @param title            the claim's {@code dc:title}, if any
 * @param claimGenerator   the claim's {@code claim_generator_info}
 * @param actions          the actions of its {@code c2pa.actions.v2} assertion, in order
 * @param ingredients      its ingredients (a redacted export names its original as {@code parentOf})
 * @param signingChain     the signer's certificate chain, leaf first
 * @param timestamp        the RFC 3161 time of the signature, if it was timestamped
 */
public record C2paManifest(String label, Optional<String> title, ClaimGenerator claimGenerator, List<Action> actions,
        List<Ingredient> ingredients, List<X509Certificate> signingChain, Optional<Instant> timestamp) {

    /**
     * One action: {@code c2pa.created}, {@code c2pa.opened}, {@code c2pa.edited}, ...; {@code when} is the time the
     * signer states for it (signed with the claim, but not attested by a third party as a timestamp is).
     */
    public record Action(String action, Optional<String> digitalSourceType, Optional<String> reason, Optional<Instant> when) {
    }

    /** One ingredient: its title, its relationship ({@code parentOf}, ...) and the label of its manifest. */
    public record Ingredient(Optional<String> title, String relationship, Optional<String> manifestLabel) {
    }

    public C2paManifest {
        actions = List.copyOf(actions);
        ingredients = List.copyOf(ingredients);
        signingChain = List.copyOf(signingChain);
    }

    /** The digital source type of the first action that states one (the {@code c2pa.created} action). */
    public Optional<String> digitalSourceType() {
        return actions.stream().flatMap(a -> a.digitalSourceType().stream()).findFirst();
    }

    /** The signer's certificate. */
    public X509Certificate signer() {
        return signingChain.get(0);
    }
}
