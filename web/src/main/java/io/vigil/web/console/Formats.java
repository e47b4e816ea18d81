package io.vigil.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the console writes times and durations, the same on every page. Times are shown in UTC. */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final Pattern REDACTION_TAG = Pattern.compile("\\[([A-Z][A-Z_]{1,30})]");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "4:07" for a call of four minutes and seven seconds; "1:02:03" past an hour. */
    public String duration(Long millis) {
        if (millis == null) {
            return "live";
        }
        return clock(millis);
    }

    /** A position in a call, "0:42". */
    public String offset(int millis) {
        return clock(millis);
    }

    /**
     * A stored transcript line as HTML: the text escaped, and each redaction tag such as {@code [CREDIT_CARD]}
     * shown as a marked range that names its type.
     */
    public String transcript(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(text.length() + 32);
        Matcher tag = REDACTION_TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            html.append(escape(text.substring(last, tag.start())));
            String type = tag.group(1);
            html.append("<mark class=\"vigil-redaction\" title=\"Redacted ").append(type).append("\">")
                    .append(type).append("</mark>");
            last = tag.end();
        }
        return html.append(escape(text.substring(last))).toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    static String clock(long millis) {
        long seconds = millis / 1000;
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? "%d:%02d:%02d".formatted(h, m, s) : "%d:%02d".formatted(m, s);
    }
}
