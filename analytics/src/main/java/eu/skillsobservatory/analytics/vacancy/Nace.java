package eu.skillsobservatory.analytics.vacancy;

import java.util.Locale;

/** NACE Rev. 2: the section (A to U) a division code belongs to. */
public final class Nace {
  private Nace() {}

  private static final int[] FIRST_DIVISION = {
    1, 5, 10, 35, 36, 41, 45, 49, 55, 58, 64, 68, 69, 77, 84, 85, 86, 90, 94, 97, 99
  };

  private static final String[] TITLES = {
    "Agriculture, forestry and fishing",
    "Mining and quarrying",
    "Manufacturing",
    "Electricity, gas, steam and air conditioning supply",
    "Water supply; sewerage, waste management and remediation activities",
    "Construction",
    "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    "Transportation and storage",
    "Accommodation and food service activities",
    "Information and communication",
    "Financial and insurance activities",
    "Real estate activities",
    "Professional, scientific and technical activities",
    "Administrative and support service activities",
    "Public administration and defence; compulsory social security",
    "Education",
    "Human health and social work activities",
    "Arts, entertainment and recreation",
    "Other service activities",
    "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
    "Activities of extraterritorial organisations and bodies",
  };

  /** The title of a section (A to U), or of a division's section; null for neither. */
  public static String title(String code) {
    String s = section(code);
    return s == null ? null : TITLES[s.charAt(0) - 'A'];
  }

  /**
   * The section of a code: a section letter stays itself, a division ({@code 10}, {@code C10},
   * {@code 10.5}) gives its section; null for a code that is neither.
   */
  public static String section(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = code.strip().toUpperCase(Locale.ROOT);
    if (c.length() == 1 && c.charAt(0) >= 'A' && c.charAt(0) <= 'U') {
      return c;
    }
    String digits = c.replaceFirst("^[A-U]", "");
    if (digits.length() < 2
        || !Character.isDigit(digits.charAt(0))
        || !Character.isDigit(digits.charAt(1))) {
      return null;
    }
    int division = Integer.parseInt(digits.substring(0, 2));
    String section = null;
    for (int i = 0; i < FIRST_DIVISION.length && division >= FIRST_DIVISION[i]; i++) {
      section = String.valueOf((char) ('A' + i));
    }
    return division > 99 ? null : section;
  }
}
