// conflictwire's dashboard: loads the store's events once (GeoJSON, paged), then filters them in
// the browser. The map, the timeline, the facets and the table show the same selection; a click
// on a marker or a row opens the event's card. Everything comes from this server (/vendor/ for
// Leaflet and the world outlines): nothing is fetched from elsewhere.
import { getJson, dateSpan, fmtInt } from "./dom.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { Facets } from "./facets.js";
import { EventTable } from "./table.js";
import { EventCard } from "./card.js";

const MAX_LOADED = 200000; // events held in the browser at most; past that, narrow the store's query
const $ = (id) => document.getElementById(id);

const state = { features: [], filtered: [], facetKept: [], total: 0, includeUnplaced: false };
let map, timeline, facets, table, card;

function status(text, error = false) {
  const el = $("status");
  el.textContent = text;
  el.classList.toggle("error", error);
}

async function load(pageMax) {
  const features = [];
  let total = Infinity;
  for (let offset = 0; offset < total && offset < MAX_LOADED; offset += pageMax) {
    status(`Loading events… ${fmtInt(features.length)}${Number.isFinite(total) ? ` of ${fmtInt(total)}` : ""}`);
    const page = await getJson(`/events?format=geojson&limit=${pageMax}&offset=${offset}`);
    total = page.total;
    features.push(...page.features);
    if (!page.features.length) break;
  }
  for (const f of features) {
    const p = f.properties;
    f.id = String(f.id ?? p.event_id_cnty);
    const point = f.geometry && f.geometry.type === "Point" ? f.geometry.coordinates : null;
    f.lat = point ? point[1] : null;
    f.lon = point ? point[0] : null;
    f.span = dateSpan(p.event_date);
  }
  return { features, total };
}

// A filter changed (a facet or the brush): recompute the selection and redraw everything.
function refilter() {
  const c = facets.current();
  const brush = timeline.brush;
  state.facetKept = state.features.filter((f) => Facets.passes(f, c));
  state.filtered = brush ? state.facetKept.filter((f) => Facets.passes(f, c, { brush })) : state.facetKept;
  facets.refresh(state.features, c, brush);
  timeline.setData(state.features, state.facetKept);
  const drawn = map.show(state.filtered).then((n) => { $("map").dataset.markers = n; });
  refreshTable();
  const range = brush ? `${$("timeline").dataset.brushSince} to ${$("timeline").dataset.brushUntil}` : "";
  $("brush-range").textContent = range ? `Brushed: ${range}` : "Drag across the chart to select weeks";
  $("clear-brush").hidden = !brush;
  return drawn;
}

// The map moved, or the selection changed: the table lists what is in view.
function refreshTable() {
  const inView = state.filtered.filter((f) => map.contains(f) || (state.includeUnplaced && f.lat === null));
  table.setRows(inView, { filtered: state.filtered.length, loaded: state.features.length });
  const unplaced = state.filtered.filter((f) => f.lat === null).length;
  $("unplaced-count").textContent = fmtInt(unplaced);
  $("unplaced-toggle").hidden = !unplaced && !state.includeUnplaced;
}

function openFromHash() {
  const m = /^#event=([\w-]+)$/.exec(location.hash);
  if (m && m[1] !== $("event-card").dataset.eventId) card.open(m[1]);
}

async function main() {
  if (!window.L || !L.markerClusterGroup || !window.topojson) {
    status("The dashboard's front-end packages are missing: run `npm install` in web/ (they are served from /vendor/).", true);
    return;
  }
  const config = await getJson("/config");
  map = new EventMap($("map"), {
    tiles: config.tiles,
    onSelect: (id) => card.open(id),
    onMove: () => state.features.length && refreshTable(),
  });
  timeline = new Timeline($("timeline"), { onBrush: () => refilter() });
  facets = new Facets($("facets"), () => refilter());
  facets.resetBrush = () => timeline.setBrush(null);
  table = new EventTable($("events-table"), {
    onSelect: (id) => card.open(id), count: $("table-count"), more: $("draw-all"), download: $("download-csv"),
  });
  card = new EventCard($("event-card"), {
    onOpen: (id) => {
      $("card-placeholder").hidden = true;
      table.select(id);
      map.mark(id);
      history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
    },
    onClose: () => {
      table.select(null);
      map.mark(null);
      history.replaceState(null, "", location.pathname + location.search);
      $("card-placeholder").hidden = false;
    },
    onReveal: (id) => map.reveal(id),
  });
  $("clear-brush").addEventListener("click", () => timeline.setBrush(null));
  $("zoom-results").addEventListener("click", () => map.fitTo(state.filtered));
  $("include-unplaced").addEventListener("change", (e) => { state.includeUnplaced = e.target.checked; refreshTable(); });
  window.addEventListener("hashchange", openFromHash);

  const { features, total } = await load(config.page_max || 50000);
  state.features = features;
  state.total = total;
  const placed = features.filter((f) => f.lat !== null).length;
  status(`${fmtInt(features.length)} events loaded${total > features.length ? ` (of ${fmtInt(total)} in the store)` : ""}` +
    ` · ${fmtInt(placed)} placed on the map`);
  facets.setActors(features);
  await map.baseReady;
  map.fitTo(features);
  await refilter();
  openFromHash();
  document.body.dataset.ready = "1";
}

main().catch((err) => {
  status(`The dashboard could not start: ${err.message}`, true);
  document.body.dataset.ready = "error";
});
