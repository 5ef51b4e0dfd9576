#!/usr/bin/env python3
"""Writes the bad-input corpus next to this script, with cases.tsv saying what each file is.

Every malformed-input case the project knows, in one place, each in the format an ingest command
reads. cases.tsv: file, what it feeds (vacancies, offers, statistics, esco), how many of its rows
are valid (and must be loaded), and a text the error or rejects report must contain.
Rerun after changing a case: python3 make_corpus.py
"""
import gzip
import io
import json
import os
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SKILL = "http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab"
cases = []


def write(name, data, kind, valid, expect):
    path = os.path.join(HERE, kind, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    cases.append((kind + "/" + name, kind, str(valid), expect))


def lines(rows):
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows)


def vacancy(i, **kw):
    v = {"id": i, "posted": "2024-03-04", "country": "DE",
         "title": "Warehouse worker", "description": f"Stack pallets, case {i}."}
    v.update(kw)
    return {k: x for k, x in v.items() if x is not None}


def gz(text):
    return gzip.compress(text.encode("utf-8"), mtime=0)


def gz_bomb(prefix, fill, total):
    # A small gzip file that inflates to `total` bytes of `fill` after `prefix`: a bomb.
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [z.compress(prefix.encode("utf-8"))]
    block = fill * (1 << 16)
    for _ in range(total // len(block)):
        out.append(z.compress(block))
    out.append(z.flush())
    return b"".join(out)


def truncated_gz(rows_text):
    # A download cut short: the file ends inside the gzip trailer, after the compressed rows.
    return gz(rows_text)[:-4]


# Vacancies, JSON Lines
write("v01-not-json.jsonl", lines([vacancy("a"), "this is not json", vacancy("b")]),
      "vacancies", 2, "not JSON")
write("v02-not-an-object.jsonl", lines([vacancy("a"), "[1, 2, 3]", "\"text\""]),
      "vacancies", 1, "row")
write("v03-missing-id.jsonl", lines([vacancy("a"), {k: v for k, v in vacancy("x").items() if k != "id"}]),
      "vacancies", 1, "id")
write("v04-blank-id.jsonl", lines([vacancy("   "), vacancy("b")]), "vacancies", 1, "id")
write("v05-impossible-date.jsonl", lines([vacancy("a", posted="2024-13-01"), vacancy("b")]),
      "vacancies", 1, "posted")
write("v06-missing-posted.jsonl", lines([vacancy("a", posted=None), vacancy("b")]),
      "vacancies", 1, "posted")
write("v07-unknown-country.jsonl", lines([vacancy("a", country="QQ"), vacancy("b")]),
      "vacancies", 1, "country")
write("v08-bad-region.jsonl", lines([vacancy("a", region="123456"), vacancy("b")]),
      "vacancies", 1, "region")
write("v09-bad-nace.jsonl", lines([vacancy("a", nace="ZZ"), vacancy("b")]), "vacancies", 1, "nace")
write("v10-bad-occupation.jsonl", lines([vacancy("a", occupation="plumber"), vacancy("b")]),
      "vacancies", 1, "occupation")
write("v11-not-an-esco-skill.jsonl",
      lines([vacancy("a", skills=["http://example.org/skill/1"]), vacancy("b", skills=[SKILL])]),
      "vacancies", 1, "skills")
write("v12-skills-not-a-list.jsonl", lines([vacancy("a", skills=5), vacancy("b")]),
      "vacancies", 1, "skills")
write("v13-title-too-long.jsonl", lines([vacancy("a", title="x" * 2100), vacancy("b")]),
      "vacancies", 1, "title")
write("v14-bad-language.jsonl", lines([vacancy("a", language="english"), vacancy("b")]),
      "vacancies", 1, "language")
write("v15-invalid-utf8.jsonl",
      lines([vacancy("b")]).encode() + b'{"id":"a","posted":"2024-03-04","country":"DE","description":"caf\xe9"}\n',
      "vacancies", 1, "UTF-8")
write("v16-truncated.jsonl.gz", truncated_gz(lines([vacancy("a"), vacancy("b")])),
      "vacancies", 2, "cut short")
write("v17-empty.jsonl", "", "vacancies", 0, "empty")
write("v18-id-is-an-object.jsonl", lines([vacancy("b"), vacancy({"x": 1})]), "vacancies", 1, "id")
write("v19-date-as-number.jsonl", lines([vacancy("a", posted=20240304), vacancy("b")]),
      "vacancies", 1, "posted")
write("v20-gzip-garbage.jsonl.gz", b"\x1f\x8b\x08\x00garbage that is not deflate data",
      "vacancies", 0, "v20-gzip-garbage")
# Bombs: files of a few hundred kilobytes that would fill the heap or the disk when read.
write("v30-line-with-no-end.jsonl.gz", gz_bomb('{"id": "a", "title": "', b"x", 64 << 20),
      "vacancies", 0, "observatory.ingest.max-line")
write("v31-blank-line-bomb.jsonl.gz", gz_bomb("", b"\n", 256 << 20),
      "vacancies", 0, "observatory.ingest.max-compression-ratio")

# Vacancies, CSV
write("v21-no-id-column.csv", "ref,posted,country\n1,2024-01-01,DE\n", "vacancies", 0,
      "no 'id' column")
write("v22-too-many-values.csv",
      "id,posted,country,title\na,2024-01-05,DE,Cook\nb,2024-01-05,DE,Cook,extra\n",
      "vacancies", 1, "has 5 values, the header 4 columns")
write("v23-too-few-values.csv",
      "id,posted,country,title\na,2024-01-05,DE\nb,2024-01-05,DE,Cook\n",
      "vacancies", 1, "has 3 values, the header 4 columns")
write("v24-semicolons-bad-date.csv",
      "id;posted;country;title\na;2024-02-30;DE;Cook\nb;2024-02-05;FR;Cook\n",
      "vacancies", 1, "posted")
write("v25-bom-bad-country.csv",
      "\ufeffid,posted,country,title\na,2024-01-05,Germany,Cook\nb,2024-01-05,DE,Cook\n",
      "vacancies", 1, "country")
write("v26-latin1.csv",
      "id,posted,country,title\n".encode() + b"a,2024-01-05,DE,Caf\xe9 worker\n" +
      b"b,2024-01-05,DE,Cook\n", "vacancies", 1, "UTF-8")
write("v27-binary.csv", bytes(range(256)) * 4, "vacancies", 0, "v27-binary")
write("v28-bad-skill-in-csv.csv",
      "id,posted,country,skills\na,2024-01-05,DE,not-a-uri\nb,2024-01-05,DE," + SKILL + "\n",
      "vacancies", 1, "skills")
write("v29-blank-lines-only.jsonl", "\n\n   \n", "vacancies", 0, "empty")

write("v32-unterminated-quote.csv.gz",
      gz_bomb('id,posted,country,title\n1,2024-03-04,DE,"Welder\n', b"words in a quote\n" * 8,
              64 << 20), "vacancies", 0, "observatory.ingest.max-row")

# Training offers
def offer(i, **kw):
    o = {"id": i, "title": "Forklift licence", "country": "AT", "eqf": 3, "mode": "classroom",
         "hours": 40, "skills": [SKILL]}
    o.update(kw)
    return {k: x for k, x in o.items() if x is not None}


write("o01-eqf-out-of-range.jsonl", lines([offer("a", eqf=12), offer("b")]), "offers", 1, "eqf")
write("o02-not-an-esco-skill.jsonl", lines([offer("a", skills=["forklift"]), offer("b")]),
      "offers", 1, "skills")
write("o03-missing-title.jsonl", lines([offer("a", title=None), offer("b")]), "offers", 1, "title")
write("o04-not-json.jsonl", lines([offer("a"), "{broken", offer("b")]), "offers", 2, "not JSON")
write("o05-negative-hours.jsonl", lines([offer("a", hours=-5), offer("b")]), "offers", 1, "hours")
write("o06-cost-not-a-number.jsonl", lines([offer("a", cost="free"), offer("b")]), "offers", 1,
      "cost")
write("o07-unknown-mode.jsonl", lines([offer("a", mode="telepathy"), offer("b")]), "offers", 1,
      "mode")
write("o08-bad-country.csv",
      "id,title,country\na,Welding,Atlantis\nb,Welding,DE\n", "offers", 1, "country")
write("o09-no-id-column.csv", "ref,title,country\n1,Welding,DE\n", "offers", 0, "no 'id' column")
write("o10-turtle.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n", "offers", 0,
      "o10-turtle.ttl")
write("o11-bad-start-date.jsonl", lines([offer("a", start=["2025-02-30"]), offer("b")]),
      "offers", 1, "start")
write("o12-truncated.jsonl.gz", truncated_gz(lines([offer("a"), offer("b")])), "offers", 0,
      "none of its offers was loaded")
write("o13-broken-json-ld.jsonld", '{"@context": "http://data.europa.eu/snb/model/context/edc-ap",'
      ' "@graph": [ {"id": "urn:x", "type": "LearningOpportunity", ', "offers", 0,
      "o13-broken-json-ld.jsonld")
write("o14-too-many-outcomes.jsonl",
      lines([offer("a", skills=None, outcomes=["Weld."] * 501), offer("b")]), "offers", 1,
      "outcomes")
write("o15-bad-currency.jsonl", lines([offer("a", cost=100, currency="EURO"), offer("b")]),
      "offers", 1, "currency")

write("o16-line-with-no-end.jsonl.gz", gz_bomb('{"id": "a", "title": "', b"y", 64 << 20),
      "offers", 0, "observatory.ingest.max-line")

# Employment statistics (Eurostat long CSV)
HEAD = "nace_r2_label,isco08_label,geo_label,year,value_thousand_persons,flag\n"
write("s01-no-value-column.csv", "nace_r2_label,isco08_label,geo_label,year\n"
      "Manufacturing,Managers,Germany,2024\n", "statistics", 0, "no 'value_thousand_persons' column")
write("s02-empty.csv", "", "statistics", 0, "s02-empty.csv")
write("s03-header-only.csv", HEAD, "statistics", 0, "s03-header-only.csv")
write("s04-not-csv.csv", bytes(range(256)), "statistics", 0, "s04-not-csv.csv")

# ESCO downloads
def zipped(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in files.items():
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), text)
    return buf.getvalue()


