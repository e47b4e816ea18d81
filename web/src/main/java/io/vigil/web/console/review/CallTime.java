package io.vigil.web.console.review;

/**
 * Times in a call as reviewers type them: "1:05", "1:05.5", "1:02:03" or plain seconds "65". Milliseconds inside.
 */
public final class CallTime {

    private CallTime() {
    }

    /** Milliseconds from the call's start; refuses anything else with a message that shows the format. */
    public static int parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing: write it as m:ss, for example 1:05.");
        }
        String[] parts = text.strip().split(":");
        if (parts.length > 3) {
            throw invalid(text, field);
        }
        try {
            double seconds = Double.parseDouble(parts[parts.length - 1]);
            long minutes = parts.length > 1 ? Long.parseLong(parts[parts.length - 2]) : 0;
            long hours = parts.length > 2 ? Long.parseLong(parts[0]) : 0;
            if (seconds < 0 || minutes < 0 || hours < 0 || (parts.length > 1 && seconds >= 60)
                    || (parts.length > 2 && minutes >= 60) || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw invalid(text, field);
            }
            double millis = ((hours * 60 + minutes) * 60 + seconds) * 1000;
            if (millis > Integer.MAX_VALUE) {
                throw invalid(text, field);
            }
            return (int) Math.round(millis);
        } catch (NumberFormatException e) {
            throw invalid(text, field);
        }
    }

    /** "1:05", "1:02:03": the same clock the call page uses. */
    public static String format(int millis) {
        long seconds = millis / 1000;
        return seconds >= 3600
                ? "%d:%02d:%02d".formatted(seconds / 3600, seconds % 3600 / 60, seconds % 60)
                : "%d:%02d".formatted(seconds / 60, seconds % 60);
    }

    /** "1:05.3": to a tenth of a second, for ranges picked on the waveform; parses back to within 50 ms. */
    public static String precise(int millis) {
        int tenths = Math.round(millis / 100f);
        String clock = format(tenths / 10 * 1000);
        return tenths % 10 == 0 ? clock : clock + "." + tenths % 10;
    }

    private static IllegalArgumentException invalid(String text, String field) {
        return new IllegalArgumentException(field + " \"" + text + "\" is not a time in the call: write it as m:ss,"
                + " for example 1:05 or 1:05.5.");
    }
}
