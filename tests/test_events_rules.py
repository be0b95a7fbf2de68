"""One test per named rule of the event stages (roles, grouping, sides, ACLED defaults), each on a
short sentence written here. A test names its rule: `test_<rule>`; removing the rule from its
list makes the test fail."""
from types import SimpleNamespace

import pytest

from conflictwire.context import DocContext
from conflictwire.events import defaults, grouping, roles
from conflictwire.events import sides as cast
from conflictwire.events.roles import ACTOR1, ACTOR2, ASSOC
from conflictwire.find.actors import ActorMention
from conflictwire.model import Actor
from conflictwire.vocab import ActorKind, Category, SubEventType, Trigger
from conflictwire.events.dating import anchor_dates
from conflictwire.events.mentions import find_mentions
from conflictwire.events.report import Report
from conflictwire.model import Article
from conflictwire.resolve.dates import Published

PUBLISHED = "2024-05-07"  # a Tuesday: "on Monday" is 6 May


def extract(extractor, text, lang):
    return extractor.extract_article(Article.create(text, lang, published=PUBLISHED))


def report(extractor, text, lang) -> Report:
    article = Article.create(text, lang, published=PUBLISHED)
    tools = extractor.tools(lang)
    return Report(DocContext(article, tools.nlp(text), tools, extractor.gazetteer, Published.parse(PUBLISHED)))


def decisions(extractor, monkeypatch, text, lang) -> dict[str, tuple[str, str]]:
    """{actor words: (the rule that decided its role, the role)}; for `parse_path`, the path rule."""
    seen = {}

    def spy(n):
        rule, role = roles.decide(n)
        if rule is roles.parse_path:
            rule = roles.path_decision(n)[0]
        seen[n.r.ctx.doc[n.a.start:n.a.end].text] = (rule.__name__, role)
        return role

    monkeypatch.setattr(roles, "role_of", spy)
    find_mentions(report(extractor, text, lang))
    return seen


def grouped(extractor, text, lang):
    """The drafts the sentence's mentions make, and the rule that placed each mention."""
    r = report(extractor, text, lang)
    mentions = find_mentions(r)
    anchor_dates(r, mentions)
    g = grouping.Grouping(r)
    placed_by = [next(rule for rule in grouping.MENTION_RULES if rule(g, m)).__name__ for m in mentions]
    return g, placed_by


def sides(event):
    return (event.actor1 and event.actor1.name, event.actor2 and event.actor2.name)


