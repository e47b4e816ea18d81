package io.vigil.dpia.bench;

import io.vigil.dpia.domain.AgentEndpoint;
import io.vigil.dpia.domain.ConfigurationFacts;
import io.vigil.dpia.domain.ConfigurationSnapshot;
import io.vigil.dpia.domain.Dpia;
import io.vigil.dpia.domain.DpiaActor;
import io.vigil.dpia.domain.DpiaContent;
import io.vigil.dpia.domain.DpiaRisk;
import io.vigil.dpia.domain.DpiaRole;
import io.vigil.dpia.domain.FactChange;
import io.vigil.dpia.domain.KeyInUse;
import io.vigil.dpia.domain.Prefill;
import io.vigil.dpia.domain.ProcessingRecord;
import io.vigil.dpia.domain.RetentionPeriods;
import io.vigil.dpia.pdf.DpiaPdf;
import io.vigil.dpia.pdf.ProcessingRecordsPdf;
import io.vigil.redaction.EntityType;
import io.vigil.retention.domain.DefaultPolicies;
import io.vigil.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a DPIA export and a drift check cost in the application, without the database: rendering a DPIA PDF (about
 * six pages, with an annex of 40 facts and a drift table), the records of processing PDF (three activities), and
 * comparing a tenant's live facts with the approved ones (fingerprint and diff), which runs on every DPIA list read.
 *
 * <p>Run: {@code mvn -B -q -pl ejb -am test-compile -DskipTests && mvn -B -pl ejb exec:exec -Dbench=DpiaReportBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Threads(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DpiaReportBenchmark {

    private Dpia dpia;
    private ConfigurationSnapshot live;
    private ConfigurationSnapshot changed;
    private ConfigurationFacts approved;
    private List<ProcessingRecord> records;
    private List<FactChange> drift;

    @Setup
    public void setUp() {
        live = snapshot("gpt-realtime");
        changed = snapshot("gpt-5-realtime");
        approved = live.facts();
        DpiaContent content = Prefill.dpia(live, null);
        content.setProcessing("AI voice agent for customer support");
        content.setPurposes("Answer card and account questions");
        content.setLegalBasis("Contract, Art. 6(1)(b)");
        content.setDpoOpinion("Favourable");
        content.setActionPlan("Quarterly review of the risks and of the processors' locations. ".repeat(30));
        for (DpiaRisk r : content.getRisks()) {
            r.setSeverity(3);
            r.setLikelihood(2);
            r.setThreats("Replay of recordings by an insider; bulk export of transcripts. ".repeat(5));
        }
        DpiaActor author = DpiaActor.of("a", "Author", DpiaRole.COMPLIANCE_OFFICER);
        dpia = Dpia.draft(UUID.randomUUID(), new TenantId(UUID.randomUUID()), null, "Support line", content, author, Instant.now());
        dpia.submit(author, Instant.now());
        dpia.approve(DpiaActor.of("b", "Reviewer", DpiaRole.COMPLIANCE_OFFICER), "ok", approved, Instant.now());
        drift = changed.facts().changesSince(approved);
        records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessingRecord.Text t = new ProcessingRecord.Text();
            t.setActivity("Activity " + i);
            t.setPurposes("Answer questions by phone; quality assurance; complaint handling.");
            records.add(new ProcessingRecord(UUID.randomUUID(), new TenantId(UUID.randomUUID()), t, "x", Instant.now()));
        }
    }

    private static ConfigurationSnapshot snapshot(String model) {
        List<AgentEndpoint> agents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.add(new AgentEndpoint("Agent " + i, 3, model, "api.openai.com", "OpenAI"));
        }
        return new ConfigurationSnapshot(agents, RetentionPeriods.of(DefaultPolicies.standard()),
                List.of(new KeyInUse("audio", "bcfks", "k-audio"), new KeyInUse("transcript", "bcfks", "k-transcript"),
                        new KeyInUse("export", "bcfks", "k-export"), new KeyInUse("signing", "bcfks", "k-signing")),
                Arrays.stream(EntityType.values()).map(Enum::name).toList(), "AES-256-GCM");
    }

    @Benchmark
    public byte[] dpiaPdf() {
        return DpiaPdf.render("Acme Bank", dpia, approved, drift, Instant.now());
    }

    @Benchmark
    public byte[] recordsPdf() {
        return ProcessingRecordsPdf.render("Acme Bank", records, live, Instant.now());
    }

    @Benchmark
    public int driftCheck() {
        ConfigurationFacts now = changed.facts();
        return now.fingerprint().equals(dpia.factsFingerprint()) ? 0 : now.changesSince(approved).size();
    }
}
