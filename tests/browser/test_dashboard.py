"""The analyst's dashboard as a person uses it: the map holds every placed event, the timeline's
brush narrows the table, a facet filters it and the CSV holds its rows, the event card shows the
report text with each field's evidence marked, and a report's markup never runs."""
from __future__ import annotations

import csv
import io
from collections import Counter

ROWS = "#events-table tbody tr"


def placed_events(api) -> dict[str, dict]:
    geo = api("/events?format=geojson&limit=50000")
    assert geo["total"] == len(geo["features"])
    return {f["id"]: f["properties"] for f in geo["features"] if f["geometry"]}


def overlaps(date: str, since: str, until: str) -> bool:
    """A date as precise as given (YYYY-MM-DD, YYYY-MM or YYYY) falls in or overlaps [since, until]."""
    if not date:
        return False
    first, last = {10: (date, date), 7: (date + "-01", date + "-31"), 4: (date + "-01-01", date + "-12-31")}[len(date)]
    return first <= until and last >= since


def test_the_map_holds_one_marker_or_a_cluster_count_for_every_placed_event(dashboard, api):
    placed = placed_events(api)
    page = dashboard.page
    shown = page.evaluate("""() => ({
        clusters: [...document.querySelectorAll('#map .marker-cluster span')].map(s => Number(s.textContent)),
        singles: document.querySelectorAll('#map path.cw-marker').length,
        legend: [...document.querySelectorAll('#legend .legend-row')].map(r => r.dataset.type),
    })""")
    assert sum(shown["clusters"]) + shown["singles"] == len(placed), shown
    assert shown["clusters"], "the world view of a hundred reports' events clusters them"
    assert set(p["event_type"] for p in placed.values()) <= set(shown["legend"])
    # every placed event is in view, so the table lists them all
    assert sorted(dashboard.rows()) == sorted(placed)
    # zoomed in on one cluster, the map shows fewer events, and the table follows the map
    spot = page.evaluate("""() => {  // a cluster that nothing (the legend, say) covers
        for (const c of document.querySelectorAll('#map .marker-cluster')) {
            const r = c.getBoundingClientRect(), x = r.x + r.width / 2, y = r.y + r.height / 2;
            if (c.contains(document.elementFromPoint(x, y))) return {x, y};
        }
    }""")
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length < {len(placed)}")
    assert 0 < len(dashboard.rows()) < len(placed)


def test_brushing_the_timeline_narrows_the_table_to_the_range(dashboard, api):
    page = dashboard.page
    before = dashboard.rows()
    # drag across the busiest week's bar and its neighbours
    bar = page.evaluate("""() => {
        const bars = [...document.querySelectorAll('#timeline rect.tl-kept')];
        const top = bars.reduce((a, b) => (+b.dataset.count > +a.dataset.count ? b : a));
        const box = top.getBoundingClientRect();
        return {x: box.x, w: box.width, y: box.y + box.height / 2, week: top.dataset.week, count: +top.dataset.count};
    }""")
    page.mouse.move(bar["x"] - 2, bar["y"])
    page.mouse.down()
    page.mouse.move(bar["x"] + bar["w"] / 2, bar["y"], steps=4)
    page.mouse.move(bar["x"] + bar["w"] + 2, bar["y"], steps=4)
    page.mouse.up()
    page.wait_for_function("document.querySelector('#timeline').dataset.brushSince")
    since = page.get_attribute("#timeline", "data-brush-since")
    until = page.get_attribute("#timeline", "data-brush-until")
    assert since <= bar["week"] <= until
    after = page.eval_on_selector_all(ROWS, "rows => rows.map(r => [r.dataset.eventId, r.dataset.date])")
    assert 0 < len(after) < len(before)
    assert all(overlaps(date, since, until) for _, date in after), (since, until, after)
    # the day-dated rows are exactly the store's placed events of those days
    placed = placed_events(api)
    expected = {i for i, p in placed.items() if len(p["event_date"]) == 10 and since <= p["event_date"] <= until}
    assert {i for i, date in after if len(date) == 10} == expected
    assert len(expected) >= bar["count"]
    # the map shows the same selection, and a click on the chart clears the range
    page.wait_for_function(f"document.querySelector('#map').dataset.markers == {len(after)}")
    page.mouse.click(bar["x"] + bar["w"] / 2, bar["y"])
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length == {len(before)}")


