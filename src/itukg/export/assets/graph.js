"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const svg = document.getElementById("graph");
  const NS = "http://www.w3.org/2000/svg";
  const W = 1600, H = Math.max(900, data.height || 0, 26 * Math.max(...countColumns()));
  const margin = { left: 230, right: 330, top: 40, bottom: 40 };
  const view = { x: 0, y: 0, w: W, h: H };
  const byId = new Map();
  const hidden = { sector: new Set(), kind: new Set() };

  function countColumns() {
    const columns = new Map();
    for (const n of data.nodes) columns.set(n.x, (columns.get(n.x) || 0) + 1);
    return columns.size ? [...columns.values()] : [1];
  }
  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (parent) parent.appendChild(e);
    return e;
  }
  function place(n) {
    return [margin.left + n.x * (W - margin.left - margin.right), margin.top + n.y * (H - margin.top - margin.bottom)];
  }
  function short(text, size) { return text.length > size ? text.slice(0, size - 1) + "…" : text; }

  const edgeLayer = el("g", { class: "edges" }, svg);
  const nodeLayer = el("g", { class: "nodes" }, svg);
  for (const n of data.nodes) {
    const [x, y] = place(n);
    const g = el("g", { class: "node", transform: `translate(${x},${y})` }, nodeLayer);
    const r = 5 + Math.min(n.degree || 1, 12) * 1.2;
    if (n.kind === "resolution" || n.kind === "provision") {
      el("rect", { x: -r, y: -r * 0.7, width: 2 * r, height: 1.4 * r, rx: 3, fill: n.colour }, g);
    } else {
      el("circle", { r: r, fill: n.colour }, g);
    }
    const right = n.side ? n.side === "right" : n.x > 0.5;
    const label = el("text", { x: right ? r + 5 : -(r + 5), y: 4, "text-anchor": right ? "start" : "end" }, g);
    label.textContent = short(n.label || n.id, 46);
    byId.set(n.id, { data: n, g: g, x: x, y: y, edges: [] });
  }
  for (const e of data.edges) {
    const a = byId.get(e.source), b = byId.get(e.target);
    if (!a || !b) continue;
    const mx = (a.x + b.x) / 2;
    const path = el("path", {
      class: "edge",
      d: `M${a.x},${a.y} C${mx},${a.y} ${mx},${b.y} ${b.x},${b.y}`,
      "stroke-width": 1 + Math.min(e.count || 1, 8) * 0.6,
    }, edgeLayer);
    const item = { data: e, path: path, a: a, b: b };
    a.edges.push(item); b.edges.push(item);
  }

  function apply() {
    const q = document.getElementById("search").value.trim().toLowerCase();
    let shown = 0;
    for (const node of byId.values()) {
      const off = hidden.sector.has(node.data.sector || "other") || hidden.kind.has(node.data.kind);
      node.g.style.display = off ? "none" : "";
      node.off = off;
      const hit = q && ((node.data.label || "") + " " + (node.data.text || "")).toLowerCase().includes(q);
      node.g.classList.toggle("match", Boolean(hit));
      node.g.classList.toggle("dim", Boolean(q) && !hit);
      if (!off) shown += 1;
    }
    for (const node of byId.values()) for (const e of node.edges) {
      e.path.style.display = e.a.off || e.b.off ? "none" : "";
      e.path.classList.toggle("dim", Boolean(q) && !(e.a.g.classList.contains("match") || e.b.g.classList.contains("match")));
    }
    document.getElementById("count").textContent = `${shown} of ${data.nodes.length} nodes, ${data.edges.length} links`;
  }

  function toggles(listId, values, key, colourOf) {
    const list = document.getElementById(listId);
    for (const value of values) {
      const li = document.createElement("li");
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.checked = true;
      box.addEventListener("change", () => { box.checked ? hidden[key].delete(value) : hidden[key].add(value); apply(); });
      label.appendChild(box);
      if (colourOf) {
        const sw = document.createElement("span");
        sw.className = "swatch"; sw.style.background = colourOf(value);
        label.appendChild(sw);
      }
      label.appendChild(document.createTextNode(value));
      li.appendChild(label); list.appendChild(li);
    }
  }
  const colours = new Map(data.legend.map((l) => [l.sector, l.colour]));
  toggles("legend", data.legend.map((l) => l.sector), "sector", (s) => colours.get(s));
  toggles("kinds", [...new Set(data.nodes.map((n) => n.kind))], "kind", null);

  const tip = document.getElementById("tooltip");
  function show(event, title, meta, text) {
    tip.replaceChildren();
    const b = document.createElement("b"); b.textContent = title; tip.appendChild(b);
    const m = document.createElement("div"); m.className = "meta"; m.textContent = meta; tip.appendChild(m);
    if (text) { const t = document.createElement("div"); t.className = "text"; t.textContent = text; tip.appendChild(t); }
    tip.hidden = false;
    tip.style.left = Math.min(event.clientX + 14, window.innerWidth - 420) + "px";
    tip.style.top = Math.min(event.clientY + 14, window.innerHeight - 160) + "px";
  }
  for (const node of byId.values()) {
    node.g.addEventListener("mouseenter", (event) => {
      const d = node.data;
      const links = node.edges.map((e) => e.data.details || e.data.label).filter(Boolean).slice(0, 6).join("\n");
      show(event, d.label || d.id, [d.kind, d.sector, d.body, d.status].filter(Boolean).join(" · "), d.text || links);
      for (const e of node.edges) e.path.classList.add("hot");
    });
    node.g.addEventListener("mouseleave", () => { tip.hidden = true; for (const e of node.edges) e.path.classList.remove("hot"); });
  }
  for (const node of byId.values()) for (const e of node.edges) {
    e.path.addEventListener("mouseenter", (event) => show(event, e.data.label || e.data.kind, `${e.a.data.label} → ${e.b.data.label}`, e.data.details || e.data.clauses));
    e.path.addEventListener("mouseleave", () => { tip.hidden = true; });
  }

  function frame() { svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`); }
  const stageBox = svg.getBoundingClientRect();
  if (stageBox.width > 0 && stageBox.height > 0) {
    view.h = Math.min(H, W * stageBox.height / stageBox.width);  // fit the width; pan down for more
  }
  svg.addEventListener("wheel", (event) => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    const px = view.x + (event.clientX - box.left) / box.width * view.w;
    const py = view.y + (event.clientY - box.top) / box.height * view.h;
    const k = event.deltaY > 0 ? 1.15 : 1 / 1.15;
    view.w *= k; view.h *= k; view.x = px - (px - view.x) * k; view.y = py - (py - view.y) * k;
    frame();
  }, { passive: false });
  let drag = null;
  svg.addEventListener("mousedown", (event) => { drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y }; svg.classList.add("dragging"); });
  window.addEventListener("mouseup", () => { drag = null; svg.classList.remove("dragging"); });
  window.addEventListener("mousemove", (event) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    view.x = drag.vx - (event.clientX - drag.x) / box.width * view.w;
    view.y = drag.vy - (event.clientY - drag.y) / box.height * view.h;
    frame();
  });
  document.getElementById("search").addEventListener("input", apply);
  frame();
  apply();
  document.body.dataset.renderedNodes = String(nodeLayer.childElementCount);
  document.body.dataset.renderedEdges = String(edgeLayer.childElementCount);
})();
