"""Statements, second pass: a warning of one's own act threatens, words that call something false
deny it, a statement noun named again is answered, not made, a passive statement verb has no
speaker, an embedded demand is its reporter's, quoted words telling of another party's attack
blame it, and "elle"/"il" stand for the last speaker of their gender. Invented sentences."""
import pytest

from conflictwire.model import Article


def statements(extractor, text, lang, published="2024-05-10"):
    r = extractor.extract_article(Article.create(text, lang, published=published))
    return [(s.statement_type, s.speaker.country_code) for s in r.statements]


def test_warning_of_consequences_is_a_threat(extractor):
    assert statements(extractor, 'Kenya warned Somalia of "serious consequences" over the raid.', "en") == [("THREATEN", "KE")]
    assert statements(extractor, "Le Niger a mis en garde le Bénin contre de « graves conséquences » après l'incident.", "fr") == [("THREATEN", "NE")]


def test_warning_of_someone_elses_strikes_stays_a_warning(extractor):
    assert statements(extractor, "Niger warned that militants could launch new strikes in the region.", "en") == [("WARN", "NE")]


def test_calling_it_false_is_a_denial(extractor):
    text = 'A spokesman for the Kenyan army said the toll given by the rebels was "false and baseless".'
    assert statements(extractor, text, "en") == [("REJECT", "KE")]
    text = "Le porte-parole de l'armée kényane a affirmé que ce bilan était « de la propagande pure »."
    assert statements(extractor, text, "fr") == [("REJECT", "KE")]


def test_answering_an_accusation_is_no_accusation(extractor):
    text = 'The activist Ali Hassan was arrested on Monday. Kenya reacted to the accusation, calling it "ridiculous".'
    assert statements(extractor, text, "en") == [("REJECT", "KE")]
    text = "Mardi, le Kenya a répondu à cette accusation, la jugeant « ridicule »."
    assert statements(extractor, text, "fr") == [("REJECT", "KE")]
    assert statements(extractor, "The accusation can carry a prison term of five years in Kenya.", "en") == []


def test_passive_statement_verb_has_no_speaker(extractor):
    text = "L'opposant Jean Dupont a été condamné jeudi à deux ans de prison à Nairobi."
    assert statements(extractor, text, "fr") == []
    text = "The opposition leader John Kamau was condemned on Thursday to two years in prison in Nairobi."
    assert statements(extractor, text, "en") == []


def test_embedded_demand_is_the_reporters(extractor):
    text = "The United Nations refugee chief Ana Lopes said on Monday that the fighting in Sudan must stop."
    assert statements(extractor, text, "en") == [("DEMAND", None)]
    text = "Le chef de l'ONU a déclaré lundi que les combats au Soudan doivent cesser."
    assert statements(extractor, text, "fr") == [("DEMAND", None)]
    text = ("Le Tchad agira de nouveau faute d'être entendu, a déclaré le ministre tchadien de la Défense "
            "Paul Mbaye, en exigeant du pouvoir nigérien qu'il « laisse tranquilles » les éleveurs.")
    assert ("DEMAND", "TD") in statements(extractor, text, "fr")


def test_quoted_attack_by_another_party_is_an_accusation(extractor):
    text = ('"The rebels shelled the central market in Bambari, which was crowded," said Paul Ndoli, '
            'a spokesman for the Central African government.')
    assert statements(extractor, text, "en") == [("ACCUSE", "CF")]
    text = ("« Les rebelles ont bombardé le marché central de Bambari, qui était bondé », a déclaré Paul Ndoli, "
            "porte-parole du gouvernement centrafricain.")
    assert statements(extractor, text, "fr") == [("ACCUSE", "CF")]


def test_french_pronoun_takes_the_last_speaker_of_its_gender(extractor):
    text = ("L'armée malienne a indiqué avoir repoussé une attaque près de Gao. Le JNIM a affirmé avoir tué dix soldats. "
            "Plus tôt, elle avait dit avoir « frappé une base terroriste » dans la région.")
    assert statements(extractor, text, "fr")[-1] == ("CLAIM", "ML")


def test_who_wrote_it_online_tells_the_event_and_takes_no_part_in_it(extractor):
    """ "..., the spokesman wrote on X": writing is saying; the group the speaker speaks for did
    not carry out the strikes it reports."""
    for lang, text in (
            ("en", "Overnight strikes also hit two villages in Paktia, killing six civilians, the Taliban government's "
                   "spokesman wrote on X."),
            ("fr", "D'autres frappes ont touché deux villages de la province de Paktia dans la nuit, tuant six civils, "
                   "a écrit sur X le porte-parole du gouvernement taliban.")):
        r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
        [e] = r.events
        assert e.sub_event_type == "Air/drone strike" and e.actor1.name != "Taliban", lang


def test_indiscriminate_strikes_are_an_accusation(extractor):
    text = 'The Kenyan interior ministry said the shelling of the town amounted to "indiscriminate attacks on residential areas".'
    assert statements(extractor, text, "en") == [("ACCUSE", "KE")]
    text = "« Ce sont des frappes aveugles sur des quartiers habités », a déclaré le ministre malien de la Défense."
    assert statements(extractor, text, "fr") == [("ACCUSE", "ML")]


def test_culprits_who_will_be_found_are_threatened(extractor):
    text = 'Those behind the attack "will be found and punished," Kenya\'s interior minister said.'
    assert statements(extractor, text, "en") == [("THREATEN", "KE")]
    text = "Les auteurs de l'attaque « seront retrouvés et jugés », a déclaré le ministre nigérien de l'Intérieur."
    assert statements(extractor, text, "fr") == [("THREATEN", "NE")]


