package io.vigil.redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Common first and last names, shipped as {@code /redaction/first_names.txt} and {@code last_names.txt}. Names that
 * are also everyday words ("will", "may", "grace", "brown") are marked ambiguous: they count as names only when a
 * trigger phrase ("my name is", "mister") says so.
 */
public final class NameGazetteer {

    private static final Set<String> AMBIGUOUS = Set.copyOf(java.util.List.of("will", "may", "june", "april", "august", "mark", "bill",
            "grace", "hope", "joy", "rose", "jack", "frank", "chase", "sue", "pat", "art", "rich", "dawn", "faith",
            "summer", "autumn", "ray", "rob", "sandy", "holly", "ivy", "lily", "daisy", "ruby", "amber", "crystal",
            "penny", "carol", "drew", "gene", "guy", "dean", "miles", "page", "price", "ward", "young", "king",
            "brown", "white", "green", "black", "gray", "grey", "hill", "wood", "woods", "stone", "rice", "lane",
            "park", "bell", "cook", "baker", "hunter", "fisher", "mason", "porter", "long", "little", "day", "hall",
            "love", "story", "bush", "banks", "burns", "walker", "carter", "reed", "ross", "west", "cole", "ford",
            "hunt", "fox", "grant", "knight", "berry", "lee", "li", "he", "ma", "sun", "hu", "lin", "jordan", "taylor",
            "morgan", "kelly", "ryan", "james", "henry", "thomas", "martin", "perry", "russell", "spencer", "lawrence",
            "marshall", "wells", "mills", "dunn", "hart", "payne", "ali", "gordon", "victoria", "virginia", "jean",
            "joe", "kim", "major", "chance", "sky", "star", "angel", "max", "stella", "aurora", "hazel", "paisley",
            "savannah", "brooklyn", "alexa", "eli", "owen", "wang", "wu", "xu", "guo", "gao", "yang", "singh",
            "shah", "nair", "jung", "cho", "kang", "ito", "sato", "ivan", "dixon", "olga", "luke", "seth", "shane",
            "travis", "troy", "tracy", "chad", "todd", "craig", "brett", "cody", "skylar", "riley", "nora", "leah",
            "ella", "zoe", "aria", "eve", "maya", "mei", "jin", "hui", "rosa", "ana", "elena", "lucia", "marco",
            "luca", "claire", "hans", "lars", "liam", "noah", "logan", "dylan", "austin", "carl", "wayne", "roy",
            "louis", "philip", "sean", "keith", "roger", "terry", "gerald", "willie", "bobby", "billy", "randy",
            "alan", "bruce", "adam", "peter", "paul", "gary", "scott", "eric", "larry", "dennis", "jerry", "tyler",
            "aaron", "nathan", "kyle", "ethan", "walter", "jesse", "albert", "alice", "ann", "anna", "amy", "ruth",
            "julie", "judy", "joan", "diane", "lori", "erin", "tina", "heidi", "wendy", "gina", "monica", "nancy",
            "karen", "lisa", "helen", "janet", "kathleen", "frances", "doris", "denise", "marie", "fiona", "moira",
            "chen", "kumar", "patel", "nguyen", "tran", "khan", "ahmed", "rossi", "smith", "jones", "miller",
            "davis", "wilson", "moore", "allen", "scott", "clark", "lewis", "adams", "nelson", "evans", "turner",
            "collins", "morris", "rogers", "cooper", "bailey", "howard", "watson", "brooks", "bennett", "hughes",
            "myers", "foster", "powell", "perkins", "butler", "barnes", "graham", "wallace", "hayes", "ellis",
            "gibson", "owens", "holmes", "palmer", "wagner", "boyd", "warren", "meyer", "daniels", "nichols",
            "weaver", "gardner", "arnold", "pierce", "hansen", "peters", "santos", "bradley", "elliott", "armstrong",
            "hudson", "riley", "andrews", "matthews", "richards", "willis", "carpenter", "freeman", "webb", "tucker",
            "crawford", "simpson", "gordon", "shaw", "snyder", "hicks", "robertson", "stephens", "hawkins", "duncan",
            "quinn", "doyle", "lynch", "walsh", "byrne", "park", "choi", "yoon", "he", "zhou", "sun", "zhu"));

    private static final NameGazetteer DEFAULT = new NameGazetteer(load("/redaction/first_names.txt"),
            load("/redaction/last_names.txt"));

    private final Set<String> first;
    private final Set<String> last;

    private NameGazetteer(Set<String> first, Set<String> last) {
        this.first = first;
        this.last = last;
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
