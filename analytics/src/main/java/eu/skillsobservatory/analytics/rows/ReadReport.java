package eu.skillsobservatory.analytics.rows;

import java.util.Optional;

/**
 * What reading one input gave.
 *
 * @param name the file (or stream) name
 * @param rows data rows seen
 * @param accepted rows handed over as values
 * @param rejected rows rejected
 * @param problem why the input could not be read to its end, if it could not
 */
public record ReadReport(
    String name, long rows, long accepted, long rejected, Optional<String> problem) {}
