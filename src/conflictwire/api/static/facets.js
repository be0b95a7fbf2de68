// Facets: the filters of the side panel, applied to the loaded events in the browser. Each select
// lists its values with how many events would match, given every other filter.
import { h, clear, dayNumber, fmtInt } from "./dom.js";

export const SELECTS = [
  { key: "country", id: "facet-country", label: "Country", of: (p) => p.country },
  { key: "admin1", id: "facet-admin1", label: "Admin1", of: (p) => p.admin1 },
  { key: "event_type", id: "facet-event-type", label: "Event type", of: (p) => p.event_type },
  { key: "sub_event_type", id: "facet-sub-event-type", label: "Sub-event type", of: (p) => p.sub_event_type },
  { key: "grade", id: "facet-grade", label: "Grade", of: (p) => p.grade, fixed: ["single source", "corroborated", "contested"] },
];

// What a feature is searched by, lower-cased once.
function haystacks(f) {
  if (f.actorText === undefined) {
    const p = f.properties;
    f.actorText = [p.actor1, p.actor2, p.assoc_actor_1, p.assoc_actor_2].filter(Boolean).join(" | ").toLowerCase();
    f.allText = [f.actorText, p.notes, p.location, p.admin1, p.admin2, p.country, p.iso, p.event_type, p.sub_event_type,
      p.weapon, p.event_id_cnty, p.event_date].filter(Boolean).join(" | ").toLowerCase();
  }
  return f;
}

export class Facets {
  constructor(panel, onChange) {
    this.panel = panel;
    this.onChange = onChange;
    this.values = {}; // facet key -> selected value ("" for all)
    this.brush = null; // [first day, last day] from the timeline
    this.build();
  }

  build() {
    const p = this.panel;
    p.appendChild(h("div", { class: "facet facet-dates" },
      h("label", { for: "facet-since" }, "From"), h("input", { type: "date", id: "facet-since" }),
      h("label", { for: "facet-until" }, "To"), h("input", { type: "date", id: "facet-until" })));
    for (const s of SELECTS) {
      p.appendChild(h("div", { class: "facet" }, h("label", { for: s.id }, s.label),
        h("select", { id: s.id, "data-facet": s.key }, h("option", { value: "" }, "All"))));
    }
    p.appendChild(h("div", { class: "facet" }, h("label", { for: "facet-actor" }, "Actor"),
      h("input", { type: "search", id: "facet-actor", list: "actor-names", placeholder: "any actor (part of a name)", autocomplete: "off" }),
      h("datalist", { id: "actor-names" })));
    p.appendChild(h("div", { class: "facet" }, h("label", { for: "facet-text" }, "Search"),
      h("input", { type: "search", id: "facet-text", placeholder: "words in notes, places, actors", autocomplete: "off" })));
    p.appendChild(h("div", { class: "facet facet-buttons" },
      h("button", { type: "button", id: "reset-filters" }, "Reset filters")));
    for (const s of SELECTS) {
      p.querySelector(`#${s.id}`).addEventListener("change", (e) => { this.values[s.key] = e.target.value; this.onChange(); });
    }
    for (const id of ["facet-since", "facet-until"]) p.querySelector(`#${id}`).addEventListener("change", () => this.onChange());
    let timer = null;
    for (const id of ["facet-actor", "facet-text"]) {
      p.querySelector(`#${id}`).addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => this.onChange(), 200); });
    }
    p.querySelector("#reset-filters").addEventListener("click", () => this.reset());
  }

  reset() {
    this.values = {};
    for (const el of this.panel.querySelectorAll("input, select")) el.value = "";
    this.resetBrush?.();
    this.onChange();
  }

  // The filter as it stands: selects, dates as day numbers, words lower-cased.
  current() {
    const val = (id) => this.panel.querySelector(`#${id}`).value.trim();
    const since = val("facet-since"), until = val("facet-until");
    return {
      ...this.values,
      since: since ? dayNumber(since) : null,
      until: until ? dayNumber(until) : null,
      actor: val("facet-actor").toLowerCase(),
      words: val("facet-text").toLowerCase().split(/\s+/).filter(Boolean),
    };
  }

  // Does feature f pass the filter `c`, leaving out the facet `skip` (and the brush, unless asked)?
  static passes(f, c, { skip = null, brush = null } = {}) {
    const p = f.properties;
    for (const s of SELECTS) {
      if (s.key !== skip && c[s.key] && s.of(p) !== c[s.key]) return false;
    }
    for (const [lo, hi] of [[c.since, c.until], brush || [null, null]]) {
      if (lo === null && hi === null) continue;
      if (!f.span) return false;
      if (lo !== null && f.span[1] < lo) return false;
      if (hi !== null && f.span[0] > hi) return false;
    }
    if (c.actor || c.words.length) {
      haystacks(f);
      if (c.actor && !f.actorText.includes(c.actor)) return false;
      for (const w of c.words) if (!f.allText.includes(w)) return false;
    }
    return true;
  }

  // Each select's options, counted over the events that pass every other filter.
  refresh(features, c, brush) {
    for (const s of SELECTS) {
      const counts = new Map((s.fixed || []).map((v) => [v, 0]));
      let total = 0;
      for (const f of features) {
        if (!Facets.passes(f, c, { skip: s.key, brush })) continue;
        total += 1;
        const v = s.of(f.properties);
        if (v) counts.set(v, (counts.get(v) || 0) + 1);
      }
      const select = this.panel.querySelector(`#${s.id}`);
      const chosen = c[s.key] || "";
      if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
      const order = [...counts.entries()].sort((a, b) => (s.fixed ? 0 : b[1] - a[1]) || a[0].localeCompare(b[0]));
      clear(select).appendChild(h("option", { value: "" }, `All (${fmtInt(total)})`));
      for (const [value, n] of order) select.appendChild(h("option", { value }, `${value} (${fmtInt(n)})`));
      select.value = chosen;
    }
  }

  setActors(features) {
    const names = new Map();
    for (const f of features) {
      for (const a of [f.properties.actor1, f.properties.actor2]) if (a) names.set(a, (names.get(a) || 0) + 1);
    }
    const list = clear(this.panel.querySelector("#actor-names"));
    for (const [name] of [...names.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2000)) list.appendChild(h("option", { value: name }));
  }
}
