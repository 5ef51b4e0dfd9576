package eu.skillsobservatory.analytics.employment;

import java.util.Objects;

/**
 * Employment in one cell of the Eurostat table lfsa_eisn2: people employed in a NACE Rev. 2
 * section, ISCO-08 major group, country and year.
 *
 * @param nace the NACE section letter (A to U)
 * @param isco the ISCO-08 major group digit (0 to 9)
 * @param country ISO 3166-1 alpha-2 code ({@code EL} for Greece, {@code UK}, as Eurostat writes)
 * @param year the year
 * @param thousands people employed, in thousands
 * @param flag Eurostat's flag ({@code u} low reliability, {@code b} break in series...), or empty
 */
public record EmploymentCell(
    String nace, String isco, String country, int year, double thousands, String flag) {
  public EmploymentCell {
    Objects.requireNonNull(nace, "nace");
    Objects.requireNonNull(isco, "isco");
    Objects.requireNonNull(country, "country");
    if (thousands < 0) {
      throw new IllegalArgumentException("employment below zero: " + thousands);
    }
    flag = flag == null ? "" : flag;
  }
}
