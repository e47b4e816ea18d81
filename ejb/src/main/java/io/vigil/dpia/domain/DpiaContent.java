package io.vigil.dpia.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What people write in a DPIA, in the four parts of the CNIL PIA method: the context (the processing, its data,
 * their lifecycle, the supports they live on), the fundamental principles (purposes, legal basis, minimisation,
 * accuracy, retention, data subjects' rights, processors, transfers), the risks (one {@link DpiaRisk} per
 * {@link RiskKind}) and the validation (the DPO's opinion, the action plan, the controller's decision). Stored as
 * JSON in one column; a JavaBean so the console binds to it.
 */
public class DpiaContent implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final int MAX_FIELD = 20_000;

    private String processing = "";
    private String data = "";
    private String lifecycle = "";
    private String supports = "";
    private String purposes = "";
    private String legalBasis = "";
    private String minimisation = "";
    private String accuracy = "";
    private String retention = "";
    private String rights = "";
    private String processors = "";
    private String transfers = "";
    private List<DpiaRisk> risks = new ArrayList<>();
    private String dpoOpinion = "";
    private String actionPlan = "";
    private String decision = "";

    /** An empty assessment with one unassessed risk per feared event. */
    public static DpiaContent blank() {
        DpiaContent c = new DpiaContent();
        for (RiskKind kind : RiskKind.values()) {
            c.risks.add(new DpiaRisk(kind));
        }
        return c;
    }

    static String text(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_FIELD) {
            throw new DpiaException.Invalid("a field is longer than " + MAX_FIELD + " characters; shorten it or"
                    + " refer to an annex");
        }
        return value;
    }

    public DpiaContent copy() {
        return fromJson(toJson());
    }

    public DpiaRisk risk(RiskKind kind) {
        return risks.stream().filter(r -> r.getKind() == kind).findFirst().orElseThrow();
    }

    /** What must be filled before the assessment goes to review; empty when it is complete enough. */
    public List<String> missingForReview() {
        List<String> missing = new ArrayList<>();
        Map.of("the processing (context)", processing, "the purposes", purposes, "the legal basis", legalBasis,
                "the retention", retention).forEach((what, value) -> {
                    if (value.isBlank()) {
                        missing.add(what);
                    }
                });
        for (RiskKind kind : RiskKind.values()) {
            if (!risks.stream().anyMatch(r -> r.getKind() == kind && r.assessed())) {
                missing.add("severity and likelihood of '" + kind.label() + "'");
            }
        }
        missing.sort(null);
        return missing;
    }

    /** The parts and fields of the method in order, with their text, for the PDF and the read-only view. */
    @JsonIgnore
    public List<Section> sections() {
        return List.of(
                new Section("1. Context", List.of(new Field("Processing under consideration", processing),
                        new Field("Data processed", data), new Field("Data lifecycle", lifecycle),
                        new Field("Supporting assets", supports))),
                new Section("2. Fundamental principles", List.of(new Field("Purposes", purposes),
                        new Field("Legal basis", legalBasis), new Field("Data minimisation", minimisation),
                        new Field("Data accuracy", accuracy), new Field("Retention periods", retention),
                        new Field("Rights of data subjects", rights), new Field("Processors", processors),
                        new Field("Transfers outside the EU", transfers))),
                new Section("4. Validation", List.of(new Field("Opinion of the DPO", dpoOpinion),
                        new Field("Action plan", actionPlan), new Field("Decision of the controller", decision))));
    }

    public record Section(String title, List<Field> fields) { }

    public record Field(String label, String text) { }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DPIA content is plain text", e);
        }
    }

    public static DpiaContent fromJson(String json) {
        try {
            DpiaContent c = JSON.readValue(json, DpiaContent.class);
            for (RiskKind kind : RiskKind.values()) {
                if (c.risks.stream().noneMatch(r -> r.getKind() == kind)) {
                    c.risks.add(new DpiaRisk(kind));
                }
            }
            return c;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not stored DPIA content: " + e.getOriginalMessage(), e);
        }
    }

    public String getProcessing() { return processing; }
    public void setProcessing(String v) { processing = text(v); }
    public String getData() { return data; }
    public void setData(String v) { data = text(v); }
    public String getLifecycle() { return lifecycle; }
    public void setLifecycle(String v) { lifecycle = text(v); }
    public String getSupports() { return supports; }
    public void setSupports(String v) { supports = text(v); }
    public String getPurposes() { return purposes; }
    public void setPurposes(String v) { purposes = text(v); }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String v) { legalBasis = text(v); }
    public String getMinimisation() { return minimisation; }
    public void setMinimisation(String v) { minimisation = text(v); }
    public String getAccuracy() { return accuracy; }
    public void setAccuracy(String v) { accuracy = text(v); }
    public String getRetention() { return retention; }
    public void setRetention(String v) { retention = text(v); }
    public String getRights() { return rights; }
    public void setRights(String v) { rights = text(v); }
    public String getProcessors() { return processors; }
    public void setProcessors(String v) { processors = text(v); }
    public String getTransfers() { return transfers; }
    public void setTransfers(String v) { transfers = text(v); }
    public List<DpiaRisk> getRisks() { return risks; }
    public void setRisks(List<DpiaRisk> risks) { this.risks = risks == null ? new ArrayList<>() : new ArrayList<>(risks); }
    public String getDpoOpinion() { return dpoOpinion; }
    public void setDpoOpinion(String v) { dpoOpinion = text(v); }
    public String getActionPlan() { return actionPlan; }
    public void setActionPlan(String v) { actionPlan = text(v); }
    public String getDecision() { return decision; }
    public void setDecision(String v) { decision = text(v); }
}
