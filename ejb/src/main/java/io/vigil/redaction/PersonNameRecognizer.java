package io.vigil.redaction;

import java.util.Set;

/**
 * People's names. Without a name model, two signals are combined: trigger phrases ("my name is", "this is",
 * "mister") and the {@link NameGazetteer}. After a strong trigger any content words count (so rare names are caught);
 * after a weak trigger ("i'm", "this is") only gazetteer names do ("i'm calling about" is not a name); with no trigger
 * only an unambiguous gazetteer first name does. Names spelled letter by letter right after a name are included.
 */
public final class PersonNameRecognizer implements Recognizer {

    static final String[][] STRONG = {{"my", "name", "is"}, {"name", "is"}, {"name's"}, {"names"},
            {"name"}, {"mister"}, {"mr"}, {"mrs"}, {"ms"}, {"miss"}, {"missus"}, {"doctor"}, {"dr"},
            {"holder", "is"}, {"under", "the", "name"}, {"surname", "is"}, {"spelled"}, {"spell", "it"},
            {"spelt"}, {"first", "name"}, {"last", "name"}, {"surname"}, {"called"}, {"named"}, {"hi", "this", "is"},
            {"hello", "this", "is"}, {"hey", "this", "is"}, {"yes", "this", "is"}, {"yeah", "this", "is"},
            {"name", "is", "uh"}, {"name's", "uh"}, {"is", "under"}, {"under"}};
    static final String[][] WEAK = {{"this", "is"}, {"i'm"}, {"i", "am"}, {"it's"}, {"its"}, {"speak", "to"},
            {"speak", "with"}, {"speaking", "with"}, {"talk", "to"}, {"talking", "to"}, {"ask", "for"},
            {"asking", "for"}, {"for"}, {"hi"}, {"hello"}, {"hey"}, {"thanks"}, {"thank", "you"}, {"and"},
            {"with"}, {"to"}, {"wife"}, {"husband"}, {"son"}, {"daughter"}, {"mother"}, {"father"}, {"is"},
            {"by"}, {"from"}, {"me"}, {"was"}};
    static final Set<String> STOP = Set.copyOf(java.util.List.of("a", "an", "the", "and", "or", "but", "so", "i", "i'm", "my", "me",
            "you", "your", "we", "our", "it", "it's", "is", "was", "be", "been", "am", "are", "were", "this", "that",
            "that's", "there", "here", "calling", "call", "about", "regarding", "speaking", "from", "with", "to", "for",
            "of", "in", "on", "at", "by", "just", "really", "not", "going", "trying", "wondering", "correct", "right",
            "sorry", "please", "thanks", "thank", "okay", "ok", "yes", "no", "yeah", "yep", "hi", "hello", "hey",
            "um", "uh", "well", "actually", "like", "also", "still", "again", "only", "very", "too", "good", "fine",
            "great", "the", "spelled", "spell", "last", "first", "name", "names", "account", "holder", "number",
            "card", "phone", "email", "address", "have", "has", "had", "do", "does", "did", "can", "could", "would",
            "will", "should", "need", "want", "get", "got", "go", "looking", "happy", "glad", "here", "today",
            "now", "then", "sure", "all", "any", "some", "what", "which", "who", "how", "why", "when", "where",
            "new", "old", "customer", "member", "agent", "manager", "representative", "support", "service",
            "company", "bank", "doing", "having", "getting", "done", "back", "over", "out", "up", "down", "off",
            "if", "as", "than", "because", "since", "while", "after", "before", "until", "one", "two", "can't",
            "don't", "didn't", "won't", "isn't", "wasn't", "i'd", "i'll", "i've", "you're", "we're", "they",
            "them", "their", "he", "she", "his", "her", "him", "hers", "it'll", "let", "mine", "ours", "guess",
            "think", "know", "see", "mean", "said", "says", "tell", "told", "give", "gave", "make", "take", "put",
            "wait", "hold", "help", "sir", "ma'am", "madam", "dear", "folks", "everyone", "everybody", "there's",
            "pretty", "much", "more", "less", "most", "lot", "bit", "kind", "sort", "way", "thing", "things",
            "ready", "interested", "confused", "worried", "upset", "frustrated", "busy", "available", "unable",
            "able", "done", "finished", "late", "early", "home", "work", "outside", "inside", "driving", "on",
            "concerning", "reaching", "following", "checking", "asking", "wanting", "hoping", "planning",
            "dollars", "pm", "am", "o'clock", "minutes", "it's", "its", "same", "other", "another", "both"));

