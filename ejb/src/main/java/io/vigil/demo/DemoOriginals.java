package io.vigil.demo;

import io.vigil.redaction.application.OriginalTranscripts;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/**
 * Keeps the demo calls' original transcripts as the live pipeline keeps them: sealed under each tenant's transcript
 * key, readable only by break-glass. Runs once, right after {@link DemoDataSeeder} loaded the calls.
 */
@Singleton
@Startup
@DependsOn("DemoDataSeeder")
public class DemoOriginals {

    private static final Logger LOG = Logger.getLogger(DemoOriginals.class.getName());

    @EJB
    private DemoDataSeeder seeder;

    @EJB
    private OriginalTranscripts originals;

    @PostConstruct
    void sealDemoOriginals() {
        seeder.loadedData().ifPresent(data -> {
            for (DemoData.Call call : data.calls()) {
                originals.seal(new TenantId(call.tenantId()), call.id(),
                        call.turns().stream().map(DemoData.Turn::text).toList());
            }
            LOG.info(() -> "demo originals: " + data.calls().size() + " transcripts sealed under the transcript keys");
        });
    }
}
