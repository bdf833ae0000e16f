"""Event assembly on short reports: typing by ACLED's conventions, casualties, salvos, actors, non-events."""

from __future__ import annotations

import datetime as dt

import pytest

from conflictlens.model import DocumentResult


def run(pipeline, text: str, published: dt.date | None = None) -> DocumentResult:  # type: ignore[no-untyped-def]
    return pipeline.run_text(text, published=published)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("On 14 May 2023, Russian forces shelled Kherson. Casualties unknown.", "Shelling/artillery/missile attack"),
        ("On 3 April 2024, Russian air forces struck Stara Mykolaivka, Donetsk.", "Air/drone strike"),
        ("On 14 March 2022, Russian forces clashed with Ukrainian forces near Liubech, Chernihiv.", "Armed clash"),
        (
            "On 12 October 2022, following clashes, Ukrainian forces recaptured Tryfonivka, Kherson region.",
            "Government regains territory",
        ),
        (
            "On 27 December 2022, following clashes, Russian forces captured Bakhmutske, Donetsk region.",
            "Non-state actor overtakes territory",
        ),
        (
            "On 22 October 2022, Russian forces withdrew from their positions in Charivne, Kherson region.",
            "Non-violent transfer of territory",
        ),
        (
            "On 24 November 2023, Russian forces shot down a Ukrainian MiG-29 near Pershotravensk, Dnipropetrovsk.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 14 July 2023, Ukrainian forces shot down six Shahed drones in the Dnipro region.",
            "Disrupted weapons use",
        ),
        ("On 16 February 2024, about 50 people peacefully demonstrated in Khmelnytskyi.", "Peaceful protest"),
        (
            "On 13 March 2023, a civilian was injured in an explosion of a Russian landmine in Snizhkivka, Kharkiv.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 15 March 2022, Russian forces abducted 6 Ukrainian volunteers in Bucha, Kyiv.",
            "Abduction/forced disappearance",
        ),
        ("On 20 May 2023, police arrested two men in Lviv for spying.", "Arrests"),
        ("On 29 March 2022, Russian forces continued to shell Kharkiv.", "Shelling/artillery/missile attack"),
        ("On 29 March 2022, Russian forces continued to drop air bombs on Kharkiv.", "Air/drone strike"),
    ],
)
def test_acled_sub_event_types(pipeline, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    result = run(pipeline, text)
    assert result.events, text
    assert result.events[0].sub_event_type == sub_event_type


def test_casualties_with_hedges_and_breakdowns(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = run(
        pipeline,
        "On 13 March 2023, Russian forces shelled Kostiantynivka, Donetsk. 2 civilians were killed "
        "and at least 7 were injured.",
    )
    [event] = result.events
    assert event.fatalities is not None and (event.fatalities.value, event.fatalities.qualifier) == (2, "exact")
    assert event.injured is not None and (event.injured.value, event.injured.qualifier) == (7, "at_least")
    result = run(pipeline, "On 21 June 2022, Russian forces shelled Bezruky, Kharkiv, killing a mother and a child.")
    assert result.events[0].fatalities is not None and result.events[0].fatalities.value == 2


def test_salvo_counts(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = run(
        pipeline,
        "Overnight, Russia launched 40 Shahed-136 drones and 3 Kh-59 missiles at Ukraine. Air defence destroyed "
        "35 drones and 2 missiles.",
        published=dt.date(2023, 11, 25),
    )
    weapons = {(w.model, w.launched, w.intercepted) for e in result.events for w in e.weapons}
    assert ("Shahed-136", 40, 35) in weapons
    assert ("Kh-59", 3, 2) in weapons


def test_aggregates_threats_and_plans_are_not_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The UN estimated the war had claimed the lives of over 10,000 Ukrainian civilians since February 2022.",
        "“We will intensify the attacks,” Putin declared on Monday.",
        "Among Ukraine’s priorities in 2024 was to target Russia’s strengths in Crimea.",
        "He pointed to its repeated waves of aerial strikes.",
    ):
        assert run(pipeline, text, published=dt.date(2024, 1, 2)).events == [], text


def test_actor_inferred_from_metonymy_and_initiator(pipeline) -> None:  # type: ignore[no-untyped-def]
    [event] = run(
        pipeline,
        "On 10 March 2024, Russian forces engaged in an unsuccessful offensive near Terny, "
        "Donetsk, and were repelled by Ukrainian forces.",
    ).events
    assert event.actor1 is not None and event.actor1.country == "RU"
    [event] = run(
        pipeline, "On 2 July 2023, Russian forces repelled Ukrainian attacks near Priyutne, Zaporizhia region."
    ).events
    assert event.actor1 is not None and event.actor1.country == "UA"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "side"),
    [
        # debris of a downed drone that still hit something: the strike of the side that launched it
        (
            "On 14 September 2023, a Russian drone was shot down by the Ukrainian military near Pershotravensk, "
            "Dnipropetrovsk. Debris of the drone hit residential buildings.",
            "Air/drone strike",
            "RU",
        ),
        # shooting down an aircraft is the attack of the side that fired
        (
            "On 24 November 2023, Russian forces shot down a Ukrainian MiG-29 near Pershotravensk.",
            "Shelling/artillery/missile attack",
            "RU",
        ),
        # "driven by" names the target's crew, not the attacker
        (
            "On 1 February 2024, Ukrainian drones hit a car driven by Russian military near Kyrylivka, Donetsk.",
            "Air/drone strike",
            "UA",
        ),
        # a country adjective far from the verb modifies the target; a mine dropped from a drone is a drone strike
        (
            "On 2 February 2024, Ukrainian forces destroyed a Russian 82mm mortar '2B9' (Vasilyok) by dropping an "
            "anti-tank mine 'TM-62' from a drone in Korsunka, Kherson.",
            "Air/drone strike",
            "UA",
        ),
        # "artillery shells depot" is what was hit, not a shelling by its owner
        (
            "On 26 August 2022, Russian military forces destroyed (presumably by shelling) a large Ukrainian artillery "
            "shells depot near Preobrazhenka, Dnipropetrovsk.",
            "Shelling/artillery/missile attack",
            "RU",
        ),
    ],
)
def test_attacker_conventions(pipeline, text: str, sub_event_type: str, side: str) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, text).events
    assert event.sub_event_type == sub_event_type
    assert event.actor1 is not None and event.actor1.country == side