    private final NameGazetteer gazetteer;

    public PersonNameRecognizer(NameGazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public String name() {
        return "person-name";
    }

    @Override
    public void recognize(Analysis a) {
        int i = 0;
        int lastNameEnd = -10;
        while (i < a.size()) {
            int end = tryName(a, i);
            if (end > i) {
                lastNameEnd = end;
                i = end;
            } else if (i - lastNameEnd < 3 && a.token(i).kind() == NormalizedText.Kind.SPELLED
                    && a.word(i).length() >= 2) {
                // "sofia baker, that's b a k e r": the spelling right after a name is the name again.
                a.report(EntityType.PERSON, i, i + 1, 0.85, name(), "name spelled after a name");
                lastNameEnd = i + 1;
                i++;
            } else {
                i++;
            }
        }
    }

    /** Reports a name starting at token i and returns the index after it, or i when there is none. */
    private int tryName(Analysis a, int i) {
        NormalizedText.Token t = a.token(i);
        String w = t.text();
        if (a.is(i, Lexicon.NAME_STOP) || a.cueAt(i) != null || !isWordLike(t)) {
            return i;
        }
        // The role bit of the previous word rules out most trigger phrases before comparing any of them.
        boolean strong = a.is(i - 1, Lexicon.STRONG_TRIGGER_END) && endsWith(a, i, STRONG);
        boolean weak = !strong && a.is(i - 1, Lexicon.WEAK_TRIGGER_END) && endsWith(a, i, WEAK);
        int roles = gazetteer.roles(w);
        boolean known = (roles & NameGazetteer.NAME) != 0;
        boolean ambiguous = (roles & NameGazetteer.AMBIGUOUS_NAME) != 0;
        boolean unambiguousFirst = (roles & NameGazetteer.FIRST) != 0 && !ambiguous;
        boolean spelled = t.kind() == NormalizedText.Kind.SPELLED && w.length() >= 2;
        double score;
        String reason;
        if (strong) {
            score = 0.9;
            reason = "after name trigger phrase";
        } else if (weak && (known || spelled) && (!ambiguous || nextIsName(a, i))) {
            score = 0.85;
            reason = "gazetteer name after weak trigger";
        } else if (unambiguousFirst || (known && nextIsLastName(a, i))) {
            score = nextIsName(a, i) ? 0.85 : 0.7;
            reason = "gazetteer name";
        } else {
            return i;
        }
        int end = i + 1;
        while (end < a.size() && end - i < 4) {
            NormalizedText.Token n = a.token(end);
            String nw = n.text();
            if (!isWordLike(n) || a.is(end, Lexicon.NAME_STOP) || a.cueAt(end) != null) {
                break;
            }
            boolean spelledNext = n.kind() == NormalizedText.Kind.SPELLED;
            boolean extend = gazetteer.isName(nw) || spelledNext || (strong && end - i < 2);
            if (!extend) {
                break;
            }
            end++;
        }
        a.report(EntityType.PERSON, i, end, score, name(), reason);
        return end;
    }

    private boolean nextIsName(Analysis a, int i) {
        return i + 1 < a.size() && isWordLike(a.token(i + 1)) && gazetteer.isName(a.word(i + 1))
                && !a.is(i + 1, Lexicon.NAME_STOP);
    }

    private boolean nextIsLastName(Analysis a, int i) {
        return i + 1 < a.size() && gazetteer.isLastName(a.word(i + 1)) && !a.is(i + 1, Lexicon.NAME_STOP);
    }

    private static boolean isWordLike(NormalizedText.Token t) {
        if (t.kind() == NormalizedText.Kind.SPELLED) {
            return true;
        }
        if (t.kind() != NormalizedText.Kind.WORD || t.text().length() < 2) {
            return false;
        }
        String s = t.text();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Character.isLetter(c) && c != '\'' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(Analysis a, int i, String[][] phrases) {
        for (String[] p : phrases) {
            int start = i - p.length;
            if (start < 0) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < p.length && ok; k++) {
                ok = a.word(start + k).equals(p[k]);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
