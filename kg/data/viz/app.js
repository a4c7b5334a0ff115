/* kg explorer: builds the vis-network view, search, filters and info panel from the embedded JSON.
 * Every text that comes from articles is put into the page with textContent, never as HTML, and only
 * http(s) URLs become links. */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const META = DATA.meta;
  const KINDS = META.kinds;
  const $ = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function safeUrl(url) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(text, url) {
    const href = safeUrl(url);
    if (!href) return el("span", text);
    const a = el("a", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  // --- data -----------------------------------------------------------------------------
  const byId = new Map();
  const adjacency = new Map();
  const visNodes = DATA.nodes.map((n) => {
    byId.set(n.i, n);
    adjacency.set(n.i, new Set());
    n.search = [n.label].concat(n.aliases || []).join("\n").toLowerCase();
    const style = KINDS[n.kind] || KINDS.Event;
    return {
      id: n.i, label: n.label.length > 36 ? n.label.slice(0, 35) + "\u2026" : n.label, x: n.x, y: n.y, size: n.size, shape: style.shape,
      color: { background: style.color, border: style.border,
        highlight: { background: style.color, border: "#1f2328" }, hover: { background: style.color, border: "#1f2328" } },
      font: { size: n.font, color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff" },
      opacity: 1,
    };
  });
  const visEdges = DATA.edges.map((e, index) => {
    adjacency.get(e.from).add(e.to);
    adjacency.get(e.to).add(e.from);
    const role = e.k === "role";
    return {
      id: index, from: e.from, to: e.to, arrows: { to: { enabled: true, scaleFactor: 0.35 } },
      color: { color: role ? "#c4c9d0" : "#8c959f", highlight: "#1f2328", hover: "#1f2328", opacity: 1 },
      width: role ? 1 : 1.5, font: { size: 11, align: "middle", strokeWidth: 3, strokeColor: "#ffffff" },
    };
  });

  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);

  // --- filter state ---------------------------------------------------------------------
  const state = {
    classes: new Set(Object.keys(META.classes)),
    query: "", from: "", to: "", undated: true,
    limit: META.overview ? META.overview : Infinity,
    pinned: new Set(), community: null,
  };
  let visible = new Set();
  let matches = [];

  function dateOk(n) {
    if (n.kind !== "Event" || (!state.from && !state.to)) return true;
    if (!n.d0) return state.undated;
    if (state.from && n.d1 < state.from) return false;
    if (state.to && n.d0 > state.to) return false;
    return true;
  }

  function compute() {
    const q = state.query.trim().toLowerCase();
    let around = null;
    matches = [];
    if (q) {
      around = new Set();
      for (const n of DATA.nodes) {
        if (n.search.includes(q) && state.classes.has(n.cls) && dateOk(n)) {
          matches.push(n);
          around.add(n.i);
          for (const m of adjacency.get(n.i)) around.add(m);
        }
      }
    }
    const next = new Set();
    for (const n of DATA.nodes) {
      if (!state.classes.has(n.cls) || !dateOk(n)) continue;
      if (around) {
        if (!around.has(n.i)) continue;
      } else if (state.community !== null) {
        if (n.c !== state.community) continue;
      } else if (n.rank >= state.limit && !state.pinned.has(n.i)) {
        continue;
      }
      next.add(n.i);
    }
    visible = next;
  }

  const nodeView = new vis.DataView(nodes, { filter: (n) => visible.has(n.id) });
  const edgeView = new vis.DataView(edges, { filter: (e) => visible.has(e.from) && visible.has(e.to) });

  // --- network --------------------------------------------------------------------------
  const container = $("graph");
  const big = DATA.nodes.length > 800;
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    nodes: { borderWidth: 1, scaling: { label: { drawThreshold: 7 } } },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.5 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false },
  });

  // The overview (most central nodes only) has its own positions; any way of showing more switches to
  // the full layout, where every node has a place.
  let overviewLayout = false;

  function inOverview() {
    return Boolean(META.overview) && state.limit === META.overview && !state.query.trim() &&
      state.community === null && state.pinned.size === 0;
  }

  function useLayout(overview) {
    if (overview === overviewLayout) return;
    overviewLayout = overview;
    nodes.update(DATA.nodes.filter((n) => !overview || n.ox !== undefined).map((n) => (
      { id: n.i, x: overview ? n.ox : n.x, y: overview ? n.oy : n.y })));
  }

  function refresh(fit) {
    clearHighlight();
    compute();
    const overview = inOverview();
    if (overview !== overviewLayout) fit = true;
    useLayout(overview);
    nodeView.refresh();
    edgeView.refresh();
    $("stats").textContent = `${fmt(visible.size)} of ${fmt(DATA.nodes.length)} nodes shown · ` +
      `${fmt(DATA.edges.length)} edges` + (META.truncated ? ` · ${fmt(META.total_nodes)} in the graph` : "");
    renderResults();
    updateOverview();
    if (fit && visible.size) network.fit({ nodes: Array.from(visible), animation: false });
  }

  function fmt(n) {
    return Number(n).toLocaleString("en");
  }

  // --- neighbourhood highlight ---------------------------------------------------------
  let highlighted = null;

  function highlight(id) {
    clearHighlight();
    const hood = new Set(adjacency.get(id));
    hood.add(id);
    const nodeUpdates = [];
    for (const v of visible) {
      if (!hood.has(v)) nodeUpdates.push({ id: v, opacity: 0.15, font: { color: "#b8bec5" } });
    }
    const edgeUpdates = [];
    const labelled = [];
    for (const e of edgeView.get()) {
      const touches = e.from === id || e.to === id;
      const update = { id: e.id, color: Object.assign({}, e.color, { opacity: touches ? 1 : 0.08 }) };
      if (touches) {
        // vis-network keeps a label once set, so labels are shown and hidden through their size.
        update.label = DATA.edges[e.id].l;
        update.font = { size: 11 };
        labelled.push(e.id);
      }
      edgeUpdates.push(update);
    }
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    highlighted = { nodes: nodeUpdates.map((u) => u.id), edges: edgeUpdates.map((u) => u.id), labelled: labelled };
  }

  function clearHighlight() {
    if (!highlighted) return;
    const hidden = new Set(highlighted.labelled);
    nodes.update(highlighted.nodes.map((id) => ({ id: id, opacity: 1, font: { color: "#1f2328" } })));
    edges.update(highlighted.edges.map((id) => {
      const update = { id: id, color: Object.assign({}, edges.get(id).color, { opacity: 1 }) };
      if (hidden.has(id)) update.font = { size: 0 };
      return update;
    }));
    highlighted = null;
  }

  // --- info panel -------------------------------------------------------------------------
  function evidenceList(records) {
    const list = el("ol", null, "evidence");
    for (const r of records || []) {
      const item = el("li");
      item.appendChild(el("blockquote", r.sentence));
      const source = el("div", null, "source");
      source.appendChild(document.createTextNode("— "));
      source.appendChild(link(r.title, r.url));
      if (r.published) source.appendChild(document.createTextNode(` (${r.published})`));
      item.appendChild(source);
      list.appendChild(item);
    }
    return list;
  }

  function addField(dl, name, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", name));
    dl.appendChild(el("dd", value));
  }

  function showNode(id) {
    const n = byId.get(id);
    const body = $("info-body");
    body.replaceChildren();
    body.appendChild(el("h2", n.label));
    const kindLabel = KINDS[n.kind] ? KINDS[n.kind].label : n.kind;
    body.appendChild(el("p", n.cls === n.kind ? kindLabel : `${n.cls} · ${kindLabel}`, "muted"));
    const dl = el("dl");
    addField(dl, "also", (n.aliases || []).join(", "));
    addField(dl, "date", n.date);
    addField(dl, "status", n.status);
    addField(dl, "amount", n.amount);
    addField(dl, "role", n.role);
    addField(dl, n.kind === "Event" ? "reported by" : "mentioned in", `${n.mentions} document${n.mentions === 1 ? "" : "s"}`);
    addField(dl, "links", String(adjacency.get(id).size));
    body.appendChild(dl);
    if (n.ev && n.ev.length) {
      body.appendChild(el("h3", "Evidence"));
      body.appendChild(evidenceList(n.ev));
    }
    const related = [];
    DATA.edges.forEach((e) => {
      if (e.from === id) related.push([e, e.to, (label) => `${e.l} → ${label}`]);
      else if (e.to === id) related.push([e, e.from, (label) => `← ${label} (${e.l})`]);
    });
    if (related.length) {
      body.appendChild(el("h3", "Connections"));
      const list = el("ol");
      related.sort((a, b) => byId.get(a[1]).rank - byId.get(b[1]).rank);
      for (const [, other, how] of related.slice(0, 60)) {
        const button = el("button", how(byId.get(other).label), "link-button");
        button.type = "button";
        button.addEventListener("click", () => focusNode(other));
        const item = el("li");
        item.appendChild(button);
        list.appendChild(item);
      }
      body.appendChild(list);
    }
    if (n.src && n.src.length) {
      body.appendChild(el("h3", "Sources"));
      const list = el("ol");
      for (const s of n.src) {
        const item = el("li", null, "source");
        item.appendChild(link(s.title, s.url));
        if (s.published) item.appendChild(document.createTextNode(` (${s.published})`));
        list.appendChild(item);
      }
      body.appendChild(list);
    }
    $("info").hidden = false;
  }

  function showEdge(edgeId) {
    const e = DATA.edges[edgeId];
    const body = $("info-body");
    body.replaceChildren();
    body.appendChild(el("h2", `${byId.get(e.from).label} — ${e.l} → ${byId.get(e.to).label}`));
    const dl = el("dl");
    addField(dl, "role", e.role);
    addField(dl, "former", e.former ? "yes" : null);
    body.appendChild(dl);
    const records = e.ev || byId.get(e.from).ev;
    if (records && records.length) {
      body.appendChild(el("h3", "Evidence"));
      body.appendChild(evidenceList(records));
    }
    $("info").hidden = false;
  }

  function closeInfo() {
    $("info").hidden = true;
    clearHighlight();
    network.unselectAll();
  }

  function focusNode(id) {
    if (!visible.has(id)) {
      state.pinned.add(id);
      refresh(false);
    }
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
  }

  // --- tooltip ----------------------------------------------------------------------------
  const tooltip = $("tooltip");

  function showTooltip(pointer, title, sub, text) {
    tooltip.replaceChildren(el("div", title, "tt-title"));
    if (sub) tooltip.appendChild(el("div", sub, "tt-sub"));
    if (text) tooltip.appendChild(el("div", text));
    const box = container.getBoundingClientRect();
    tooltip.style.left = `${Math.min(box.left + pointer.x + 14, window.innerWidth - 380)}px`;
    tooltip.style.top = `${box.top + pointer.y + 14}px`;
    tooltip.hidden = false;
  }

  network.on("hoverNode", (p) => {
    const n = byId.get(p.node);
    const sub = [n.cls, n.date].filter(Boolean).join(" · ");
    showTooltip(p.pointer.DOM, n.label, sub, n.ev && n.ev.length ? n.ev[0].sentence : null);
  });
  network.on("hoverEdge", (p) => {
    const e = DATA.edges[p.edge];
    const records = e.ev || byId.get(e.from).ev || [];
    showTooltip(p.pointer.DOM, `${byId.get(e.from).label} — ${e.l} → ${byId.get(e.to).label}`,
      records.length ? records[0].title : null, records.length ? records[0].sentence : null);
  });
  network.on("blurNode", () => { tooltip.hidden = true; });
  network.on("blurEdge", () => { tooltip.hidden = true; });
  network.on("dragStart", () => { tooltip.hidden = true; });

  network.on("click", (p) => {
    tooltip.hidden = true;
    if (p.nodes.length) {
      highlight(p.nodes[0]);
      showNode(p.nodes[0]);
    } else if (p.edges.length) {
      clearHighlight();
      showEdge(p.edges[0]);
    } else {
      closeInfo();
    }
  });
  network.on("doubleClick", (p) => {
    if (!p.nodes.length) return;
    for (const m of adjacency.get(p.nodes[0])) state.pinned.add(m);
    refresh(false);
    highlight(p.nodes[0]);
  });
  $("info-close").addEventListener("click", closeInfo);

  // --- search -----------------------------------------------------------------------------
  function renderResults() {
    const list = $("results");
    list.replaceChildren();
    if (!state.query.trim()) return;
    if (!matches.length) {
      list.appendChild(el("li", "no match", "muted small"));
      return;
    }
    for (const n of matches.slice().sort((a, b) => a.rank - b.rank).slice(0, 12)) {
      const button = el("button", `${n.label} · ${n.cls}`);
      button.type = "button";
      button.addEventListener("click", () => focusNode(n.i));
      const item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  let searchTimer = null;
  $("search").addEventListener("input", (ev) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.query = ev.target.value;
      refresh(true);
    }, 120);
  });
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      clearTimeout(searchTimer);
      state.query = ev.target.value;
      refresh(true);
      if (matches.length) focusNode(matches.slice().sort((a, b) => a.rank - b.rank)[0].i);
    }
  });

  // --- legend and type filters ------------------------------------------------------------
  function buildLegend() {
    const legend = $("legend");
    const byKind = {};
    for (const [cls, info] of Object.entries(META.classes)) {
      (byKind[info.kind] = byKind[info.kind] || []).push([cls, info.count]);
    }
    for (const kind of Object.keys(KINDS)) {
      if (!byKind[kind]) continue;
      const style = KINDS[kind];
      const details = el("details", null, "kind");
      const summary = el("summary");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.kind = kind;
      const swatch = el("span", null, `swatch ${style.shape}`);
      swatch.style.background = style.color;
      swatch.style.color = style.color;
      summary.appendChild(box);
      summary.appendChild(swatch);
      summary.appendChild(el("span", style.label));
      summary.appendChild(el("span", fmt(byKind[kind].reduce((s, c) => s + c[1], 0)), "count"));
      details.appendChild(summary);
      const classes = el("div", null, "classes");
      const boxes = [];
      for (const [cls, count] of byKind[kind]) {
        const label = el("label", null, "check");
        const cb = el("input");
        cb.type = "checkbox";
        cb.checked = true;
        cb.dataset.cls = cls;
        cb.addEventListener("change", () => {
          if (cb.checked) state.classes.add(cls); else state.classes.delete(cls);
          box.checked = boxes.some((b) => b.checked);
          box.indeterminate = box.checked && !boxes.every((b) => b.checked);
          refresh(false);
        });
        boxes.push(cb);
        label.appendChild(cb);
        label.appendChild(el("span", cls));
        label.appendChild(el("span", fmt(count), "count"));
        classes.appendChild(label);
      }
      box.addEventListener("click", (ev) => ev.stopPropagation());
      box.addEventListener("change", () => {
        box.indeterminate = false;
        for (const cb of boxes) {
          cb.checked = box.checked;
          if (box.checked) state.classes.add(cb.dataset.cls); else state.classes.delete(cb.dataset.cls);
        }
        refresh(false);
      });
      details.appendChild(classes);
      legend.appendChild(details);
    }
  }

  // --- dates, overview, communities ---------------------------------------------------------
  function setupDates() {
    for (const id of ["date-from", "date-to"]) {
      const input = $(id);
      if (META.date_min) input.min = META.date_min;
      if (META.date_max) input.max = META.date_max;
      input.addEventListener("change", () => {
        state.from = $("date-from").value;
        state.to = $("date-to").value;
        refresh(false);
      });
    }
    $("undated").addEventListener("change", (ev) => {
      state.undated = ev.target.checked;
      refresh(false);
    });
  }

  function updateOverview() {
    if (!META.overview) return;
    const shown = Math.min(state.limit, DATA.nodes.length);
    $("overview").hidden = false;
    $("overview-text").textContent = shown >= DATA.nodes.length
      ? "Showing every node."
      : `Overview: the ${fmt(shown)} most central of ${fmt(DATA.nodes.length)} nodes. ` +
        "Search, pick a community or double-click a node to see more.";
    $("show-more").disabled = shown >= DATA.nodes.length;
    $("show-all").disabled = shown >= DATA.nodes.length;
  }

  function setupOverview() {
    $("show-more").addEventListener("click", () => {
      state.limit = Math.min(state.limit + META.step, DATA.nodes.length);
      refresh(false);
    });
    $("show-all").addEventListener("click", () => {
      state.limit = Infinity;
      refresh(true);
    });
  }

  function setupCommunities() {
    const list = $("communities");
    for (const c of META.communities) {
      const button = el("button", `${fmt(c.size)} · ${c.top.join(", ")}`);
      button.type = "button";
      button.title = c.top.join(", ");
      button.addEventListener("click", () => {
        state.community = c.id;
        $("community-name").textContent = `Community of ${c.top[0]}`;
        $("community-filter").hidden = false;
        refresh(true);
      });
      const item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    }
    $("community-clear").addEventListener("click", () => {
      state.community = null;
      $("community-filter").hidden = true;
      refresh(true);
    });
  }

  buildLegend();
  setupDates();
  setupOverview();
  setupCommunities();
  network.once("afterDrawing", () => {
    window.kgReadyMs = performance.now();
    document.documentElement.setAttribute("data-kg-ready", "1");
  });
  refresh(true);
  if (META.focus !== null && META.focus !== undefined) focusNode(META.focus);

  // A small handle for tests and for the curious in the console.
  window.kg = {
    nodes: nodes, edges: edges, network: network, state: state,
    visibleIds: () => Array.from(visible).sort((a, b) => a - b),
    labelOf: (id) => byId.get(id).label,
  };
})();
