package eu.skillsobservatory.analytics.vacancy;

import eu.skillsobservatory.analytics.employment.EmploymentCell;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes a synthetic vacancy corpus, honestly labelled as such: occupations drawn from real ESCO
 * occupations, sector, occupation group and country weighted by real Eurostat employment, skills
 * drawn from each occupation's real essential and optional skills, text built from ESCO labels and
 * descriptions with boilerplate and noise, near-duplicates reposted on other portals, and a few
 * planted emerging skills whose share rises month by month in given sectors. What was planted is
 * returned as {@link Truth}, for tests of deduplication and trend analytics. The same seed gives
 * the same corpus.
 */
public final class VacancyGenerator {
  /** A skill by URI and English preferred label; knowledge (a noun) or a skill (a verb). */
  public record SkillRef(String uri, String label, boolean knowledge) {
    public SkillRef(String uri, String label) {
      this(uri, label, false);
    }
  }

  /** What the generator needs of an ESCO occupation. */
  public record OccupationProfile(
      String uri,
      String label,
      List<String> alternatives,
      String description,
      String iscoCode,
      List<SkillRef> essential,
      List<SkillRef> optional) {
    public OccupationProfile {
      Objects.requireNonNull(uri, "uri");
      alternatives = List.copyOf(alternatives);
      essential = List.copyOf(essential);
      optional = List.copyOf(optional);
    }
  }

  /**
   * @param n vacancies to write, duplicates included
   * @param seed the random seed
   * @param from the first month
   * @param months how many months
   * @param emerging how many skills to plant as emerging (0 for a corpus without trends)
   * @param newTerms how many terms outside ESCO to plant as rising (0 by default)
   * @param cases plant the hard cases of real feeds too ({@link GeneratorCases}): a portal joining
   *     mid-period with skills in its template, a hiring campaign, seasonal skills, a volume ramp,
   *     an incomplete last month, large employers with long company texts, edited reposts
   */
  public record Settings(
      int n, long seed, YearMonth from, int months, int emerging, int newTerms, boolean cases) {
    /** Without the hard cases. */
    public Settings(int n, long seed, YearMonth from, int months, int emerging, int newTerms) {
      this(n, seed, from, months, emerging, newTerms, false);
    }

    /** With the five planted emerging skills. */
    public Settings(int n, long seed, YearMonth from, int months) {
      this(n, seed, from, months, SECTORS_WITH_TRENDS.length);
    }

    /** Without new terms outside ESCO. */
    public Settings(int n, long seed, YearMonth from, int months, int emerging) {
      this(n, seed, from, months, emerging, 0);
    }

    public Settings {
      if (newTerms < 0 || newTerms > NEW_TERMS.length) {
        throw new IllegalArgumentException(
            "newTerms: 0 to " + NEW_TERMS.length + ", not " + newTerms);
      }
      if (emerging < 0 || emerging > SECTORS_WITH_TRENDS.length) {
        throw new IllegalArgumentException(
            "emerging: 0 to " + SECTORS_WITH_TRENDS.length + ", not " + emerging);
      }
      if (n < 1) {
        throw new IllegalArgumentException("n: at least 1");
      }
      if (months < 1 || months > 240) {
        throw new IllegalArgumentException("months: 1 to 240");
      }
    }
  }

  /**
   * A planted emerging skill: its share of the sector's vacancies rises from 0 to {@code share}.
   */
  public record EmergingSkill(String uri, String label, String sector, double finalShare) {}

  /**
   * A planted term outside ESCO: its share of the sector's vacancies rises from 0 to {@code
   * finalShare}, in the sentence "Experience with TERM is a plus."
   */
  public record NewTerm(String term, String sector, double finalShare) {}

  /** Terms no ESCO v1.1.1 label matches, planted when asked for. */
  static final String[] NEW_TERMS = {
    "digital product passports",
    "low-code automation",
    "agentic workflows",
    "vibe coding",
    "battery passport audits"
  };

  /**
   * A planted case that is not an emerging skill: {@code kind} is {@code source-template}, {@code
   * employer-campaign} or {@code seasonal}; {@code sector} null for every sector.
   */
  public record Case(String kind, String uri, String label, String sector, String note) {}

  /**
   * What was planted.
   *
   * @param cases the skills of the hard cases, none without {@code Settings.cases}
   * @param largeEmployers employers whose adverts share a long company text
   * @param incompleteMonth the last month when it was made incomplete, else null
   */
  public record Truth(
      String note,
      Settings settings,
      int vacancies,
      int duplicates,
      List<EmergingSkill> emerging,
      List<NewTerm> newTerms,
      Map<String, String> duplicateOf,
      List<Case> cases,
      List<String> largeEmployers,
      String incompleteMonth) {}