def test_separatist_reports_resolve_to_donbas_namesakes(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On 16 April 2018, NAF rebel forces used grenade launchers to fire upon positions near Krymske."
    [event] = run(pipeline, text).events
    assert event.location.admin1 == "Luhansk Oblast"
    assert event.actor1 is not None and event.actor1.name.startswith("NAF")


def test_news_article_conventions(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "DNIPRO, 16 January 2023 -- The death toll from the Russian missile strike on an apartment building in Dnipro "
        "has risen to 40, the head of the Dnipropetrovsk regional military administration said on Telegram on Monday "
        "morning.\n\nChildren were among the dead, he said. Seventy-five people were injured.\n\n"
        "The building was hit on Saturday 14 January."
    )
    result = run(pipeline, text)
    assert result.published == dt.date(2023, 1, 16)  # from the dateline, and the warning says so
    assert any("dateline" in w for w in result.warnings)
    [event] = result.events
    assert event.location.name == "Dnipro"
    assert event.date.start == dt.date(2023, 1, 14)  # not the dateline, not the day the governor spoke
    assert event.fatalities is not None and event.fatalities.value == 40
    assert event.injured is not None and event.injured.value == 75


def test_nationality_is_not_an_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Two rockets hit the railway station in Kramatorsk on Friday morning, Ukraine's railway company said."
    [event] = run(pipeline, text, published=dt.date(2022, 4, 8)).events
    assert event.actor1 is not None and event.actor1.country == "RU"  # inferred from the place, not "Ukraine's"
    assert [(w.category, w.launched) for w in event.weapons] == [("rocket", 2)]


@pytest.mark.parametrize(
    ("headline", "place", "killed"),
    [
        ("Russian missile strike kills five in Kharkiv", "Kharkiv", 5),
        ("Three killed as Russia shells Kherson", "Kherson", 3),
        ("Ukraine: Russian Attack On Odesa Kills 2", "Odesa", 2),
        ("Death toll in Dnipro strike rises to 45", "Dnipro", 45),
    ],
)
def test_headlines(pipeline, headline: str, place: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, headline).events
    assert event.location.name == place
    assert event.fatalities is not None and event.fatalities.value == killed


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1"),
    [
        ("A suicide bomber killed 12 people at a market in Kabul on Friday.", "Suicide bomb", None),
        ("A roadside bomb killed three soldiers near Kandahar.", "Remote explosive/landmine/IED", None),
        (
            "Police fired tear gas at protesters in Nairobi on Tuesday.",
            "Protest with intervention",  # ACLED: dispersed without serious injuries; the protesters come first
            "Protesters (Kenya)",
        ),
        (
            "Police opened fire on protesters in Nairobi on Tuesday, killing three.",
            "Excessive force against protesters",  # lethal force: the police come first
            "Police Forces of Kenya",
        ),
        ("A mob lynched a man accused of theft in Dhaka.", "Mob violence", "Rioters (Bangladesh)"),
    ],
)
def test_beyond_ukraine(pipeline, text: str, sub_event_type: str, actor1: str | None) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, text, published=dt.date(2023, 6, 2)).events
    assert event.sub_event_type == sub_event_type
    if actor1:
        assert event.actor1 is not None and event.actor1.name == actor1


