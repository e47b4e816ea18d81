package io.vigil.session.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the caller's words for what the pipeline must act on: a yes or a no (to recording, or to a held tool call),
 * prompt injection, and risky intents. Phrase rules, deliberately simple and explainable: every flag names the rule
 * that raised it.
 */
final class CallerIntent {

    /** A phrase rule and the name it is reported under. */
    record Rule(String name, Pattern pattern) {
    }

    static final List<Rule> INJECTION = List.of(
            rule("ignore-instructions", "(ignore|disregard|forget) (all |any |the |your )?(previous |prior |above )?"
                    + "(instructions|rules|prompts?)"),
            rule("reveal-prompt", "(reveal|show|tell me|print|repeat) (me )?(your|the) (system )?(prompt|instructions)"),
            rule("role-override", "(you are now|pretend to be|act as) (a |an )?(different|new|unrestricted|developer|dan)"),
            rule("developer-mode", "(developer|jailbreak|god) mode"));

    static final List<Rule> RISKY = List.of(
            rule("payment", "\\b(pay|payment|card number|credit card|wire|transfer money)\\b"),
            rule("credential-change", "\\b(change|reset|update) (my |the )?(password|pin|email address|phone number)"),
            rule("account-change", "\\b(close|delete|cancel) (my )?account\\b"));

    private static final Pattern NO = Pattern.compile("\\b(no|nope|don't|do not|not|never|refuse|decline)\\b");
    private static final Pattern YES = Pattern.compile(
            "\\b(yes|yeah|yep|sure|okay|ok|agree|i do|fine|go ahead|of course|please do|that's fine|no problem)\\b");

    private CallerIntent() {
    }

    private static Rule rule(String name, String regex) {
        return new Rule(name, Pattern.compile(regex));
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** TRUE for a yes, FALSE for a no, null when the words say neither. "No problem" is a yes. */
    static Boolean yesOrNo(String text) {
        String t = normalise(text).replace("no problem", "fine");
        if (NO.matcher(t).find()) {
            return Boolean.FALSE;
        }
        return YES.matcher(t).find() ? Boolean.TRUE : null;
    }

    /** The names of the rules the words match. */
    static List<String> matches(List<Rule> rules, String text) {
        String t = normalise(text);
        return rules.stream().filter(r -> r.pattern().matcher(t).find()).map(Rule::name).toList();
    }
}
