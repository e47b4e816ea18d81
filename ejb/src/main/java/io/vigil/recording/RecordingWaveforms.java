package io.vigil.recording;

import io.vigil.crypto.recording.RecordingReader;
import io.vigil.tenancy.TenantId;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Waveforms of recordings, computed once from the decrypted audio and kept in memory (the most recently used
 * {@link #CACHED}), since a recording never changes once complete. Every request still goes through
 * {@link RecordingLibrary} first, so another tenant's id finds nothing and a crypto-shredded recording has no
 * waveform, cached or not.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecordingWaveforms {

    static final int CACHED = 512;

    private final Map<UUID, Waveform> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Waveform> eldest) {
            return size() > CACHED;
        }
    });

    @EJB
    private RecordingLibrary library;

    /** The recording's waveform; empty if the tenant has no such recording. Fails like playback (shredded, ...). */
    public Optional<Waveform> of(TenantId tenant, UUID recordingId) throws IOException {
        Optional<RecordingInfo> info = library.find(tenant, recordingId);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Waveform cached = info.get().shredded() ? null : cache.get(recordingId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RecordingReader> opened = library.open(tenant, recordingId);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (RecordingReader reader = opened.get(); InputStream wav = reader.openAt(0)) {
            Waveform waveform = Waveform.read(wav, Waveform.DEFAULT_BUCKETS);
            if (info.get().complete()) {
                cache.put(recordingId, waveform);
            }
            return Optional.of(waveform);
        }
    }
}