def test_air_force_summary(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KYIV, 29 December 2023 -- Russia launched 158 air attack weapons against Ukraine overnight, the commander of "
        "Ukraine's Air Force said, calling it the most massive aerial attack since the full-scale invasion began.\n\n"
        "Air defences destroyed 74 of the 75 drones, the Air Force said. Strikes were recorded in Lviv and Odesa."
    )
    result = run(pipeline, text)
    wave, *impacts = result.events
    assert wave.location.precision == "country"  # the dateline's KYIV is where the report was filed
    assert (wave.date.start, wave.date.end) == (dt.date(2023, 12, 28), dt.date(2023, 12, 29))
    assert [(w.category, w.launched, w.intercepted) for w in wave.weapons] == [("drone", 75, 74)]
    assert [(e.location.name, e.date.start) for e in impacts] == [
        ("Lviv", dt.date(2023, 12, 28)),
        ("Odesa", dt.date(2023, 12, 28)),
    ]


def test_superlative_comparisons_are_not_new_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Police detained more than 1,300 people at protests in Moscow on Wednesday.\n"
        "It was the largest wave of anti-war protests in Russia since the first days of the invasion in February."
    )
    result = run(pipeline, text, published=dt.date(2022, 9, 21))
    assert [(e.location.name, e.date.start) for e in result.events] == [("Moscow", dt.date(2022, 9, 21))]


@pytest.mark.parametrize(
    ("headline", "sub_event_type", "place"),
    [
        ("Ukrainian forces retake Kherson", "Government regains territory", "Kherson"),
        ("Russian forces seize Lysychansk, Luhansk region", "Non-state actor overtakes territory", "Lysychansk"),
        (
            "Ukraine war: Russian strike on Kramatorsk railway station kills 50",
            "Shelling/artillery/missile attack",
            "Kramatorsk",
        ),
        ("Russian forces tried to capture Avdiivka but were repelled", "Armed clash", "Avdiivka"),
    ],
)
def test_headline_verbs_in_the_present(pipeline, headline: str, sub_event_type: str, place: str) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, headline).events
    assert (event.sub_event_type, event.location.name) == (sub_event_type, place)


def test_air_raid_sirens_are_not_air_strikes(pipeline) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, "Explosions heard in Kyiv as air raid sirens sound across Ukraine").events
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    result = run(pipeline, "Ukraine shoots down 30 Russian drones overnight", published=dt.date(2023, 5, 2))
    assert [(w.category, w.intercepted) for e in result.events for w in e.weapons] == [("drone", 30)]


