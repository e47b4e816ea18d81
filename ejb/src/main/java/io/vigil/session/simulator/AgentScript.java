package io.vigil.session.simulator;

import java.util.List;
import java.util.Locale;

/**
 * What the simulated agent says, per agent profile: a greeting that carries the AI disclosure and the consent
 * question, the answers to yes and no, canned answers chosen by keywords in the caller's words, a fallback and a
 * goodbye. An answer may name a tool: the agent then calls it first and speaks the answer once the tool's output is
 * back, as a real model does.
 */
public record AgentScript(String profile, String greeting, String consentThanks, String consentDeclined,
                          String consentRepeat, List<Answer> answers, String fallback, String goodbye) {

    /** A canned answer: said when any keyword occurs in the caller's words (case-insensitive). */
    public record Answer(List<String> keywords, String reply, String tool, String toolArguments) {
        public Answer {
            keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
        }

        public static Answer say(String reply, String... keywords) {
            return new Answer(List.of(keywords), reply, null, null);
        }

        public static Answer callTool(String tool, String arguments, String reply, String... keywords) {
            return new Answer(List.of(keywords), reply, tool, arguments);
        }

        boolean matches(String lowerText) {
            return keywords.stream().anyMatch(lowerText::contains);
        }
    }

    public AgentScript {
        answers = List.copyOf(answers);
    }

    /** The default agent of the quickstart: a front desk for an imaginary utility company. */
    public static AgentScript frontDesk() {
        return new AgentScript("front-desk",
                "Hello, you are speaking with Vigil's virtual assistant, an AI agent. This call may be recorded"
                        + " for quality. Do you agree to this call being recorded?",
                "Thank you. How can I help you today?",
                "Understood, this call will not be recorded. How can I help you today?",
                "Sorry, I did not catch that. Do you agree to this call being recorded? Please say yes or no.",
                List.of(Answer.say("We are open from nine in the morning to five in the afternoon, Monday to Friday.",
                                "opening hours", "open", "hours"),
                        Answer.say("Your latest bill is forty two dollars and ten cents, due on the first of the month.",
                                "bill", "balance", "owe"),
                        Answer.callTool("issue_refund", "{\"amount\":40}",
                                "I have issued a refund of forty dollars to your account.", "refund"),
                        Answer.say("I can send you a link to reset your password by text message.", "password")),
                "I'm sorry, I can help with opening hours, bills and refunds. What would you like to know?",
                "Thank you for calling. Goodbye!");
    }

    /** The answer for the caller's words, or null for the fallback. */
    Answer answerFor(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Answer a : answers) {
            if (a.matches(lower)) {
                return a;
            }
        }
        return null;
    }

    static boolean isGoodbye(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("bye") || lower.contains("that's all") || lower.contains("hang up");
    }
}
