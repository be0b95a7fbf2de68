"""Who acted on whom, as ACLED codes it, on sentences written here in the style of wire copy (issue 12)."""
import pytest

from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-07"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def sides(event):
    return tuple((a.kind, a.country_code) if a else None for a in (event.actor1, event.actor2))


@pytest.mark.parametrize("text, lang, country", [
    ("Two demonstrators were shot dead during a protest in Mombasa on Friday.", "en", "KE"),
    ("Un rassemblement d'étudiants a été dispersé à Lomé mardi.", "fr", "TG"),
])
def test_force_that_met_protest_is_police_by_default(extractor, text, lang, country):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("protesters", country), ("state_forces", country))
    assert e.actor2.name.startswith("Police Forces of")


@pytest.mark.parametrize("text, lang", [
    ("An army vehicle struck a roadside bomb near Gao on Friday, killing three soldiers.", "en"),
    ("Un véhicule de l'armée a sauté sur une mine près de Tessit dimanche, tuant deux soldats.", "fr"),
])
def test_forces_that_meet_a_planted_charge_are_its_target(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert sides(e) == (("political_militia", "ML"), ("state_forces", "ML"))


def test_charge_laid_by_forces_keeps_them_as_actor1(extractor):
    [e] = extract(extractor, "A bomb planted by soldiers exploded near the village of Hpakant on Monday.", "en").events
    assert sides(e)[0] == ("state_forces", "MM")


@pytest.mark.parametrize("text, lang, country", [
    ("American troops were targeted in a drone attack on the Harir air base in northern Iraq on Monday, officials said.", "en", "IQ"),
    ("Des soldats américains ont été visés lundi par une attaque de drone contre la base d'Al-Tanf, dans le sud de la Syrie.", "fr", "SY"),
])
def test_unnamed_drone_attack_on_forces_is_not_by_their_state_nor_the_host(extractor, text, lang, country):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("political_militia", country), ("external_forces", "US"))
    assert e.actor1.name.startswith("Unidentified Armed Group")


@pytest.mark.parametrize("text, lang, first, second", [
    ("On 3 March 2021, near Bhamo, Myanmar military and KIA engaged in heavy fighting.", "en", "state_forces", "rebel_group"),
    ("On 3 March 2021, heavy fighting broke out between the Kachin Independence Army and the Myanmar military near Bhamo.",
     "en", "rebel_group", "state_forces"),
    ("Des combats ont éclaté lundi entre l'armée malienne et les rebelles du FLA près de Kidal.", "fr", "state_forces", "rebel_group"),
])
def test_fighting_told_without_agent_puts_the_side_named_first_as_actor1(extractor, text, lang, first, second):
    [e] = extract(extractor, text, lang).events
    assert e.sub_event_type == "Armed clash"
    assert (e.actor1.kind, e.actor2.kind) == (first, second)


@pytest.mark.parametrize("text, lang", [
    ("Fighting broke out between Somali soldiers and al-Shabaab fighters in Baidoa on Sunday. "
     "The clashes began after al-Shabaab fighters attacked a police station in the town.", "en"),
    ("Des combats ont éclaté dimanche à Baidoa entre l'armée somalienne et les shebab. "
     "Les affrontements ont commencé après que les shebab ont attaqué un commissariat de la ville.", "fr"),
])
def test_fighting_started_by_an_attack_puts_the_attacker_as_actor1(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("rebel_group", "SO"), ("state_forces", "SO"))


