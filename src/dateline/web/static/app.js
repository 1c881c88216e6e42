// dateline serve: draws the charts (vega-embed) and graphs (Cytoscape.js) a page carries as
// JSON in <script type="application/json">; the page reads fine without any of this.
(function () {
  "use strict";

  function json(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function drawCharts(root) {
    if (typeof vegaEmbed === "undefined") return;
    root.querySelectorAll("[data-vega-spec]").forEach(function (el) {
      if (el.dataset.drawn) return;
      var spec = json(el.dataset.vegaSpec);
      if (!spec) return;
      el.dataset.drawn = "pending";
      vegaEmbed(el, spec, { renderer: "svg", actions: false })
        .then(function () { el.dataset.drawn = "yes"; })
        .catch(function (err) { el.dataset.drawn = "failed"; el.textContent = "The chart could not be drawn: " + err; });
    });
  }

  var COLOURS = { speaker: "#b3261e", addressee: "#6d5e0f", conduit: "#1d5fa8", carrier: "#1d5fa8", channel: "#7a4ea3",
                  outlet: "#2e7d32", document: "#2e7d32" };

  function drawGraphs(root) {
    if (typeof cytoscape === "undefined") return;
    root.querySelectorAll("[data-graph]").forEach(function (el) {
      if (el.dataset.drawn) return;
      var data = json(el.dataset.graph);
      if (!data || !data.nodes || !data.nodes.length) { el.dataset.drawn = "empty"; el.textContent = "Nothing to draw."; return; }
      var elements = data.nodes.map(function (n) {
        var label = n.label + (n.first ? "\n" + n.first.slice(0, 16).replace("T", " ") : "");
        return { data: { id: n.id, label: label, role: n.role, entity: n.entity, document: n.document_id,
                         weight: n.weight || n.documents || 1 } };
      }).concat(data.edges.map(function (e, i) {
        return { data: { id: "edge" + i, source: e.source, target: e.target, label: e.relation || "", n: e.claims || e.documents || 1 } };
      }));
      var cy = cytoscape({
        container: el,
        elements: elements,
        maxZoom: 1.4,  // a graph of a few nodes stays at reading size
        minZoom: 0.1,
        layout: { name: el.dataset.layout || "cose", directed: true, padding: 20, animate: false },
        style: [
          { selector: "node", style: { "label": "data(label)", "text-wrap": "wrap", "font-size": 10, "text-valign": "bottom",
              "background-color": function (n) { return COLOURS[n.data("role")] || "#555"; },
              "width": "mapData(weight, 1, 50, 14, 44)", "height": "mapData(weight, 1, 50, 14, 44)" } },
          { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "width": "mapData(n, 1, 50, 1, 8)",
              "line-color": "#9aa", "target-arrow-color": "#9aa" } }
        ]
      });
      cy.on("tap", "node", function (evt) {
        var entity = evt.target.data("entity"), doc = evt.target.data("document");
        if (entity !== null && entity !== undefined) window.location.href = "/entities/" + encodeURIComponent(entity);
        else if (doc) window.location.href = "/articles/" + encodeURIComponent(doc);
      });
      window.datelineGraphs = window.datelineGraphs || {};
      window.datelineGraphs[el.id] = cy;
      el.dataset.drawn = "yes";
      el.dataset.nodes = String(cy.nodes().length);
    });
  }

  function init(root) { drawCharts(root); drawGraphs(root); }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (evt) { init(evt.detail.elt || document); });
})();
