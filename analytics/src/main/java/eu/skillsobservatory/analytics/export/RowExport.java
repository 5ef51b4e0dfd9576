package eu.skillsobservatory.analytics.export;

import eu.skillsobservatory.analytics.demand.SkillFacts;
import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.HeldKey;
import eu.skillsobservatory.analytics.rows.HeldPage;
import eu.skillsobservatory.analytics.vacancy.VacancyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Row-level data out: the vacancies of a slice and the training offers in scope, each row with its
 * occupation and skills labelled from the current ESCO version and its provenance, page by page
 * ({@link HeldKey}: every row held throughout exactly once), for the paged API and for exports.
 */
public final class RowExport {
  /** Rows a page has when none is asked for, and at most in the API. */
  public static final int DEFAULT_LIMIT = 100;

  public static final int MAX_LIMIT = 1_000;

  /** Rows read per page by an export. */
  static final int EXPORT_PAGE = 2_000;

  private final VacancyStore vacancies;
  private final TrainingOffers offers;
  private final SkillFacts.Current facts;
  private final SkillCatalog catalog;

  public RowExport(
      VacancyStore vacancies,
      TrainingOffers offers,
      SkillFacts.Current facts,
      SkillCatalog catalog) {
    this.vacancies = vacancies;
    this.offers = offers;
    this.facts = facts;
    this.catalog = catalog;
  }

  /**
   * A page of rows.
   *
   * @param next the cursor of the page after, absent on the last page
   */
  public record Page<T>(List<T> rows, Optional<String> next) {
    public Page {
      rows = List.copyOf(rows);
    }
  }

  /**
   * A page of the vacancies of a slice.
   *
   * @param cursor the {@code next} of the page before; absent for the first page
   * @throws IllegalArgumentException naming {@code cursor} or {@code limit} when at fault
   */
  public Page<VacancyRow> vacancies(Slice slice, Optional<String> cursor, int limit) {
    checkLimit(limit);
    HeldKey after = cursor.filter(c -> !c.isBlank()).map(HeldKey::ofCursor).orElse(null);
    return page(vacancies.page(slice, after, limit), VacancyRow::of);
  }

  /** A page of the training offers in scope; as {@link #vacancies}. */
  public Page<OfferRow> offers(OfferFilter filter, Optional<String> cursor, int limit) {
    checkLimit(limit);
    HeldKey after = cursor.filter(c -> !c.isBlank()).map(HeldKey::ofCursor).orElse(null);
    return page(offers.page(filter, after, limit), OfferRow::of);
  }

  /** One vacancy held, as a row. */
  public Optional<VacancyRow> vacancy(String source, String id) {
    return vacancies.get(source, id).map(h -> VacancyRow.of(h.document(), labels()));
  }

  /**
   * Gives every vacancy of a slice to {@code sink}, in the order of source then id; returns how
   * many.
   */
  public long eachVacancy(Slice slice, Consumer<VacancyRow> sink, Progress progress) {
    RowLabels labels = labels();
    return each(
        "vacancies",
        vacancies.count(slice),
        after -> vacancies.page(slice, after, EXPORT_PAGE),
        d -> sink.accept(VacancyRow.of(d, labels)),
        progress);
  }

  /** Gives every training offer in scope to {@code sink}; returns how many. */
  public long eachOffer(OfferFilter filter, Consumer<OfferRow> sink, Progress progress) {
    RowLabels labels = labels();
    return each(
        "training offers",
        offers.count(filter),
        after -> offers.page(filter, after, EXPORT_PAGE),
        d -> sink.accept(OfferRow.of(d, labels)),
        progress);
  }

  private static long each(
      String what,
      long expected,
      Function<HeldKey, HeldPage> pages,
      Consumer<Map<String, Object>> sink,
      Progress progress) {
    progress.start("exporting " + what, what, expected);
    long n = 0;
    HeldKey after = null;
    while (true) {
      HeldPage page = pages.apply(after);
      for (var d : page.documents()) {
        sink.accept(d);
        n++;
      }
      progress.advance(n, n);
      Optional<HeldKey> next = page.next();
      if (next.isEmpty()) {
        break;
      }
      after = next.get();
    }
    progress.finish(String.format(Locale.ROOT, "%,d %s exported", n, what));
    return n;
  }

  private <T> Page<T> page(HeldPage held, BiFunction<Map<String, Object>, RowLabels, T> f) {
    RowLabels labels = labels();
    return new Page<>(
        held.documents().stream().map(d -> f.apply(d, labels)).toList(),
        held.next().map(HeldKey::cursor));
  }

  private RowLabels labels() {
    return RowLabels.current(facts, catalog);
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: 1 to " + MAX_LIMIT + ", not " + limit);
    }
  }
}
