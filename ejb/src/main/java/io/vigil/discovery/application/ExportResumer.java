package io.vigil.discovery.application;

import io.vigil.keys.Rows;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/** Continues at start-up the exports a stop or crash interrupted; each picks up at its first call not yet staged. */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class ExportResumer {

    private static final Logger LOG = Logger.getLogger(ExportResumer.class.getName());

    @EJB
    private ExportStore store;

    @EJB
    private ExportWorker worker;

    @PostConstruct
    void resumeUnfinished() {
        for (Object[] row : store.unfinished()) {
            TenantId tenant = new TenantId(Rows.uuid(row[0]));
            LOG.info(() -> "resuming export " + row[1]);
            worker.start(tenant, Rows.uuid(row[1]));
        }
    }
}
