// The event card: an event's fields and grade, its reports and outlets, where the reports disagree,
// the merge decisions with their reasons, and each supporting report's text with every field's
// evidence span highlighted (<mark data-field=...>) and labelled with the field's name.
import { h, clear, fmtInt, getJson } from "./dom.js";
import { colourOf } from "./map.js";

const FIELD_COLOURS = {
  event_date: "#ffe082", location: "#a5d6a7", actor1: "#90caf9", actor2: "#f48fb1", assoc_actor_1: "#bbdefb",
  assoc_actor_2: "#f8bbd0", fatalities: "#ef9a9a", injuries: "#ffcc80", weapon: "#ce93d8", outcome: "#b0bec5",
  event_type: "#80cbc4", sub_event_type: "#80deea", trigger: "#e0e0e0",
};

export function fieldColour(field) {
  if (FIELD_COLOURS[field]) return FIELD_COLOURS[field];
  let hash = 0;
  for (const c of String(field)) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360}, 70%, 80%)`;
}

export class EventCard {
  constructor(element, { onOpen, onClose, onReveal }) {
    this.el = element;
    this.onOpen = onOpen;
    this.onClose = onClose;
    this.onReveal = onReveal;
    this.articles = new Map(); // article id -> promise of /articles/{id}
    this.token = 0;
  }

  close() {
    this.token += 1;
    clear(this.el);
    this.el.hidden = true;
    delete this.el.dataset.eventId;
    delete this.el.dataset.loaded;
    this.onClose();
  }

  async open(id) {
    const token = ++this.token;
    this.el.hidden = false;
    this.el.dataset.eventId = id;
    delete this.el.dataset.loaded;
    clear(this.el).appendChild(h("div", { class: "card-loading" }, `Loading event ${id}…`));
    this.onOpen(id);
    try {
      const detail = await getJson(`/events/${encodeURIComponent(id)}`);
      const articles = await Promise.all(detail.reports.map((r) => this.article(r.article_id).catch((err) => ({ error: err.message }))));
      if (token !== this.token) return;
      const body = this.render(detail, articles);
      this.wire(body, id);
      clear(this.el).appendChild(body);
      this.el.scrollTop = 0;
    } catch (err) {
      if (token !== this.token) return;
      clear(this.el).appendChild(h("div", { class: "card-error" }, `Could not load event ${id}: ${err.message}`));
    }
    this.el.dataset.loaded = "1";
  }

  article(id) {
    if (!this.articles.has(id)) this.articles.set(id, getJson(`/articles/${encodeURIComponent(id)}`));
    return this.articles.get(id);
  }

  render(detail, articles) {
    const e = detail.event, row = detail.row;
    const outletOf = new Map(detail.reports.map((r) => [r.article_id, r.outlet || r.title || r.article_id]));
    const recordOf = new Map(detail.reports.map((r) => [r.article_id, r.record || {}]));
    return h("div", { class: "card-body" },
      h("div", { class: "card-head" },
        h("button", { type: "button", class: "card-close", title: "close", "aria-label": "close", id: "card-close" }, "×"),
        h("div", { class: "card-type" }, h("span", { class: "swatch", style: `background:${colourOf(e.event_type)}` }),
          e.event_type || "(no type)", e.sub_event_type ? ` — ${e.sub_event_type}` : ""),
        h("h2", { class: "card-title" }, row.location || "(no place)", row.country ? `, ${row.country}` : "", " · ", e.event_date || "undated"),
        h("div", { class: "card-grade" },
          h("span", { class: `grade grade-${(e.grade || "").replace(/\s+/g, "-")}`, "data-grade": e.grade }, e.grade),
          h("span", { class: "card-support" }, ` ${e.n_reports} report${e.n_reports === 1 ? "" : "s"} from ${e.n_outlets} outlet${e.n_outlets === 1 ? "" : "s"}`),
          row.latitude !== "" && row.latitude !== null
            ? h("button", { type: "button", class: "link card-reveal", id: "card-reveal" }, "show on map") : null),
        h("p", { class: "card-notes" }, e.notes || "")),
      section("Fields", fieldList(e)),
      Object.keys(e.disagreements || {}).length
        ? section("Where the reports disagree", disagreements(e.disagreements, outletOf, recordOf)) : null,
      section(`Merge decisions (${detail.decisions.length})`, decisions(detail, outletOf)),
      detail.statements.length ? section(`Statements (${detail.statements.length})`, statements(detail.statements)) : null,
      section(`Reports (${detail.reports.length})`, detail.reports.map((r, i) => report(r, articles[i]))),
    );
  }

  // Buttons get their listeners here, once rendered (no inline handlers anywhere).
  wire(body, id) {
    body.querySelector("#card-close")?.addEventListener("click", () => this.close());
    body.querySelector("#card-reveal")?.addEventListener("click", () => this.onReveal(id));
    for (const button of body.querySelectorAll("button[data-open-event]")) {
      button.addEventListener("click", () => this.open(button.dataset.openEvent));
    }
  }
}

function section(title, ...content) {
  return h("section", { class: "card-section" }, h("h3", {}, title), ...content);
}

function actorText(actor) {
  if (!actor) return "";
  return actor.kind ? `${actor.name} (${actor.kind.replace(/_/g, " ")})` : actor.name;
}

function fieldList(e) {
  const loc = e.location || {};
  const place = [loc.name, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(", ");
  const coords = loc.latitude !== null && loc.latitude !== undefined ? `${loc.latitude}, ${loc.longitude}` : "";
  const fields = [
    ["event_date", "Date", [e.event_date, e.date_precision && e.date_precision !== "day" ? `(to the ${e.date_precision})` : ""].filter(Boolean).join(" ")],
    ["event_type", "Event type", e.event_type],
    ["sub_event_type", "Sub-event type", e.sub_event_type],
    ["actor1", "Actor 1", actorText(e.actor1)],
    ["assoc_actor_1", "Associated with 1", (e.assoc_actor_1 || []).map(actorText).join("; ")],
    ["actor2", "Actor 2", actorText(e.actor2)],
    ["assoc_actor_2", "Associated with 2", (e.assoc_actor_2 || []).map(actorText).join("; ")],
    ["location", "Location", place],
    ["coordinates", "Coordinates", coords && `${coords} (precision ${loc.geo_precision ?? "?"})`],
    ["weapon", "Weapon", (e.weapon || "").replace(/_/g, " ")],
    ["fatalities", "Fatalities", e.fatalities === null || e.fatalities === undefined ? "" : fmtInt(e.fatalities)],
    ["injuries", "Injuries", e.injuries === null || e.injuries === undefined ? "" : fmtInt(e.injuries)],
    ["outcome", "Outcome", (e.outcome || []).join(", ")],
    ["plover_type", "PLOVER type", e.plover_type],
    ["confidence", "Confidence", e.confidence === null || e.confidence === undefined ? "" : Number(e.confidence).toFixed(2)],
    ["event_id", "Event id", e.event_id],
  ];
  const dl = h("dl", { class: "fields" });
  for (const [key, label, value] of fields) {
    if (value === "" || value === null || value === undefined) continue;
    dl.appendChild(h("dt", { "data-field": key }, h("span", { class: "swatch", style: `background:${fieldColour(key)}` }), label));
    dl.appendChild(h("dd", { "data-field": key }, value));
  }
  return dl;
}

// Each field the reports disagree on, with what each outlet said. Two places of one name differ in
// how precisely they were placed: the reports' own records tell that.
function disagreements(disagree, outletOf, recordOf) {
  const ul = h("ul", { class: "disagreements" });
  for (const [field, values] of Object.entries(disagree)) {
    const shown = values.map((v) => formatValue(v.value));
    const said = values.map((v, i) => {
      let value = shown[i];
      const place = recordOf.get((v.articles || [])[0])?.location;
      if (field === "location" && shown.indexOf(value) !== shown.lastIndexOf(value) && place) {
        value += ` (geo precision ${place.geo_precision ?? "?"})`;
      }
      return `${value} (${(v.articles || []).map((a) => outletOf.get(a) || a).join(", ")})`;
    });
    ul.appendChild(h("li", { "data-field": field }, h("strong", {}, field), ": ", said.join(" vs ")));
  }
  return ul;
}

function formatValue(value) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return value.name || JSON.stringify(value);
  return String(value);
}

function decisions(detail, outletOf) {
  const me = detail.event.event_id;
  const mentionOutlet = new Map(detail.reports.map((r) => [r.mention_id, outletOf.get(r.article_id)]));
  if (!detail.decisions.length) return h("p", { class: "muted" }, "No other event was a candidate: each report started or joined this one alone.");
  const ul = h("ul", { class: "decisions" });
  for (const d of detail.decisions) {
    const who = mentionOutlet.get(d.mention_id);
    const target = d.event_id === me ? h("span", {}, "this event")
      : h("button", { type: "button", class: "link", "data-open-event": d.event_id, title: "open that event" }, `event ${d.event_id}`);
    const verdict = d.merged ? "merged into" : d.step === "blocked" ? "kept apart from" : "not merged with";
    const score = d.score === null || d.score === undefined ? "" : ` (score ${Number(d.score).toFixed(3)})`;
    const reasons = h("ul", { class: "reasons" });
    for (const r of d.reasons || []) {
      const weight = r.value !== undefined && r.weight !== undefined ? ` [${r.value} × ${r.weight}]` : "";
      reasons.appendChild(h("li", { "data-feature": r.feature }, h("strong", {}, r.feature), ": ", r.detail || "", weight));
    }
    ul.appendChild(h("li", { class: `decision ${d.merged ? "merged" : "apart"}`, "data-step": d.step, "data-merged": d.merged ? "1" : "0" },
      h("div", {}, `Report mention ${d.mention_id}`, who ? ` (${who})` : "", ` ${verdict} `, target, ` — step ${d.step}${score}`),
      reasons));
  }
  return ul;
}

function statements(list) {
  const ul = h("ul", { class: "statements" });
  for (const s of list) {
    ul.appendChild(h("li", {}, h("strong", {}, s.statement_type || "statement"), " ",
      s.speaker ? s.speaker.name : "someone", s.target ? ` → ${s.target.name}` : "",
      s.quote ? h("q", {}, s.quote) : ""));
  }
  return ul;
}

function report(r, article) {
  const box = h("article", { class: "report", "data-article-id": r.article_id, "data-mention-id": r.mention_id });
  box.appendChild(h("h4", { class: "report-title" }, r.title || article?.title || "(untitled report)"));
  box.appendChild(h("div", { class: "report-meta" },
    [r.outlet || "unknown outlet", r.published, r.language, `article ${r.article_id}`].filter(Boolean).join(" · ")));
  if (!article || article.error || typeof article.text !== "string") {
    box.appendChild(h("p", { class: "card-error" }, `The report's text could not be read${article?.error ? `: ${article.error}` : ""}.`));
    box.appendChild(evidenceList(r.evidence || []));
    return box;
  }
  const { body, fields, unplaced } = highlight(article.text, r.evidence || []);
  const legend = h("div", { class: "evidence-legend" }, "Evidence: ");
  for (const field of fields) legend.appendChild(h("span", { class: "ev-key", "data-field": field, style: `background:${fieldColour(field)}` }, field));
  if (!fields.length) legend.appendChild(h("span", { class: "muted" }, "none recorded"));
  box.appendChild(legend);
  box.appendChild(body);
  if (unplaced.length) {
    box.appendChild(h("p", { class: "muted" }, "Evidence not found in this text:"));
    box.appendChild(evidenceList(unplaced));
  }
  return box;
}

