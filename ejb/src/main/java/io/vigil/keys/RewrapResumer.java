package io.vigil.keys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/** Continues at start-up the rewrap jobs a stop interrupted; they pick up at the first data key not yet rewrapped. */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class RewrapResumer {

    private static final Logger LOG = Logger.getLogger(RewrapResumer.class.getName());

    @PersistenceContext(unitName = "vigil")
    private EntityManager em;

    @EJB
    private RewrapWorker worker;

    @PostConstruct
    void resumeRunningJobs() {
        @SuppressWarnings("unchecked")
        List<Object> running = em.createNativeQuery("SELECT id FROM rewrap_job WHERE state = 'RUNNING'").getResultList();
        for (Object id : running) {
            LOG.info(() -> "resuming rewrap job " + id);
            worker.run(Rows.uuid(id));
        }
    }
}
