package io.vigil.retention.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The policies a sweep applies, frozen as JSON in its row when it starts, so a resumed sweep applies the same. */
public final class PolicyJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyJson() {
    }

    public static String write(RetentionPolicies policies) {
        try {
            return JSON.writeValueAsString(policies.all().stream().map(p -> new TreeMap<>(Map.of(
                    "retentionClass", p.retentionClass(), "dataClass", p.dataClass().name(),
                    "jurisdiction", p.jurisdiction(), "periodDays", p.periodDays(), "action", p.action().name()))).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RetentionPolicies read(String json) {
        try {
            List<Map<String, Object>> rows = JSON.readValue(json, new TypeReference<>() { });
            return new RetentionPolicies(rows.stream().map(r -> new RetentionPolicy((String) r.get("retentionClass"),
                    DataClass.valueOf((String) r.get("dataClass")), (String) r.get("jurisdiction"),
                    ((Number) r.get("periodDays")).intValue(), RetentionAction.valueOf((String) r.get("action")))).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a sweep's stored policies are not readable: " + e.getMessage(), e);
        }
    }
}
