package io.vigil.web.api.audit;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.domain.AuditEvents;
import io.vigil.audit.domain.EntryProof;
import io.vigil.audit.domain.StoredCheckpoint;
import io.vigil.crypto.audit.AuditExport;
import io.vigil.crypto.audit.CheckpointKey;
import io.vigil.crypto.audit.ConsistencyProof;
import io.vigil.tenancy.TenantId;
import io.vigil.web.api.ApiProblem;
import io.vigil.web.api.CallerTenant;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/audit}: the signed checkpoint, inclusion and consistency proofs, and the tenant's export. For
 * administrators and compliance officers. The log is one tree for all tenants: checkpoints and consistency proofs
 * (hashes only) are the same for everyone; an entry and its inclusion proof only for the entry's tenant (another
 * tenant's entry answers 404, like one that does not exist); the export holds the caller's tenant's entries with
 * their proofs (the operator's full export is {@code ./vigil audit export}).
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({Role.ADMIN, Role.COMPLIANCE_OFFICER})
public class AuditResource {

    private static final Base64.Encoder B64 = Base64.getEncoder();

    @EJB
    private AuditTrail trail;

    @Inject
    private CallerTenant caller;

    /** The newest signed checkpoint: note, origin, size, root, and the key that verifies it. */
    @GET
    @Path("checkpoint")
    public Response checkpoint() {
        return guarded(() -> trail.latestCheckpoint().map(this::checkpointJson)
                .orElseGet(() -> ApiProblem.of(Response.Status.NOT_FOUND,
                        "nothing is signed yet; POST /api/v1/audit/checkpoint signs the current log")));
    }

    /** Signs a checkpoint of the current log now (if the newest does not already cover it). */
    @POST
    @Path("checkpoint")
    public Response checkpointNow() {
        return guarded(() -> trail.checkpointNow().map(this::checkpointJson)
                .orElseGet(() -> ApiProblem.of(Response.Status.NOT_FOUND, "the audit log is empty; nothing to sign")));
    }

    @GET
    @Path("proof/inclusion")
    public Response inclusion(@QueryParam("seq") Long seq, @QueryParam("size") Long size) {
        if (seq == null || size == null || seq < 0 || size <= seq) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "give seq and size with 0 <= seq < size, e.g. ?seq=41&size=1024"
                    + " (size: a checkpoint's size from GET /api/v1/audit/checkpoint)");
        }
        return guarded(() -> {
            if (size > trail.size()) {
                return ApiProblem.of(Response.Status.BAD_REQUEST, "the log has fewer than " + size + " entries");
            }
            Optional<EntryProof> found = trail.inclusion(caller.tenant(), seq, size);
            if (found.isEmpty()) {
                return ApiProblem.of(Response.Status.NOT_FOUND, "no audit entry " + seq + " of your tenant");
            }
            EntryProof proof = found.get();
            return Response.ok(Json.createObjectBuilder()
                    .add("seq", seq).add("treeSize", size)
                    .add("entry", AuditExport.line(proof.entry().entry(), proof.entry().leafHash()))
                    .add("leafHash", B64.encodeToString(proof.entry().leafHash()))
                    .add("path", path(proof.proof().path()))
                    .build().toString()).build();
        });
    }

    @GET
    @Path("proof/consistency")
    public Response consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        if (from == null || to == null || from < 0 || to < from) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "give from and to with 0 <= from <= to, e.g. ?from=1000&to=2000");
        }
        return guarded(() -> {
            if (to > trail.size()) {
                return ApiProblem.of(Response.Status.BAD_REQUEST, "the log has fewer than " + to + " entries");
            }
            ConsistencyProof proof = trail.consistency(from, to);
            return Response.ok(Json.createObjectBuilder().add("from", from).add("to", to).add("path", path(proof.path()))
                    .build().toString()).build();
        });
    }

    /**
     * The tenant's export as a ZIP: its entries, an inclusion proof each, the checkpoint they lead to (signed now)
     * and the public key. Verify with {@code ./vigil audit verify --dir <unzipped>}.
     */
    @GET
    @Path("export")
    @Produces("application/zip")
    public Response export() {
        return guarded(() -> {
            TenantId tenant = caller.tenant();
            trail.record(AuditEvents.exported(tenant, ApiAudit.actor(caller.caller()), trail.size()));
            StoredCheckpoint checkpoint = trail.checkpointNow().orElseThrow();
            StreamingOutput body = out -> trail.exportTenant(tenant, checkpoint, out);
            return Response.ok(body, "application/zip")
                    .header("Content-Disposition", "attachment; filename=\"vigil-audit-" + checkpoint.size() + ".zip\"")
                    .build();
        });
    }

    private Response checkpointJson(StoredCheckpoint checkpoint) {
        CheckpointKey key = trail.key();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("origin", checkpoint.signed().checkpoint().origin())
                .add("size", checkpoint.size())
                .add("root", checkpoint.rootBase64())
                .add("createdAt", checkpoint.createdAt().toString())
                .add("note", checkpoint.note())
                .add("keyId", key.keyIdHex())
                .add("publicKey", key.toPem());
        return Response.ok(json.build().toString()).build();
    }

    private static JsonArrayBuilder path(List<byte[]> hashes) {
        JsonArrayBuilder path = Json.createArrayBuilder();
        hashes.forEach(h -> path.add(B64.encodeToString(h)));
        return path;
    }

    /** Answers what the service refuses: no signing key is a 503 that says what to set, bad sizes a 400. */
    private static Response guarded(java.util.function.Supplier<Response> call) {
        try {
            return call.get();
        } catch (EJBException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IllegalStateException) {
                return ApiProblem.of(Response.Status.SERVICE_UNAVAILABLE, cause.getMessage());
            }
            if (cause instanceof IllegalArgumentException) {
                return ApiProblem.of(Response.Status.BAD_REQUEST, cause.getMessage());
            }
            throw e;
        }
    }
}