@pytest.mark.parametrize("text, lang", [
    ("On Monday, six Taliban fighters died in fighting with Afghan troops near Khost.", "en"),
    ("Six combattants du JNIM ont été tués lors d'affrontements avec l'armée malienne près de Ségou lundi.", "fr"),
])
def test_fighters_a_casualty_count_counts_are_actor2(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert (e.actor1.kind, e.actor2.kind) == ("state_forces", "rebel_group")


@pytest.mark.parametrize("text, lang", [
    ("Drones targeted a military base near Erbil on Monday, where American troops are stationed.", "en"),
    ("Des drones ont visé lundi une base militaire proche d'Erbil, où sont stationnés des soldats américains.", "fr"),
])
def test_attacked_base_stands_for_the_foreign_troops_the_report_places_there(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("political_militia", "IQ"), ("external_forces", "US"))


def test_attacked_base_with_no_guests_named_stays_the_host_army(extractor):
    [e] = extract(extractor, "Israeli drones struck a military base near Tyre on Monday.", "en").events
    assert sides(e) == (("external_forces", "IL"), ("state_forces", "LB"))


@pytest.mark.parametrize("text, lang", [
    ("An Israeli drone strike on a house in Tubas killed three Palestinians on Tuesday.", "en"),
    ("Une frappe de drone israélienne a tué trois Palestiniens mardi à Tubas.", "fr"),
])
def test_counted_demonym_is_people_of_that_country(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("external_forces", "IL"), ("civilians", "PS"))


@pytest.mark.parametrize("text, lang", [
    ("The army said it repelled an RSF attack on El Obeid on Friday.", "en"),
    ("Soldiers repulsed an attack by jihadists on an army post near Djibo on Friday.", "en"),
    ("Selon les forces armées, les soldats ont repoussé jeudi un assaut des Forces de soutien rapide contre El Obeid.", "fr"),
    ("L'armée malienne a repoussé vendredi une attaque contre le camp de Boulkessi.", "fr"),
])
def test_who_repels_an_attack_was_its_target(extractor, text, lang):
    """The attacker (named or not) is actor1; the army that fought it off is actor2."""
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    [e] = r.events
    assert e.actor2.kind == "state_forces" and e.actor1.kind in ("rebel_group", "political_militia")


@pytest.mark.parametrize("text, lang", [
    ("Washington a affirmé que des frappes aériennes avaient touché jeudi un marché près de Kigoma, en Tanzanie, "
     "tuant six personnes.", "fr"),
    ("Washington said air strikes had hit a market near Kigoma, Tanzania, on Thursday, killing six people.", "en"),
])
def test_state_that_only_speaks_of_a_strike_did_not_fly_it(extractor, text, lang):
    """A foreign state named only as who tells of the strike is no candidate for who made it."""
    [e] = extract(extractor, text, lang).events
    assert e.location.country_code == "TZ"
    assert e.actor1.country_code == "TZ"


@pytest.mark.parametrize("text, lang", [
    ("« Les roquettes ont blessé trois personnes à Nahariya », selon un porte-parole de l'armée de l'air israélienne.",
     "fr"),
    ("\"The rocket attack wounded three people in Nahariya,\" according to a spokesman for the Israeli Defense "
     "Forces.", "en"),  # (a guard: the English name's last word is already close to the source's "according to")
])
def test_institution_of_the_source_after_according_is_no_side(extractor, text, lang):
    """The head of a multi-word name is its syntactic root ("armée" of "armée de l'air israélienne"),
    so the climb from it reaches the "selon" of its phrase."""
    [e] = extract(extractor, text, lang).events
    assert e.actor1.name != "Military Forces of Israel" and e.actor2.kind == "civilians"


@pytest.mark.parametrize("text, lang, role", [
    ("Le Hamas, qui a tiré mardi des dizaines de roquettes vers Ashkelon, a affirmé que la riposte ne faisait "
     "que commencer.", "fr", "actor1"),
    ("Hamas, which fired dozens of rockets at Ashkelon on Tuesday, said the response had only just begun.", "en", "actor1"),
    ("Le convoi de l'armée, qui a été attaqué lundi près de Gao, a rejoint sa base mardi.", "fr", "actor2"),
    ("The army convoy, which was attacked near Gao on Monday, reached its base on Tuesday.", "en", "actor2"),
])
def test_relative_clause_on_the_actor_gives_its_role(extractor, text, lang, role):
    """The act told in a relative clause on a noun: its pronoun says the noun's role, even when the
    noun is also who speaks."""
    [e] = extract(extractor, text, lang).events
    actor = getattr(e, role)
    assert actor.kind == ("rebel_group" if role == "actor1" else "state_forces")


@pytest.mark.parametrize("text, lang", [
    ("Selon l'état-major tchadien, « 40 assaillants de Boko Haram sont morts » dans les combats près de Bol.", "fr"),
    ("According to the Chadian army, \"40 Boko Haram assailants were killed\" in fighting near Bol.", "en"),
])
def test_forces_claiming_a_groups_dead_fought_it(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("state_forces", "TD"), ("rebel_group", "NG"))


@pytest.mark.parametrize("text, lang", [
    ("Des frappes aériennes ont tué jeudi six personnes sur un marché de l'ouest de la Tanzanie, une accusation "
     "rejetée par Bujumbura.", "fr"),
    ("Air strikes killed six people at a market in western Tanzania on Thursday, an accusation rejected by "
     "Bujumbura.", "en"),
])
def test_capital_as_the_agent_of_a_verb_is_its_government_not_a_place(extractor, text, lang):
    """ "Rejected by Bujumbura": Burundi's government denies; the place stays in Tanzania."""
    r = extract(extractor, text, lang)
    assert [(s.statement_type, s.speaker.name) for s in r.statements] == [("REJECT", "Burundi")]
    [e] = r.events
    assert e.location.country_code == "TZ" and e.location.name != "Bujumbura"


@pytest.mark.parametrize("text, lang", [
    ("The Taliban-run interior ministry said 12 people were killed in Pakistani air strikes in Khost on Monday.", "en"),
    ("Le ministère de l'Intérieur des talibans a annoncé que 12 personnes avaient été tuées lundi dans des frappes "
     "pakistanaises à Khost.", "fr"),  # (French names the group with "des": a guard)
])
def test_group_that_runs_the_source_is_no_side(extractor, text, lang):
    """ "The Taliban-run ministry said": the group hangs on the source's noun, and speaks with it."""
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("external_forces", "PK"), ("civilians", "AF"))