# --- roles: ROLE_RULES ------------------------------------------------------------------------------
def test_counted_victim(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Four soldiers died when gunmen stormed an army post near Mopti on Monday.", "en")
    assert d["Four soldiers"] == ("counted_victim", "actor2")


def test_own_relative_clause(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Le Hamas, qui a tiré mardi des roquettes vers Ashkelon, a affirmé que la riposte commençait.", "fr")
    assert d["Hamas"] == ("own_relative_clause", "actor1")
    d = decisions(extractor, monkeypatch, "Le convoi de l'armée, qui a été attaqué lundi près de Gao, a rejoint sa base mardi.", "fr")
    assert ("own_relative_clause", "actor2") in d.values()


def test_speaker(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, des hommes armés ont attaqué un village près de Mopti, a annoncé l'armée.", "fr")
    assert d["l'armée"] == ("speaker", roles.NO_ROLE)
    d = decisions(extractor, monkeypatch, "L'armée a annoncé s'être déployée lundi à Ménaka.", "fr")
    assert d["L'armée"] == ("speaker", "actor1")  # it tells its own act


def test_accompanying(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, des soldats maliens, accompagnés de chasseurs dozos, ont attaqué des jihadistes près de Mopti.", "fr")
    assert d["chasseurs dozos"] == ("accompanying", "assoc")


def test_stops_weapon(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Soldiers shot down two drones over Odesa on Monday.", "en")
    assert d["Soldiers"] == ("stops_weapon", "actor2")


def test_marked_agent(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, une frappe israélienne a visé un immeuble à Rafah.", "fr")
    assert ("marked_agent", "actor1") in d.values()


def test_misparsed_subject(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Le ministère a déclaré ses soldats avoir repoussé une attaque lundi près de Beni.", "fr")
    assert d["ses soldats"] == ("misparsed_subject", "actor1")


def test_parse_path(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Villagers were attacked by gunmen near Mopti on Monday.", "en")
    assert d["Villagers"] == ("passive_subject", "actor2") and d["gunmen"] == ("agent_phrase", "actor1")


def test_armed_by_default(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "On Monday near Mopti there was an attack, with gunmen in the area.", "en")
    assert d["gunmen"] == ("armed_by_default", "actor1")


# --- roles: PATH_RULES (through parse_path) ------------------------------------------------------------
def test_opposing_object(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, des affrontements ont opposé des miliciens aux soldats près de Bunia.", "fr")
    assert d["des miliciens"] == ("opposing_object", "actor1")


def test_opposed_side(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, des affrontements ont opposé des miliciens aux soldats près de Bunia.", "fr")
    assert d["soldats"] == ("opposed_side", "actor2")


def test_target_noun_subject(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, les gendarmes ont été la cible d'une embuscade près de Mopti.", "fr")
    assert d["les gendarmes"] == ("target_noun_subject", "actor2")


def test_dead_subject(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Police officers died in an ambush near Mopti on Monday.", "en")
    assert d["Police officers"] == ("dead_subject", "actor2")


def test_passive_subject(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, deux policiers ont été enlevés près de Mopti.", "fr")
    assert d["deux policiers"] == ("passive_subject", "actor2")


def test_agent_phrase(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, une attaque menée par des jihadistes a visé le village de Boni.", "fr")
    assert d["des jihadistes"] == ("agent_phrase", "actor1")


def test_target_phrase(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "Lundi, l'armée a lancé une offensive contre les jihadistes près de Mopti.", "fr")
    assert d["les jihadistes"] == ("target_phrase", "actor2")


def test_active_subject(extractor, monkeypatch):
    d = decisions(extractor, monkeypatch, "On Monday gunmen attacked Mopti.", "en")
    assert d["gunmen"] == ("active_subject", "actor1")


def test_verb_modifier():
    # a noun hung on a verb by "nmod" gives no role; on a noun, the climb goes on
    on_verb = roles.Step("nmod", set(), SimpleNamespace(pos_="VERB"))
    on_noun = roles.Step("nmod", set(), SimpleNamespace(pos_="NOUN"))
    assert roles.verb_modifier(None, on_verb) == roles.NO_ROLE
    assert roles.verb_modifier(None, on_noun) is None
    assert roles.verb_modifier in roles.PATH_RULES


# --- grouping: MENTION_RULES -----------------------------------------------------------------------
def test_goes_on_telling(extractor):
    g, placed_by = grouped(extractor, "Gunmen attacked a village near Mopti on Monday. Three villagers were wounded.", "en")
    assert placed_by == ["at_named_places", "goes_on_telling"] and len(g.drafts) == 1
    assert len(g.drafts[0].mentions) == 2


def test_sums_up(extractor):
    g, placed_by = grouped(extractor, "De nouvelles attaques ont été signalées dans la région.", "fr")
    assert placed_by == ["sums_up"] and g.drafts == [] and len(g.recaps) == 1


def test_at_named_places(extractor):
    g, placed_by = grouped(extractor, "Des frappes de drones ont visé jeudi la ville de Kidal et la localité de Tessalit.", "fr")
    assert placed_by == ["at_named_places"] and len(g.drafts) == 2


def test_continues_last_event(extractor):
    g, placed_by = grouped(extractor, "Gunmen attacked a village near Mopti on Monday. Five people were killed.", "en")
    assert placed_by == ["at_named_places", "continues_last_event"] and len(g.drafts) == 1


def test_starts_event(extractor):
    g, placed_by = grouped(extractor, "Lundi, des hommes armés ont attaqué un village près de Mopti. "
                                      "Le lendemain, une autre attaque a visé un poste de gendarmerie.", "fr")
    assert placed_by == ["at_named_places", "starts_event"] and len(g.drafts) == 2
    assert g.drafts[1].before is g.drafts[0]  # placed where the one before was


# --- grouping: KEEP_APART --------------------------------------------------------------------------
def test_another_device(extractor):
    r = extract(extractor, "A bomb exploded in the market of Gao on Monday. Police defused a second device in Gao.", "en")
    assert [e.sub_event_type for e in r.events] == ["Remote explosive/landmine/IED", "Disrupted weapons use"]


def test_other_day(extractor):
    g, _ = grouped(extractor, "Rebels attacked Bria on Monday. They attacked Bria again on Wednesday.", "en")
    assert len(g.drafts) == 2


def test_arrests_after_attack(extractor):
    g, _ = grouped(extractor, "Lundi, des hommes armés ont attaqué un poste à Gao. Les soldats ont arrêté douze suspects à Gao.", "fr")
    assert len(g.drafts) == 2


def test_other_place(extractor):
    r = extract(extractor, "Drone strikes hit the town of Kidal on Monday. Drone strikes hit the town of Tessalit on Monday.", "en")
    assert len(r.events) == 2


def test_other_country(extractor):
    r = extract(extractor, "Gunmen killed five people in Niger on Monday. In Mali, gunmen killed two traders.", "en")
    assert [e.location.country_code for e in r.events] == ["NE", "ML"]


# --- sides: PICK_RULES and FILL_RULES ----------------------------------------------------------------
def test_two_named_sides(extractor):
    [e] = extract(extractor, "Fighting broke out between Al Shabaab and ISIS fighters near Bosaso on Monday.", "en").events
    assert sides(e) == ("Al Shabaab", "Islamic State (Somalia)")


def test_officials_only_report(extractor):
    [e] = extract(extractor, "Lundi, des hommes armés ont attaqué des responsables du gouvernorat près de Gao.", "fr").events
    assert e.actor2 is None or "Government" not in e.actor2.name


def test_attacker_named_nearby(extractor):
    [e] = extract(extractor, "A village near Mopti was attacked on Monday. JNIM is active in the area.", "en").events
    assert e.actor1.name.startswith("JNIM")


def test_other_side_nearby(extractor):
    # the soldiers repelled the attack: they were its target, and the side named nearby made it
    [e] = extract(extractor, "On Monday, soldiers repelled an attack near Kidal. JNIM fighters had gathered near the base.", "en").events
    assert sides(e) == ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali")


def test_force_met_crowd(extractor):
    [e] = extract(extractor, "Lundi, des manifestants ont marché à Kano et ont été dispersés. Des policiers étaient présents.", "fr").events
    assert sides(e) == ("Protesters (Nigeria)", "Police Forces of Nigeria")


@pytest.mark.parametrize("lang,text,sub,target", [
    ("en", "On Monday, a retired schoolmaster was shot dead by gunmen on a motorbike in Kisumu.", "Attack", "Civilians (Kenya)"),
    ("fr", "Lundi, un comptable a été abattu par des hommes armés à Bouaké.", "Attack", "Civilians (Ivory Coast)"),
    ("en", "On Monday, gunmen attacked the bodyguard of a shop owner near Kisumu.", "Attack", "Civilians (Kenya)"),
    # a name or an acronym marks a group's or a force's people, whom the lexicon may not know
    ("en", "On Monday, gunmen killed two KPR reservists near Kisumu.", "Armed clash", "Military Forces of Kenya"),
])
def test_plain_person_hit(extractor, monkeypatch, lang, text, sub, target):
    """Someone named by a plain common noun is the civilian target; the test fails without the rule."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor2.name if e.actor2 else None) == (sub, target)
    monkeypatch.setattr(cast, "FILL_RULES", [f for f in cast.FILL_RULES if f is not cast.plain_person_hit])
    [e] = extract(extractor, text, lang).events
    assert e.actor2 is None or e.actor2.kind != "civilians" or sub != "Attack"


# --- ACLED defaults: DEFAULT_RULES -----------------------------------------------------------------
def test_crowd_named_by_event(extractor):
    [e] = extract(extractor, "Residents demonstrated in Goma on Monday.", "en").events
    assert e.actor1.name == "Protesters (Democratic Republic of Congo)" and e.actor1.text == "Residents"


def test_crowd_outside_protest_is_civilians(extractor):
    [e] = extract(extractor, "Gunmen attacked a crowd of protesters at a market in Mopti on Monday.", "en").events
    assert e.sub_event_type == "Attack" and e.actor2.name == "Civilians (Mali)"


def test_unarmed_are_targets(extractor):
    [e] = extract(extractor, "Residents fought with gunmen near Mopti on Monday.", "en").events
    assert sides(e) == ("Unidentified Armed Group (Mali)", "Civilians (Mali)")


def test_protesters_by_default(extractor):
    [e] = extract(extractor, "A march against fuel prices took place in Kano on Monday.", "en").events
    assert sides(e) == ("Protesters (Nigeria)", None)


def test_mob_by_default(extractor):
    [e] = extract(extractor, "Un présumé voleur a été lynché lundi à Bukavu.", "fr").events
    assert e.sub_event_type == "Mob violence" and e.actor1.name == "Rioters (Democratic Republic of Congo)"


def test_police_arrest(extractor):
    [e] = extract(extractor, "Twelve suspects were arrested in Mombasa on Monday.", "en").events
    assert sides(e) == ("Police Forces of Kenya", "Civilians (Kenya)")


def test_army_regains_ground(extractor):
    [e] = extract(extractor, "La ville de Djibo a été reprise lundi.", "fr").events
    assert e.actor1.name == "Military Forces of Burkina Faso"


def test_state_fires_from_afar(extractor):
    [e] = extract(extractor, "Air strikes hit a market in El Fasher on Monday.", "en").events
    assert e.actor1.name == "Military Forces of Sudan"


def test_state_launched_what_was_shot_down(extractor):
    [e] = extract(extractor, "Lundi, la défense ukrainienne a abattu 30 drones au-dessus de Kharkiv. La Russie a lancé 40 drones.", "fr").events
    assert e.actor1.name == "Military Forces of Russia" and e.actor1.kind == "external_forces"


def test_agreement_between_belligerents(extractor):
    [e] = extract(extractor, "On Monday in Yemen, the two sides agreed a prisoner swap.\n\nYemeni troops and the Houthis are the two sides.", "en").events
    assert e.sub_event_type == "Agreement" and sides(e) == ("Military Forces of Yemen", "Houthi Movement")


def test_unidentified_attacker(extractor):
    [e] = extract(extractor, "A bomb exploded at a bus station in Gao on Monday.", "en").events
    assert e.actor1.name == "Unidentified Armed Group (Mali)"


def test_aimed_at_state(extractor):
    [e] = extract(extractor, "Un engin explosif a été désamorcé lundi sur la route de Gao.", "fr").events
    assert e.actor2.name == "Military Forces of Mali"


# --- rules a sentence cannot isolate (a later rule would decide the same): the rule list run on --------
# --- actor mentions or actors made here ------------------------------------------------------------
def mention(category, start=0):
    return ActorMention(start, start + 1, start, category)


def picked(actor1=(), actor2=(), assoc=()):
    return {ACTOR1: list(actor1), ACTOR2: list(actor2), ASSOC: list(assoc)}


def refine(c):
    for rule in cast.PICK_RULES:
        rule(c)


def settle(s):
    for rule in defaults.DEFAULT_RULES:
        rule(s)


def test_crowd_meets_force():
    # "Les gendarmes ont dispersé les manifestants": whatever the parse, the crowd is actor1
    police, crowd = mention(Category.POLICE), mention(Category.PROTESTERS, 3)
    c = cast.Cast(None, None, "SN", False, {Trigger.PROTEST, Trigger.INTERVENE}, None, [], picked([police], [crowd]))
    refine(c)
    assert c.picked[ACTOR1] == [crowd] and c.picked[ACTOR2] == [police]


def test_ground_changes_hands():
    # "Soldiers pulled out of the camp and rebels moved in": who moved in acts
    army, rebels = mention(Category.MILITARY), mention(Category.ARMED, 5)
    left = SimpleNamespace(classes={Trigger.WITHDRAW}, roles=picked([army]))
    came = SimpleNamespace(classes={Trigger.DEPLOY}, roles=picked([rebels]))
    c = cast.Cast(None, SimpleNamespace(mentions=[left, came]), "ML", False, {Trigger.WITHDRAW, Trigger.DEPLOY}, None, [],
                  picked([army, rebels]))
    refine(c)
    assert c.picked[ACTOR1] == [rebels] and c.picked[ACTOR2] == [army]


def test_places_stand_in_last():
    # "Le poste de Tessit attaqué par le JNIM": the post is no side beside the group
    post, group, people = mention(Category.FACILITY), mention(Category.GROUP, 4), mention(Category.CIVILIANS, 8)
    c = cast.Cast(None, None, "ML", True, {Trigger.ATTACK}, None, [], picked([post, group], [post, people]))
    refine(c)
    assert c.picked[ACTOR1] == [group] and c.picked[ACTOR2] == [people, post]


def actor(name, kind, code="TG"):
    return Actor(name=name, kind=kind, country_code=code)


def test_crowd_leads_its_protest():
    # "Police dispersed students marching in Lome": the police are not the protest's actor1
    police, students = actor("Police Forces of Togo", ActorKind.STATE_FORCES), actor("Protesters (Togo)", ActorKind.PROTESTERS)
    s = defaults.Sides(None, SubEventType.PROTEST_WITH_INTERVENTION, police, students, "TG")
    settle(s)
    assert (s.actor1.name, s.actor2) == ("Protesters (Togo)", police)


def test_rioters_are_rioters():
    # "Des militants en colère ont incendié la mairie": a riot's own people are rioters
    s = defaults.Sides(None, SubEventType.VIOLENT_DEMONSTRATION, actor("Militants", ActorKind.POLITICAL_MILITIA, "BF"), None, "BF")
    settle(s)
    assert s.actor1.name == "Rioters (Burkina Faso)" and s.actor1.kind == ActorKind.RIOTERS


def test_crowd_not_its_own_opponent():
    # "Protesters and residents marched through Goma": the residents are no other side
    s = defaults.Sides(None, SubEventType.PEACEFUL_PROTEST, actor("Protesters (Togo)", ActorKind.PROTESTERS),
                       actor("Civilians (Togo)", ActorKind.CIVILIANS), "TG")
    settle(s)
    assert s.actor2 is None


def test_civilians_hit():
    # "Gunmen abducted a trader": the unnamed target of an abduction is civilians
    s = defaults.Sides(None, SubEventType.ABDUCTION, actor("Unidentified Armed Group (Mali)", ActorKind.POLITICAL_MILITIA, "ML"),
                       None, "ML")
    settle(s)
    assert s.actor2.name == "Civilians (Mali)" and s.actor2.kind == ActorKind.CIVILIANS


def test_never_both_sides():
    """One actor is never both sides of its event (the rule run on made-up sides)."""
    from types import SimpleNamespace

    from conflictwire.events.sides import FILL_RULES, never_both_sides
    from conflictwire.model import Actor
    assert FILL_RULES[-1] is never_both_sides
    same = SimpleNamespace(actor1=Actor(name="Rapid Support Forces"), actor2=Actor(name="Rapid Support Forces"))
    never_both_sides(same)
    assert same.actor1.name == "Rapid Support Forces" and same.actor2 is None
    apart = SimpleNamespace(actor1=Actor(name="Rapid Support Forces"), actor2=Actor(name="Civilians (Sudan)"))
    never_both_sides(apart)
    assert apart.actor2.name == "Civilians (Sudan)"


@pytest.mark.parametrize("text, lang", [
    ("Soldiers and jihadists clashed in Kaya on Monday, leaving four dead.\n\n"
     "The same day, a bomb exploded near the police station in Kaya, wounding two officers.", "en"),
    ("Des soldats et des jihadistes se sont affrontés lundi à Kaya, faisant quatre morts.\n\n"
     "Le même jour, une bombe a explosé près du commissariat de Kaya, blessant deux policiers.", "fr"),
])
def test_another_act_the_same_day(extractor, text, lang):
    r = extract(extractor, text, lang)
    assert sorted(e.sub_event_type for e in r.events) == ["Armed clash", "Remote explosive/landmine/IED"]


@pytest.mark.parametrize("lang,text", [
    ("en", "On Monday the army launched air strikes on rebel positions near Kutkai."),
    ("fr", "Lundi, l'armée a lancé des frappes aériennes sur des positions rebelles près de Kutkai."),
])
def test_a_trigger_of_several_words_is_no_modifier_of_itself(extractor, lang, text):
    """ "air strikes": "air" hangs from "strikes" as a compound, but within the trigger's own
    words; only a trigger word that qualifies another noun ("riot police") tells no event."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.location.name, e.event_date) == ("Air/drone strike", "Kutkai", "2024-05-06")


@pytest.mark.parametrize("lang,text,sub", [
    ("en", "Military fighter jets fired into the village of Kyaukse on Monday.", "Air/drone strike"),
    ("fr", "Lundi, des avions de chasse de l'armée ont tiré sur le village de Kyaukse.", "Air/drone strike"),
    ("en", "Gunmen fired on an army checkpoint near Bunia on Monday.", "Armed clash"),
])
def test_firing_at_a_target_is_an_act_of_violence(extractor, lang, text, sub):
    """ "fired into the village", "ont tiré sur": firing at someone or somewhere tells an attack,
    the weapon saying which kind."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.event_date) == (sub, "2024-05-06")


@pytest.mark.parametrize("lang,text", [
    ("en", "On 6 May 2024, according to a statement released from office of chief of police, 80 fighters of the KIA "
           "attacked the Myanmar army column patrolling near Hpakant."),
    ("en", "On 6 May 2024, according to a statement from the office of the village chief, 80 KIA fighters ambushed "
           "an army column near Hpakant."),
    ("fr", "Le 6 mai 2024, selon un communiqué émanant du bureau du chef de village, 80 combattants de la KIA ont "
           "tendu une embuscade à une colonne de l'armée près de Hpakant."),
])
def test_speaker_named_deep_in_a_reporting_clause_takes_no_part(extractor, lang, text):
    """The chief whose office released the news only tells it: the column was the target."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor1.name, e.actor2.name) == ("Armed clash", "KIA: Kachin Independence Army",
                                                                "Military Forces of Myanmar")


@pytest.mark.parametrize("lang,text", [
    ("en", "Rebels attacked a military column near Kyauktaw on Monday."),
    ("fr", "Lundi, des rebelles ont attaqué une colonne militaire près de Kyauktaw."),
])
def test_a_column_of_troops_is_the_military(extractor, lang, text):
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor2.name) == ("Armed clash", "Military Forces of Myanmar")


def test_a_post_is_a_place_held_not_a_message(extractor):
    """ "attacked a military post": the post is the target (a saying word only as a verb)."""
    [e] = extract(extractor, "Reported on 6 May 2024, militants attacked a military post in Baraki Barak district, Logar.", "en").events
    assert e.actor2 is not None and e.actor2.name == "Military Forces of Afghanistan"


@pytest.mark.parametrize("lang,text", [
    ("en", "Hezbollah said it fired dozens of rockets at Metula on Monday. Israeli air strikes on a village in the "
           "south of the country killed five people, Lebanese sources said."),
    ("fr", "Le Hezbollah a affirmé avoir tiré lundi des dizaines de roquettes sur Metula. Des frappes israéliennes sur "
           "un village du sud du pays ont tué cinq personnes, selon des sources libanaises."),
])
def test_the_other_sides_strike(extractor, lang, text):
    """The answer to a strike, from afar and by the other side, is an event of its own."""
    events = extract(extractor, text, lang).events
    assert sorted((e.sub_event_type, e.actor1.name) for e in events) == [
        ("Air/drone strike", "Military Forces of Israel"), ("Shelling/artillery/missile attack", "Hezbollah")]


@pytest.mark.parametrize("lang,text", [
    ("en", "Hezbollah fired rockets at Shlomi on Sunday. Israeli troops fought back with heavy artillery."),
    ("fr", "Le Hezbollah a tiré dimanche des roquettes sur Shlomi. Les forces israéliennes ont riposté à l'artillerie lourde."),
])
def test_the_other_sides_answer_with_guns_fired_from_afar_is_its_own_event(extractor, lang, text):
    """Named by its weapon rather than by a strike word, the answer is still an event of its own."""
    events = extract(extractor, text, lang).events
    assert [(e.actor1.name, e.weapon) for e in events] == [("Hezbollah", "rocket"), ("Military Forces of Israel", "artillery")]


@pytest.mark.parametrize("lang,text,sub", [
    ("en", "Militants fired dozens of rockets at Sderot on Monday.", "Shelling/artillery/missile attack"),
    ("en", "Russian forces launched 40 drones at Odesa on Monday.", "Air/drone strike"),
    ("fr", "Lundi, des miliciens ont tiré une dizaine d'obus sur Goma.", "Shelling/artillery/missile attack"),
])
def test_firing_projectiles_at_a_place_is_a_strike(extractor, lang, text, sub):
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.event_date) == (sub, "2024-05-06")


@pytest.mark.parametrize("lang,text", [
    ("en", "In March, militants killed five soldiers near Diffa."),
    ("fr", "En mars, des jihadistes ont tué cinq soldats près de Diffa."),
])
def test_a_bare_month_dates_an_event_within_it(extractor, lang, text):
    """ "In March": the event is dated to the month (the last March before the report), not to the report's day."""
    [e] = extract(extractor, text, lang).events
    assert (e.event_date, e.date_precision) == ("2024-03", "month")


@pytest.mark.parametrize("lang,text", [
    ("en", "On Monday in Mandalay, striking bus drivers staged a protest and threw plastic bottles and rocks at drivers who kept working."),
    ("fr", "Lundi à Mandalay, des chauffeurs en grève ont manifesté et ont lancé de grosses pierres sur les chauffeurs qui travaillaient."),
])
def test_a_crowd_throwing_stones_or_bottles_riots(extractor, lang, text):
    """Whatever words stand between the verb and the stones ("plastic bottles", "de grosses pierres")."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor1.name) == ("Violent demonstration", "Rioters (Myanmar)")


@pytest.mark.parametrize("lang,text,sub", [
    ("en", "On Monday unknown gunmen seized a cow and three goats from a herder in Kandi.", "Looting/property destruction"),
    ("fr", "Lundi, des hommes armés se sont emparés de trois pirogues de pêcheurs près de Kandi.", "Looting/property destruction"),
    ("en", "On Monday militants seized the town of Kandi after heavy fighting.", "Non-state actor overtakes territory"),
])
def test_seizing_livestock_or_boats_is_looting_not_taking_ground(extractor, lang, text, sub):
    [e] = extract(extractor, text, lang).events
    assert e.sub_event_type == sub


@pytest.mark.parametrize("lang,text", [
    ("fr", "Lundi, des jihadistes ont tendu une embuscade à un convoi de l'armée près de Ménaka.\n\nLes échanges de "
           "tirs ont duré deux heures. L'armée a reconnu la perte de trois soldats. Ce bilan n'a pu être vérifié.\n\n"
           "Le groupe a revendiqué l'attaque, assurant s'être emparé de « plusieurs véhicules et de nombreuses armes »."),
    ("en", "On Monday militants ambushed an army convoy near Menaka.\n\nThe exchange of fire lasted two hours. The "
           "army admitted the loss of three soldiers. The toll could not be verified.\n\nThe group claimed the attack, "
           "saying it had seized several vehicles and many weapons."),
])
def test_vehicles_and_weapons_taken_in_a_fight_are_its_spoils(extractor, lang, text):
    assert [e.sub_event_type for e in extract(extractor, text, lang).events] == ["Armed clash"]


@pytest.mark.parametrize("lang,text,sub,actor1", [
    ("en", "On Monday, farmers armed with machetes attacked a Fulani camp near Kandi, wounding three herders.",
     "Attack", "Unidentified Communal Militia (Benin)"),
    ("fr", "Lundi, des agriculteurs ont attaqué un campement peul près de Kandi, blessant trois éleveurs.",
     "Attack", "Unidentified Communal Militia (Benin)"),
    ("en", "On Monday, a mob of villagers beat a suspected thief to death in Kandi.", "Mob violence", "Rioters (Benin)"),
    ("en", "On Monday, a group of pastoralists attacked a village near Nikki, wounding two farmers.", "Attack",
     "Unidentified Communal Militia (Benin)"),
])
def test_a_community_attacking_anothers_camp_is_a_communal_militia(extractor, lang, text, sub, actor1):
    """Farmers who attack a herders' camp are a communal militia (ACLED's identity militia); a
    crowd beating a thief is a mob."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor1.name, e.actor1.kind) == (sub, actor1, "identity_militia" if sub == "Attack" else "rioters")


@pytest.mark.parametrize("lang,text,sub", [
    ("en", "On 6 May 2024, in Tyre, soldiers stopped protesters from setting up tents at the main roundabout.",
     "Protest with intervention"),
    ("fr", "Le 6 mai 2024 à Tyr, des soldats ont empêché des manifestants d'installer des tentes sur le rond-point principal.",
     "Protest with intervention"),
    ("en", "On 6 May 2024, police escorted protesters marching through Tyre.", "Peaceful protest"),
])
def test_forces_acting_on_protesters_intervene_in_their_protest(extractor, lang, text, sub):
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor1.name) == (sub, "Protesters (Lebanon)")


@pytest.mark.parametrize("lang,text", [
    ("en", "On 6 May 2024, students marched in Izmir in memory of three activists who were executed in 1980."),
    ("fr", "Le 6 mai 2024, des étudiants ont défilé à Izmir en mémoire de trois militants qui ont été exécutés en 1980."),
    # a year in a clause under the event's own is not its date
    ("en", "On 6 May 2024, students held a rally in Izmir to mark the uprising of 1980."),
    # an event noun dated long ago
    ("en", "On 6 May 2024, residents marched in Izmir to mark the anniversary of the 1999 massacre."),
    ("fr", "Le 6 mai 2024, des habitants ont défilé à Izmir pour l'anniversaire du massacre de 1999."),
])
def test_a_clause_dated_years_before_the_report_is_history(extractor, lang, text):
    """The killing of 1980 is why the march is held, not news: the march is a peaceful protest, no toll."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.fatalities) == ("Peaceful protest", 0)


@pytest.mark.parametrize("lang,text,sub", [
    ("en", "On Monday, gunmen attacked a village near Kandi and burned a dozen houses and granaries.", "Looting/property destruction"),
    ("fr", "Lundi, des hommes armés ont attaqué un village près de Kandi et incendié une dizaine de maisons et de greniers.",
     "Looting/property destruction"),
    ("en", "On Monday, gunmen attacked a village near Kandi and burned a dozen houses, wounding two farmers.", "Attack"),
])
def test_an_attack_that_hurt_no_one_but_destroyed_property_is_property_destruction(extractor, lang, text, sub):
    [e] = extract(extractor, text, lang).events
    assert e.sub_event_type == sub


@pytest.mark.parametrize("lang,text", [
    ("en", "On Monday, traders staged a protest in Siliguri against a new market tax. Police reached the spot and "
           "controlled the situation."),
    ("fr", "Lundi, des commerçants ont manifesté à Parakou contre une nouvelle taxe. Les gendarmes ont rétabli l'ordre."),
    ("en", "On Monday, police stopped protestors from marching to the governor's office in Jammu."),  # the -or spelling
])
def test_forces_bringing_a_protest_under_control_intervene(extractor, lang, text):
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor1.kind) == ("Protest with intervention", "protesters")


def test_a_crowd_asking_for_order_restored_met_no_intervention(extractor):
    text = "On Monday, traders staged a sit-in in Siliguri, demanding that the authorities restore order in the market."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize("lang,text,planter", [
    # the parse hangs the IED under "placed" (as its subject): the truck still met it
    ("en", "On 4 March 2024, a Nigerien army truck struck an IED likely placed by IS Sahel militants near the village of Tera.",
     "Islamic State (Sahel)"),
    ("fr", "Le 4 mars 2024, un camion de l'armée nigérienne a sauté sur une mine probablement posée par des jihadistes près de Téra.",
     "Unidentified Armed Group (Niger)"),
])
def test_met_charge(extractor, lang, text, planter):
    """Forces whose vehicle struck a planted charge are its target; who planted it is actor1."""
    [e] = extract(extractor, text, lang).events
    assert (e.actor1.name, e.actor2.name) == (planter, "Military Forces of Niger")


@pytest.mark.parametrize("lang,text", [
    ("en", "On Monday, police clashed with opposition supporters in Kolda."),
    ("fr", "Lundi, de violents affrontements ont opposé les forces de sécurité à des partisans de l'opposition à Kolda."),
])
def test_forces_fighting_a_crowd_is_a_riot_whoever_is_named_first(extractor, lang, text):
    """A clash of the state's forces with a crowd is a violent demonstration, the crowd its actor1."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor1.name) == ("Violent demonstration", "Rioters (Senegal)")


@pytest.mark.parametrize("lang,text,sub", [
    ("en", "On Tuesday, Russian forces hit a fuel depot in Sloviansk, killing two workers.", "Air/drone strike"),
    ("fr", "Mardi, l'armée russe a frappé un dépôt de carburant à Sloviansk, tuant deux employés.", "Air/drone strike"),
    # an armed group that hit a depot attacked it
    ("en", "On Tuesday, gunmen hit a fuel depot in Sloviansk, killing two workers.", "Attack"),
])
def test_a_foreign_army_that_hit_a_town_struck_it_from_afar(extractor, lang, text, sub):
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.location.name) == (sub, "Slovyansk")


@pytest.mark.parametrize("lang,text", [
    ("en", "On Tuesday, Russian intelligence services said they had hit a warehouse in Kharkiv and killed twelve soldiers."),
    ("fr", "Mardi, les services de renseignement russes ont annoncé avoir frappé un entrepôt à Kharkiv et tué douze soldats."),
])
def test_intelligence_services_are_a_states_forces(extractor, lang, text):
    [e] = extract(extractor, text, lang).events
    assert e.actor1.name == "Military Forces of Russia"


@pytest.mark.parametrize("lang,text,sides_", [
    ("en", "On Monday, Ukrainian troops fought near Sudzha in the Kursk region.",
     ("Military Forces of Ukraine", "Military Forces of Russia")),
    ("fr", "Lundi, des combattants du FLA ont échangé des tirs près de Kidal, faisant trois morts.",
     ("FLA: Azawad Liberation Front", "Military Forces of Mali")),
    # the state's own army fighting nobody named has no other side to guess
    ("en", "On Monday, Malian soldiers exchanged fire near Kidal, killing three.", ("Military Forces of Mali", None)),
])
def test_host_state_fights(extractor, lang, text, sides_):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == sides_


@pytest.mark.parametrize("lang,text", [
    ("en", "On Monday, a mob of ruling party supporters threw stones at an opposition leader's car in Chimoio and "
           "police intervened, firing in the air."),
    ("fr", "Lundi, une foule en colère a jeté des pierres sur la voiture d'un député à Chimoio. La police est "
           "intervenue en tirant en l'air."),
])
def test_a_mob_the_police_broke_up_is_mob_violence(extractor, lang, text):
    """The police who intervened did not suffer the mob's violence: it stays mob violence, not a riot."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, e.actor2.name) == ("Mob violence", "Police Forces of Mozambique")


@pytest.mark.parametrize("lang,text", [
    ("en", "On Tuesday, Russian forces captured the village of Krasnohorivka in the Donetsk region."),
    ("fr", "Mardi, les forces russes ont pris le contrôle du village de Krasnohorivka, dans la région de Donetsk."),
])
def test_a_foreign_army_taking_ground_is_no_government_regaining_it(extractor, lang, text):
    """As ACLED codes it: ground a foreign army takes is overtaken, from the army of the country."""
    [e] = extract(extractor, text, lang).events
    assert (e.sub_event_type, *sides(e)) == ("Non-state actor overtakes territory", "Military Forces of Russia",
                                              "Military Forces of Ukraine")