write("e01-esco-v9.9.1-not-a-zip.zip", "this is not a zip file\n", "esco", 0, "e01-esco-v9.9.1")
write("e02-esco-v9.9.2-no-csv.zip", zipped({"readme.txt": "nothing here"}), "esco", 0,
      "e02-esco-v9.9.2")
write("e03-esco-v9.9.3-skills-without-uri.zip",
      zipped({"skills_en.csv": "preferredLabel,description\nweld,joins metal\n"}), "esco", 0,
      "conceptUri")
write("e04-esco-v9.9.4-bad-turtle.ttl", "@prefix esco: <http://data.europa.eu/esco/model#> .\n"
      "<http://data.europa.eu/esco/skill/1> a esco:Skill ;\n  broken turtle here .\n", "esco", 0,
      "e04-esco-v9.9.4-bad-turtle.ttl")
write("e05-esco-v9.9.5-truncated.nt.gz",
      gzip.compress(b"<http://data.europa.eu/esco/skill/1> "
                    b"<http://www.w3.org/2004/02/skos/core#prefLabel> \"weld\"@en .\n" * 50,
                    mtime=0)[:-20], "esco", 0, "e05-esco-v9.9.5-truncated.nt.gz")
write("e06-esco-v9.9.6-remote-context.jsonld",
      '{"@context": "http://127.0.0.1:9/esco-context.jsonld",\n'
      ' "@id": "http://data.europa.eu/esco/skill/1", "prefLabel": "weld"}\n', "esco", 0,
      "is not fetched")
write("e07-esco-v9.9.7-line-with-no-end.nt.gz",
      gz_bomb('<http://data.europa.eu/esco/skill/1> '
              '<http://www.w3.org/2004/02/skos/core#prefLabel> "', b"z", 64 << 20),
      "esco", 0, "observatory.ingest.max-line")

with open(os.path.join(HERE, "cases.tsv"), "w", encoding="utf-8") as f:
    f.write("file\tkind\tvalid\texpect\n")
    for c in cases:
        f.write("\t".join(c) + "\n")
print(len(cases), "cases")
