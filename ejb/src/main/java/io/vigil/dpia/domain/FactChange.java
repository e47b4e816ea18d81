package io.vigil.dpia.domain;

/**
 * A fact an approved DPIA relied on that is different now: {@code before} is null for a fact that is new (a new
 * agent), {@code after} null for one that is gone (an entity type no longer redacted, a data class dropped).
 */
public record FactChange(String key, String label, String before, String after) {

    /** "Upstream model of Billing assistant: gpt-realtime → gpt-5-realtime", for lists and the PDF. */
    public String describe() {
        return label + ": " + (before == null ? "(not present)" : before) + " -> " + (after == null ? "(no longer present)" : after);
    }
}
