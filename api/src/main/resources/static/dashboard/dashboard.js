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
  const COLORS = ["#1f5fa8", "#d9822b", "#2f9e44", "#c2255c", "#7048e8", "#0c8599", "#866118"];

  const $ = (id) => document.getElementById(id);
  const V = window.ObservatoryViews;
  const charts = {};
  const meta = {};
  let refreshes = 0;

  const { percent, countryName, api, slice, element, skillLink, row, showError, showProvenance } = V;

  /** Draws a chart and its table; {@code uris} name the ESCO concept of each label or dataset. */
  function draw(id, config, format = (v) => String(v)) {
    if (charts[id]) charts[id].destroy();
    const { uris, tableHeader, ...chartConfig } = config;
    charts[id] = new Chart($(id), chartConfig);
    meta[id] = {
      uris, tableHeader, format,
      labels: config.data.labels.slice(),
      datasetLabels: config.data.datasets.map((d) => d.label),
    };
    V.tableOf($(id).closest("section").id, config, format);
    $(id).dataset.points = String(config.data.datasets.reduce((n, d) => n + d.data.length, 0));
    return charts[id];
  }

  const shareAxis = { ticks: { callback: (v) => Math.round(v * 100) + " %" }, beginAtZero: true };

  async function kpisAndTop(s) {
    const params = Object.assign({ limit: 15, level: $("level").value }, s);
    V.csvLink("panel-top", "api/analytics/demand", params);
    const demand = await api("api/analytics/demand", params);
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
      uris: skills.map((k) => k.uri),
      tableHeader: $("level").value === "group" ? "Skill group" : "Skill",
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
    }, (v) => percent(v));
  }

  async function trend(s) {
    const params = Object.assign({ groupBy: "month", limit: 1 }, s);
    V.csvLink("panel-trend", "api/analytics/demand", params);
    const demand = await api("api/analytics/demand", params);
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
      tableHeader: "Month",
    }, (v, d) => (d.yAxisID === "share" ? percent(v) : v.toLocaleString("en")));
    return new Map(months.map((m) => [m.group, m.postings]));
  }

  async function emerging(s, monthTotals) {
    const params = Object.assign({ limit: 10 }, s);
    V.csvLink("panel-emerging", "api/analytics/emerging", params);
    const result = await api("api/analytics/emerging", params);
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
      uris: shown.map((e) => e.evidence.uri),
      tableHeader: "Month",
    }, (v) => percent(v));
  }

  async function gaps(s) {
    const params = Object.assign({ limit: 12, occupations: 0 }, s);
    V.csvLink("panel-gaps", "api/analytics/gaps", params);
    const result = await api("api/analytics/gaps", params);
    const body = $("table-gaps").querySelector("tbody");
    body.replaceChildren();
    for (const k of result.skills) {
      body.appendChild(row([skillLink(k), percent(k.share), String(k.offers), k.gapScore.toFixed(3)]));
    }
  }

  async function offers(s) {
    const params = Object.assign({ maxOffers: 5 }, s);
    V.csvLink("panel-offers", "api/analytics/match", params);
    const result = await api("api/analytics/match", params);
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

  /** Skill labels, in the charts and the tables, in the language chosen. */
  async function relabel() {
    const found = await V.relabel($("lang").value, api);
    for (const [id, chart] of Object.entries(charts)) {
      const m = meta[id];
      if (!m.uris) continue;
      if (chart.config.type === "bar") {
        chart.data.labels = m.labels.map((l, i) => found.get(m.uris[i]) || l);
      } else {
        chart.data.datasets.forEach((d, i) => { d.label = found.get(m.uris[i]) || m.datasetLabels[i]; });
      }
      chart.update();
      V.tableOf($(id).closest("section").id, { data: chart.data, tableHeader: m.tableHeader }, m.format);
    }
  }

  async function refresh() {
    const s = slice();
    if (!s.sector) return;
    const mine = ++refreshes;
    const query = new URLSearchParams(Object.entries(s).filter(([, v]) => v)).toString();
    location.hash = query + `&level=${$("level").value}&lang=${$("lang").value}`;
    $("report-link").href = "api/reports/sector?" + query;
    $("report-link").hidden = false;
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
    await relabel().catch((e) => outcomes.push({ status: "rejected", reason: e }));
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

  function languageName(code) {
    try {
      return new Intl.DisplayNames(["en"], { type: "language" }).of(code) || code;
    } catch (e) {
      return code;
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
      const by = (groupBy) => api("api/analytics/demand", { groupBy, limit: 1 });
      const [sectors, countries, regions, occupations, datasets, versions] = await Promise.all([
        by("sector"), by("country"), by("region"), by("occupation"), api("api/datasets"), api("api/esco/versions"),
      ]);
      fillSelect($("sector"), sectors.groups, (c) => `${c} ${NACE[c] || ""}`.trim());
      fillSelect($("country"), countries.groups.slice().sort((a, b) => countryName(a.group).localeCompare(countryName(b.group))), countryName);
      fillSelect($("region"), regions.groups.slice().sort((a, b) => a.group.localeCompare(b.group)), (c) => c);
      for (const [code, name] of Object.entries(V.ISCO)) {
        const option = element("option", `${code} ${name}`);
        option.value = code;
        $("occupation-isco").appendChild(option);
      }
      const top = occupations.groups.slice(0, 40);
      const names = await V.labels(top.map((g) => g.group), "en", api, true);
      fillSelect($("occupation-esco"), top, (uri) => names.get(uri) || uri);
      const current = versions.find((v) => v.current) || versions[0];
      for (const l of (current ? current.languages : []).filter((x) => x !== "en").sort()) {
        const option = element("option", languageName(l));
        option.value = l;
        $("lang").appendChild(option);
      }
      V.showData(stats, datasets, current);
      const wanted = new URLSearchParams(location.hash.slice(1));
      for (const id of ["sector", "country", "region", "occupation", "from", "to", "level", "lang"]) {
        if (wanted.get(id)) $(id).value = wanted.get(id);
      }
      V.wirePngButtons();
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
