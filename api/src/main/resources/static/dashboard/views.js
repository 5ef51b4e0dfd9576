// Skills Observatory dashboard: what every panel shares — a table view of each chart (for screen
// readers, and for anyone who wants the figures), CSV and PNG downloads, and labels in the
// languages ESCO is loaded in. Loaded before dashboard.js; served from this server only.
"use strict";
window.ObservatoryViews = (function () {
  const $ = (id) => document.getElementById(id);
  // Eurostat writes Greece as EL and the United Kingdom as UK; the rest are ISO 3166 codes.
  const COUNTRY_ALIASES = { EL: "GR", UK: "GB" };

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
    const s = { sector: $("sector").value, country: $("country").value, region: $("region").value };
    return Object.assign(s, { occupation: $("occupation").value, from: $("from").value, to: $("to").value });
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
    a.dataset.uri = skill.uri;
    a.dataset.label = skill.label || skill.uri;
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


  /** ISCO-08 major groups, for the occupation filter. */
  const ISCO = {
    1: "Managers",
    2: "Professionals",
    3: "Technicians and associate professionals",
    4: "Clerical support workers",
    5: "Service and sales workers",
    6: "Skilled agricultural, forestry and fishery workers",
    7: "Craft and related trades workers",
    8: "Plant and machine operators and assemblers",
    9: "Elementary occupations",
    0: "Armed forces occupations",
  };

  function cell(tag, text) {
    const c = document.createElement(tag);
    c.textContent = text;
    return c;
  }

  /**
   * Writes a chart's data as a table under it: one row per label, one column per dataset, values
   * formatted as the chart shows them.
   */
  function tableOf(panelId, config, format) {
    const table = $(panelId).querySelector(".table-view table");
    if (!table) return;
    const head = document.createElement("tr");
    head.appendChild(cell("th", config.tableHeader || ""));
    for (const d of config.data.datasets) head.appendChild(cell("th", d.label || ""));
    const thead = document.createElement("thead");
    thead.appendChild(head);
    const body = document.createElement("tbody");
    config.data.labels.forEach((label, i) => {
      const tr = document.createElement("tr");
      tr.appendChild(cell("th", label));
      for (const d of config.data.datasets) {
        const v = d.data[i];
        tr.appendChild(cell("td", v == null ? "–" : format(v, d)));
      }
      body.appendChild(tr);
    });
    table.replaceChildren(thead, body);
  }

  /** Points a panel's CSV link at the API answer it shows, as CSV. */
  function csvLink(panelId, path, params) {
    const a = $(panelId).querySelector("a.csv");
    if (!a) return;
    const url = new URL(path, document.baseURI);
    for (const [k, v] of Object.entries(params)) {
      if (v != null && v !== "") url.searchParams.set(k, v);
    }
    url.searchParams.set("format", "csv");
    a.href = url.pathname.replace(/^\//, "") + url.search;
  }

  /** A chart's picture as a PNG file named after its panel, on a white ground. */
  function png(canvas, name) {
    const out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    const g = out.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, out.width, out.height);
    g.drawImage(canvas, 0, 0);
    return new Promise((resolve) =>
      out.toBlob((blob) => {
        const a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = name + ".png";
        document.body.appendChild(a);
        a.click();
        setTimeout(() => {
          URL.revokeObjectURL(a.href);
          a.remove();
        }, 1000);
        resolve(blob);
      }, "image/png"));
  }

  /** Wires the PNG buttons of the chart panels. */
  function wirePngButtons() {
    for (const button of document.querySelectorAll("button.png")) {
      button.addEventListener("click", () => png($(button.dataset.chart), button.dataset.chart));
    }
  }

  /**
   * Preferred labels of ESCO concepts in a language, by URI, from the server (200 at a time); empty
   * for English, which the answers already carry.
   */
  async function labels(uris, language, api, evenEnglish = false) {
    const out = new Map();
    const wanted = [...new Set(uris.filter(Boolean))];
    if (!language || (language === "en" && !evenEnglish) || wanted.length === 0) return out;
    for (let i = 0; i < wanted.length; i += 200) {
      const url = new URL("api/esco/labels", document.baseURI);
      wanted.slice(i, i + 200).forEach((u) => url.searchParams.append("uri", u));
      url.searchParams.set("lang", language);
      const answer = await api(url.pathname.replace(/^\//, "") + url.search);
      for (const [u, l] of Object.entries(answer.labels)) out.set(u, l);
    }
    return out;
  }

  /** Relabels the skill links on the page (each carries its URI) in a language. */
  async function relabel(language, api) {
    const links = [...document.querySelectorAll("#panels a[data-uri]")];
    const found = await labels(links.map((a) => a.dataset.uri), language, api);
    for (const a of links) {
      a.textContent = found.get(a.dataset.uri) || a.dataset.label;
      a.lang = found.has(a.dataset.uri) ? language : "en";
    }
    return found;
  }

  /** What the figures are counted from: how many vacancies, which months, which datasets, when. */
  function showData(stats, datasets, version) {
    const months = Object.keys(stats.byMonth || {}).sort();
    const last = stats.lastIngest && (stats.lastIngest.finishedAt || stats.lastIngest.startedAt);
    const names = datasets.filter((d) => d.kind === "vacancies" || d.kind == null)
      .map((d) => d.name + (d.synthetic ? " (synthetic)" : ""));
    $("data-info").textContent =
      `Data: ${stats.total.toLocaleString("en")} vacancies` +
      (months.length ? `, ${months[0]} to ${months[months.length - 1]}` : "") +
      (names.length ? `; datasets ${names.join(", ")}` : "") +
      (last ? `; last loaded ${last.slice(0, 10)}` : "") +
      (version ? `; ESCO ${version.version}` : "") + ".";
  }

  return {
    ISCO, showData, tableOf, csvLink, png, wirePngButtons, labels, relabel,
    percent, countryName, api, slice, element, skillLink, row, showError, showProvenance,
  };
})();
