package eu.skillsobservatory.analytics.vacancy;

/**
 * Why an input row was not loaded.
 *
 * @param line the line of the input file where the row starts (1 is the first line)
 * @param field the field at fault, or {@code row} for the whole row
 * @param reason what is wrong, for a person to fix it
 */
public record Rejection(long line, String field, String reason) {}