def test_interception_told_after_the_launch(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia launched 23 cruise missiles from strategic bombers overnight, and Ukrainian air defences shot down 21 "
        "of them, the commander-in-chief said."
    )
    [event] = run(pipeline, text, published=dt.date(2023, 4, 28)).events
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Ukraine"  # who shot them down
    assert event.location.country == "UA"  # over the interceptor's country
    assert [(w.category, w.launched, w.intercepted) for w in event.weapons] == [("missile", 23, 21)]


def test_security_service_arrest(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Russia's Federal Security Service said on Thursday it had detained a US reporter in Yekaterinburg."
    [event] = run(pipeline, text, published=dt.date(2023, 3, 30)).events
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.name == "Police Forces of Russia"


@pytest.mark.parametrize(
    ("headline", "killed", "injured"),
    [
        ("Russian missile attack on Odesa kills three, injures 12", 3, 12),  # each verb governs its own number
        ("Russian shelling kills woman in Kherson region", 1, None),  # headline style: no article
        ("Civilian killed by Russian drone in Sumy oblast", 1, None),
        ("Two dead, 10 wounded after missile hits Zaporizhzhia", 2, 10),
        ("A missile hit Kharkiv, killing three people and wounding 15", 3, 15),  # not 18 wounded
        ("Russian missiles struck Odesa, killing two people and injuring at least 22", 2, 22),
    ],
)
def test_headline_casualties(pipeline, headline: str, killed: int, injured: int | None) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, headline).events
    assert event.fatalities is not None and event.fatalities.value == killed
    assert (event.injured.value if event.injured else None) == injured


def test_a_country_that_speaks_is_a_source_not_the_attacker(pipeline) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, "Russia says Ukraine shelled Belgorod, killing two").events
    assert event.actor1 is not None and event.actor1.country == "UA"
    [event] = run(pipeline, "Ukraine says 5 civilians killed in Donetsk region").events
    assert event.actor1 is None or event.actor1.country == "RU"  # not Ukraine, the speaker


def test_interceptor_not_the_launcher(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 2 July 2023, Ukrainian forces intercepted Kalibr cruise missiles fired by Russian forces, likely navy "
        "forces, over the Odesa region."
    )
    [event] = run(pipeline, text).events
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 is not None and event.actor1.country == "UA"  # "fired by Russian forces" modifies the missiles
    assert event.location.admin1 == "Odesa Oblast"  # missiles fired ... over a region: where they were downed


def test_headline_capture_claim(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ukraine says fighting continues in Bakhmut after Wagner claims capture"
    events = run(pipeline, text, published=dt.date(2023, 5, 21)).events
    capture = next(e for e in events if e.sub_event_type == "Non-state actor overtakes territory")
    assert capture.actor1 is not None and capture.actor1.name == "Wagner Group"


def test_abbreviated_month_does_not_cut_the_clause(pipeline) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, "On Jan. 12 2019, Russian forces shelled Kherson. Two civilians died.").events
    assert event.date.start == dt.date(2019, 1, 12)


def test_break_in_with_torture_is_an_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 15 March 2022, four armed men broke into the house of a civilian couple in Khotimlia, Kharkiv region. "
        "They tortured the civilians and killed them. Two of the men were later detained by the police."
    )
    [event] = run(pipeline, text).events
    assert event.sub_event_type == "Attack"  # not the arrest that followed, not the break-in alone


@pytest.mark.parametrize(
    ("headline", "actor1", "actor2"),
    [
        # those who repel name the attackers only as "attacks": the other side is actor1, as ACLED codes it
        ("Ukrainian troops repel attacks near Bakhmut", "RU", "UA"),
        # a force's base as the target names the attacker: the other side
        ("Blasts at Russian air base in Crimea", "UA", "RU"),
        # "the" before a force is no sign of an object
        ("On 28 February 2022, the Russian military forces shelled the town of Vasylkiv, Kyiv.", "RU", None),
    ],
)
def test_attacker_from_the_defender(pipeline, headline: str, actor1: str, actor2: str | None) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, headline).events
    assert event.actor1 is not None and event.actor1.country == actor1
    assert (event.actor2.country if event.actor2 and event.actor2.kind != "civilians" else None) == actor2


