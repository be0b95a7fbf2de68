// The table of the events in view (the map's bounds and the filters), sorted by a click on a
// header, with a CSV download of exactly its rows.
import { h, clear, fmtInt, toCsv } from "./dom.js";

const COLUMNS = [
  { key: "event_date", label: "Date" },
  { key: "event_type", label: "Type" },
  { key: "sub_event_type", label: "Sub-event type" },
  { key: "actor1", label: "Actor 1" },
  { key: "actor2", label: "Actor 2" },
  { key: "country", label: "Country" },
  { key: "admin1", label: "Admin1" },
  { key: "location", label: "Location" },
  { key: "fatalities", label: "Fatalities", numeric: true },
  { key: "grade", label: "Grade" },
  { key: "n_reports", label: "Reports", numeric: true },
];
const SHOWN = 1000; // rows drawn at first; the rest on demand (the CSV always has them all)

export class EventTable {
  constructor(table, { onSelect, count, more, download }) {
    this.table = table;
    this.onSelect = onSelect;
    this.countEl = count;
    this.moreButton = more;
    this.rows = [];
    this.limit = SHOWN;
    this.sort = { key: "event_date", dir: -1 };
    this.selected = null;
    this.buildHead();
    this.tbody = table.querySelector("tbody") || table.appendChild(h("tbody"));
    this.tbody.addEventListener("click", (e) => {
      const tr = e.target.closest("tr[data-event-id]");
      if (tr) this.onSelect(tr.dataset.eventId);
    });
    this.tbody.addEventListener("keydown", (e) => {
      const tr = e.target.closest("tr[data-event-id]");
      if (tr && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); this.onSelect(tr.dataset.eventId); }
    });
    more.addEventListener("click", () => { this.limit = Infinity; this.draw(); });
    download.addEventListener("click", () => this.download());
  }

  buildHead() {
    const tr = h("tr");
    for (const c of COLUMNS) {
      const th = h("th", { scope: "col", "data-sort-key": c.key, tabindex: 0, class: c.numeric ? "num" : null, title: "sort" }, c.label);
      th.addEventListener("click", () => this.sortBy(c.key));
      th.addEventListener("keydown", (e) => { if (e.key === "Enter") this.sortBy(c.key); });
      tr.appendChild(th);
    }
    clear(this.table).appendChild(h("thead", {}, tr));
  }

  sortBy(key) {
    this.sort = this.sort.key === key ? { key, dir: -this.sort.dir } : { key, dir: COLUMNS.find((c) => c.key === key).numeric ? -1 : 1 };
    this.setRows(this.rows, this.totals);
  }

  compare() {
    const { key, dir } = this.sort;
    const numeric = COLUMNS.find((c) => c.key === key)?.numeric;
    return (a, b) => {
      let x, y;
      if (key === "event_date") { x = a.span ? a.span[0] : -Infinity; y = b.span ? b.span[0] : -Infinity; }
      else if (numeric) { x = Number(a.properties[key]) || 0; y = Number(b.properties[key]) || 0; }
      else { x = String(a.properties[key] ?? ""); y = String(b.properties[key] ?? ""); return dir * x.localeCompare(y) || a.id.localeCompare(b.id); }
      return dir * (x - y) || a.id.localeCompare(b.id);
    };
  }

  setRows(features, totals) {
    this.totals = totals;
    this.rows = [...features].sort(this.compare());
    this.draw();
  }

  draw() {
    for (const th of this.table.querySelectorAll("th[data-sort-key]")) {
      const on = th.dataset.sortKey === this.sort.key;
      th.setAttribute("aria-sort", on ? (this.sort.dir > 0 ? "ascending" : "descending") : "none");
    }
    const body = document.createDocumentFragment();
    for (const f of this.rows.slice(0, this.limit)) {
      const p = f.properties;
      const tr = h("tr", { "data-event-id": f.id, "data-date": p.event_date || "", "data-country": p.country || "", tabindex: 0,
        class: f.id === this.selected ? "selected" : null });
      for (const c of COLUMNS) {
        const value = c.numeric ? fmtInt(p[c.key]) : p[c.key] ?? "";
        tr.appendChild(h("td", { class: c.numeric ? "num" : c.key === "grade" ? `grade-cell grade-${String(value).replace(/\s+/g, "-")}` : null,
          "data-col": c.key }, value));
      }
      body.appendChild(tr);
    }
    clear(this.tbody).appendChild(body);
    const n = this.rows.length, t = this.totals || {};
    this.table.dataset.rows = n;
    this.countEl.textContent = `${fmtInt(n)} event${n === 1 ? "" : "s"} in view` +
      (t.filtered !== undefined ? ` · ${fmtInt(t.filtered)} match the filters · ${fmtInt(t.loaded)} loaded` : "") +
      (n > this.limit ? ` · first ${fmtInt(this.limit)} rows drawn` : "");
    this.moreButton.hidden = n <= this.limit;
    this.moreButton.textContent = `Draw all ${fmtInt(n)} rows`;
  }

  select(id) {
    this.selected = id;
    for (const tr of this.tbody.querySelectorAll("tr.selected")) tr.classList.remove("selected");
    const tr = id && this.tbody.querySelector(`tr[data-event-id="${CSS.escape(id)}"]`);
    if (tr) { tr.classList.add("selected"); tr.scrollIntoView({ block: "nearest" }); }
  }

  // Every row in view (drawn or not), in the table's order, with ACLED's flat columns.
  csv() {
    if (!this.rows.length) return toCsv(["event_id_cnty"], []);
    const keys = Object.keys(this.rows[0].properties).filter((k) => k !== "total");
    const at = keys.indexOf("location") + 1 || keys.length;
    const columns = [...keys.slice(0, at), "latitude", "longitude", ...keys.slice(at)];
    return toCsv(columns, this.rows.map((f) => ({ ...f.properties, latitude: f.lat ?? "", longitude: f.lon ?? "" })));
  }

  download() {
    const blob = new Blob([this.csv()], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = h("a", { href: url, download: `conflictwire-events-${new Date().toISOString().slice(0, 10)}.csv` });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}