def test_a_word_or_two_in_quotes_is_no_position(extractor):
    assert statements(extractor, 'Kenya\'s police chief said the gathering was "illegal".', "en") == []
    assert statements(extractor, "Le ministre malien de la Défense a déclaré que la situation était « préoccupante ».", "fr") == []


def test_a_state_telling_what_its_troops_took_claims_it(extractor):
    text = '"Units of the northern group of forces liberated the village of Vovchansk," the Russian defence ministry said on Monday.'
    assert statements(extractor, text, "en") == [("CLAIM", "RU")]
    text = "« Des unités du groupe nord ont libéré le village de Vovtchansk », a déclaré lundi le ministère russe de la Défense."
    assert statements(extractor, text, "fr") == [("CLAIM", "RU")]


def test_calling_the_other_side_terrorists_or_its_acts_provocations_accuses_it(extractor):
    text = 'Those who burned the buses "are not students but terrorists bent on wrecking the country," Kenya\'s interior minister said.'
    assert statements(extractor, text, "en") == [("ACCUSE", "KE")]
    text = "« Il s'agit de provocations délibérées contre nos positions », a déclaré le ministère russe des Affaires étrangères."
    assert statements(extractor, text, "fr") == [("ACCUSE", "RU")]
    text = 'Kenya\'s interior ministry said the marchers had engaged in "violent actions against police officers".'
    assert statements(extractor, text, "en") == [("ACCUSE", "KE")]
    text = "« Ce sont des actions violentes contre nos agents », a déclaré le ministère kényan de l'Intérieur."
    assert statements(extractor, text, "fr") == [("ACCUSE", "KE")]


def test_an_army_telling_the_enemy_dead_claims_the_kill_but_not_its_own_dead(extractor):
    text = '"Forty militants were killed in the operation near Diffa," the Nigerian army said on Monday.'
    assert statements(extractor, text, "en") == [("CLAIM", "NG")]
    text = "« Une trentaine de jihadistes ont été tués lors de l'opération près de Diffa », a déclaré lundi l'armée nigérienne."
    assert statements(extractor, text, "fr") == [("CLAIM", "NE")]
    text = '"Three of our soldiers were killed in the ambush near Diffa," the Nigerian army said on Monday.'
    assert statements(extractor, text, "en") == [("ASSERT", "NG")]


def test_what_is_essential_or_needed_of_others_is_demanded(extractor):
    text = '"It is essential that all parties respect the ceasefire in Kidal," a spokesman for the US State Department said.'
    assert statements(extractor, text, "en") == [("DEMAND", "US")]
    text = "« Il est essentiel que toutes les parties respectent le cessez-le-feu à Kidal », a déclaré le porte-parole du département d'État américain."
    assert statements(extractor, text, "fr") == [("DEMAND", "US")]
    assert statements(extractor, "Le ministre français a insisté sur la nécessité d'un retour au calme à Nouméa.", "fr") == [("DEMAND", "FR")]
    text = '"Kabul is expected to fulfil its obligations and stop militants using its soil," Pakistan\'s foreign ministry said.'
    assert statements(extractor, text, "en") == [("DEMAND", "PK")]
    text = '"Kigali is expected to respect the ceasefire it signed," Burundi\'s foreign ministry said.'
    assert statements(extractor, text, "en") == [("DEMAND", "BI")]


def test_news_agencies_and_monitors_report_facts_and_make_no_statement(extractor):
    assert statements(extractor, '"They opened fire without warning on the crowd," Reuters reported, citing a witness in Mandalay.', "en") == []
    assert statements(extractor, '"Police fired live rounds at the marchers," the news agency said.', "en") == []
    assert statements(extractor, "« Les combats ont repris dans la nuit à Idleb », a indiqué l'OSDH, une ONG basée au Royaume-Uni.", "fr") == []
    # an international official still speaks
    assert statements(extractor, "The United Nations human rights chief urged the authorities to stop the crackdown in Dhaka.", "en") == [("DEMAND", None)]


def test_a_saying_verb_spelt_like_a_noun_is_no_saying(extractor):
    """ "Kachin state" says nothing: the army and the KIA named after it are the sides of the clash."""
    text = "On 15 May 2024, in Hpakant township, Kachin state, the Myanmar army and the KIA clashed."
    [e] = extractor.extract_article(Article.create(text, "en", published="2024-05-16")).events
    assert (e.actor1.kind, e.actor2.kind) == ("state_forces", "rebel_group")


@pytest.mark.parametrize("lang,text", [
    ("en", "Kyiv accuses Moscow of striking a hospital in Kharkiv.\n\nUkraine on Monday accused Russia of deliberately "
           "striking a hospital in Kharkiv, killing three patients. Ukraine later again accused Russia of targeting the hospital."),
    ("fr", "Kiev accuse Moscou d'avoir frappé un hôpital à Kharkiv.\n\nL'Ukraine a accusé lundi la Russie d'avoir "
           "délibérément frappé un hôpital à Kharkiv, tuant trois patients. L'Ukraine a ensuite de nouveau accusé la "
           "Russie de viser l'hôpital."),
])
def test_a_statement_told_again_is_one_statement(extractor, lang, text):
    statements = extractor.extract_article(Article.create(text, lang, published="2024-05-14")).statements
    assert [(s.statement_type, s.speaker.name, s.target.name) for s in statements] == [("ACCUSE", "Ukraine", "Russia")]


def test_attributing_an_attack_to_a_group_accuses_it(extractor):
    assert statements(extractor, "President Ruto attributed the attack on the convoy near Garissa on Monday to "
                                 "al Shabaab fighters.", "en") == [("ACCUSE", "KE")]
    assert statements(extractor, "Le président Ruto a attribué aux shebab l'attaque du convoi lundi près de Garissa.",
                      "fr") == [("ACCUSE", "KE")]