def test_a_draft_keeps_its_first_date_as_frames_join() -> None:
    """Drafts work their date out when made and when frames join; the first dated frame in order wins."""
    from conflictlens.document import Span
    from conflictlens.events.assemble import Draft
    from conflictlens.events.incidents import Frame

    def framed(start: int, day: dt.date | None) -> Frame:
        frame = Frame(start, start + 10, 0, 0)
        if day is not None:
            frame.dates = [Span(start, start + 5, "date", {"start": day, "end": day, "precision": "day"})]
        return frame

    draft = Draft([framed(0, None)], None)
    assert draft.date_span() is None
    first = framed(20, dt.date(2024, 1, 1))
    draft.add_frames([first])
    assert draft.date_span() is first.dates[0]
    draft.add_frames([framed(40, dt.date(2024, 1, 2)), first])  # a later date, and a frame it already has
    assert draft.date_span() is first.dates[0] and len(draft.frames) == 3


@pytest.mark.parametrize(
    ("text", "killed", "injured", "children"),
    [
        # two people joined by "and" are two, even when both are "a ..."; a 65-year-old is no child
        ("Russian forces shelled Nikopol, injuring a 65-year-old man and a 60-year-old woman.", None, 2, None),
        ("Russian shelling killed a man and injured his wife in Beryslav.", 1, 1, None),
        # "N of them children" breaks down the count before it
        ("Nine people were injured, three of them children, in shelling of Kherson.", None, 9, 3),
        ("Twelve people were killed, five of whom were children, in Dnipro.", 12, None, 5),
    ],
)
def test_people_joined_and_broken_down(pipeline, text: str, killed, injured, children) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, text, published=dt.date(2023, 5, 10)).events
    assert (event.fatalities.value if event.fatalities else None) == killed
    assert (event.injured.value if event.injured else None) == injured
    counted = event.fatalities if killed else event.injured
    assert counted is not None and counted.children == children


