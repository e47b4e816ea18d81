package io.vigil.review.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Which annotations to export: one agent profile (by name: every version of it; empty for all agents) and the UTC
 * days they were written on, {@code from} and {@code to} included. At most {@link #MAX_DAYS} days, so an export is
 * one request's work.
 */
public record AnnotationExportQuery(String agentProfile, LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public AnnotationExportQuery {
        agentProfile = agentProfile == null || agentProfile.isBlank() ? null : agentProfile.strip();
        if (from == null || to == null) {
            throw new ReviewInputException("Give both dates of the range (from and to, as YYYY-MM-DD).");
        }
        if (to.isBefore(from)) {
            throw new ReviewInputException("The range ends (" + to + ") before it starts (" + from + "); swap the dates.");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new ReviewInputException("Export at most " + MAX_DAYS + " days at a time; narrow the range.");
        }
    }

    /** Parses the API's parameters; a malformed date is refused with the format to use. */
    public static AnnotationExportQuery parse(String agentProfile, String from, String to) {
        return new AnnotationExportQuery(agentProfile, date(from, "from"), date(to, "to"));
    }

    public Instant fromInstant() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The end of the range, exclusive: the start of the day after {@code to}. */
    public Instant untilInstant() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new ReviewInputException("Give " + name + " as a date, YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ReviewInputException(name + " must be a date as YYYY-MM-DD, not \"" + value.strip() + "\".");
        }
    }
}
