package io.vigil.retention;

import io.vigil.retention.domain.DataClass;
import io.vigil.tenancy.TenantId;
import java.util.List;
import java.util.Set;

/**
 * A capability's expirable artifacts, for the retention sweep: every CDI bean implementing this (discovered with
 * {@code @Any Instance<ExpiringArtifacts>}) is asked for the artifacts of its data classes. Vigil's own
 * contributors cover recordings, transcripts, metadata and annotations; eDiscovery exports and C2PA-signed copies
 * add theirs (data class {@link DataClass#EXPORTS}, or the class of the artifact they copy).
 *
 * <p>The contract, which the sweep relies on for dry runs to agree with applies and for resuming after a crash:
 * <ul>
 *   <li>{@link #findDue} is a read: the tenant's due artifacts of {@code rule.dataClass()} that are still present
 *       (not yet expired by {@code rule.action()}), whose call is not held ({@link DueRule#notHeld}), ordered by
 *       {@link ExpiringArtifact#key()} and strictly after {@code after} (null: from the start), at most
 *       {@code limit}. An artifact that belongs to several calls (an export) is held when any of them is.
 *   <li>{@link #expire} applies {@code rule.action()} to a batch {@link #findDue} returned, in the caller's
 *       transaction; afterwards {@link #findDue} no longer returns them. Idempotent for an artifact already gone.
 * </ul>
 */
public interface ExpiringArtifacts {

    /** A stable name for this contributor: a sweep records its progress under it, to resume after a stop. */
    default String name() {
        // container proxies extend the bean class with '$...' suffixes
        return getClass().getName().split("\\$")[0];
    }

    /** The data classes this contributor holds artifacts of. */
    Set<DataClass> dataClasses();

    List<ExpiringArtifact> findDue(TenantId tenant, DueRule rule, String after, int limit);

    void expire(TenantId tenant, DueRule rule, List<ExpiringArtifact> batch);

    /**
     * Of a batch {@link #findDue} returned, those no hold took since, checked in the sweep's transaction just before
     * {@link #expire}. The sweep does this itself for artifacts of one call (it locks the calls); a contributor of
     * artifacts of several calls ({@code sessionId} null) overrides this to lock their calls and drop those of
     * which any call is held now.
     */
    default List<ExpiringArtifact> stillUnheld(TenantId tenant, List<ExpiringArtifact> batch) {
        return batch;
    }
}