@pytest.mark.parametrize(
    ("text", "source", "actor1"),
    [
        ("Russian drones hit Kyiv overnight, killing two, Mayor Vitali Klitschko said on Telegram.",
         ("Vitali Klitschko", "Mayor", "Telegram"), "Military Forces of Russia"),
        ("According to the regional governor Oleh Syniehubov, shelling killed one person in Kharkiv.",
         ("Oleh Syniehubov", "Regional governor", None), "Military Forces of Russia"),
        ("Russia's defence ministry claimed its forces destroyed a Ukrainian ammunition depot near Kramatorsk.",
         ("Russia's defence ministry", None, None), "Military Forces of Russia"),
        # the force that reports it after the event is its source, not its attacker
        ("Shelling killed two people in Kherson, the Ukrainian military said in a statement.",
         ("the Ukrainian military", None, None), "Military Forces of Russia"),
    ],
)  # fmt: skip
def test_sources_with_titles_and_ministries(pipeline, text: str, source: tuple, actor1: str) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, text, published=dt.date(2023, 5, 10)).events
    assert [(s.name, s.role, s.channel) for s in event.sources] == [source]
    assert event.actor1 is not None and event.actor1.name == actor1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The governor wrote on Telegram: "Two people were killed in the shelling of Kherson this morning."',
         "The governor"),
        ('"We shot down 20 of 22 drones," air force spokesman Yurii Ihnat told reporters on Tuesday.', "Yurii Ihnat"),
    ],
)  # fmt: skip
def test_claim_speakers_with_titles(pipeline, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    claims = run(pipeline, text, published=dt.date(2023, 5, 10)).claims
    assert [c.speaker for c in claims] == [speaker]


def test_acled_note_toll_coded_to_another_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the deaths are another row's, and that row's village is not a scene of this one; the wounded stay here
    text = (
        "On 20 February 2022, NAF forces fired 120mm mortars at Ukrainian positions near Krymske, Luhansk. As a "
        "result, one Ukrainian soldier was killed and two were wounded at unspecified locations (fatalities coded to "
        "Zolote event)."
    )
    [event] = run(pipeline, text).events
    assert event.location.name == "Krymske"
    assert event.fatalities is None
    assert event.injured is not None and event.injured.value == 2


def test_a_toll_restated_in_its_clause_is_counted_once(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 5 March 2024, Russian forces clashed with Ukrainian forces near Krasnohorivka, Donetsk. More than 50 "
        "Ukrainian soldiers were killed near Krasnohorivka [Russian MoD reported 50 fatalities]."
    )
    [event] = run(pipeline, text).events
    assert event.fatalities is not None and (event.fatalities.value, event.fatalities.qualifier) == (50, "more_than")


def test_a_toll_after_a_fight_keeps_its_sides_and_its_village(pipeline) -> None:  # type: ignore[no-untyped-def]
    # Dibrova was placed in Luhansk Oblast: named again, it is the same village, not a namesake elsewhere, and the
    # toll is of the Ukrainian attack told just before -- Torske, the toll's other place, is a scene of that fight
    text = (
        "On 9 October 2023, Ukrainian forces attacked in the direction of Dibrova, Luhansk, and were repelled. Up to "
        "30 Ukrainian servicemen were killed near Dibrova and Torske."
    )
    events = run(pipeline, text).events
    assert [e.location.admin1 for e in events] == ["Luhansk Oblast", "Donetsk Oblast"]
    assert [e.sub_event_type for e in events] == ["Armed clash", "Armed clash"]
    assert [e.actor1.name if e.actor1 else None for e in events] == ["Military Forces of Ukraine"] * 2
    assert [e.fatalities.value if e.fatalities else None for e in events] == [30, None]


def test_a_headline_sums_up_and_the_body_tells_each_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian missiles hit Lviv and Kharkiv, killing at least six\n\n"
        "Russian missiles struck an apartment building in the western city of Lviv early on Thursday, killing at "
        "least six people and wounding 37, officials said.\n\n"
        "In the northeastern city of Kharkiv, Russian shelling on Wednesday evening killed a 62-year-old man and "
        "injured three others, regional governor Oleh Syniehubov said."
    )
    events = {e.location.name: e for e in run(pipeline, text, published=dt.date(2023, 7, 6)).events}
    lviv, kharkiv = events["Lviv"], events["Kharkiv"]
    assert (lviv.fatalities.value, lviv.fatalities.qualifier, lviv.injured.value) == (6, "at_least", 37)  # type: ignore[union-attr]
    assert (kharkiv.fatalities.value, kharkiv.injured.value) == (1, 3)  # type: ignore[union-attr]
    assert (lviv.date.start, kharkiv.date.start) == (dt.date(2023, 7, 6), dt.date(2023, 7, 5))


def test_a_village_in_a_countrys_region(pipeline) -> None:  # type: ignore[no-untyped-def]
    # the bundled Volna is a village of Oryol Oblast (an old name): "in Russia's Krasnodar region" says it is not
    text = "A Ukrainian drone attack set an oil depot ablaze in the village of Volna in Russia's Krasnodar region."
    [event] = run(pipeline, text, published=dt.date(2024, 5, 18)).events
    assert (event.location.name, event.location.precision) == ("Krasnodar Krai", "admin1")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Ukraine"


