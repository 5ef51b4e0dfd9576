package eu.skillsobservatory.analytics.esco;

import java.util.List;
import java.util.Objects;

/**
 * One ESCO concept as read from one ESCO version, with its labels in one language.
 *
 * @param uri the ESCO URI, the concept's identity everywhere in the observatory
 * @param type skill, skill group, occupation or ISCO group
 * @param version the ESCO version it was read from
 * @param language the language of the labels and description below: the one asked for, or English
 *     when the concept has no preferred label in it
 * @param preferredLabel {@code skos:prefLabel}
 * @param altLabels {@code skos:altLabel}, without duplicates and without the preferred label
 * @param hiddenLabels {@code skos:hiddenLabel}
 * @param description {@code dct:description}, an {@code esco:NodeLiteral} in the official dump
 * @param skillType {@code skill} or {@code knowledge} ({@code esco:skillType}); null when absent
 * @param reuseLevel transversal, cross-sector, sector-specific or occupation-specific ({@code
 *     esco:skillReuseLevel}); null when absent
 * @param code the ESCO code of an occupation ({@code 2654.1.7}) or the ISCO code of a group
 * @param iscoGroup the ISCO-08 unit group of an occupation ({@code esco:memberOfISCOGroup})
 * @param broader the direct parents ({@code skos:broader})
 * @param broaderChain one path from the direct parent up to the top of the hierarchy
 * @param collections the ESCO collections the concept belongs to (digital, green, transversal,
 *     language, research, digcomp), by {@code skos:inScheme}
 * @param essentialSkills an occupation's or skill's essential skills ({@code
 *     esco:relatedEssentialSkill})
 * @param optionalSkills an occupation's or skill's optional skills ({@code
 *     esco:relatedOptionalSkill})
 * @param essentialFor the occupations that need this skill as essential
 * @param optionalFor the occupations that need this skill as optional
 * @param availableLanguages the languages the concept has a preferred label in
 */
public record Concept(
    String uri,
    ConceptType type,
    EscoVersion version,
    String language,
    String preferredLabel,
    List<String> altLabels,
    List<String> hiddenLabels,
    String description,
    String skillType,
    String reuseLevel,
    String code,
    ConceptRef iscoGroup,
    List<ConceptRef> broader,
    List<ConceptRef> broaderChain,
    List<String> collections,
    List<ConceptRef> essentialSkills,
    List<ConceptRef> optionalSkills,
    List<ConceptRef> essentialFor,
    List<ConceptRef> optionalFor,
    List<String> availableLanguages) {

  public Concept {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(version, "version");
    altLabels = List.copyOf(altLabels);
    hiddenLabels = List.copyOf(hiddenLabels);
    broader = List.copyOf(broader);
    broaderChain = List.copyOf(broaderChain);
    collections = List.copyOf(collections);
    essentialSkills = List.copyOf(essentialSkills);
    optionalSkills = List.copyOf(optionalSkills);
    essentialFor = List.copyOf(essentialFor);
    optionalFor = List.copyOf(optionalFor);
    availableLanguages = List.copyOf(availableLanguages);
  }
}