  /** Share of vacancies that are reposts of an earlier one on another portal. */
  static final double DUPLICATES = 0.08;

  static final List<String> SOURCES = List.of("portal-a", "portal-b", "portal-c", "pes-feed");
  static final String[] INTROS = {
    "We are looking for a %s to join our team.",
    "Our client is hiring a %s.",
    "Job opening: %s.",
    "%s wanted for a growing company.",
  };
  static final String[] SKILL_LINES = {
    "You will %s.",
    "Experience with %s is required.",
    "Knowledge of %s.",
    "You can %s.",
    "Good command of %s.",
    "Responsibilities include: %s.",
  };
  static final String[] BOILERPLATE = {
    "We offer a competitive salary and a pension plan.",
    "We are an equal opportunity employer; all qualified applicants will be considered.",
    "Apply now with your CV and a cover letter.",
    "Flexible working hours and 30 days of paid leave.",
    "About us: a family business founded in 1987 with offices in three countries.",
  };

  private final List<OccupationProfile> occupations;
  private final List<EmploymentCell> employment;

  public VacancyGenerator(List<OccupationProfile> occupations, List<EmploymentCell> employment) {
    this.occupations =
        occupations.stream()
            .filter(
                o -> o.iscoCode() != null && !o.iscoCode().isEmpty() && !o.essential().isEmpty())
            .sorted(Comparator.comparing(OccupationProfile::uri))
            .toList();
    this.employment = OccupationDraw.latestYear(employment);
    if (this.occupations.isEmpty() || this.employment.isEmpty()) {
      throw new IllegalArgumentException("need ESCO occupations with skills and employment data");
    }
  }

  /**
   * Writes the corpus to {@code out}, in posting order within each month, and returns the truth.
   */
  public Truth generate(Settings s, Consumer<Vacancy> out) {
    Random r = new Random(s.seed());
    OccupationDraw draw = new OccupationDraw(occupations, employment);
    List<EmergingSkill> emerging = plant(r, s.emerging());
    List<Case> cases = s.cases() ? cases(r, emerging) : List.of();
    List<NewTerm> terms = new ArrayList<>();
    for (int t = 0; t < s.newTerms(); t++) {
      terms.add(new NewTerm(NEW_TERMS[t], SECTORS_WITH_TRENDS[t], 0.3));
    }
    Map<String, String> duplicateOf = new LinkedHashMap<>();
    List<Vacancy> recent = new ArrayList<>();
    int duplicates = 0;
    for (int i = 0; i < s.n(); i++) {
      if (!recent.isEmpty() && r.nextDouble() < DUPLICATES) {
        Vacancy original = recent.get(r.nextInt(recent.size()));
        Vacancy copy =
            s.cases() ? Reposts.editedRepost(original, i, r) : Reposts.repost(original, i, r);
        duplicateOf.put(copy.source() + "/" + copy.id(), original.source() + "/" + original.id());
        duplicates++;
        out.accept(copy);
        continue;
      }
      OccupationDraw.Drawn drawn = draw.next(r);
      EmploymentCell cell = drawn.cell();
      OccupationProfile o = drawn.occupation();
      int month = s.cases() ? GeneratorCases.month(r, s.months()) : r.nextInt(s.months());
      LocalDate posted =
          s.from()
              .plusMonths(month)
              .atDay(1)
              .plusDays(s.cases() ? GeneratorCases.day(r, month, s.months()) : r.nextInt(28));
      Vacancy v =
          vacancy(
              i, o, cell, posted, month / (double) Math.max(1, s.months() - 1), emerging, terms, r);
      if (s.cases()) {
        v = CaseVacancies.withCases(v, cell.nace(), month, s.months(), cases, r);
      }
      recent.add(v);
      if (recent.size() > 500) {
        recent.remove(0);
      }
      out.accept(v);
    }
    return new Truth(
        "Synthetic vacancies made by Skills Observatory's generator from ESCO and Eurostat data;"
            + " not real adverts. Every text is English whatever the country.",
        s,
        s.n(),
        duplicates,
        emerging,
        terms,
        duplicateOf,
        cases,
        s.cases() ? List.of(GeneratorCases.LARGE_EMPLOYERS) : List.of(),
        s.cases() && s.months() > 1 ? s.from().plusMonths(s.months() - 1L).toString() : null);
  }