@pytest.mark.parametrize("text, lang", [
    ("Air strikes on fleeing gunmen near Damboa on Sunday resulted in numerous jihadist deaths, an officer said.", "en"),
    ("Des frappes aériennes contre des assaillants en fuite près de Damboa ont fait dimanche de nombreuses victimes "
     "parmi les militants, a indiqué un officier.", "fr"),
])
def test_people_a_casualty_noun_is_qualified_by_were_hit(extractor, text, lang):
    """ "Numerous jihadist deaths": the jihadists died; the strike was the state's."""
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("state_forces", "NG"), ("political_militia", "NG"))


@pytest.mark.parametrize("text, lang", [
    ("Fighter jets bombed the gunmen's hideout near Damboa on Sunday, an officer said.", "en"),
    ("Des avions de chasse ont bombardé dimanche la cachette des assaillants près de Damboa, a indiqué un officier.", "fr"),
])
def test_a_word_of_a_weapons_name_is_no_actor(extractor, text, lang):
    """ "Fighter jets" are aircraft, not fighters."""
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("state_forces", "NG"), ("political_militia", "NG"))


@pytest.mark.parametrize("text, lang", [
    ("L'armée a neutralisé douze terroristes vendredi près de Kidal.", "fr"),
    ("Troops neutralised twelve terrorists near Kidal on Friday, the army said.", "en"),
])
def test_forces_that_neutralise_fighters_killed_them(extractor, text, lang):
    """Military communiqués say "neutralised" for killed: an event, the forces its actor1 (even when
    the parse misses the verb's object)."""
    [e] = extract(extractor, text, lang).events
    assert e.fatalities == 12
    assert sides(e) == (("state_forces", "ML"), ("political_militia", "ML"))


@pytest.mark.parametrize("text, lang", [
    ("Gunmen on motorbikes killed eight villagers near Djibo on Tuesday. The governor blamed the attack on "
     "Ansarul Islam.", "en"),
    ("Des hommes armés à moto ont tué huit villageois mardi près de Djibo. Le gouverneur a accusé Ansarul Islam "
     "d'avoir mené l'attaque.", "fr"),
])
def test_attacker_nobody_names_is_the_group_the_authorities_accuse(extractor, text, lang):
    """ACLED codes an official attribution: the accused group is actor1 when the report names no other."""
    [e] = extract(extractor, text, lang).events
    assert e.actor1.name == "Ansaroul Islam"
    assert "attributed" in e.outcome


@pytest.mark.parametrize("text, lang, expected", [
    ("Three civilians were killed on Tuesday in an air strike on a district controlled by the TNLA in Kutkai.", "en",
     ("state_forces", "civilians")),
    ("Un raid aérien a tué mardi trois civils dans un quartier tenu par le TNLA à Kutkai.", "fr",
     ("state_forces", "civilians")),
    ("Army jets bombed TNLA-held villages near Kutkai on Monday.", "en", ("state_forces", "rebel_group")),
    ("Shells fired from areas held by the TNLA hit a market in Kutkai on Monday, killing four people.", "en",
     ("rebel_group", "civilians")),
    ("Les obus qui ont frappé lundi un marché de Kutkai provenaient de quartiers contrôlés par le TNLA.", "fr",
     ("rebel_group", None)),
])
def test_who_holds_an_area_was_struck_there_unless_fire_came_from_it(extractor, text, lang, expected):
    [e] = extract(extractor, text, lang).events
    assert tuple(a.kind if a else None for a in (e.actor1, e.actor2)) == expected


