package io.vigil.web.api.c2pa;

import io.vigil.audit.domain.AuditActor;
import io.vigil.provenance.ProvenanceException;
import io.vigil.provenance.ProvenanceSigning;
import io.vigil.provenance.SigningChains;
import io.vigil.provenance.SigningIdentity;
import io.vigil.provenance.TrackKind;
import io.vigil.crypto.c2pa.AudioFormat;
import io.vigil.crypto.c2pa.C2paException;
import io.vigil.web.api.ApiProblem;
import io.vigil.web.api.CallerTenant;
import io.vigil.web.api.audit.ApiAudit;
import io.vigil.web.api.security.AllowedRoles;
import io.vigil.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * C2PA provenance over the API.
 * <ul>
 *   <li>{@code POST /api/v1/c2pa/verify} (compliance officers, legal, admins): a WAV or MP3 as the raw body or as the
 *       {@code file} part of a multipart form; answers the verdict (state Trusted/Valid/Invalid, signer, time,
 *       actions, validation codes in c2pa-rs's vocabulary). A file that is not valid C2PA audio is a 200 with state
 *       Invalid and a {@code problem}; only a missing or oversized upload is an error (400, 413).</li>
 *   <li>{@code GET /api/v1/c2pa/trust-root} (any person's role): the demo root CA in PEM.</li>
 *   <li>{@code POST /api/v1/c2pa/sign?type=agent|composite&title=...} (admins): signs the raw body with the tenant's
 *       key and answers the signed file; audited.</li>
 *   <li>{@code GET /api/v1/c2pa/signing-key}, {@code POST /api/v1/c2pa/chain} (PEM body), {@code DELETE
 *       /api/v1/c2pa/chain} (admins): the signing key and its chain, importing the tenant's own chain, going back
 *       to the demo chain.</li>
 * </ul>
 */
@Path("c2pa")
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles(Role.ADMIN)
public class C2paResource {

    /** The largest file the API verifies or signs: about half an hour of 16 kHz 16-bit mono. */
    public static final int MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

    @EJB
    private ProvenanceSigning provenance;

    @EJB
    private SigningChains chains;

    @Inject
    private CallerTenant caller;

    @POST
    @Path("verify")
    @Consumes(MediaType.WILDCARD)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.LEGAL, Role.ADMIN})
    public Response verify(InputStream body) {
        return verifyBytes(body);
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.LEGAL, Role.ADMIN})
    public Response verifyUpload(List<EntityPart> parts) {
        Optional<EntityPart> file = parts.stream().filter(p -> p.getName().equals("file")).findFirst();
        if (file.isEmpty()) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "send the audio file as the multipart field 'file'"
                    + " (curl -F file=@recording.wav), or as the raw request body");
        }
        return verifyBytes(file.get().getContent());
    }

    @GET
    @Path("trust-root")
    @Produces("application/x-pem-file")
    @AllowedRoles({Role.COMPLIANCE_OFFICER, Role.SUPERVISOR, Role.LEGAL, Role.SECURITY, Role.ADMIN})
    public Response trustRoot() {
        return Response.ok(provenance.demoTrustRootPem()).build();
    }

    @POST
    @Path("sign")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.WILDCARD)
    public Response sign(InputStream body, @QueryParam("type") @DefaultValue("composite") String type,
                         @QueryParam("title") @DefaultValue("Signed by Vigil") String title) {
        TrackKind kind;
        try {
            kind = TrackKind.parse(type);
        } catch (IllegalArgumentException e) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, e.getMessage());
        }
        Optional<byte[]> audio = read(body);
        if (audio.isEmpty()) {
            return tooLarge();
        }
        try {
            String mediaType = AudioFormat.detect(audio.get()).mediaType();
            byte[] signed = provenance.sign(caller.tenant(), audio.get(), title, kind, actor());
            return Response.ok(signed, mediaType).build();
        } catch (C2paException e) {
            return ApiProblem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        } catch (ProvenanceException e) {
            return ApiProblem.of(422, e.getMessage(), null);
        }
    }

    @GET
    @Path("signing-key")
    public Response signingKey() throws ProvenanceException {
        SigningIdentity identity = chains.current(caller.tenant());
        return Response.ok(ProvenanceJson.identity(identity, chains.signingKeyPem(caller.tenant())).toString()).build();
    }

    @POST
    @Path("chain")
    @Consumes({MediaType.TEXT_PLAIN, "application/x-pem-file", MediaType.APPLICATION_OCTET_STREAM})
    public Response importChain(String pem) throws ProvenanceException {
        try {
            SigningIdentity identity = chains.importChain(caller.tenant(), pem, actor());
            return Response.ok(ProvenanceJson.identity(identity, chains.signingKeyPem(caller.tenant())).toString()).build();
        } catch (ProvenanceException e) {
            return ApiProblem.of(422, e.getMessage(), null);
        }
    }

    @DELETE
    @Path("chain")
    public Response revertToDemo() throws ProvenanceException {
        boolean reverted = chains.revertToDemo(caller.tenant(), actor());
        return Response.ok(Json.createObjectBuilder().add("reverted", reverted).build().toString()).build();
    }

    private Response verifyBytes(InputStream body) {
        Optional<byte[]> file = read(body);
        if (file.isEmpty()) {
            return tooLarge();
        }
        if (file.get().length == 0) {
            return ApiProblem.of(Response.Status.BAD_REQUEST, "the request has no file: send a WAV or MP3 file as the"
                    + " body (curl --data-binary @recording.wav) or as the multipart field 'file'");
        }
        return Response.ok(ProvenanceJson.report(provenance.verify(caller.tenant(), file.get(), actor())).toString()).build();
    }

    private Response tooLarge() {
        return ApiProblem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "the file is larger than "
                + MAX_UPLOAD_BYTES / 1024 / 1024 + " MiB, the most the API verifies or signs");
    }

    private static Optional<byte[]> read(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
            return bytes.length > MAX_UPLOAD_BYTES ? Optional.empty() : Optional.of(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("The upload was interrupted", e);
        }
    }

    private AuditActor actor() {
        return ApiAudit.actor(caller.caller());
    }
}
