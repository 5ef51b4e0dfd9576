package eu.skillsobservatory.api.generate;

import eu.skillsobservatory.analytics.employment.EmploymentTables;
import eu.skillsobservatory.analytics.esco.ConceptDocument;
import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import eu.skillsobservatory.analytics.offer.Offer;
import eu.skillsobservatory.analytics.offer.OfferGenerator;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import eu.skillsobservatory.analytics.vacancy.VacancyGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Writes a synthetic vacancy corpus ({@link VacancyGenerator}) from the loaded ESCO version. */
@Service
public class SampleCorpus {
  private final SkillCatalog catalog;
  private final EmploymentTables tables;
  private final JsonMapper json = JsonMapper.builder().build();

  public SampleCorpus(SkillCatalog catalog, EmploymentTables tables) {
    this.catalog = catalog;
    this.tables = tables;
  }

  /**
   * Writes {@code out} (JSON Lines, gzipped when the name ends in {@code .gz}) and {@code
   * out.truth.json} beside it, each first to a temporary file then moved into place.
   */
  public VacancyGenerator.Truth write(
      VacancyGenerator.Settings settings, Path employmentCsv, Path out) {
    EscoVersion version = version();
    EmploymentTables.Table employment = tables.file(employmentCsv);
    VacancyGenerator generator = new VacancyGenerator(profiles(version), employment.cells());
    return writeLines(out, w -> generator.generate(settings, v -> w.accept(row(v))));
  }

  /**
   * Writes a synthetic training offer catalogue ({@link OfferGenerator}) to {@code out} (JSON Lines
   * in the offer schema) and {@code out.truth.json} beside it.
   */
  public OfferGenerator.Truth writeOffers(
      OfferGenerator.Settings settings, Path employmentCsv, Path out) {
    EscoVersion version = version();
    EmploymentTables.Table employment = tables.file(employmentCsv);
    OfferGenerator generator = new OfferGenerator(profiles(version), employment.cells());
    return writeLines(out, w -> generator.generate(settings, o -> w.accept(row(o))));
  }

  private EscoVersion version() {
    return catalog
        .currentVersion()
        .orElseThrow(() -> new IllegalStateException("no ESCO version is loaded: load one first"));
  }

  /**
   * Writes JSON lines to {@code out} (gzipped when the name ends in {@code .gz}) and the truth the
   * writing returns to {@code out.truth.json}, each first to a temporary file then moved in place.
   */
  private <T> T writeLines(Path out, Function<Consumer<Object>, T> writing) {
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    T truth;
    try {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      try (OutputStream file = Files.newOutputStream(tmp);
          OutputStream body =
              out.getFileName().toString().endsWith(".gz")
                  ? new GZIPOutputStream(file, 1 << 16)
                  : file;
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16)) {
        truth =
            writing.apply(
                row -> {
                  try {
                    w.write(json.writeValueAsString(row));
                    w.write('\n');
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
      Path truthFile = out.resolveSibling(out.getFileName() + ".truth.json");
      Files.writeString(truthFile, json.writerWithDefaultPrettyPrinter().writeValueAsString(truth));
      return truth;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /** An offer as a row of the flat offer schema. */
  static Map<String, Object> row(Offer o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("source", o.source());
    m.put("provider", o.provider());
    m.put("title", o.title());
    m.put("description", o.description());
    m.put("country", o.country());
    if (o.region() != null) {
      m.put("region", o.region());
    }
    m.put("eqf", o.eqf());
    m.put("mode", o.mode());
    m.put("hours", o.hours());
    if (o.ects() != null) {
      m.put("ects", o.ects());
    }
    m.put("cost", o.cost());
    if (o.currency() != null) {
      m.put("currency", o.currency());
    }
    m.put("language", o.language());
    m.put("start", o.startDates().stream().map(Object::toString).toList());
    m.put("outcomes", o.outcomes().stream().map(Offer.Outcome::text).toList());
    if (!o.skills().isEmpty()) {
      m.put("skills", o.skills());
    }
    return m;
  }

  private static Map<String, Object> row(Vacancy v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("source", v.source());
    m.put("posted", v.posted().toString());
    m.put("country", v.country());
    m.put("nace", v.nace());
    if (v.occupation() != null) {
      m.put("occupation", v.occupation());
    }
    m.put("title", v.title());
    m.put("description", v.description());
    m.put("language", v.language());
    if (!v.skills().isEmpty()) {
      m.put("skills", v.skills());
    }
    m.put("employer", v.employer());
    return m;
  }

  private List<VacancyGenerator.OccupationProfile> profiles(EscoVersion version) {
    Map<String, String> skillLabels = new HashMap<>();
    Set<String> knowledge = new HashSet<>();
    Map<String, ConceptDocument> occupations = new HashMap<>();
    catalog.forEachConcept(
        version,
        d -> {
          ConceptDocument.Labels en = d.labels().get("en");
          if (en == null) {
            return;
          }
          if (d.type() == ConceptType.SKILL) {
            skillLabels.put(d.uri(), en.preferred());
            if ("knowledge".equals(d.skillType())) {
              knowledge.add(d.uri());
            }
          } else if (d.type() == ConceptType.OCCUPATION) {
            occupations.put(d.uri(), d);
          }
        });
    VersionSnapshot snapshot = catalog.snapshot(version, "en");
    Map<String, List<VacancyGenerator.SkillRef>> essential = new HashMap<>();
    Map<String, List<VacancyGenerator.SkillRef>> optional = new HashMap<>();
    for (VersionSnapshot.OccupationSkill link : snapshot.occupationSkills()) {
      String label = skillLabels.get(link.skill());
      if (label == null) {
        continue;
      }
      (link.essential() ? essential : optional)
          .computeIfAbsent(link.occupation(), k -> new ArrayList<>())
          .add(
              new VacancyGenerator.SkillRef(link.skill(), label, knowledge.contains(link.skill())));
    }
    List<VacancyGenerator.OccupationProfile> out = new ArrayList<>();
    occupations.forEach(
        (uri, d) -> {
          ConceptDocument.Labels en = d.labels().get("en");
          String code = d.code();
          String isco = code == null ? "" : code.split("\\.")[0];
          out.add(
              new VacancyGenerator.OccupationProfile(
                  uri,
                  en.preferred(),
                  en.alternative().stream().sorted().toList(),
                  en.description(),
                  isco,
                  sorted(essential.getOrDefault(uri, List.of())),
                  sorted(optional.getOrDefault(uri, List.of()))));
        });
    return out;
  }

  /** The snapshot is a set: its order is not fixed, the corpus must be. */
  private static List<VacancyGenerator.SkillRef> sorted(List<VacancyGenerator.SkillRef> refs) {
    return refs.stream().sorted(Comparator.comparing(VacancyGenerator.SkillRef::uri)).toList();
  }
}
