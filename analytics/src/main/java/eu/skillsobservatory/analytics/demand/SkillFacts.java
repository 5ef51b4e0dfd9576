package eu.skillsobservatory.analytics.demand;

import eu.skillsobservatory.analytics.esco.ConceptType;
import eu.skillsobservatory.analytics.esco.EscoVersion;
import eu.skillsobservatory.analytics.esco.SkillCatalog;
import eu.skillsobservatory.analytics.esco.VersionSnapshot;
import eu.skillsobservatory.analytics.esco.VersionSummary;
import eu.skillsobservatory.analytics.vacancy.SkillFacets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What demand answers count skills by, for one ESCO version: each skill's English label, the ESCO
 * collections it belongs to (digital, green, transversal) and its nearest skill group. Read once
 * per version; the ingest writes each vacancy's {@link SkillFacets} with it, so that a query counts
 * the postings of a collection or a group by one term instead of a list of thousands of skill URIs.
 */
public final class SkillFacts {
  /** The ESCO collections whose share is reported. */
  public static final List<String> COLLECTIONS = List.of("digital", "green", "transversal");

  private final EscoVersion version;
  private final Map<String, String> labels;
  private final Map<String, Set<String>> collections;
  private final Map<String, List<String>> collectionsOf;
  private final SkillHierarchy.Hierarchy hierarchy;

  private SkillFacts(
      EscoVersion version,
      Map<String, String> labels,
      Map<String, Set<String>> collections,
      SkillHierarchy.Hierarchy hierarchy) {
    this.version = version;
    this.labels = labels;
    this.collections = collections;
    this.hierarchy = hierarchy;
    Map<String, List<String>> of = new HashMap<>();
    collections.forEach(
        (name, members) ->
            members.forEach(u -> of.computeIfAbsent(u, k -> new ArrayList<>(2)).add(name)));
    this.collectionsOf = of;
  }

  /**
   * Reads the facts of one version from the catalog: the skills' labels from its snapshot, their
   * collections by collection, not the whole documents (whose other labels and descriptions would
   * cost every command that counts about five seconds of reading on the shipped ESCO).
   */
  public static SkillFacts read(SkillCatalog catalog, EscoVersion v) {
    VersionSnapshot snapshot = catalog.snapshot(v, "en");
    Map<String, String> labels = new HashMap<>();
    snapshot
        .concepts()
        .forEach(
            (uri, e) -> {
              if (e.type() == ConceptType.SKILL) {
                labels.put(uri, e.preferredLabel());
              }
            });
    Map<String, Set<String>> members = catalog.collections(v);
    Map<String, Set<String>> collections = new LinkedHashMap<>();
    for (String c : COLLECTIONS) {
      Set<String> skills = new HashSet<>(members.getOrDefault(c, Set.of()));
      skills.retainAll(labels.keySet());
      collections.put(c, skills);
    }
    return new SkillFacts(
        v, labels, collections, SkillHierarchy.read(catalog.broader(v), snapshot));
  }

  public EscoVersion version() {
    return version;
  }

  /** Each skill's English preferred label. */
  public Map<String, String> labels() {
    return labels;
  }

  /** Each collection's skills. */
  public Map<String, Set<String>> collections() {
    return collections;
  }

  SkillHierarchy.Hierarchy hierarchy() {
    return hierarchy;
  }

  /** The collections and nearest skill groups of these skills, each once, sorted. */
  public SkillFacets facetsOf(Collection<String> skills) {
    Set<String> in = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    for (String s : skills) {
      in.addAll(collectionsOf.getOrDefault(s, List.of()));
      String g = hierarchy.groupOf().get(s);
      if (g != null) {
        groups.add(g);
      }
    }
    return new SkillFacets(version.toString(), List.copyOf(in), List.copyOf(groups));
  }

  /**
   * The facts of the catalog's current version, read again when another version becomes current or
   * the current one is loaded again.
   */
  public static final class Current {
    private final SkillCatalog catalog;
    private SkillFacts facts;
    private VersionSummary readFrom;

    public Current(SkillCatalog catalog) {
      this.catalog = catalog;
    }

    public synchronized SkillFacts get() {
      VersionSummary load = catalog.currentLoad();
      if (facts == null || !load.equals(readFrom)) {
        facts = read(catalog, load.version());
        readFrom = load;
      }
      return facts;
    }
  }
}
