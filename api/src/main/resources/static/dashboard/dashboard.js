// The dashboard reads only the public REST API (/api/...), the same documents partners' own
// dashboards read. Text from the API goes into the page through textContent, never as HTML.
"use strict";

(function () {
  // NACE Rev. 2 sections: the codes the API uses, named as Eurostat names them.
  const NACE = {
    A: "Agriculture, forestry and fishing",
    B: "Mining and quarrying",
    C: "Manufacturing",
    D: "Electricity, gas, steam and air conditioning supply",
    E: "Water supply; sewerage, waste management and remediation",
    F: "Construction",
    G: "Wholesale and retail trade; repair of motor vehicles",
    H: "Transportation and storage",
    I: "Accommodation and food service activities",
    J: "Information and communication",
    K: "Financial and insurance activities",
    L: "Real estate activities",
    M: "Professional, scientific and technical activities",
    N: "Administrative and support service activities",
    O: "Public administration and defence; compulsory social security",
    P: "Education",
    Q: "Human health and social work activities",
    R: "Arts, entertainment and recreation",
    S: "Other service activities",
    T: "Activities of households as employers",
    U: "Activities of extraterritorial organisations and bodies",
  };
  // Eurostat writes Greece as EL and the United Kingdom as UK; the rest are ISO 3166 codes.
  const COUNTRY_ALIASES = { EL: "GR", UK: "GB" };
  const COLORS = ["#1f5fa8", "#d9822b", "#2f9e44", "#c2255c", "#7048e8", "#0c8599", "#866118"];

  const $ = (id) => document.getElementById(id);
  const charts = {};
  let refreshes = 0;

  function percent(x, digits = 1) {
    return x == null ? "–" : (100 * x).toFixed(digits) + " %";
  }

  function countryName(code) {
    try {
      const names = new Intl.DisplayNames(["en"], { type: "region" });
      return names.of(COUNTRY_ALIASES[code] || code) || code;
    } catch (e) {
      return code;
    }
  }

  class ApiError extends Error {}

  async function api(path, params, init) {
    const url = new URL(path, document.baseURI);
    for (const [k, v] of Object.entries(params || {})) {
      if (v != null && v !== "") url.searchParams.set(k, v);
    }
    const response = await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, init));
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      throw new ApiError(`${path}: the server answered ${response.status} with something that is not JSON`);
    }
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      throw new ApiError(detail ? `${detail} (${response.status})` : `${path} answered ${response.status}`);
    }
    return body;
  }

  function slice() {
    return { sector: $("sector").value, country: $("country").value, from: $("from").value, to: $("to").value };
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function skillLink(skill) {
    const a = element("a", skill.label || skill.uri);
    a.href = skill.uri;
    a.title = skill.uri;
    a.rel = "noopener";
    a.target = "_blank";
    return a;
  }

  function row(cells) {
    const tr = document.createElement("tr");
    for (const c of cells) {
      const td = document.createElement("td");
      if (c instanceof Node) td.appendChild(c);
      else td.textContent = c;
      tr.appendChild(td);
    }
    return tr;
  }

  function showError(panelId, error) {
    const p = $(panelId).querySelector(".error");
    p.textContent = error ? String(error.message || error) : "";
    p.hidden = !error;
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart($(id), config);
    $(id).dataset.points = String(config.data.datasets.reduce((n, d) => n + d.data.length, 0));
    return charts[id];
  }

  const shareAxis = { ticks: { callback: (v) => Math.round(v * 100) + " %" }, beginAtZero: true };

  /** A banner while synthetic data is counted: which datasets, and how to leave them out. */
  function showProvenance(answer) {
    const banner = $("synthetic-banner");
    const p = answer.provenance;
    if (!answer.synthetic || !p) {
      banner.hidden = true;
      banner.textContent = "";
      return;
    }
    const synthetic = p.datasets.filter((d) => d.synthetic).map((d) => `${d.name} (${d.postings.toLocaleString("en")})`);
    banner.textContent =
      `Synthetic data is counted here: dataset ${synthetic.join(", ")} was made by a generator, not taken from real adverts. ` +
      "Remove it with 'vacancies delete --dataset NAME' before publishing any figure.";
    banner.hidden = false;
  }

  async function kpisAndTop(s) {
    const demand = await api("api/analytics/demand", Object.assign({ limit: 15 }, s));
    const g = demand.groups[0];
    showProvenance(demand);
    $("kpi-postings").textContent = g ? g.postings.toLocaleString("en") : "0";
    $("kpi-digital").textContent = g ? percent(g.collections.digital.share) : "–";
    $("kpi-green").textContent = g ? percent(g.collections.green.share) : "–";
    $("kpi-rate").textContent = g && g.postingsPer1000Employed != null ? g.postingsPer1000Employed.toFixed(2) : "–";
    const skills = g ? g.skills : [];
    draw("chart-top", {
      type: "bar",
      data: {
        labels: skills.map((k) => k.label),
        datasets: [{ label: "Share of vacancies", data: skills.map((k) => k.share), backgroundColor: COLORS[0] }],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        scales: { x: shareAxis },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: (c) => {
                const k = skills[c.dataIndex];
                return `${percent(k.share)} (${percent(k.low)} to ${percent(k.high)}), ${k.postings} vacancies`;
              },
            },
          },
        },
      },
    });
  }

  async function trend(s) {
    const demand = await api("api/analytics/demand", Object.assign({ groupBy: "month", limit: 1 }, s));
    const months = demand.groups.slice().sort((a, b) => a.group.localeCompare(b.group));
    draw("chart-trend", {
      data: {
        labels: months.map((m) => m.group),
        datasets: [
          {
            type: "bar",
            label: "Vacancies",
            data: months.map((m) => m.postings),
            backgroundColor: "#9db8d9",
            yAxisID: "count",
          },
          {
            type: "line",
            label: "Digital share",
            data: months.map((m) => m.collections.digital.share),
            borderColor: COLORS[0],
            backgroundColor: COLORS[0],
            yAxisID: "share",
          },
          {
            type: "line",
            label: "Green share",
            data: months.map((m) => m.collections.green.share),
            borderColor: COLORS[2],
            backgroundColor: COLORS[2],
            yAxisID: "share",
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          count: { position: "left", beginAtZero: true, title: { display: true, text: "vacancies" } },
          share: Object.assign({ position: "right", grid: { drawOnChartArea: false } }, shareAxis),
        },
      },
    });
    return new Map(months.map((m) => [m.group, m.postings]));
  }

  async function emerging(s, monthTotals) {
    const result = await api("api/analytics/emerging", Object.assign({ limit: 10 }, s));
    const body = $("table-emerging").querySelector("tbody");
    body.replaceChildren();
    for (const e of result.emerging) {
      const ev = e.evidence;
      body.appendChild(
        row([skillLink({ uri: ev.uri, label: e.label }), percent(ev.recentShare), percent(ev.baselineShare),
          ev.lift.toFixed(2), ev.qIncrease.toExponential(1)]));
    }
    const empty = $("panel-emerging").querySelector(".empty");
    empty.textContent = result.note
      ? `Nothing could be tested: ${result.note}.`
      : "No skill passes the tests in this slice.";
    empty.hidden = result.emerging.length > 0;
    const totals = await monthTotals;
    const shown = result.emerging.slice(0, COLORS.length);
    draw("chart-emerging", {
      type: "line",
      data: {
        labels: result.months,
        datasets: shown.map((e, i) => ({
          label: e.label,
          data: e.evidence.monthly.map((n, m) => {
            const total = totals.get(result.months[m]);
            return total ? n / total : 0;
          }),
          borderColor: COLORS[i],
          backgroundColor: COLORS[i],
          tension: 0.2,
        })),
      },
      options: { maintainAspectRatio: false, scales: { y: shareAxis } },
    });
  }

  async function gaps(s) {
    const result = await api("api/analytics/gaps", Object.assign({ limit: 12, occupations: 0 }, s));
    const body = $("table-gaps").querySelector("tbody");
    body.replaceChildren();
    for (const k of result.skills) {
      body.appendChild(row([skillLink(k), percent(k.share), String(k.offers), k.gapScore.toFixed(3)]));
    }
  }

  async function offers(s) {
    const result = await api("api/analytics/match", Object.assign({ maxOffers: 5 }, s));
    const list = $("list-offers");
    list.replaceChildren();
    for (const pick of result.picks) {
      const o = pick.offer;
      const li = document.createElement("li");
      li.appendChild(element("strong", o.title));
      const facts = [o.provider, o.country ? countryName(o.country) : null, o.eqf ? `EQF ${o.eqf}` : null, o.mode,
        o.hours ? `${Math.round(o.hours)} h` : null,
        o.cost != null ? (o.cost === 0 ? "free" : `${o.cost.toLocaleString("en")} ${o.currency || ""}`.trim()) : null];
      li.appendChild(element("span", " – " + facts.filter(Boolean).join(", ")));
      const covers = element("div", "Covers: ", "covers");
      pick.covers.forEach((k, i) => {
        if (i > 0) covers.appendChild(document.createTextNode(", "));
        covers.appendChild(skillLink(k));
      });
      li.appendChild(covers);
      list.appendChild(li);
    }
    $("panel-offers").querySelector(".summary").textContent = result.picks.length
      ? `Together they cover ${percent(result.coveredShare)} of the gap weight; ${result.guarantee}.`
      : "No offer in scope teaches a demanded skill of this slice.";
  }

  const panels = [
    ["panel-top", kpisAndTop],
    ["panel-gaps", gaps],
    ["panel-offers", offers],
  ];

  async function refresh() {
    const s = slice();
    if (!s.sector) return;
    const mine = ++refreshes;
    location.hash = new URLSearchParams(Object.entries(s).filter(([, v]) => v)).toString();
    document.body.dataset.state = "loading";
    $("panels").hidden = false;
    $("status").textContent = `Loading ${NACE[s.sector] || s.sector}…`;
    const monthTotals = trend(s);
    const work = [
      monthTotals.then(() => showError("panel-trend", null), (e) => { showError("panel-trend", e); throw e; }),
      emerging(s, monthTotals.catch(() => new Map())).then(
        () => showError("panel-emerging", null), (e) => { showError("panel-emerging", e); throw e; }),
      ...panels.map(([id, load]) =>
        load(s).then(() => showError(id, null), (e) => { showError(id, e); throw e; })),
    ];
    const outcomes = await Promise.allSettled(work);
    if (mine !== refreshes) return;
    const failed = outcomes.filter((o) => o.status === "rejected").length;
    $("status").textContent = failed
      ? `${failed} of ${outcomes.length} panels could not be loaded; see the messages below.`
      : `Showing ${NACE[s.sector] || s.sector}${s.country ? " in " + countryName(s.country) : ""}.`;
    document.body.dataset.state = failed ? "failed" : "ready";
  }

  async function align(event) {
    event.preventDefault();
    const lines = $("outcomes").value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const isUri = (l) => /^https?:\/\/data\.europa\.eu\/esco\/skill\//.test(l);
    const s = slice();
    const request = {
      outcomes: lines.filter((l) => !isUri(l)),
      skills: lines.filter(isUri),
      sector: s.sector || null,
      country: s.country || null,
      from: s.from || null,
      to: s.to || null,
    };
    const box = $("align-result");
    try {
      const result = await api("api/curricula/align", null, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify(request),
      });
      showError("panel-align", null);
      box.querySelector(".coverage").textContent =
        `The curriculum teaches ${result.coveredSkills} of the ${result.demanded} most demanded skills, ` +
        `weighted coverage ${percent(result.coverage)} of ${result.postings.toLocaleString("en")} vacancies.`;
      const fill = (selector, items, note) => {
        const ul = box.querySelector(selector);
        ul.replaceChildren();
        for (const k of items.slice(0, 12)) {
          const li = document.createElement("li");
          li.appendChild(skillLink(k));
          if (note(k)) li.appendChild(element("span", " " + note(k), "note"));
          ul.appendChild(li);
        }
        if (!items.length) ul.appendChild(element("li", "none", "note"));
        if (items.length > 12) ul.appendChild(element("li", `and ${items.length - 12} more`, "note"));
      };
      fill(".found", result.curriculum, (k) => (k.share ? percent(k.share) : ""));
      fill(".missing", result.missingDemanded, (k) => percent(k.share));
      fill(".emerging", result.missingEmerging, (k) => `lift ${k.lift.toFixed(2)}`);
      fill(".suggestions", result.suggestions, (k) =>
        k.because && k.because.length ? `(${k.because[0].relation} with ${k.because[0].label})` : "");
      box.hidden = false;
    } catch (e) {
      box.hidden = true;
      showError("panel-align", e);
    }
  }

  function fillSelect(select, groups, name) {
    for (const g of groups) {
      const option = element("option", `${name(g.group)} (${g.postings.toLocaleString("en")})`);
      option.value = g.group;
      select.appendChild(option);
    }
  }

  async function start() {
    try {
      const stats = await api("api/vacancies/stats");
      if (!stats.total) {
        $("status").textContent =
          "No vacancies are loaded yet: load some with 'ingest vacancies' or POST /api/vacancies.";
        document.body.dataset.state = "empty";
        return;
      }
      const months = Object.keys(stats.byMonth || {}).sort();
      for (const id of ["from", "to"]) {
        if (months.length) {
          $(id).min = months[0];
          $(id).max = months[months.length - 1];
        }
      }
      const [sectors, countries] = await Promise.all([
        api("api/analytics/demand", { groupBy: "sector", limit: 1 }),
        api("api/analytics/demand", { groupBy: "country", limit: 1 }),
      ]);
      fillSelect($("sector"), sectors.groups, (c) => `${c} ${NACE[c] || ""}`.trim());
      fillSelect($("country"), countries.groups.slice().sort((a, b) => countryName(a.group).localeCompare(countryName(b.group))), countryName);
      const wanted = new URLSearchParams(location.hash.slice(1));
      for (const id of ["sector", "country", "from", "to"]) {
        if (wanted.get(id)) $(id).value = wanted.get(id);
      }
      $("status").textContent = `${stats.total.toLocaleString("en")} vacancies loaded. Choose a sector.`;
      document.body.dataset.state = "idle";
      $("slice").addEventListener("change", refresh);
      $("align-form").addEventListener("submit", align);
      if ($("sector").value) await refresh();
    } catch (e) {
      $("status").textContent = `The dashboard could not start: ${e.message}`;
      document.body.dataset.state = "failed";
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
