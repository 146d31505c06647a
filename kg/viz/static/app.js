(function () {
  "use strict";
  performance.mark("kg-start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-parsed");
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  var byId = new Map(), adj = new Map(), edgeById = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); adj.set(n.id, []); });
  data.edges.forEach(function (e) { edgeById.set(e.id, e); adj.get(e.from).push(e); adj.get(e.to).push(e); });
  document.title = data.title;
  $("kg-title").textContent = data.title;
  data.notes.forEach(function (t) { $("kg-notes").appendChild(el("p", t)); });

  var big = data.nodes.length > 1500;
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {id: n.id, label: n.short, x: n.x, y: n.y, shape: n.shape, size: n.size, hidden: false,
            color: {background: n.color, border: n.color, highlight: {background: "#ffd400", border: "#222"},
                    hover: {background: n.color, border: "#222"}},
            font: {size: n.font, color: "#222", strokeWidth: 3, strokeColor: "#ffffff"},
            borderWidth: n.id === data.focus ? 4 : 1};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    // Thousands of edge labels cost seconds per frame and read as noise zoomed out; big
    // views keep them in the panel instead.
    return {id: e.id, from: e.from, to: e.to, label: big ? undefined : e.label, width: e.width, arrows: "to",
            color: {color: "#9aa3ad", highlight: "#333", hover: "#555", opacity: big ? 0.35 : 1},
            font: {size: 12, color: "#444", strokeWidth: 3, strokeColor: "#fff", align: "middle"}};
  }));
  var options = {
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  multiselect: false, navigationButtons: false, keyboard: false},
    edges: {smooth: false, selectionWidth: 2},
    nodes: {scaling: {label: {drawThreshold: 7}}}
  };
  performance.mark("kg-datasets");
  var network = new vis.Network($("kg-canvas"), {nodes: nodes, edges: edges}, options);
  performance.mark("kg-network");

  // Legend = the type filter.
  var typeOn = {};
  data.legend.forEach(function (l) {
    typeOn[l.type] = true;
    var lab = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.type = l.type;
    box.addEventListener("change", function () { typeOn[l.type] = box.checked; applyFilters(); });
    var g = el("span", l.glyph, "glyph"); g.style.color = l.color;
    lab.appendChild(box); lab.appendChild(g); lab.appendChild(el("span", l.type)); lab.appendChild(el("span", l.count, "count"));
    $("kg-legend-items").appendChild(lab);
  });

  var selects = ["theme", "board", "council", "year"].map(function (name) {
    var s = $("kg-filter-" + name);
    var all = el("option", "all"); all.value = ""; s.appendChild(all);
    (data.filters[name] || []).forEach(function (v) { var o = el("option", v); o.value = String(v); s.appendChild(o); });
    s.disabled = !(data.filters[name] || []).length;
    s.addEventListener("change", applyFilters);
    return s;
  });

  function passes(n) {
    if (!typeOn[n.type]) return false;
    for (var i = 0; i < selects.length; i++) {
      var v = selects[i].value;
      if (v === "") continue;
      var have = n[selects[i].dataset.filter] || [];
      if (!have.some(function (x) { return String(x) === v; })) return false;
    }
    return true;
  }
  function visibleCount() { return nodes.get({filter: function (n) { return !n.hidden; }}).length; }
  function status(extra) {
    $("kg-status").textContent = (extra ? extra + " \u2014 " : "") + "showing " + visibleCount() + " of " + data.nodes.length + " nodes";
  }
  function applyFilters() {
    var updates = [];
    data.nodes.forEach(function (n) {
      var hide = !passes(n);
      if (nodes.get(n.id).hidden !== hide) updates.push({id: n.id, hidden: hide});
    });
    if (updates.length) nodes.update(updates);
    status();
  }
  function resetFilters() {
    selects.forEach(function (s) { s.value = ""; });
    Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input"), function (b) { b.checked = true; typeOn[b.dataset.type] = true; });
    applyFilters();
  }
  $("kg-reset").addEventListener("click", resetFilters);

  // Search by name or alias.
  var names = $("kg-names"), seen = new Set();
  data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) {
    [n.label].concat(n.aliases).forEach(function (name) {
      if (seen.size < 5000 && !seen.has(name)) { seen.add(name); var o = el("option"); o.value = name; names.appendChild(o); }
    });
  });
  function fold(s) { return String(s).trim().replace(/\s+/g, " ").toLowerCase(); }
  function find(q) {
    q = fold(q);
    if (!q) return null;
    var tiers = [[], [], []];
    data.nodes.forEach(function (n) {
      var ns = [n.label].concat(n.aliases).map(fold);
      if (ns.indexOf(q) >= 0) tiers[0].push(n);
      else if (ns.some(function (x) { return x.indexOf(q) === 0; })) tiers[1].push(n);
      else if (ns.some(function (x) { return x.indexOf(q) >= 0; })) tiers[2].push(n);
    });
    for (var i = 0; i < 3; i++) if (tiers[i].length) return tiers[i][0];
    return null;
  }
  function focusNode(id) {
    if (nodes.get(id).hidden) resetFilters();
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: false});
    showNode(id);
  }
  function search() {
    var q = $("kg-search").value, n = find(q);
    if (!n) { status("no node matches \u201c" + q + "\u201d"); return null; }
    focusNode(n.id);
    status("found " + n.label);
    return n.id;
  }
  $("kg-search-go").addEventListener("click", search);
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });

  // Details panel.
  function evidenceList(list) {
    var ul = el("ul");
    list.slice(0, 20).forEach(function (a) {
      var e = {fact: a[0], text: a[1], document: data.sources[a[2]], start: a[3], end: a[4]};
      var li = el("li");
      if (e.fact) li.appendChild(el("div", e.fact));
      li.appendChild(el("blockquote", e.text));
      var where = e.document + (e.start !== null && e.start !== undefined ? " (characters " + e.start + "\u2013" + e.end + ")" : "");
      li.appendChild(el("div", where, "src"));
      ul.appendChild(li);
    });
    if (list.length > 20) ul.appendChild(el("li", "\u2026 and " + (list.length - 20) + " more"));
    return ul;
  }
  function facts(dl, pairs) {
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "" || (Array.isArray(p[1]) && !p[1].length)) return;
      dl.appendChild(el("dt", p[0]));
      dl.appendChild(el("dd", Array.isArray(p[1]) ? p[1].join(", ") : p[1]));
    });
  }
  function showNode(id) {
    var n = byId.get(id), panel = $("kg-panel");
    panel.replaceChildren(el("h2", n.label));
    var dl = el("dl");
    facts(dl, [["type", n.type], ["kind", n.kind], ["also called", n.aliases], ["roles", n.roles],
               ["council", n.council], ["years", n.year], ["documents", n.documents], ["IRI", n.iri]]);
    Object.keys(n.folded || {}).forEach(function (t) { facts(dl, [["folded " + t.toLowerCase() + "s", String(n.folded[t])]]); });
    panel.appendChild(dl);
    var mine = adj.get(id) || [];
    if (mine.length) {
      panel.appendChild(el("h2", "Facts"));
      var ul = el("ul");
      mine.slice(0, 60).forEach(function (e) {
        var other = byId.get(e.from === id ? e.to : e.from);
        var li = el("li", e.from === id ? "\u2192 " + e.label + ": " + other.label
                                        : "\u2190 " + other.label + ": " + e.label + " this");
        if (e.evidence.length) li.appendChild(evidenceList(e.evidence));
        ul.appendChild(li);
      });
      if (mine.length > 60) ul.appendChild(el("li", "\u2026 and " + (mine.length - 60) + " more"));
      panel.appendChild(ul);
    }
    if (n.evidence.length) { panel.appendChild(el("h2", "Evidence")); panel.appendChild(evidenceList(n.evidence)); }
  }
  function showEdge(id) {
    var e = edgeById.get(id), panel = $("kg-panel");
    panel.replaceChildren(el("h2", byId.get(e.from).label + " \u2192 " + e.label + " \u2192 " + byId.get(e.to).label));
    var dl = el("dl");
    facts(dl, [["facts", e.facts], ["title", e.title], ["documents", e.documents]]);
    panel.appendChild(dl);
    if (e.evidence.length) panel.appendChild(evidenceList(e.evidence));
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // Tooltip (our own element, text only).
  var tip = $("kg-tip");
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node);
    tip.replaceChildren(el("strong", n.label), el("div", n.type + (n.kind ? " (" + n.kind + ")" : "")));
    if (n.aliases.length) tip.appendChild(el("div", "also: " + n.aliases.join(", ")));
    if (n.evidence.length) tip.appendChild(el("div", "\u201c" + n.evidence[0][1] + "\u201d"));
    tip.style.left = (p.pointer.DOM.x + 14) + "px";
    tip.style.top = (p.pointer.DOM.y + 14) + "px";
    tip.style.display = "block";
  });
  network.on("blurNode", function () { tip.style.display = "none"; });
  network.on("dragStart", function () { tip.style.display = "none"; });

  // vis's fit() frames node centres and cuts off labels at the edges; once a frame has
  // measured the labels, frame their boxes instead (small views: boxes cost a pass).
  function fitAll() {
    var ids = nodes.getIds({filter: function (n) { return !n.hidden; }});
    if (!ids.length) return;
    if (ids.length > 1500) { network.fit({animation: false}); return; }
    var l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
    ids.forEach(function (id) {
      var bb = network.getBoundingBox(id);
      l = Math.min(l, bb.left); r = Math.max(r, bb.right); t = Math.min(t, bb.top); b = Math.max(b, bb.bottom);
    });
    var box = $("kg-canvas"), pad = 30;
    var scale = Math.min((box.clientWidth - 2 * pad) / Math.max(1, r - l), (box.clientHeight - 2 * pad) / Math.max(1, b - t));
    network.moveTo({position: {x: (l + r) / 2, y: (t + b) / 2}, scale: Math.min(scale, 1.6), animation: false});
  }
  network.fit({animation: false});
  if (data.focus !== null && data.focus !== undefined) { network.selectNodes([data.focus]); showNode(data.focus); }
  performance.mark("kg-ui");
  network.once("afterDrawing", function () {
    fitAll();
    performance.mark("kg-drawn");
    window.kgReady = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.redraw();
  status();
  window.kg = {network: network, nodes: nodes, edges: edges, data: data, visibleCount: visibleCount, fitAll: fitAll,
               applyFilters: applyFilters, resetFilters: resetFilters, search: search, find: find};
})();
