#!/usr/bin/env python3
"""Captures the response examples of the OpenAPI document from a running server.

  OBSERVATORY_API_KEY=KEY src/docs/openapi/capture-examples.py http://localhost:8080 \
      > api/src/main/resources/openapi/examples.json

Run it against a home that `serve` filled on its first start (shipped ESCO, sample vacancies and
offers), with one API key configured. Every response is a real answer of the server, shortened:
lists keep their first two items, long maps keyed by data (months, countries) their
first six entries, long texts 240 characters.
"""
import json
import os
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
KEY = os.environ.get("OBSERVATORY_API_KEY", "")
OCCUPATION = "http://data.europa.eu/esco/occupation/000e93a3-d956-4e45-aacb-f12c83fedf84"
SKILL = "http://data.europa.eu/esco/skill/13e1c0a2-b90d-46f4-be51-11730360b38d"
SKILL2 = "http://data.europa.eu/esco/skill/c624c6a3-b0ba-4a31-a296-0d433fe47e41"

VACANCY = json.dumps({
    "id": "v-1042", "source": "portal-a", "posted": "2024-04-03", "country": "AT",
    "region": "AT13", "nace": "I", "isco": "5120", "title": "diet cook",
    "description": "We look for a diet cook. You prepare meals for special diets, use cooking"
                   " techniques and store raw food materials.",
    "language": "en", "employer": "Employer 358 AT"})
VACANCY_CSV = ("id,source,posted,country,region,nace,isco,title,description,language\n"
               "v-1042,portal-a,2024-04-03,AT,AT13,I,5120,diet cook,"
               "\"You prepare meals for special diets and store raw food materials.\",en\n")
OFFER = json.dumps({
    "id": "c-17", "source": "vet-catalogue", "provider": "Vocational College Linz",
    "title": "Certificate in diet cooking", "country": "AT", "eqf": 4, "mode": "blended",
    "hours": 320, "cost": 1200, "currency": "EUR", "language": "en",
    "start": ["2025-09-01"],
    "outcomes": ["The learner can use cooking techniques.",
                 "The learner is able to compose diets for special needs."]})
OFFER_CSV = ("id,source,provider,title,country,eqf,mode,hours,cost,currency,language,outcomes\n"
             "c-17,vet-catalogue,Vocational College Linz,Certificate in diet cooking,AT,4,blended,"
             "320,1200,EUR,en,The learner can use cooking techniques.\n")
SPARQL = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
          "SELECT ?skill ?label WHERE { <" + OCCUPATION + "> "
          "<http://data.europa.eu/esco/model#relatedEssentialSkill> ?skill . "
          "?skill skos:prefLabel ?label FILTER(lang(?label) = 'en') } LIMIT 3")
EXTRACT = {"text": "We need a welder who can read technical drawings and speaks German.",
           "lang": "en", "top": 3, "mode": "fast"}
ALIGN = {"outcomes": "Use cooking techniques.\nStore raw food materials.", "skills": [SKILL2],
         "sector": "I", "country": "DE", "demanded": 10}
MATCH = {"skills": [{"uri": SKILL2, "weight": 0.6}, {"uri": SKILL, "weight": 0.3}],
         "country": "DE", "eqfMax": 5, "maxOffers": 2}


def call(method, path, body=None, content_type=None, accept="application/json"):
    headers = {"Accept": accept}
    if content_type:
        headers["Content-Type"] = content_type
    if KEY:
        headers["X-API-Key"] = KEY
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=300) as r:
        text = r.read().decode()
        return r.status, json.loads(text) if "json" in (r.headers.get("Content-Type") or "") else text


def shorten(v):
    if isinstance(v, list):
        return [shorten(x) for x in v[:2]]
    if isinstance(v, dict):
        items = list(v.items())
        # Maps keyed by data (months, countries, sources), not fields, keep six entries.
        if len(items) > 12 and all(not k[:1].islower() or k[:1].isdigit() or "-" in k
                                   for k, _ in items):
            items = items[:6]
        return {k: shorten(x) for k, x in items}
    if isinstance(v, str) and len(v) > 240:
        return v[:240] + "…"
    return v


def q(path, **params):
    return path + "?" + urllib.parse.urlencode(params)


examples = {}


def get(key, path):
    status, body = call("GET", path)
    examples[key] = {"responses": {str(status): {"application/json": shorten(body)}}}