def test_the_side_that_says_it_repelled_assaults_was_attacked(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Ukrainian troops said on Sunday they had repelled 14 assaults near Vovchansk in the past day."
    [event] = run(pipeline, text, published=dt.date(2024, 5, 26)).events
    assert event.sub_event_type == "Armed clash"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia"


@pytest.mark.parametrize(
    ("text", "weapon", "actor1", "actor2", "place"),
    [
        (
            "Ukraine's air force said it had shot down seven of the ten Kalibr cruise missiles launched overnight.",
            ("missile", "Kalibr", 10, 7),
            "Military Forces of Ukraine",
            None,
            "Ukraine",
        ),
        # who launched them is the other side; the interceptor's air defence, over its own land
        (
            "The air force said it destroyed 18 of the 20 drones launched by Russia.",
            ("drone", None, 20, 18),
            "Military Forces of Ukraine",
            "Military Forces of Russia",
            "Ukraine",
        ),
        (
            "Ukrainian air defences destroyed 18 of 20 Shahed drones overnight.",
            ("drone", "Shahed", 20, 18),
            "Military Forces of Ukraine",
            None,
            "Ukraine",
        ),
    ],
)
def test_interceptions_of_a_salvo(
    pipeline, text: str, weapon: tuple, actor1: str, actor2: str | None, place: str
) -> None:  # type: ignore[no-untyped-def]
    [event] = run(pipeline, text, published=dt.date(2023, 7, 6)).events
    assert event.sub_event_type == "Disrupted weapons use"
    assert [(w.category, w.model, w.launched, w.intercepted) for w in event.weapons] == [weapon]
    assert event.actor1 is not None and event.actor1.name == actor1
    assert (event.actor2.name if event.actor2 else None) == actor2
    assert event.location.name == place


def test_a_quote_told_by_he_after_a_titled_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian missiles struck an apartment building in Lviv early on Thursday, killing six people. Mayor Andriy "
        'Sadovyi said rescuers were still searching the rubble. "This is the most massive strike on Lviv," he wrote.'
    )
    claims = run(pipeline, text, published=dt.date(2023, 7, 6)).claims
    assert [c.speaker for c in claims] == ["Andriy Sadovyi"]


def test_a_regional_daily_summary(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "over the past day" is the day before publication and the day itself; the administration tells it
    text = (
        "Over the past day, Russian troops shelled 12 settlements in the Kherson region, killing two civilians and "
        "injuring five, the regional military administration reported on Tuesday morning."
    )
    [event] = run(pipeline, text, published=dt.date(2023, 8, 15)).events
    assert (event.date.start, event.date.end, event.date.precision) == (
        dt.date(2023, 8, 14),
        dt.date(2023, 8, 15),
        "range",
    )
    assert [s.name for s in event.sources] == ["the regional military administration"]
    assert (event.fatalities.value, event.injured.value) == (2, 5)  # type: ignore[union-attr]


def test_attacks_by_a_side_that_were_repelled(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian forces repelled five attacks by Ukrainian assault groups near Klishchiivka in the Donetsk region "
        "over the past 24 hours, the Russian defence ministry said on Wednesday."
    )
    [event] = run(pipeline, text, published=dt.date(2023, 9, 13)).events
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Ukraine", "Military Forces of Russia")  # type: ignore[union-attr]


def test_a_village_of_the_war_countries_is_not_taken_in_a_report_about_another(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "Wad" folds to a Russian village Vad; the report names Sudan only
    text = (
        "Sudan's paramilitary Rapid Support Forces attacked the village of Wad al-Noura in El Gezira state on "
        "Wednesday, killing more than 100 people, activists said."
    )
    events = run(pipeline, text, published=dt.date(2024, 6, 6)).events
    assert [(e.sub_event_type, e.location.country) for e in events] == [("Attack", "SD")]
    assert events[0].fatalities is not None and events[0].fatalities.value == 100


@pytest.mark.parametrize(
    ("text", "weapons"),
    [
        # one number for missiles and drones together is neither's; the air force's figures for each are
        (
            "Russia fired 151 missiles and drones at Ukraine overnight. The air force said it had intercepted 37 of "
            "88 missiles and 55 of 63 Shahed drones.",
            [("missile", None, 88, 37), ("drone", "Shahed", 63, 55)],
        ),
        (
            "Russia launched 40 missiles and 30 drones; 35 missiles were shot down.",
            [("missile", None, 40, 35), ("drone", None, 30, None)],
        ),  # fmt: skip
        (
            "Ukrainian forces shot down three Russian Iskander missiles and an Orlan drone.",
            [("missile", "Iskander-M", None, 3), ("drone", None, None, None)],
        ),  # fmt: skip
    ],
)
def test_salvos_of_several_kinds(pipeline, text: str, weapons: list) -> None:  # type: ignore[no-untyped-def]
    events = run(pipeline, text, published=dt.date(2024, 3, 22)).events
    assert [(w.category, w.model, w.launched, w.intercepted) for w in events[0].weapons] == weapons


def test_a_town_s_toll_is_not_the_nationwide_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian missiles struck Ukraine's largest children's hospital in Kyiv on Monday as part of a wave of strikes "
        "that killed at least 31 people across the country, officials said. In Kyiv, at least 20 people were killed, "
        "including two at the Okhmatdyt children's hospital, in strikes on several districts."
    )
    [event] = run(pipeline, text, published=dt.date(2024, 7, 8)).events
    assert event.location.name == "Kyiv"
    assert event.fatalities is not None
    assert (event.fatalities.value, event.fatalities.qualifier, event.fatalities.children) == (20, "at_least", None)


def test_a_power_plant_named_after_another_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A strike on the Dnipro hydroelectric power plant in Zaporizhzhia caused a fire and killed one person."
    [event] = run(pipeline, text, published=dt.date(2024, 3, 22)).events
    assert event.location.admin1 == "Zaporizhia Oblast"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "actor1", "trigger"),
    [
        # what air defences destroyed is an interception
        (
            "Russia's defence ministry said its air defences had destroyed 13 Ukrainian drones over the Kursk region.",
            "Disrupted weapons use",
            "Military Forces of Russia",
            "air defences had destroyed",
        ),  # fmt: skip
        # ... and the strike that got through is what the event is, told by its own verb
        (
            "Russia attacked Ukraine with 38 missiles on Monday. Air defences destroyed 30 of them, and the rest hit "
            "residential buildings in Kyiv.",
            "Shelling/artillery/missile attack",
            "Military Forces of Russia",
            "attacked",
        ),
        # debris of a downed missile: the launcher's strike, whoever shot it down
        (
            "Ukrainian forces intercepted a Russian X-59 rocket, but the debris hit residential buildings near "
            "Kryvyi Rih.",
            "Shelling/artillery/missile attack",
            "Military Forces of Russia",
            None,
        ),
    ],
)
def test_air_defence_and_what_got_through(
    pipeline, text: str, sub_event_type: str, actor1: str, trigger: str | None
) -> None:  # type: ignore[no-untyped-def]
    event = run(pipeline, text, published=dt.date(2024, 5, 6)).events[0]
    assert event.sub_event_type == sub_event_type
    assert event.actor1 is not None and event.actor1.name == actor1
    if trigger is not None:
        [cited] = [e for e in event.evidence if e.field == "event_type"]
        assert text[cited.start : cited.end] == trigger


