package eu.skillsobservatory.analytics.offer;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import eu.skillsobservatory.analytics.vacancy.OccupationDraw;
import eu.skillsobservatory.analytics.vacancy.VacancyGenerator.OccupationProfile;
import eu.skillsobservatory.analytics.vacancy.VacancyGenerator.SkillRef;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Makes a synthetic catalogue of training offers, honestly labelled as such: each offer trains for
 * a real ESCO occupation (drawn by real Eurostat employment, as the vacancy generator draws them)
 * and teaches a subset of the occupation's essential skills, written as learning outcomes from the
 * ESCO labels. Providers never teach some essential skills of each occupation (a quarter of them,
 * chosen by the seed): those are the planted gaps. Some offers give their ESCO skill URIs, the
 * others only the outcome texts, so that ingest has to extract them. What was planted is returned
 * as {@link Truth}. The same seed gives the same catalogue.
 */
public final class OfferGenerator {
  /**
   * @param n offers to write
   * @param seed the random seed
   * @param from the month of the first start dates
   */
  public record Settings(int n, long seed, YearMonth from) {
    public Settings {
      if (n < 1) {
        throw new IllegalArgumentException("n: at least 1");
      }
    }
  }

  /**
   * What was planted.
   *
   * @param taught per offer ({@code source/id}), the ESCO skills it teaches
   * @param untaught per occupation trained for, its essential skills no offer teaches
   */
  public record Truth(
      String note,
      Settings settings,
      int offers,
      Map<String, List<String>> taught,
      Map<String, List<String>> untaught) {}

  /** Share of each occupation's essential skills that no provider teaches. */
  static final double GAP = 0.25;

  /** Share of offers that give their ESCO skill URIs. */
  static final double GIVEN = 0.4;

  static final String SOURCE = "generated-catalogue";

  static final String[] PROVIDERS = {
    "Vocational College %d",
    "Training Academy %d",
    "Chamber of Crafts Training Centre %d",
    "Adult Education Centre %d",
    "Online Skills Institute %d",
    "Technical School %d",
  };
  static final String[] SKILL_OUTCOMES = {
    "The learner is able to %s.",
    "Participants can %s independently.",
    "Learners %s in a workplace setting.",
  };
  static final String[] KNOWLEDGE_OUTCOMES = {
    "Knowledge of %s.", "The learner understands %s.", "Apply %s in practice.",
  };
  static final String[] PROGRAMMES = {"Certificate in %s", "Diploma: %s", "Apprenticeship as %s"};
  static final String[] COURSES = {"%s - short course", "Workshop: %s", "%s (evening course)"};

  private final List<OccupationProfile> occupations;
  private final List<EmploymentCell> employment;

  public OfferGenerator(List<OccupationProfile> occupations, List<EmploymentCell> employment) {
    this.occupations =
        occupations.stream()
            .filter(
                o -> o.iscoCode() != null && !o.iscoCode().isEmpty() && o.essential().size() >= 4)
            .sorted(Comparator.comparing(OccupationProfile::uri))
            .toList();
    this.employment = OccupationDraw.latestYear(employment);
    if (this.occupations.isEmpty() || this.employment.isEmpty()) {
      throw new IllegalArgumentException("need ESCO occupations with skills and employment data");
    }
  }

