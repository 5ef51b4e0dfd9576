package eu.skillsobservatory.analytics.vacancy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The hard cases {@link VacancyGenerator} plants when asked, as real feeds have them: a portal that
 * joins mid-period and writes skills into its template, one employer's hiring campaign, skills in
 * demand every second half-year, a volume that triples with thin first months, an incomplete last
 * month, large employers whose adverts share a long company text, and reposts edited the way
 * aggregators edit them. Each planted skill is in the truth with its kind, so an evaluation can
 * count the false calls per kind.
 */
final class GeneratorCases {
  private GeneratorCases() {}

  /** The portal that joins mid-period. */
  static final String NEW_SOURCE = "portal-joined";

  /** The share of postings the new portal takes once it has joined. */
  static final double NEW_SOURCE_SHARE = 0.3;

  /** Where the new portal joins, as a share of the months. */
  static final double JOINS_AT = 0.55;

  /** Skills the new portal's template names in every advert. */
  static final int TEMPLATE_SKILLS = 3;

  /** The sector of the hiring campaign, its last months and its share of the sector's postings. */
  static final String CAMPAIGN_SECTOR = "C";

  static final int CAMPAIGN_MONTHS = 4;
  static final double CAMPAIGN_SHARE = 0.25;
  static final int CAMPAIGN_SKILLS = 2;

  /** Seasonal skills: two per sector, in demand July to December. */
  static final String[] SEASONAL_SECTORS = {"F", "M"};

  static final double SEASON_SHARE = 0.2;
  static final double OFF_SEASON_SHARE = 0.01;

  /** The share of adverts posted by the large employers, and the days of the last month. */
  static final double LARGE_EMPLOYERS_SHARE = 0.12;

  static final int LAST_MONTH_DAYS = 10;

  /** Large employers, named as registers name them, legal form included. */
  static final String[] LARGE_EMPLOYERS = {
    "Northwind Industrie GmbH & Co. KG",
    "Acme Retail B.V.",
    "Globex Services SAS",
    "Initech Solutions GmbH",
    "Umbrella Care Ltd"
  };

  /** Legal forms an aggregator drops from an employer's name. */
  static final String[] LEGAL_FORMS = {" GmbH & Co. KG", " B.V.", " SAS", " GmbH", " Ltd"};

  /** A planted case: what kind, which skill, in which sector (null: every sector). */
  record Case(String kind, String uri, String label, String sector, String note) {}

  /**
   * The month of a posting when the volume ramps: weights rising from 1 to 3 over the period, the
   * first three months a tenth, the last month only {@link #LAST_MONTH_DAYS} days of postings.
   */
  static int month(Random r, int months) {
    double[] weight = new double[months];
    double sum = 0;
    for (int m = 0; m < months; m++) {
      weight[m] = 1 + 2.0 * m / Math.max(1, months - 1);
      if (m < 3 && months > 6) {
        weight[m] *= 0.1;
      }
      if (m == months - 1 && months > 1) {
        weight[m] *= LAST_MONTH_DAYS / 28.0;
      }
      sum += weight[m];
    }
    double x = r.nextDouble() * sum;
    for (int m = 0; m < months; m++) {
      x -= weight[m];
      if (x < 0) {
        return m;
      }
    }
    return months - 1;
  }

  /** A day of the month: any of the first 28, the first ten in the incomplete last month. */
  static int day(Random r, int month, int months) {
    return r.nextInt(month == months - 1 && months > 1 ? LAST_MONTH_DAYS : 28);
  }

  /** The season of a seasonal skill: July to December. */
  static boolean season(LocalDate posted) {
    return posted.getMonthValue() >= 7;
  }

  /**
   * A large employer's company text: profile, benefits, diversity statement and how to apply, about
   * 230 words, the same in each of its adverts.
   */
  static String companyText(String employer) {
    Random r = new Random(employer.hashCode());
    String name = employer;
    StringBuilder b = new StringBuilder("About ").append(name).append(": ");
    for (String[] pool : List.of(PROFILE, BENEFITS, DIVERSITY, APPLY)) {
      List<String> sentences = new ArrayList<>(List.of(pool));
      Collections.shuffle(sentences, r);
      for (String s : sentences.subList(0, sentences.size() - 1)) {
        b.append(String.format(Locale.ROOT, s, name)).append(' ');
      }
    }
    return b.toString().strip();
  }