@pytest.mark.parametrize("text, lang", [
    ("The 22nd brigade and the support units posted in Kadugli repelled an attack by the SPLM-N on Friday, the army "
     "said.", "en"),
    ("La 22e brigade et les unités de soutien déployées à Kadugli ont repoussé vendredi une attaque du SPLM-N, selon "
     "l'armée.", "fr"),
])
def test_every_force_named_as_repelling_an_attack_was_its_target(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("rebel_group", "SD"), ("state_forces", "SD"))


@pytest.mark.parametrize("text, lang", [
    ("A rocket fired from Lebanon on Monday hit a house in Metula, Israel, killing a man.", "en"),
    ("Une roquette tirée depuis le Liban a touché lundi une maison à Metula, Israël, tuant un homme.", "fr"),
])
def test_country_named_after_a_town_it_holds_is_no_side(extractor, text, lang):
    """ "In Metula, Israel": the country places the town; the man killed is the target."""
    [e] = extract(extractor, text, lang).events
    assert e.actor2.name == "Civilians (Israel)"


def test_country_after_a_town_and_a_comma_that_acts_is_a_side(extractor):
    """ "After clashes in Khost, Afghanistan shelled...": the country is the subject, not the town's."""
    [e] = extract(extractor, "After clashes in Khost, Afghanistan shelled Pakistani border posts near Parachinar "
                             "on Tuesday.", "en").events
    assert e.actor1.name == "Military Forces of Afghanistan"


@pytest.mark.parametrize("text, lang", [
    ("On Saturday a roadside bomb killed a police official and wounded his driver in Bannu.", "en"),
    ("Un responsable de la police a été tué samedi à Bannu par l'explosion d'une bombe artisanale.", "fr"),
])
def test_person_a_forces_word_qualifies_is_of_that_force(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert e.actor2.name == "Police Forces of Pakistan"


@pytest.mark.parametrize("text, lang", [
    ("Clashes erupted on Sunday in Bahir Dar between the army and Fano militiamen. The clashes began after Fano "
     "militiamen shot two civilians and attacked a police patrol in the town; soldiers killed twelve of them, the army "
     "said.", "en"),
    ("Des affrontements ont opposé dimanche l'armée à des miliciens Fano à Bahir Dar. Les combats ont commencé après "
     "que des miliciens Fano ont attaqué un poste de police de la ville ; les soldats en ont tué douze, selon "
     "l'armée.", "fr"),
])
def test_in_fighting_where_both_sides_act_the_side_told_acting_first_leads(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert (e.actor1.name, e.actor2.name) == ("Fano Militia", "Military Forces of Ethiopia")


@pytest.mark.parametrize("text, lang", [
    ("An attack attributed to al Shabaab killed six people in Mandera on Monday.", "en"),
])
def test_the_group_an_attack_is_laid_on_made_it(extractor, text, lang):
    """ACLED codes the attribution a report makes: the group is actor1, the people killed actor2."""
    [e] = extract(extractor, text, lang).events
    assert (e.actor1.name, e.actor2.kind) == ("Al Shabaab", "civilians")


def test_the_group_an_attack_is_laid_on_made_it_when_its_name_hangs_on_a_noun(extractor):
    [e] = extract(extractor, "Une embuscade meurtrière attribuée au groupe Red Tabara a été tendue lundi près de "
                             "Rugombo. Au moins douze personnes y ont perdu la vie.", "fr").events
    assert e.actor1.name.startswith("RED-Tabara")


@pytest.mark.parametrize("text, lang", [
    ("Boko Haram has long been active in the region. On Sunday, ISWAP fighters raided a base in Damasak, killing "
     "four soldiers. Jets later bombed the attackers in Malam Fatori.", "en"),
    ("Boko Haram est actif dans la région depuis longtemps. Dimanche, des combattants de l'ISWAP ont attaqué une base "
     "à Damasak, tuant quatre soldats. Des avions ont ensuite bombardé les assaillants à Malam Fatori.", "fr"),
])
def test_attackers_named_with_the_article_are_the_group_named_last_before_them(extractor, text, lang):
    strike = next(e for e in extract(extractor, text, lang, published="2025-01-06").events if e.weapon == "airstrike")
    assert strike.actor2.name == "Islamic State (West Africa)"
