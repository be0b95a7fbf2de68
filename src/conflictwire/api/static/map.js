// The map: a base layer (a tile server when /config names one, else country outlines from the
// packaged world atlas), one circle marker per placed event — coloured by event type, sized by
// fatalities — clustered with Leaflet.markercluster (chunked loading keeps 50,000 markers smooth).
import { h, getJson } from "./dom.js";

/* global L, topojson */

export const TYPE_COLOURS = {
  "Battles": "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  "Protests": "#2e7d32",
  "Riots": "#d4a200",
  "Strategic developments": "#1565c0",
};
const OTHER = "#6d6d6d";

export const colourOf = (type) => TYPE_COLOURS[type] || OTHER;
export const radiusOf = (fatalities) => 4 + Math.min(14, 2.4 * Math.log1p(Number(fatalities) || 0));

export class EventMap {
  constructor(element, { tiles, onSelect, onMove }) {
    // past zoom 10 the world outlines have nothing more to show; tiles may
    this.map = L.map(element, { worldCopyJump: false, minZoom: 1, maxZoom: tiles ? 18 : 10, zoomSnap: 0.25 }).setView([15, 20], 2);
    this.onSelect = onSelect;
    this.markers = new Map(); // event id -> circle marker
    this.cluster = L.markerClusterGroup({
      chunkedLoading: true,
      chunkInterval: 120,
      chunkDelay: 30,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 45,
      iconCreateFunction: clusterIcon,
    });
    this.cluster.on("click", (e) => e.layer.eventId && this.onSelect(e.layer.eventId));
    this.map.addLayer(this.cluster);
    this.map.on("moveend", () => onMove());
    this.baseReady = this.addBase(tiles);
    this.addLegend();
    this.pending = Promise.resolve();
  }

  async addBase(tiles) {
    if (tiles) {
      let host = "the configured tile server";
      try { host = new URL(tiles.replace(/[{}]/g, ""), location.href).host; } catch (_) { /* a template, not a URL */ }
      L.tileLayer(tiles, { maxZoom: 18, attribution: `map tiles: ${host}` }).addTo(this.map);
      return;
    }
    try {
      const world = await getJson("/vendor/world-atlas/countries-110m.json");
      const countries = topojson.feature(world, world.objects.countries);
      for (const country of countries.features) unwrap(country.geometry);
      L.geoJSON(countries, {
        interactive: false,
        style: { color: "#9aa3ab", weight: 0.7, fillColor: "#f6f3ec", fillOpacity: 1 },
      }).addTo(this.map);
      this.map.attributionControl.addAttribution("outlines: Natural Earth (world-atlas)");
    } catch (err) {
      console.warn("no base map:", err.message); // Leaflet writes attributions as HTML: only fixed text there
      this.map.attributionControl.addAttribution("no base map: the world outlines could not be loaded");
    }
  }

  addLegend() {
    const legend = L.control({ position: "topright" });
    legend.onAdd = () => {
      const box = h("div", { class: "legend", id: "legend" }, h("div", { class: "legend-title" }, "Event type"));
      for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
        box.appendChild(h("div", { class: "legend-row", "data-type": type },
          h("span", { class: "swatch", style: `background:${colour}` }), type));
      }
      box.appendChild(h("div", { class: "legend-title" }, "Radius: fatalities"));
      const sizes = h("div", { class: "legend-sizes" });
      for (const n of [0, 10, 100, 1000]) {
        const r = radiusOf(n);
        sizes.appendChild(h("span", { class: "legend-size" },
          h("span", { class: "dot", style: `width:${2 * r}px;height:${2 * r}px` }), String(n)));
      }
      box.appendChild(sizes);
      box.appendChild(h("div", { class: "legend-note" }, "A cluster takes the colour of its most frequent type."));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(this.map);
  }

  markerOf(feature) {
    let marker = this.markers.get(feature.id);
    if (!marker) {
      const p = feature.properties;
      marker = L.circleMarker([feature.lat, feature.lon], {
        radius: radiusOf(p.fatalities),
        color: "#1b1b1b",
        weight: 0.8,
        fillColor: colourOf(p.event_type),
        fillOpacity: 0.8,
        className: "cw-marker",
      });
      marker.eventId = feature.id;
      marker.eventType = p.event_type;
      this.markers.set(feature.id, marker);
    }
    return marker;
  }

  // Show exactly these features; resolves once the chunked loading has placed them all.
  show(features) {
    const layers = features.filter((f) => f.lat !== null).map((f) => this.markerOf(f));
    this.pending = this.pending.then(() => new Promise((resolve) => {
      this.cluster.clearLayers();
      if (!layers.length) { resolve(0); return; }
      this.cluster.options.chunkProgress = (done, total) => {
        if (done >= total) { this.cluster.options.chunkProgress = null; resolve(layers.length); }
      };
      this.cluster.addLayers(layers);
    }));
    return this.pending;
  }

  fitTo(features) {
    const points = features.filter((f) => f.lat !== null).map((f) => [f.lat, f.lon]);
    if (points.length) this.map.fitBounds(L.latLngBounds(points).pad(0.08), { maxZoom: 9, animate: false });
  }

  contains(feature) {
    return feature.lat !== null && this.map.getBounds().contains([feature.lat, feature.lon]);
  }

  // Centre the map on an event, zoomed in enough for its marker to leave any cluster.
  reveal(id) {
    const marker = this.markers.get(id);
    if (!marker || !this.cluster.hasLayer(marker)) return;
    this.map.once("moveend", () => this.cluster.zoomToShowLayer(marker, () => this.mark(id)));
    this.map.setView(marker.getLatLng(), Math.max(Math.min(this.map.getZoom(), 7), 5), { animate: false });
  }

  mark(id) {
    if (this.selected) this.selected.setStyle({ weight: 0.8, color: "#1b1b1b" });
    this.selected = this.markers.get(id) || null;
    if (this.selected) { this.selected.setStyle({ weight: 3, color: "#00bcd4" }); if (this.selected._map) this.selected.bringToFront(); }
  }

  resize() { this.map.invalidateSize(); }
}

// Rings that cross the antimeridian (Fiji, Chukotka) jump from 180° to -180°, which would draw a
// line across the world: keep each ring's longitudes continuous instead.
function unwrap(geometry) {
  if (!geometry) return;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const step = ring[i][0] - ring[i - 1][0];
      if (Math.abs(step) > 180) ring[i] = [ring[i][0] - 360 * Math.sign(step), ring[i][1]];
    }
  }
}

// A cluster's bubble, coloured by its most frequent event type, with the count it stands for.
function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const byType = new Map();
  for (const m of children) byType.set(m.eventType, (byType.get(m.eventType) || 0) + 1);
  const top = [...byType.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const n = children.length;
  const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
  const bubble = h("div", { style: `background:${colourOf(top)}` }, h("span", {}, String(n)));
  return L.divIcon({
    html: bubble,
    className: "marker-cluster cw-cluster",
    iconSize: L.point(size, size),
  });
}
