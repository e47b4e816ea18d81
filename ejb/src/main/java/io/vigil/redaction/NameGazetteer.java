package io.vigil.redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Common first and last names, shipped as {@code /redaction/first_names.txt} and {@code last_names.txt}. Names that
 * are also everyday words ("will", "may", "grace", "brown") are marked ambiguous: they count as names only when a
 * trigger phrase ("my name is", "mister") says so.
 */
public final class NameGazetteer {

    /** Names that are also everyday English words or place names; alone they prove nothing. */
    private static final Set<String> AMBIGUOUS = Set.copyOf(java.util.List.of("will", "may", "june", "april",
            "august", "mark", "bill", "grace", "hope", "joy", "rose", "jack", "frank", "chase", "sue", "pat", "art",
            "rich", "dawn", "faith", "summer", "autumn", "ray", "rob", "sandy", "holly", "ivy", "lily", "daisy",
            "ruby", "amber", "crystal", "penny", "carol", "drew", "gene", "guy", "dean", "miles", "page", "price",
            "ward", "young", "king", "brown", "white", "green", "black", "gray", "grey", "hill", "wood", "woods",
            "stone", "rice", "lane", "park", "bell", "cook", "baker", "hunter", "fisher", "mason", "porter", "long",
            "little", "day", "hall", "love", "story", "bush", "banks", "burns", "walker", "carter", "reed", "west",
            "cole", "ford", "hunt", "fox", "grant", "knight", "berry", "he", "ma", "sun", "hu", "major", "chance",
            "sky", "star", "angel", "max", "hazel", "virginia", "washington", "jordan", "georgia", "madison",
            "austin", "victoria", "lincoln", "jefferson", "charlotte", "jackson", "houston", "dallas", "phoenix",
            "savannah", "brooklyn", "aurora", "paisley", "taylor", "morgan", "skylar", "riley", "ali", "lee", "li",
            "lin", "jin", "mei", "wei", "kim", "kelly", "james", "thomas", "henry", "martin", "allen", "perry",
            "spencer", "russell", "lawrence", "wells", "mills", "payne", "gordon", "dixon", "sanders", "rogers",
            "cooper", "graham", "bailey", "powell", "butler", "wallace", "snyder", "hansen", "santos", "palmer",
            "warren", "sharp", "hart", "moore", "ross", "marshall", "daniels", "stephens", "owens", "james"));

    private static final NameGazetteer DEFAULT = new NameGazetteer(load("/redaction/first_names.txt"),
            load("/redaction/last_names.txt"));

    /** Bits of {@link #roles(String)}. */
    static final int FIRST = 1;
    static final int LAST = 2;
    static final int NAME = FIRST | LAST;
    static final int AMBIGUOUS_NAME = 4;

    private final Set<String> first;
    private final Set<String> last;
    /** All three memberships of a word in one look-up; the name recogniser asks for them together. */
    private final Map<String, Integer> roles = new HashMap<>();

    private NameGazetteer(Set<String> first, Set<String> last) {
        this.first = first;
        this.last = last;
        first.forEach(w -> roles.merge(w, FIRST, (x, y) -> x | y));
        last.forEach(w -> roles.merge(w, LAST, (x, y) -> x | y));
        AMBIGUOUS.forEach(w -> roles.merge(w, AMBIGUOUS_NAME, (x, y) -> x | y));
    }

    /** {@link #FIRST}, {@link #LAST} and {@link #AMBIGUOUS_NAME} bits of a word; 0 when it is none of them. */
    int roles(String w) {
        Integer r = roles.get(w);
        return r == null ? 0 : r;
    }

    public static NameGazetteer defaults() {
        return DEFAULT;
    }

    public boolean isFirstName(String w) {
        return first.contains(w);
    }

    public boolean isLastName(String w) {
        return last.contains(w);
    }

    public boolean isName(String w) {
        return first.contains(w) || last.contains(w);
    }

    /** A name that is also a common word or so short that alone it proves nothing. */
    public boolean isAmbiguous(String w) {
        return AMBIGUOUS.contains(w);
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        try (InputStream in = NameGazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Name list " + resource + " is missing from the classpath; "
                        + "rebuild the ejb module so src/main/resources/redaction is packaged.");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
