// Safe DOM building. Every piece of data (report text, titles, notes, actor names...) reaches the
// page through createTextNode / textContent only: this file is the one place that makes elements,
// and it never parses HTML. Attribute names are ours; an "on..." attribute is refused outright.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`refusing event-handler attribute ${name}`);
    if (name === "class") el.className = value;
    else if (name === "dataset") Object.assign(el.dataset, value);
    else if (name === "text") el.textContent = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function svg(tag, attrs) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (/^on/i.test(name)) throw new Error(`refusing event-handler attribute ${name}`);
    if (name === "text") el.textContent = String(value);
    else if (value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// ---- dates: whole days since 1970-01-01 (UTC), so weeks and ranges are plain integer arithmetic

const DAY_MS = 86400000;

export function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoDay(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function monday(n) {
  return n - ((new Date(n * DAY_MS).getUTCDay() + 6) % 7); // 1970-01-01 was a Thursday
}

// An event date as precise as the reports gave it ("2025-03-12", "2025-03" or "2025") as the
// span of days it may fall on, [first, last]; null when there is no date.
export function dateSpan(date) {
  if (!date) return null;
  const parts = String(date).slice(0, 10).split("-").map(Number);
  if (parts.some(Number.isNaN)) return null;
  if (parts.length >= 3) { const d = dayNumber(`${parts[0]}-${parts[1]}-${parts[2]}`); return [d, d]; }
  if (parts.length === 2) {
    const first = Math.floor(Date.UTC(parts[0], parts[1] - 1, 1) / DAY_MS);
    const last = Math.floor(Date.UTC(parts[0], parts[1], 1) / DAY_MS) - 1;
    return [first, last];
  }
  return [Math.floor(Date.UTC(parts[0], 0, 1) / DAY_MS), Math.floor(Date.UTC(parts[0] + 1, 0, 1) / DAY_MS) - 1];
}

export const fmtInt = (n) => (n === null || n === undefined || n === "" ? "" : Number(n).toLocaleString("en"));

// ---- CSV: RFC 4180 quoting; a text cell that a spreadsheet would run as a formula gets a leading '

export function csvCell(value) {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns, rows) {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let reason = response.statusText;
    try { reason = (await response.json()).detail || reason; } catch (_) { /* not JSON */ }
    throw new Error(`${url}: ${response.status} ${reason}`);
  }
  return response.json();
}
