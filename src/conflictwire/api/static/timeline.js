// The timeline: events per week as a hand-drawn SVG bar chart (grey: every loaded event; coloured:
// those the facets keep), with a brush: drag across it to select a range of weeks, click to clear.
// Events dated only to a month or a year have no week: they are counted beside the chart, and a
// range keeps them when their month or year overlaps it.
import { svg, clear, isoDay, monday } from "./dom.js";

const HEIGHT = 120, AXIS = 18, TOP = 14, LEFT = 34, RIGHT = 10;

export class Timeline {
  constructor(element, { onBrush }) {
    this.el = element;
    this.onBrush = onBrush;
    this.first = this.last = null; // Mondays (day numbers) of the first and last weeks
    this.brush = null; // [first day, last day] selected
    this.all = new Map();
    this.kept = new Map();
    this.svg = svg("svg", { class: "timeline-svg", height: HEIGHT, role: "img", "aria-label": "events per week" });
    this.el.appendChild(this.svg);
    this.svg.addEventListener("pointerdown", (e) => this.start(e));
    this.svg.addEventListener("pointermove", (e) => this.drag(e));
    this.svg.addEventListener("pointerup", (e) => this.end(e));
    new ResizeObserver(() => this.draw()).observe(this.el);
  }

  // All loaded features set the chart's extent; `kept` are those the facets let through.
  setData(all, kept) {
    this.all = perWeek(all);
    this.kept = perWeek(kept);
    const weeks = [...this.all.keys()];
    if (weeks.length) {
      this.first = Math.min(...weeks);
      this.last = Math.max(...weeks);
    }
    this.undated = kept.filter((f) => f.span && f.span[0] !== f.span[1]).length;
    this.draw();
  }

  get width() { return Math.max(200, this.el.clientWidth); }
  get nWeeks() { return this.first === null ? 0 : (this.last - this.first) / 7 + 1; }
  xOf(day) { return LEFT + ((day - this.first) / (7 * this.nWeeks)) * (this.width - LEFT - RIGHT); }
  dayAt(x) { return this.first + ((x - LEFT) / (this.width - LEFT - RIGHT)) * 7 * this.nWeeks; }

  draw() {
    const s = this.svg;
    clear(s);
    s.setAttribute("width", this.width);
    s.setAttribute("viewBox", `0 0 ${this.width} ${HEIGHT}`);
    if (!this.nWeeks) {
      s.appendChild(svg("text", { x: LEFT, y: HEIGHT / 2, class: "tl-empty", text: "no dated events" }));
      return;
    }
    const max = Math.max(1, ...this.all.values());
    const yOf = (n) => HEIGHT - AXIS - (n / max) * (HEIGHT - AXIS - TOP);
    const barW = Math.max(1, (this.width - LEFT - RIGHT) / this.nWeeks - (this.nWeeks > 150 ? 0 : 1));
    s.appendChild(svg("line", { x1: LEFT, x2: this.width - RIGHT, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS, class: "tl-axis" }));
    s.appendChild(svg("text", { x: LEFT - 4, y: TOP + 4, class: "tl-ylabel", "text-anchor": "end", text: String(max) }));
    s.appendChild(svg("text", { x: LEFT - 4, y: HEIGHT - AXIS, class: "tl-ylabel", "text-anchor": "end", text: "0" }));
    const bars = svg("g", { class: "tl-bars" });
    for (let week = this.first; week <= this.last; week += 7) {
      const all = this.all.get(week) || 0, kept = this.kept.get(week) || 0;
      if (!all) continue;
      const x = this.xOf(week);
      bars.appendChild(svg("rect", { x, y: yOf(all), width: barW, height: HEIGHT - AXIS - yOf(all), class: "tl-all" }));
      const bar = svg("rect", { x, y: yOf(kept), width: barW, height: HEIGHT - AXIS - yOf(kept), class: "tl-kept",
        "data-week": isoDay(week), "data-count": kept });
      bar.appendChild(svg("title", { text: `week of ${isoDay(week)}: ${kept} of ${all} events` }));
      bars.appendChild(bar);
    }
    s.appendChild(bars);
    this.drawTicks();
    if (this.undated) {
      s.appendChild(svg("text", { x: this.width - RIGHT, y: 10, class: "tl-note", "text-anchor": "end",
        text: `+ ${this.undated} dated to a month or year only` }));
    }
    this.drawBrush();
  }

  drawTicks() {
    const span = this.last + 7 - this.first;
    const monthly = span < 400, step = span > 1500 ? 12 : span > 700 ? 3 : 1;
    const start = new Date(this.first * 86400000);
    let y = start.getUTCFullYear(), m = Math.ceil((start.getUTCMonth() + 1) / step) * step;
    for (let i = 0; i < 400; i++, m += step) {
      while (m > 11) { m -= 12; y += 1; }
      const day = Date.UTC(y, m, 1) / 86400000;
      if (day > this.last + 7) break;
      const x = this.xOf(day);
      this.svg.appendChild(svg("line", { x1: x, x2: x, y1: HEIGHT - AXIS, y2: HEIGHT - AXIS + 4, class: "tl-axis" }));
      const label = m === 0 ? String(y) : monthly || step < 12 ? new Date(day * 86400000).toLocaleString("en", { month: "short", timeZone: "UTC" }) : "";
      if (label) this.svg.appendChild(svg("text", { x: x + 2, y: HEIGHT - 4, class: m === 0 ? "tl-year" : "tl-month", text: label }));
    }
  }

  drawBrush() {
    if (!this.brush) return;
    const x0 = this.xOf(this.brush[0]), x1 = this.xOf(this.brush[1] + 1);
    this.svg.appendChild(svg("rect", { x: x0, y: 0, width: Math.max(1, x1 - x0), height: HEIGHT - AXIS, class: "tl-brush" }));
  }

  // ---- brushing with the pointer
  start(e) {
    if (!this.nWeeks || e.button !== 0) return;
    this.svg.setPointerCapture(e.pointerId);
    this.dragFrom = this.localX(e);
    this.dragTo = this.dragFrom;
  }

  drag(e) {
    if (this.dragFrom === undefined) return;
    this.dragTo = this.localX(e);
    this.brush = this.range(this.dragFrom, this.dragTo);
    this.draw();
  }

  end(e) {
    if (this.dragFrom === undefined) return;
    this.dragTo = this.localX(e);
    const moved = Math.abs(this.dragTo - this.dragFrom) >= 3;
    this.setBrush(moved ? this.range(this.dragFrom, this.dragTo) : null);
    this.dragFrom = this.dragTo = undefined;
  }

  localX(e) { return e.clientX - this.svg.getBoundingClientRect().left; }

  // Whole weeks, Monday to Sunday, covering the pixels from a to b.
  range(a, b) {
    const lo = Math.max(this.first, monday(Math.floor(this.dayAt(Math.min(a, b)))));
    const hi = Math.min(this.last + 6, monday(Math.floor(this.dayAt(Math.max(a, b)))) + 6);
    return [lo, Math.max(lo + 6, hi)];
  }

  setBrush(range) {
    this.brush = range;
    this.el.dataset.brushSince = range ? isoDay(range[0]) : "";
    this.el.dataset.brushUntil = range ? isoDay(range[1]) : "";
    this.draw();
    this.onBrush(range);
  }
}

function perWeek(features) {
  const counts = new Map();
  for (const f of features) {
    if (!f.span || f.span[0] !== f.span[1]) continue; // only day-precise dates have a week
    const week = monday(f.span[0]);
    counts.set(week, (counts.get(week) || 0) + 1);
  }
  return counts;
}
