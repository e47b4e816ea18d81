package io.vigil.review.domain;

/** What can happen to a flag in review; each one is recorded as a {@link FlagTransition}. */
public enum ReviewAction {
    RAISE("raise", "raised a"),
    CLAIM("claim", "claimed"),
    ASSIGN("assign", "assigned"),
    RELEASE("release", "released"),
    RESOLVE("resolve", "resolved"),
    APPROVE("approve", "approved"),
    REJECT("reject", "rejected"),
    ESCALATE("escalate", "escalated"),
    CONCLUDE_ESCALATION("conclude", "concluded the escalation");

    private final String verb;
    private final String pastTense;

    ReviewAction(String verb, String pastTense) {
        this.verb = verb;
        this.pastTense = pastTense;
    }

    /** For messages: "cannot claim this flag". */
    public String verb() {
        return verb;
    }

    /** For the history: "Dana Reyes claimed". */
    public String pastTense() {
        return pastTense;
    }
}