  /** Writes the catalogue to {@code out} and returns the truth. */
  public Truth generate(Settings s, Consumer<Offer> out) {
    Random r = new Random(s.seed());
    OccupationDraw draw = new OccupationDraw(occupations, employment);
    Map<String, List<SkillRef>> untaught = new TreeMap<>();
    Map<String, List<String>> taught = new LinkedHashMap<>();
    for (int i = 0; i < s.n(); i++) {
      OccupationDraw.Drawn drawn = draw.next(r);
      EmploymentCell cell = drawn.cell();
      OccupationProfile o = drawn.occupation();
      List<SkillRef> gap = untaught.computeIfAbsent(o.uri(), k -> gap(o, s.seed()));
      List<SkillRef> teachable = new ArrayList<>(o.essential());
      teachable.removeAll(gap);
      Collections.shuffle(teachable, r);
      boolean programme = r.nextDouble() < 0.6;
      int count =
          programme
              ? Math.max(1, (int) Math.round(teachable.size() * (0.4 + 0.4 * r.nextDouble())))
              : 1 + r.nextInt(Math.min(4, teachable.size()));
      List<SkillRef> skills =
          new ArrayList<>(teachable.subList(0, Math.min(count, teachable.size())));
      Offer offer = offer(i, o, cell.country(), programme, skills, s.from(), r);
      taught.put(offer.key(), skills.stream().map(SkillRef::uri).toList());
      out.accept(offer);
    }
    Map<String, List<String>> gaps = new TreeMap<>();
    untaught.forEach((k, v) -> gaps.put(k, v.stream().map(SkillRef::uri).sorted().toList()));
    return new Truth(
        "Synthetic training offers made by Skills Observatory's generator from ESCO and Eurostat"
            + " data; not real courses. Every text is English whatever the country.",
        s,
        s.n(),
        taught,
        gaps);
  }

  /** The essential skills of an occupation no provider teaches: the same for every offer. */
  private static List<SkillRef> gap(OccupationProfile o, long seed) {
    List<SkillRef> essential = new ArrayList<>(o.essential());
    Collections.shuffle(essential, new Random(seed * 31 + o.uri().hashCode()));
    int n = Math.max(1, (int) Math.floor(essential.size() * GAP));
    return List.copyOf(essential.subList(0, n));
  }

  private static Offer offer(
      int i,
      OccupationProfile o,
      String country,
      boolean programme,
      List<SkillRef> skills,
      YearMonth from,
      Random r) {
    String provider =
        String.format(Locale.ROOT, PROVIDERS[r.nextInt(PROVIDERS.length)], 1 + r.nextInt(40))
            + " "
            + country;
    String title =
        programme
            ? String.format(Locale.ROOT, PROGRAMMES[r.nextInt(PROGRAMMES.length)], o.label())
            : String.format(
                Locale.ROOT,
                COURSES[r.nextInt(COURSES.length)],
                capitalised(skills.get(0).label()));
    List<Offer.Outcome> outcomes = new ArrayList<>();
    for (SkillRef k : skills) {
      outcomes.add(
          new Offer.Outcome(
              String.format(
                  Locale.ROOT,
                  k.knowledge()
                      ? KNOWLEDGE_OUTCOMES[r.nextInt(KNOWLEDGE_OUTCOMES.length)]
                      : SKILL_OUTCOMES[r.nextInt(SKILL_OUTCOMES.length)],
                  k.label()),
              List.of()));
    }
    boolean given = r.nextDouble() < GIVEN;
    double hours = programme ? 300 + r.nextInt(1200) : 8 + r.nextInt(73);
    int eqf = programme ? 3 + r.nextInt(3) : 2 + r.nextInt(4);
    double mode = r.nextDouble();
    String m =
        mode < 0.45 ? "classroom" : mode < 0.7 ? "blended" : mode < 0.9 ? "online" : "work-based";
    if (programme && title.startsWith("Apprenticeship")) {
      m = "work-based";
    }
    Double cost =
        r.nextDouble() < 0.3 ? 0.0 : Math.round(hours * (8 + r.nextInt(30)) / 10.0) * 10.0;
    List<LocalDate> starts = new ArrayList<>();
    int dates = 1 + r.nextInt(3);
    for (int d = 0; d < dates; d++) {
      LocalDate day = from.plusMonths(r.nextInt(12)).atDay(1);
      if (!starts.contains(day)) {
        starts.add(day);
      }
    }
    Collections.sort(starts);
    return new Offer(
        SOURCE,
        "o" + i,
        provider,
        title,
        programme
            ? "Training for the occupation " + o.label() + " (ESCO)."
            : "A short course for working adults.",
        country,
        null,
        eqf,
        null,
        m,
        hours,
        programme ? (double) Math.round(hours / 25) : null,
        cost,
        cost > 0 ? "EUR" : null,
        "en",
        starts,
        outcomes,
        given ? skills.stream().map(SkillRef::uri).toList() : List.of(),
        null,
        "rows");
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
