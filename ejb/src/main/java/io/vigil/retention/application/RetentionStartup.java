package io.vigil.retention.application;

import io.vigil.audit.domain.AuditActor;
import io.vigil.keys.Rows;
import io.vigil.platform.VigilConfig;
import io.vigil.retention.LegalHolds;
import io.vigil.retention.RetentionPolicyBook;
import io.vigil.retention.RetentionSweeps;
import io.vigil.retention.domain.SweepMode;
import io.vigil.tenancy.TenantDirectory;
import io.vigil.tenancy.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retention at start-up and on schedule: gives tenants without policies the defaults, continues the sweeps a stop
 * interrupted, and, when {@code vigil.retention.sweep-hours} is set (e.g. {@code 24}; off by default, and in
 * tests), re-evaluates the legal holds and applies a sweep to every tenant at that interval, the first one
 * {@code vigil.retention.sweep-delay-minutes} (default 10) after start.
 */
@Singleton
@Startup
@DependsOn("TenantKeysAtStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionStartup {

    private static final Logger LOG = Logger.getLogger(RetentionStartup.class.getName());
    static final AuditActor SYSTEM = AuditActor.system("retention");

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @Resource
    private TimerService timers;

    @EJB
    private TenantDirectory tenants;

    @EJB
    private RetentionPolicyBook book;

    @EJB
    private LegalHolds holds;

    @EJB
    private RetentionSweeps sweeps;

    @EJB
    private SweepWorker worker;

    @PostConstruct
    void start() {
        tenants.all().forEach(t -> book.seedDefaults(new TenantId(t.id()), SYSTEM));
        @SuppressWarnings("unchecked")
        List<Object> running = em.createNativeQuery("SELECT id FROM retention_sweep WHERE state = 'RUNNING'").getResultList();
        for (Object id : running) {
            LOG.info(() -> "resuming retention sweep " + id);
            worker.runInBackground(Rows.uuid(id));
        }
        VigilConfig config = VigilConfig.current();
        config.get("vigil.retention.sweep-hours").map(Double::parseDouble).filter(h -> h > 0).ifPresent(hours -> {
            long delay = (long) (Double.parseDouble(config.get("vigil.retention.sweep-delay-minutes").orElse("10")) * 60_000);
            timers.createIntervalTimer(delay, (long) (hours * 3_600_000), new TimerConfig("retention sweep", false));
            LOG.info(() -> "retention sweep every " + hours + " h");
        });
    }

    @Timeout
    void sweepAll() {
        for (var tenant : tenants.all()) {
            TenantId id = new TenantId(tenant.id());
            try {
                sweeps.runNow(id, SweepMode.APPLY, Instant.now(), SYSTEM);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "retention sweep of tenant " + tenant.slug() + " did not run: " + e.getMessage(), e);
            }
        }
    }
}