function evidenceList(evidence) {
  const ul = h("ul", { class: "evidence-list" });
  for (const ev of evidence) ul.appendChild(h("li", { "data-field": ev.field }, h("strong", {}, ev.field), ": “", ev.text || "", "”"));
  return ul;
}

// The text cut at every span's ends; each piece that some spans cover becomes a <mark> with the
// innermost span's field (data-field), every covering field (data-fields) and span (data-spans,
// "field#n"), and, where spans start, a label (data-label, drawn by CSS so that it is not part of
// the text).
export function highlight(text, evidence) {
  const spans = [], unplaced = [], seen = new Set();
  for (const ev of evidence) {
    let { start, end } = ev;
    if (!(Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === ev.text)) {
      const at = ev.text ? text.indexOf(ev.text) : -1;
      if (at < 0) { unplaced.push(ev); continue; }
      start = at; end = at + ev.text.length;
    }
    const key = `${ev.field}|${start}|${end}`;
    if (end <= start || seen.has(key)) continue;
    seen.add(key);
    spans.push({ id: `${ev.field}#${spans.length}`, field: ev.field, start, end });
  }
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const body = h("div", { class: "report-text" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    if (!covering.length) { body.appendChild(document.createTextNode(piece)); continue; }
    const fields = [...new Set(covering.map((s) => s.field))];
    const starting = [...new Set(covering.filter((s) => s.start === a).map((s) => s.field))];
    const mark = h("mark", {
      class: `ev${covering[0].field === "trigger" ? " ev-trigger" : ""}`,
      "data-field": covering[0].field,
      "data-fields": fields.join(" "),
      "data-spans": covering.map((s) => s.id).join(" "),
      "data-label": starting.length ? starting.join(" · ") : null,
      title: `evidence for ${fields.join(", ")}`,
      style: `background:${fieldColour(covering[0].field)}` + (fields.length > 1 ? `;box-shadow:inset 0 -3px 0 ${fieldColour(fields[1])}` : ""),
    }, piece);
    body.appendChild(mark);
  }
  return { body, fields: [...new Set(spans.map((s) => s.field))], unplaced };
}