def test_an_earlier_incident_told_as_a_time_lends_no_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukraine and Russia exchanged 195 prisoners of war each on Wednesday in a deal brokered by the United Arab "
        "Emirates, officials on both sides said, a week after a Russian military plane crashed in the Belgorod region."
    )
    [event] = run(pipeline, text, published=dt.date(2024, 1, 31)).events
    assert event.sub_event_type == "Agreement"
    assert event.location.precision == "unknown"


def test_the_sbu_detains(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukraine's SBU security service said on Wednesday it had detained two men in the Odesa region suspected of "
        "passing coordinates of military facilities to Russia."
    )
    [event] = run(pipeline, text, published=dt.date(2024, 1, 31)).events
    assert event.sub_event_type == "Arrests"
    assert event.actor1 is not None and event.actor1.name.startswith("Police Forces of Ukraine")
    assert event.location.admin1 == "Odesa Oblast"


def test_air_defence_over_the_sea_is_that_of_the_ministry_that_tells_of_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia's defence ministry said air defences shot down seven of the ten cruise missiles and destroyed three "
        "sea drones that had targeted a ship in the Black Sea."
    )
    [event] = run(pipeline, text, published=dt.date(2023, 9, 13)).events
    assert event.sub_event_type == "Disrupted weapons use"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Russia"


def test_the_number_of_events_a_toll_is_split_among_is_no_toll(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 14 October 2018, NAF rebel forces fired at positions of the Military Forces of Ukraine near Zolote. Two "
        "rebels were killed during the day [Fatalities split among 14 events]."
    )
    [event] = run(pipeline, text).events
    assert event.fatalities is not None and event.fatalities.value == 2