  /** The skills of the hard cases, none of them a planted emerging skill. */
  private List<Case> cases(Random r, List<EmergingSkill> emerging) {
    Set<String> used = new HashSet<>();
    emerging.forEach(e -> used.add(e.uri()));
    List<Case> out = new ArrayList<>();
    for (int k = 0; k < GeneratorCases.TEMPLATE_SKILLS; k++) {
      SkillRef s = unused(r, used);
      out.add(
          new Case(
              "source-template",
              s.uri(),
              s.label(),
              null,
              GeneratorCases.NEW_SOURCE + " names it in every advert's template"));
    }
    for (int k = 0; k < GeneratorCases.CAMPAIGN_SKILLS; k++) {
      SkillRef s = unused(r, used);
      out.add(
          new Case(
              "employer-campaign",
              s.uri(),
              s.label(),
              GeneratorCases.CAMPAIGN_SECTOR,
              GeneratorCases.LARGE_EMPLOYERS[0] + "'s hiring campaign in the last months"));
    }
    for (String sector : GeneratorCases.SEASONAL_SECTORS) {
      for (int k = 0; k < 2; k++) {
        SkillRef s = unused(r, used);
        out.add(new Case("seasonal", s.uri(), s.label(), sector, "in demand July to December"));
      }
    }
    return out;
  }

  private SkillRef unused(Random r, Set<String> used) {
    while (true) {
      OccupationProfile o = occupations.get(r.nextInt(occupations.size()));
      List<SkillRef> pool = o.optional().isEmpty() ? o.essential() : o.optional();
      SkillRef k = pool.get(r.nextInt(pool.size()));
      if (used.add(k.uri())) {
        return k;
      }
    }
  }

  /**
   * Five skills that rise: each in one sector, chosen by the seed among the occupations' skills.
   */
  static final String[] SECTORS_WITH_TRENDS = {"C", "J", "F", "Q", "M"};

  private List<EmergingSkill> plant(Random r, int count) {
    List<EmergingSkill> out = new ArrayList<>();
    for (String sector : Arrays.copyOf(SECTORS_WITH_TRENDS, count)) {
      OccupationProfile o = occupations.get(r.nextInt(occupations.size()));
      List<SkillRef> pool = o.optional().isEmpty() ? o.essential() : o.optional();
      SkillRef k = pool.get(r.nextInt(pool.size()));
      if (out.stream().noneMatch(e -> e.uri().equals(k.uri()))) {
        out.add(new EmergingSkill(k.uri(), k.label(), sector, 0.3));
      }
    }
    return out;
  }

  private Vacancy vacancy(
      int i,
      OccupationProfile o,
      EmploymentCell cell,
      LocalDate posted,
      double progress,
      List<EmergingSkill> emerging,
      List<NewTerm> terms,
      Random r) {
    List<SkillRef> skills = new ArrayList<>();
    List<SkillRef> essential = new ArrayList<>(o.essential());
    Collections.shuffle(essential, r);
    skills.addAll(essential.subList(0, Math.min(essential.size(), 3 + r.nextInt(5))));
    List<SkillRef> optional = new ArrayList<>(o.optional());
    Collections.shuffle(optional, r);
    skills.addAll(optional.subList(0, Math.min(optional.size(), r.nextInt(3))));
    for (EmergingSkill e : emerging) {
      if (e.sector().equals(cell.nace()) && r.nextDouble() < e.finalShare() * progress) {
        skills.add(new SkillRef(e.uri(), e.label()));
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, INTROS[r.nextInt(INTROS.length)], o.label()));
    if (o.description() != null && !o.description().isBlank()) {
      text.append(' ').append(Reposts.firstSentence(o.description()));
    }
    for (SkillRef k : skills) {
      text.append(' ')
          .append(
              String.format(Locale.ROOT, SKILL_LINES[r.nextInt(SKILL_LINES.length)], k.label()));
    }
    for (NewTerm t : terms) {
      if (t.sector().equals(cell.nace()) && r.nextDouble() < t.finalShare() * progress) {
        text.append(" Experience with ").append(t.term()).append(" is a plus.");
      }
    }
    int boilerplate = 1 + r.nextInt(3);
    for (int b = 0; b < boilerplate; b++) {
      text.append(' ').append(BOILERPLATE[r.nextInt(BOILERPLATE.length)]);
    }
    String description = Reposts.noise(text.toString(), r);
    String source = SOURCES.get(r.nextInt(SOURCES.size()));
    List<String> given =
        r.nextDouble() < 0.3 ? skills.stream().map(SkillRef::uri).distinct().toList() : List.of();
    return new Vacancy(
        source,
        "g" + i,
        posted,
        cell.country(),
        null,
        cell.nace(),
        r.nextDouble() < 0.5 ? o.uri() : null,
        GeneratorText.title(o, r),
        description,
        "en",
        given,
        "Employer " + (1 + r.nextInt(400)) + " " + cell.country());
  }
}
