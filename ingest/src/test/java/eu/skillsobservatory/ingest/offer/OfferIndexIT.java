package eu.skillsobservatory.ingest.offer;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.analytics.offer.OfferRecord;
import eu.skillsobservatory.analytics.offer.TrainingOffers;
import eu.skillsobservatory.analytics.vacancy.SkillEvidence;
import eu.skillsobservatory.ingest.search.EmbeddedNodeExtension;
import eu.skillsobservatory.ingest.search.SearchConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Offers written to a real embedded node by swapping the alias, counted, filtered, aggregated. */
@ExtendWith(EmbeddedNodeExtension.class)
class OfferIndexIT {
  static final String[] MODES = {"classroom", "blended", "online", "work-based"};

  static OfferRecord record(
      String source,
      String id,
      String country,
      Integer eqf,
      String mode,
      Double hours,
      Double cost,
      List<String> skills) {
    Offer o =
        new Offer(
            source,
            id,
            "Provider",
            "Course " + id,
            "",
            country,
            null,
            eqf,
            null,
            mode,
            hours,
            null,
            cost,
            null,
            "en",
            List.of(),
            List.of(),
            skills,
            null,
            "rows");
    return new OfferRecord(o, "en", skills.stream().map(SkillEvidence::given).toList(), "t");
  }

  static String skill(int i) {
    return "http://data.europa.eu/esco/skill/s" + i;
  }

  @BeforeEach
  void empty(SearchConnection es) throws Exception {
    for (String index :
        es.client().indices().get(g -> g.index(OfferIndex.PREFIX + "*")).result().keySet()) {
      es.client().indices().delete(d -> d.index(index));
    }
  }

  @Test
  void aLoadAddsAndReplacesBySourceAndIdInOneSwap(SearchConnection es) throws Exception {
    OfferIndex index = new OfferIndex(es);
    TrainingOffers.LoadReport first =
        index.add(
            List.of(
                record("a", "1", "DE", 3, "online", 10.0, 100.0, List.of(skill(1))),
                record("a", "2", "DE", 4, "online", 20.0, 100.0, List.of(skill(2)))));
    assertThat(first.written()).isEqualTo(2);
    assertThat(first.total()).isEqualTo(2);
    TrainingOffers.LoadReport second =
        index.add(
            List.of(
                record("a", "2", "FR", 4, "online", 20.0, 100.0, List.of(skill(3))),
                record("b", "1", "FR", 5, "blended", 30.0, null, List.of(skill(3)))));
    assertThat(second.replaced()).isEqualTo(1);
    assertThat(second.kept()).isEqualTo(1);
    assertThat(second.total()).isEqualTo(3);
    assertThat(index.get("a", "2").orElseThrow().document().get("country")).isEqualTo("FR");
    // One index behind the alias: the previous load's was dropped by the swap.
    assertThat(es.client().indices().getAlias(a -> a.name(OfferIndex.ALIAS)).result()).hasSize(1);
    assertThat(index.stats().offers()).isEqualTo(3);
  }

  @Test
  void supplyAndScopeEqualCountsDoneByHand(SearchConnection es) {
    OfferIndex index = new OfferIndex(es);
    Random r = new Random(7);
    List<OfferRecord> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<String> skills = new ArrayList<>();
      int n = 1 + r.nextInt(4);
      for (int k = 0; k < n; k++) {
        String s = skill(r.nextInt(20));
        if (!skills.contains(s)) {
          skills.add(s);
        }
      }
      records.add(
          record(
              "gen",
              "o" + i,
              r.nextBoolean() ? "DE" : "AT",
              r.nextInt(5) == 0 ? null : 2 + r.nextInt(5),
              MODES[r.nextInt(4)],
              r.nextInt(6) == 0 ? null : (double) (5 + r.nextInt(200)),
              (double) r.nextInt(1000),
              skills));
    }
    index.add(records);
    OfferFilter scope = OfferFilter.of("DE", null, 3, 5, List.of("online", "blended"), 120.0, null);
    List<OfferRecord> inScope =
        records.stream()
            .filter(x -> x.offer().country().equals("DE"))
            .filter(x -> x.offer().eqf() == null || (x.offer().eqf() >= 3 && x.offer().eqf() <= 5))
            .filter(x -> Set.of("online", "blended").contains(x.offer().mode()))
            .filter(x -> x.offer().hours() == null || x.offer().hours() <= 120.0)
            .toList();
    assertThat(index.count(scope)).isEqualTo(inScope.size());
    Set<String> asked = new HashSet<>();
    for (int i = 0; i < 20; i += 2) {
      asked.add(skill(i));
    }
    Map<String, TrainingOffers.Supply> supply = index.supply(scope, asked);
    Map<String, long[]> byHand = new HashMap<>();
    for (OfferRecord x : inScope) {
      for (String s : x.skillUris()) {
        if (asked.contains(s)) {
          long[] c = byHand.computeIfAbsent(s, k -> new long[2]);
          c[0]++;
          c[1] += x.offer().hours() == null ? 0 : x.offer().hours().longValue();
        }
      }
    }
    assertThat(supply.keySet()).isEqualTo(byHand.keySet());
    byHand.forEach(
        (s, c) -> {
          assertThat(supply.get(s).offers()).as(s).isEqualTo(c[0]);
          assertThat(supply.get(s).hours()).as(s).isEqualTo((double) c[1]);
        });
    List<TrainingOffers.Taught> teaching = index.teaching(scope, List.of(skill(4)), 1_000);
    assertThat(teaching)
        .hasSize((int) inScope.stream().filter(x -> x.skillUris().contains(skill(4))).count())
        .allSatisfy(t -> assertThat(t.skills()).contains(skill(4)));
  }
}