  static final String[] PROFILE = {
    "%s was founded more than sixty years ago and today employs over twelve thousand people in"
        + " twenty-two countries across Europe, Asia and the Americas.",
    "Our teams design, build and service products that millions of customers rely on every day,"
        + " from small workshops to the largest industrial sites.",
    "We invest a significant share of our revenue in research and development every year and"
        + " hold several hundred patents in our core technologies.",
    "Sustainability is at the heart of our strategy: we have committed to net zero emissions"
        + " across our operations and our supply chain by 2040.",
    "As a family-owned group we think in generations rather than quarters, which gives our"
        + " people the stability to grow with us over the long term."
  };
  static final String[] BENEFITS = {
    "We offer a competitive salary with an annual bonus, a company pension scheme and thirty days"
        + " of paid holiday.",
    "You can work from home up to three days a week and choose flexible hours that fit your"
        + " family and your life.",
    "Every employee has a personal learning budget, access to our internal academy and mentoring"
        + " from experienced colleagues.",
    "We subsidise public transport tickets, bicycle leasing and memberships of sports clubs, and"
        + " we run health programmes on every site.",
    "Our canteens serve fresh regional food, and our employee assistance programme offers"
        + " confidential advice around the clock."
  };
  static final String[] DIVERSITY = {
    "%s is an equal opportunity employer: we welcome applications from all qualified candidates"
        + " regardless of gender, age, disability, ethnic origin, religion or sexual orientation.",
    "Applicants with severe disabilities will be given preference where qualifications are"
        + " equal, and we make reasonable adjustments throughout the selection process.",
    "We are proud signatories of the diversity charter and measure our progress towards an"
        + " inclusive workplace every year."
  };
  static final String[] APPLY = {
    "Please apply online through our careers portal with your CV and a short cover letter; we do"
        + " not accept applications by email.",
    "Our recruiting team will get back to you within two weeks, and the selection process"
        + " usually includes two interviews and a short practical task.",
    "If you have questions about this position, our recruiting team is happy to help by phone"
        + " from Monday to Friday between nine and five."
  };

  /** Words aggregators swap, each with its stand-in. */
  static final String[][] SWAPS = {
    {"company", "firm"},
    {"team", "group"},
    {"experience", "background"},
    {"growing", "expanding"},
    {"join", "become part of"},
    {"required", "needed"},
    {"We", "we"},
    {"and", "&"}
  };

  static final String[] GENDER_MARKERS = {" (m/f/d)", " (m/w/d)", " (f/m/x)", " (h/f)"};

  static final String[] PORTAL_LINES = {
    "Found on our job board: apply with one click.",
    "Reference number in the portal: see below.",
    "This advert was published through our partner network."
  };

  /**
   * An advert reposted by an aggregator: a gender marker added or dropped, the legal form dropped
   * from the employer's name, a sentence dropped or added, a few words changed, line breaks.
   */
  static Vacancy repost(Vacancy v, String source, String id, Random r) {
    String title = v.title();
    boolean marked = false;
    for (String g : GENDER_MARKERS) {
      if (title.endsWith(g)) {
        title = title.substring(0, title.length() - g.length());
        marked = true;
      }
    }
    if (!marked && r.nextBoolean()) {
      title = title + GENDER_MARKERS[r.nextInt(GENDER_MARKERS.length)];
    }
    String employer = v.employer();
    if (employer != null && r.nextDouble() < 0.6) {
      for (String form : LEGAL_FORMS) {
        if (employer.endsWith(form)) {
          employer = employer.substring(0, employer.length() - form.length());
          break;
        }
      }
    }
    List<String> sentences = new ArrayList<>(List.of(v.description().split("(?<=\\.) ")));
    if (sentences.size() > 3 && r.nextDouble() < 0.4) {
      sentences.remove(1 + r.nextInt(sentences.size() - 1));
    }
    if (r.nextDouble() < 0.4) {
      sentences.add(PORTAL_LINES[r.nextInt(PORTAL_LINES.length)]);
    }
    String text = String.join(r.nextDouble() < 0.5 ? "\n" : " ", sentences);
    int changes = 1 + r.nextInt(3);
    for (int c = 0; c < changes; c++) {
      String[] swap = SWAPS[r.nextInt(SWAPS.length)];
      text = text.replaceFirst("\\b" + Pattern.quote(swap[0]) + "\\b", swap[1]);
    }
    return new Vacancy(
        source,
        id,
        v.posted().plusDays(r.nextInt(10)),
        v.country(),
        v.region(),
        v.nace(),
        v.occupation(),
        title,
        text,
        v.language(),
        v.skills(),
        employer);
  }
}
