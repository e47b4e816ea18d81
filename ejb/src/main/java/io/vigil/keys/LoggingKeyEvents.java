package io.vigil.keys;

import io.vigil.crypto.keys.KeyReference;
import io.vigil.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.logging.Logger;

/** {@link KeyEvents} as lines of the server log (logger {@code io.vigil.keys.events}), until the audit trail lands. */
@ApplicationScoped
public class LoggingKeyEvents implements KeyEvents {

    private static final Logger LOG = Logger.getLogger("io.vigil.keys.events");

    @Override
    public void keyCreated(TenantId tenant, KeyReference version) {
        LOG.info(() -> "key created: tenant=" + tenant + " key=" + version);
    }

    @Override
    public void rotated(TenantId tenant, KeyReference newVersion, UUID rewrapJob) {
        LOG.info(() -> "key rotated: tenant=" + tenant + " key=" + newVersion + " rewrapJob=" + rewrapJob);
    }

    @Override
    public void rewrapFinished(TenantId tenant, UUID job, String outcome, int done) {
        LOG.info(() -> "rewrap finished: tenant=" + tenant + " job=" + job + " outcome=" + outcome + " rewrapped=" + done);
    }

    @Override
    public void retired(TenantId tenant, String keyId, int minimumVersion) {
        LOG.info(() -> "key versions retired: tenant=" + tenant + " key=" + keyId + " minimumVersion=" + minimumVersion);
    }

    @Override
    public void versionDestroyed(TenantId tenant, KeyReference version, int dataKeysShredded) {
        LOG.warning(() -> "key version destroyed (crypto-shred): tenant=" + tenant + " key=" + version
                + " dataKeys=" + dataKeysShredded);
    }

    @Override
    public void recordingShredded(TenantId tenant, UUID recording) {
        LOG.warning(() -> "recording crypto-shredded: tenant=" + tenant + " recording=" + recording);
    }

    @Override
    public void recordingPlayed(TenantId tenant, UUID recording, String user, String range) {
        LOG.info(() -> "recording played: tenant=" + tenant + " recording=" + recording + " user=" + user + " range=" + range);
    }
}