get("GET /api/esco/versions", "/api/esco/versions")
get("GET /api/esco/concepts", q("/api/esco/concepts", uri=OCCUPATION, lang="en"))
get("GET /api/esco/diff", q("/api/esco/diff", **{"from": "v1.1.1", "to": "v1.1.1"}))
get("GET /api/esco/search", q("/api/esco/search", q="welding", limit=2))
get("GET /api/esco/suggest", q("/api/esco/suggest", q="weld", limit=2))
get("GET /api/vacancies/stats", "/api/vacancies/stats")
get("GET /api/offers/stats", "/api/offers/stats")
get("GET /api/offers/{source}/{id}", "/api/offers/generated-catalogue/o0")
get("GET /api/statistics/employment", q("/api/statistics/employment", nace="J", country="DE"))
get("GET /api/statistics/datasets", "/api/statistics/datasets")
get("GET /api/analytics/demand", q("/api/analytics/demand", sector="C", limit=2))
get("GET /api/analytics/emerging", q("/api/analytics/emerging", sector="C", limit=2))
get("GET /api/analytics/candidate-skills", q("/api/analytics/candidate-skills", sector="C", limit=2))
get("GET /api/analytics/cooccurrence", q("/api/analytics/cooccurrence", skill=SKILL2, limit=2))
get("GET /api/analytics/similar-occupations",
    q("/api/analytics/similar-occupations", occupation=OCCUPATION, limit=2))
get("GET /api/analytics/gaps", q("/api/analytics/gaps", sector="C", country="DE", limit=2))
get("GET /api/analytics/match", q("/api/analytics/match", sector="C", country="DE", maxOffers=2))

status, body = call("GET", q("/sparql", query=SPARQL), accept="application/sparql-results+json")
examples["GET /sparql"] = {"responses": {"200": {"application/sparql-results+json": body}}}
status, body = call("POST", "/sparql", SPARQL, "application/sparql-query",
                    "application/sparql-results+json")
examples["POST /sparql"] = {
    "request": {"application/sparql-query": SPARQL,
                "application/x-www-form-urlencoded": "query=" + urllib.parse.quote(SPARQL)},
    "responses": {"200": {"application/sparql-results+json": body}}}

for key, path, body in [("POST /api/extract", "/api/extract", EXTRACT),
                        ("POST /api/curricula/align", "/api/curricula/align", ALIGN),
                        ("POST /api/analytics/match", "/api/analytics/match", MATCH)]:
    status, answer = call("POST", path, json.dumps(body), "application/json")
    examples[key] = {"request": {"application/json": body},
                     "responses": {str(status): {"application/json": shorten(answer)}}}

for key, path, line, csv in [("POST /api/vacancies", "/api/vacancies?source=docs&dataset=docs",
                              VACANCY,
                              VACANCY_CSV),
                             ("POST /api/offers", "/api/offers?source=docs", OFFER, OFFER_CSV)]:
    status, job = call("POST", path, line + "\n", "application/x-ndjson")
    while job["state"] in ("QUEUED", "RUNNING"):
        time.sleep(0.5)
        _, job = call("GET", "/api/jobs/" + job["id"])
    _, report = call("POST", path + "&wait=true", line + "\n", "application/x-ndjson")
    examples[key] = {"request": {"application/x-ndjson": line + "\n", "text/csv": csv},
                     "responses": {"202": {"application/json": shorten(job)},
                                   "200": {"application/json": shorten(report)}}}
    examples["GET /api/jobs/{id}"] = {"responses": {"200": {"application/json": shorten(job)}}}

get("GET /api/datasets", "/api/datasets")
status, body = call("DELETE", "/api/datasets/docs")
examples["DELETE /api/datasets/{name}"] = {"responses": {str(status): {"application/json": body}}}


def follow(job):
    while job["state"] in ("QUEUED", "RUNNING"):
        time.sleep(0.5)
        _, job = call("GET", "/api/jobs/" + job["id"])
    return job


# ESCO through the API: the shipped v1.1.1 loaded again (the same version is replaced), indexed.
ESCO = os.path.join(os.path.dirname(__file__), "..", "..", "..", "data", "esco", "v1.1.1")
boundary = "observatory-example"
parts = b""
names = sorted(f for f in os.listdir(ESCO) if f.endswith(".zip"))
for name in names:
    parts += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
              f"filename=\"{name}\"\r\nContent-Type: application/zip\r\n\r\n").encode()
    parts += open(os.path.join(ESCO, name), "rb").read() + b"\r\n"
parts += f"--{boundary}--\r\n".encode()
status, job = call("POST", "/api/esco/versions", parts, "multipart/form-data; boundary=" + boundary)
examples["POST /api/esco/versions"] = {
    "request": {"multipart/form-data": {"file": ["(the file) " + n for n in names]}},
    "responses": {"202": {"application/json": shorten(job)}}}
examples["GET /api/jobs/{id}"] = {"responses": {"200": {"application/json": shorten(follow(job))}}}
status, job = call("POST", "/api/esco/reindex")
examples["POST /api/esco/reindex"] = {"responses": {"202": {"application/json": shorten(job)}}}
follow(job)

get("GET /api/jobs", q("/api/jobs", limit=2))
json.dump(examples, sys.stdout, indent=1, ensure_ascii=False, sort_keys=True)
print()
