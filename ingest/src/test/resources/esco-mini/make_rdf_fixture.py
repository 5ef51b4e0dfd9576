"""Writes esco-mini.ttl from the CSV files beside it, in the shape of the official ESCO RDF dump.

Each form the dump uses appears on its own somewhere, so that the loader must understand all of
them: plain SKOS labels on some concepts and only skos-xl label nodes on others, esco:NodeLiteral
descriptions, reified esco:AssociationObject links for the first occupation and direct links with
their inverses for the second. Run: python3 make_rdf_fixture.py
"""
import csv
import uuid

ESCO = "http://data.europa.eu/esco/"


def rows(name):
    with open(name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def lit(text, lang=None):
    s = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{s}"' + (f"@{lang}" if lang else "")


out = ["@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
       "@prefix skosxl: <http://www.w3.org/2008/05/skos-xl#> .",
       "@prefix dct: <http://purl.org/dc/terms/> .",
       "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
       "@prefix iso-thes: <http://purl.org/iso25964/skos-thes#> .",
       "@prefix esco: <http://data.europa.eu/esco/model#> .", ""]
counter = [0]


def node(kind):
    counter[0] += 1
    return f"<{ESCO}{kind}/{uuid.uuid5(uuid.NAMESPACE_URL, str(counter[0]))}>"


def concept(uri, types, row, xl_only, extra):
    out.append(f"<{uri}> a {', '.join(types)} .")
    pref = row["preferredLabel"]
    alts = [a for a in row.get("altLabels", "").split("\n") if a.strip()]
    hidden = [a for a in row.get("hiddenLabels", "").split("\n") if a.strip()]
    for prop, values in (("prefLabel", [pref]), ("altLabel", alts), ("hiddenLabel", hidden)):
        for v in values:
            if xl_only:
                n = node("label")
                out.append(f"<{uri}> skosxl:{prop} {n} .")
                out.append(f"{n} a skosxl:Label ; skosxl:literalForm {lit(v, 'en')} .")
            else:
                out.append(f"<{uri}> skos:{prop} {lit(v, 'en')} .")
    if row.get("description", "").strip():
        n = node("node-literal")
        out.append(f"<{uri}> dct:description {n} .")
        out.append(f'{n} a esco:NodeLiteral ; esco:language "en"^^xsd:language ; '
                   f"esco:nodeLiteral {lit(row['description'])} .")
    for s in row.get("inScheme", "").replace("\n", ",").split(","):
        if s.strip():
            out.append(f"<{uri}> skos:inScheme <{s.strip()}> .")
    if row.get("status"):
        out.append(f"<{uri}> iso-thes:status {lit(row['status'])} .")
    out.extend(extra)


for i, r in enumerate(rows("skills_en.csv")):
    u = r["conceptUri"]
    extra = []
    if r["skillType"]:
        t = "skill" if r["skillType"] == "skill/competence" else r["skillType"]
        extra.append(f"<{u}> esco:skillType <{ESCO}skill-type/{t}> .")
    if r["reuseLevel"]:
        extra.append(f"<{u}> esco:skillReuseLevel <{ESCO}skill-reuse-level/{r['reuseLevel']}> .")
    concept(u.strip(), ["skos:Concept", "esco:MemberConcept", "esco:Skill"], r, i % 2 == 1, extra)

for r in rows("skillGroups_en.csv"):
    extra = [f"<{r['conceptUri']}> skos:notation {lit(r['code'])} ."] if r["code"] else []
    concept(r["conceptUri"], ["skos:Concept"], r, False, extra)

for r in rows("ISCOGroups_en.csv"):
    extra = [f"<{r['conceptUri']}> skos:notation {lit(r['code'])} ."]
    concept(r["conceptUri"], ["skos:Concept"], r, True, extra)

occupations = rows("occupations_en.csv")
for i, r in enumerate(occupations):
    u = r["conceptUri"]
    extra = [f"<{u}> esco:memberOfISCOGroup <{ESCO}isco/C{r['iscoGroup']}> .",
             f"<{u}> skos:notation {lit(r['code'])} ."]
    concept(u, ["skos:Concept", "esco:MemberConcept", "esco:Occupation"], r, i == 1, extra)

first = occupations[0]["conceptUri"]
for r in rows("occupationSkillRelations.csv"):
    kind = r["relationType"]
    if r["occupationUri"] == first or r["occupationUri"].endswith("a9e54177-a185-404d-b6e6-15663d31137e"):
        n = node("relation")
        out.append(f"{n} a esco:AssociationObject ; esco:isAssociationFor <{r['occupationUri']}> ; "
                   f"esco:target <{r['skillUri']}> ; "
                   f"dct:type <{ESCO}relationship-type/{kind}-skill> .")
        out.append(f"<{r['occupationUri']}> esco:hasAssociation {n} .")
    else:
        p = "relatedEssentialSkill" if kind == "essential" else "relatedOptionalSkill"
        inv = "isEssentialSkillFor" if kind == "essential" else "isOptionalSkillFor"
        out.append(f"<{r['occupationUri']}> esco:{p} <{r['skillUri']}> .")
        out.append(f"<{r['skillUri']}> esco:{inv} <{r['occupationUri']}> .")

for r in rows("skillSkillRelations.csv"):
    p = "relatedEssentialSkill" if r["relationType"] == "essential" else "relatedOptionalSkill"
    out.append(f"<{r['originalSkillUri']}> esco:{p} <{r['relatedSkillUri']}> .")

for name in ("broaderRelationsSkillPillar.csv", "broaderRelationsOccPillar.csv"):
    for r in rows(name):
        out.append(f"<{r['conceptUri']}> skos:broader <{r['broaderUri']}> .")

with open("esco-mini.ttl", "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