def test_the_event_card_shows_each_report_with_its_evidence_marked_by_field(dashboard, api):
    page = dashboard.page
    placed = placed_events(api)
    event_id = next(i for i, p in sorted(placed.items()) if p["n_reports"] >= 2 and p["grade"] == "corroborated")
    page.click(f'{ROWS}[data-event-id="{event_id}"]')
    card = page.locator(f'#event-card[data-event-id="{event_id}"][data-loaded="1"]')
    card.wait_for()
    detail = api(f"/events/{event_id}")
    text = card.inner_text()
    assert detail["event"]["grade"] in text and f"{detail['event']['n_reports']} reports from" in text
    assert card.locator(".decision").count() == len(detail["decisions"])
    merged = [d for d in detail["decisions"] if d["merged"]]
    assert card.locator('.decision[data-merged="1"] li[data-feature]').count() == sum(len(d["reasons"]) for d in merged)
    for field in detail["event"]["disagreements"]:
        assert card.locator(f'.disagreements li[data-field="{field}"]').count() == 1
    assert page.locator(f'{ROWS}.selected').get_attribute("data-event-id") == event_id

    for report in detail["reports"]:
        article = api(f"/articles/{report['article_id']}")
        box = card.locator(f'.report[data-article-id="{report["article_id"]}"]')
        assert box.locator(".report-text").text_content() == article["text"]  # labels are drawn, not text
        expected = {(e["field"], e["text"]) for e in report["evidence"]
                    if article["text"][e["start"]:e["end"]] == e["text"]}
        assert expected, "a corroborated event's reports have evidence"
        spans = box.evaluate("""box => {
            const spans = {};
            for (const m of box.querySelectorAll('.report-text mark[data-field]'))
                for (const id of m.dataset.spans.split(' ')) {
                    const s = spans[id] ||= {text: '', labels: []};
                    s.text += m.textContent;
                    if (m.dataset.label) s.labels.push(m.dataset.label, getComputedStyle(m, '::before').content);
                }
            return spans;
        }""")
        assert {(i.split("#")[0], s["text"]) for i, s in spans.items()} == expected
        for i, s in spans.items():  # every span's first piece carries its field's name, shown by CSS
            name = i.split("#")[0]
            assert any(name in label for label in s["labels"]), (i, s)


def test_a_report_carrying_markup_shows_it_as_text_and_runs_nothing(dashboard, filled_store, base_url):
    page = dashboard.page
    event_id = filled_store.injection_event
    page.click(f'{ROWS}[data-event-id="{event_id}"]')
    card = page.locator(f'#event-card[data-event-id="{event_id}"][data-loaded="1"]')
    card.wait_for()
    page.wait_for_timeout(300)  # an image's error handler would have fired by now
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dashboard.dialogs == []
    assert page.locator("#event-card script, #event-card img, #events-table img, #events-table script").count() == 0
    box = card.locator(f'.report[data-article-id="{filled_store.injection_article}"]')
    body = box.locator(".report-text").text_content()
    assert "<script>window.__pwned = 1</script>" in body
    assert '<img src=x onerror="window.__pwned = 2">' in body
    assert "<script>" in box.locator(".report-title").text_content()
    assert '<img src=x onerror="window.__pwned = 3">' in box.locator(".report-meta").text_content()
    # and, as a second guard, the page itself allows no inline script (the tests set it aside)
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_a_facet_filters_the_table_and_the_csv_holds_its_rows(dashboard, api, tmp_path):
    page = dashboard.page
    placed = placed_events(api)
    countries = Counter(p["country"] for p in placed.values() if p["country"])
    country, n = countries.most_common(1)[0]
    assert 1 < n < len(placed)
    page.select_option("#facet-country", value=country)
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length == {n}")
    rows = dashboard.rows()
    assert set(rows) == {i for i, p in placed.items() if p["country"] == country}
    assert set(page.eval_on_selector_all(ROWS, "rows => rows.map(r => r.dataset.country)")) == {country}
    # the other facets now count within the country
    admin1 = page.eval_on_selector_all("#facet-admin1 option", "os => os.map(o => o.value).filter(Boolean)")
    assert set(admin1) == {p["admin1"] for p in placed.values() if p["country"] == country and p["admin1"]}

    with page.expect_download() as download:
        page.click("#download-csv")
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    table = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
    assert [r["event_id_cnty"] for r in table] == rows  # the table's rows, in its order
    assert {r["country"] for r in table} == {country}
    for r in table:
        assert int(r["fatalities"] or 0) == placed[r["event_id_cnty"]]["fatalities"]
        assert r["latitude"] and r["longitude"]

    # a header sorts the rows, a second click reverses them
    page.click('#events-table th[data-sort-key="fatalities"]')
    deaths = [placed[i]["fatalities"] for i in dashboard.rows()]
    assert deaths == sorted(deaths, reverse=True)
    page.click('#events-table th[data-sort-key="fatalities"]')
    deaths = [placed[i]["fatalities"] for i in dashboard.rows()]
    assert deaths == sorted(deaths)


def test_the_date_actor_and_text_facets_narrow_the_table_and_reset_restores_it(dashboard, api):
    page = dashboard.page
    placed = placed_events(api)
    everything = sorted(dashboard.rows())
    page.fill("#facet-since", "2026-01-01")
    page.fill("#facet-until", "2026-02-28")
    page.locator("#facet-until").dispatch_event("change")
    expected = {i for i, p in placed.items() if overlaps(p["event_date"], "2026-01-01", "2026-02-28")}
    assert 0 < len(expected) < len(placed)
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length == {len(expected)}")
    assert set(dashboard.rows()) == expected

    actor, n = Counter(p["actor1"] for i, p in placed.items() if i in expected and p["actor1"]).most_common(1)[0]
    page.fill("#facet-actor", actor.lower())
    want = {i for i in expected if actor.lower() in " | ".join(
        placed[i][k] or "" for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")).lower()}
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length == {len(want)}")
    assert set(dashboard.rows()) == want and len(want) >= n

    page.click("#reset-filters")
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length == {len(everything)}")
    word = placed[everything[0]]["location"]
    page.fill("#facet-text", word)
    want = {i for i, p in placed.items() if word.lower() in " | ".join(str(v) for v in p.values()).lower()}
    page.wait_for_function(f"document.querySelectorAll('{ROWS}').length > 0 && "
                           f"document.querySelectorAll('{ROWS}').length < {len(everything)}")
    assert everything[0] in dashboard.rows() and set(dashboard.rows()) <= want
