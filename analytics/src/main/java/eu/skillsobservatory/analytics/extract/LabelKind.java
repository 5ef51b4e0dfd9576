package eu.skillsobservatory.analytics.extract;

/**
 * Which ESCO label property a label comes from: skos:prefLabel, skos:altLabel, skos:hiddenLabel.
 */
public enum LabelKind {
  PREFERRED,
  ALTERNATIVE,
  HIDDEN
}
