"""Talk files: ``talks/NAME.yaml`` checked like every other file, and optional.

One valid talk, then one thing wrong at a time, with the message and position a
curator reads. A broken talk is left out with its errors listed; the content set and
the other talks still load.
"""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.content.loader import load_content
from kiosk.content.model import LoadResult, Talk, TalkStep, Text
from kiosk.content.parsed_cache import load_cached
from kiosk.content.talks import default_talk, step_notes
from tests.factories import MISSING, line_of, make_site, tmap, to_yaml, valid_exhibit

BUNDLED = Path(__file__).resolve().parents[1] / "exhibits"


def valid_talk(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": tmap("A visit"),
        "duration": "15 min",
        "steps": [
            {"exhibit": "alpha", "notes": tmap("Say hello")},
            {"exhibit": "alpha", "image": "1"},
            {"screen": "timeline"},
            {"screen": "about", "notes": {"uz": "Rahmat"}},
        ],
    }
    for key, value in overrides.items():
        if value is MISSING:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def site_with_talks(tmp_path: Path, talks: dict[str, Any | str]) -> Path:
    root = make_site(tmp_path / "site")
    (root / "talks").mkdir()
    for name, talk in talks.items():
        text = talk if isinstance(talk, str) else to_yaml(talk)
        (root / "talks" / name).write_text(text, encoding="utf-8")
    return root


def load_talk(tmp_path: Path, talk: dict[str, Any] | str) -> tuple[LoadResult, str]:
    root = site_with_talks(tmp_path, {"visit.yaml": talk})
    return load_content(root), (root / "talks" / "visit.yaml").read_text(encoding="utf-8")


def talk_errors(result: LoadResult) -> list[tuple[str, int, int, str]]:
    """The errors of talks left out: the content itself still loaded."""
    assert result.content is not None, [str(p) for p in result.errors]
    assert result.errors == ()
    return [(p.path.name, p.line, p.column, p.message) for p in result.left_out]


def test_a_valid_talk_loads_with_its_steps_notes_and_duration(tmp_path: Path) -> None:
    result, text = load_talk(tmp_path, valid_talk())
    assert result.content is not None
    assert result.left_out == ()
    talk = result.content.talks["visit"]
    assert isinstance(talk, Talk)
    assert talk.title.get("en") == "A visit [en]"
    assert talk.duration_s == 15 * 60
    assert talk.end_time is None
    first, image, timeline, about = talk.steps
    assert first == TalkStep("exhibit", "alpha", None, first.notes, line_of(text, "- exhibit"))
    assert first.notes is not None and first.notes.get("ru") == "Say hello [ru]"
    assert (image.kind, image.exhibit, image.image, image.notes) == ("image", "alpha", 0, None)
    assert (timeline.kind, timeline.exhibit, timeline.line) == (
        "timeline",
        None,
        line_of(text, "screen: timeline"),
    )
    assert about.kind == "about"
    # notes are never required; a missing translation of them is only a warning
    warning = next(w for w in result.warnings if "steps[4].notes" in w.message)
    assert warning.severity == "warning"
    assert warning.message == "missing translation for 'steps[4].notes': az, ru, en"


def test_a_map_step_loads_and_a_misspelt_one_gets_did_you_mean(tmp_path: Path) -> None:
    steps = [{"exhibit": "alpha"}, {"screen": "map", "notes": tmap("The places")}]
    result, text = load_talk(tmp_path, valid_talk(steps=steps))
    assert result.content is not None and result.left_out == ()
    place = result.content.talks["visit"].steps[1]
    assert (place.kind, place.exhibit, place.line) == ("map", None, line_of(text, "screen: map"))
    result, text = load_talk(tmp_path / "again", valid_talk(steps=[{"screen": "mapp"}]))
    assert talk_errors(result) == [
        ("visit.yaml", line_of(text, "mapp"), 11, "unknown screen 'mapp'; did you mean 'map'?")
    ]


PLACES = {
    "places": [
        {"id": "tashkent", "name": tmap("Tashkent"), "lat": "41.26465", "lon": "69.21627"},
        {"id": "baku", "name": tmap("Baku"), "lat": "40.37767", "lon": "49.89201"},
    ]
}


def test_a_map_step_may_name_one_place_and_a_wrong_one_is_located(tmp_path: Path) -> None:
    steps = [{"screen": "map", "place": "baku"}, {"screen": "map"}]
    root = site_with_talks(tmp_path, {"visit.yaml": valid_talk(steps=steps)})
    (root / "places.yaml").write_text(to_yaml(PLACES), encoding="utf-8")
    content = load_content(root).content
    assert content is not None
    one, whole = content.talks["visit"].steps
    assert (one.kind, one.place) == ("map", "baku")
    assert (whole.kind, whole.place) == ("map", None)
    wrong = [
        (
            [{"screen": "map", "place": "bakku"}],
            "place: bakku",
            "unknown place 'bakku'; did you mean 'baku'?",
        ),
        (
            [{"screen": "timeline", "place": "baku"}],
            "place: baku",
            "'steps[1]': 'place' belongs to a map step",
        ),
        (
            [{"exhibit": "alpha", "place": "baku"}],
            "place: baku",
            "'steps[1]': 'place' belongs to a map step",
        ),
    ]
    for n, (bad, where, message) in enumerate(wrong):
        root = site_with_talks(tmp_path / str(n), {"visit.yaml": valid_talk(steps=bad)})
        (root / "places.yaml").write_text(to_yaml(PLACES), encoding="utf-8")
        text = (root / "talks" / "visit.yaml").read_text(encoding="utf-8")
        errors = talk_errors(load_content(root))
        assert [(e[0], e[1], e[3]) for e in errors] == [
            ("visit.yaml", line_of(text, where), message)
        ]
    # a site without places.yaml: the step cannot show a place
    result, text = load_talk(tmp_path / "none", valid_talk(steps=steps[:1]))
    assert [e[3] for e in talk_errors(result)] == [
        "unknown place 'baku'; the site has no places.yaml (or it has errors)"
    ]


def test_end_time_instead_of_duration(tmp_path: Path) -> None:
    result, _ = load_talk(tmp_path, valid_talk(duration=MISSING, ends_at="9:05"))
    assert result.content is not None
    talk = result.content.talks["visit"]
    assert (talk.duration_s, talk.end_time) == (None, "09:05")


def test_durations_in_hours_minutes_and_seconds(tmp_path: Path) -> None:
    for written, seconds in (("1 h 30 min", 5400), ("90 s", 90), ("1h", 3600)):
        result, _ = load_talk(tmp_path / written, valid_talk(duration=written))
        assert result.content is not None
        assert result.content.talks["visit"].duration_s == seconds


def test_unknown_exhibit_id_is_located_with_did_you_mean(tmp_path: Path) -> None:
    talk = valid_talk(steps=[{"exhibit": "alpah"}])
    result, text = load_talk(tmp_path, talk)
    line = line_of(text, "alpah")
    assert talk_errors(result) == [
        ("visit.yaml", line, 12, "unknown exhibit id 'alpah'; did you mean 'alpha'?")
    ]
    assert "visit" not in result.content.talks  # type: ignore[union-attr]


def test_unknown_exhibit_id_far_from_all_lists_the_ids(tmp_path: Path) -> None:
    result, _ = load_talk(tmp_path, valid_talk(steps=[{"exhibit": "zzz"}]))
    assert talk_errors(result)[0][3] == "unknown exhibit id 'zzz'; exhibit ids: alpha"


def test_image_out_of_range_names_the_gallery_size(tmp_path: Path) -> None:
    result, text = load_talk(tmp_path, valid_talk(steps=[{"exhibit": "alpha", "image": "3"}]))
    line = line_of(text, "image:")
    assert talk_errors(result) == [
        ("visit.yaml", line, 10, "image 3 is out of range: exhibit 'alpha' has 1 gallery picture")
    ]


def test_image_counts_from_one(tmp_path: Path) -> None:
    result, _ = load_talk(tmp_path, valid_talk(steps=[{"exhibit": "alpha", "image": "0"}]))
    assert talk_errors(result)[0][3] == "image 0: gallery pictures are counted from 1"


def test_unknown_keys_and_screens_get_did_you_mean(tmp_path: Path) -> None:
    talk = valid_talk(
        steps=[{"exhibt": "alpha"}, {"screen": "timelime"}], durration="15 min", duration=MISSING
    )
    result, text = load_talk(tmp_path, talk)
    assert talk_errors(result) == [
        (
            "visit.yaml",
            line_of(text, "durration"),
            1,
            "unknown key 'durration'; did you mean 'duration'?",
        ),
        (
            "visit.yaml",
            line_of(text, "exhibt"),
            3,
            "unknown key 'exhibt' in 'steps[1]'; did you mean 'exhibit'?",
        ),
        (
            "visit.yaml",
            line_of(text, "exhibt"),
            3,
            "'steps[1]' needs 'exhibit: ID' or 'screen: timeline'",
        ),
        (
            "visit.yaml",
            line_of(text, "timelime"),
            11,
            "unknown screen 'timelime'; did you mean 'timeline'?",
        ),
    ]


def test_a_talk_may_set_the_audience_s_text_size_and_contrast(tmp_path: Path) -> None:
    """For a hall: the audience's text larger and its colours in high contrast from the
    talk's start (the console changes them from there)."""
    from kiosk.ui.appearance import TEXT_SCALES

    result, _ = load_talk(tmp_path, valid_talk())
    assert result.content is not None
    talk = result.content.talks["visit"]
    assert (talk.text_size, talk.contrast) == (None, None)  # neither written: as it is
    for written, size in ((125, 125), ("150 %", 150), ("100%", 100)):
        folder = tmp_path / str(size) / str(len(str(written)))
        result, _ = load_talk(folder, valid_talk(text_size=written, contrast=True))
        assert result.content is not None
        talk = result.content.talks["visit"]
        assert (talk.text_size, talk.contrast) == (size, True)
        assert talk.text_size is not None and talk.text_size / 100 in TEXT_SCALES  # the kiosk's


def test_a_text_size_the_kiosk_has_not_and_a_contrast_not_true_or_false(tmp_path: Path) -> None:
    result, text = load_talk(tmp_path, valid_talk(text_size="200", contrast="maybe"))
    assert talk_errors(result) == [
        (
            "visit.yaml",
            line_of(text, "text_size:"),
            12,
            "text_size '200' is not one of the kiosk's text sizes; write 100, 125 or 150 "
            "(percent of the normal size)",
        ),
        ("visit.yaml", line_of(text, "contrast:"), 11, "contrast 'maybe' must be true or false"),
    ]


def test_bad_duration_and_time_and_both(tmp_path: Path) -> None:
    result, _ = load_talk(tmp_path, valid_talk(duration="a quarter", ends_at="25:00"))
    messages = [m for *_, m in talk_errors(result)]
    assert messages == [
        "duration 'a quarter' is not a length of time from 1 s to 24 h; "
        'write minutes like "15 min", or "1 h 30 min"',
        "ends_at '25:00' is not a time of day; write hours and minutes in 24-hour time, "
        'like "10:45"',
        "give either 'duration' or 'ends_at', not both",
    ]


def test_missing_title_and_empty_steps(tmp_path: Path) -> None:
    result, _ = load_talk(tmp_path, "steps: []\n")
    assert talk_errors(result) == [
        ("visit.yaml", 1, 1, "missing required field 'title'"),
        ("visit.yaml", 1, 8, "a talk needs at least one step"),
    ]


def test_yaml_syntax_error_in_a_talk_is_located(tmp_path: Path) -> None:
    result, _ = load_talk(tmp_path, "title:\n  uz: [unclosed\nsteps: x\n")
    ((name, line, _column, message),) = talk_errors(result)
    assert (name, line) == ("visit.yaml", 3)
    assert message.startswith("invalid YAML")


def test_a_bad_file_name_is_an_error(tmp_path: Path) -> None:
    root = site_with_talks(tmp_path, {"School Visit.yaml": valid_talk()})
    result = load_content(root)
    assert [p.message for p in result.left_out] == [
        "talk file name 'School Visit' must use only lowercase letters a-z, digits and "
        "single '-', like 'school-visit.yaml'"
    ]


def test_a_broken_talk_leaves_the_other_talks_and_the_content(tmp_path: Path) -> None:
    root = site_with_talks(
        tmp_path,
        {
            "good.yaml": valid_talk(),
            "broken.yaml": valid_talk(steps=[{"exhibit": "nope"}]),
            "also-good.yaml": valid_talk(duration=MISSING),
            "_draft.yaml": "not: [valid",  # set aside like '_' exhibit folders
        },
    )
    result = load_content(root)
    assert result.ok and result.errors == ()
    assert result.content is not None
    assert [e.id for e in result.content.exhibits] == ["alpha"]
    assert list(result.content.talks) == ["also-good", "good"]
    (problem,) = result.left_out
    assert problem.path == root / "talks" / "broken.yaml"
    assert str(problem).startswith(f"{problem.path}:")  # shown as an error, not a warning


def test_talks_count_in_the_content_version(tmp_path: Path) -> None:
    root = site_with_talks(tmp_path, {"good.yaml": valid_talk()})
    before = load_content(root).content
    (root / "talks" / "good.yaml").write_text(to_yaml(valid_talk(duration="20 min")), "utf-8")
    after = load_content(root).content
    assert before is not None and after is not None
    assert before.version != after.version
    # a broken talk counts too: fixing it is a new version
    (root / "talks" / "good.yaml").write_text("title: [", "utf-8")
    broken = load_content(root).content
    assert broken is not None and broken.version not in (before.version, after.version)


def test_the_talks_folder_is_not_an_exhibit(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    (root / "talks").mkdir()
    result = load_content(root)
    assert result.ok and result.content is not None
    assert dict(result.content.talks) == {}


def test_exhibit_notes_are_optional_and_checked(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(notes={"uz": "Eslatma"})})
    result = load_content(root)
    assert result.content is not None
    notes = result.content.exhibits[0].notes
    assert notes is not None and notes.get("en") == "Eslatma"  # falls back to uz
    assert any("'notes'" in w.message for w in result.warnings)
    plain = load_content(make_site(tmp_path / "plain")).content
    assert plain is not None and plain.exhibits[0].notes is None


def test_talks_survive_the_parsed_content_cache(tmp_path: Path) -> None:
    root = site_with_talks(
        tmp_path, {"good.yaml": valid_talk(), "broken.yaml": valid_talk(title=MISSING)}
    )
    first = load_cached(root, tmp_path / "cache")
    again = load_cached(root, tmp_path / "cache")  # from the cache
    assert first.content is not None and again.content is not None
    assert again.content.talks == first.content.talks
    assert list(again.content.talks) == ["good"]
    assert [str(p) for p in again.left_out] == [str(p) for p in first.left_out] != []
    assert pickle.loads(pickle.dumps(again.content)).talks["good"].steps[1].image == 0


def test_bundled_sample_talk_loads_in_four_languages() -> None:
    result = load_content(BUNDLED)
    assert result.content is not None
    talk = result.content.talks["school-visit"]
    assert talk.duration_s == 15 * 60
    kinds = [s.kind for s in talk.steps]
    assert kinds[-2:] == ["timeline", "about"] and "image" in kinds
    assert [p for p in result.warnings if "talks" in str(p.path)] == []
    for step in talk.steps:
        assert step.notes is not None
        assert all(step.notes.has(code) for code in ("uz", "az", "ru", "en"))


def test_validate_lists_a_broken_talk_as_an_error(tmp_path: Path) -> None:
    root = site_with_talks(tmp_path, {"visit.yaml": valid_talk(steps=[{"exhibit": "alpah"}])})
    run = subprocess.run(
        [sys.executable, "-m", "kiosk", "validate", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    line = line_of((root / "talks" / "visit.yaml").read_text("utf-8"), "alpah")
    assert (
        f"site/talks/visit.yaml:{line}:12: unknown exhibit id 'alpah'; did you mean 'alpha'?"
        in run.stdout
    )
    assert "1 error, 0 warnings" in run.stdout


def test_preview_lists_a_broken_talk_while_showing_the_new_content(tmp_path: Path) -> None:
    from kiosk.runtime.navigation import HOME, Place
    from kiosk.runtime.visit import Visit
    from tests.test_runtime_visit import FakeView, Loads, reload_for

    root = site_with_talks(tmp_path, {"visit.yaml": valid_talk(steps=[{"exhibit": "alpah"}])})
    loaded = load_content(root)
    assert loaded.content is not None
    first = replace(loaded.content, version="v1")
    loads = Loads()
    reload = reload_for(tmp_path, first, loads, preview=True)
    view = FakeView(first, Place(HOME))
    Visit(view, reload=reload, preview=True)
    loads.results.append(loaded)
    reload.reload_now()
    assert view.shown_log == [loaded.content.version]  # the set went on screen
    assert view.problems == [str(p) for p in loaded.left_out] != []
    assert "unknown exhibit id 'alpah'" in view.problems[0]


def test_staff_see_a_broken_talk_among_the_errors(tmp_path: Path) -> None:
    from kiosk.runtime.staff_status import Renditions, Today, build_status
    from tests.test_runtime_staff_status import FakeReload

    root = site_with_talks(
        tmp_path, {"visit.yaml": valid_talk(steps=[{"exhibit": "alpah"}], title={"uz": "T"})}
    )
    loaded = load_content(root)
    assert loaded.content is not None
    status = build_status(
        mode="kiosk",
        content=loaded.content,
        reload=FakeReload(last_warnings=loaded.warnings),
        renditions=Renditions(total=0, building=0, failed=0),
        today=Today(sessions=0),
    )
    assert len(status.errors) == 1 and "unknown exhibit id 'alpah'" in status.errors[0]
    assert all("alpah" not in line for line in status.warnings)
    assert any("missing translation for 'title'" in line for line in status.warnings)


def test_publish_refuses_a_folder_with_a_broken_talk(tmp_path: Path) -> None:
    root = site_with_talks(tmp_path, {"visit.yaml": valid_talk(steps=[{"exhibit": "alpah"}])})
    run = subprocess.run(
        [sys.executable, "-m", "kiosk", "publish", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "unknown exhibit id 'alpah'" in run.stdout
    assert "1 error, 0 warnings" in run.stdout
    assert "nothing published" in run.stderr
    assert not (root / ".kiosk-release.json").exists()


def test_a_kiosk_starts_on_its_content_with_a_broken_talk_beside_it(tmp_path: Path) -> None:
    from kiosk.runtime.logs import short
    from tests.process import start

    root = site_with_talks(
        tmp_path, {"good.yaml": valid_talk(), "broken.yaml": valid_talk(steps="not a list")}
    )
    expected = load_content(root)
    assert expected.content is not None and len(expected.left_out) == 1
    args = ["--windowed", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    kiosk = start(tmp_path, [*args, str(root)])  # returns at its first frame
    try:
        assert kiosk.process.poll() is None
        log = (tmp_path / "s" / "kiosk.log").read_text("utf-8")
        assert f"content={short(expected.content.version)} mode=windowed" in log
    finally:
        kiosk.process.terminate()
        assert kiosk.wait(30) == 0


def test_the_sample_talk_notes_are_our_own_words_and_the_exhibits_facts() -> None:
    """Notes in our own words (no run of words copied from the source article) and no
    number the vetted exhibit texts do not already have: nothing added."""
    from tests.test_exhibit_text import committed_runs, run_hashes, texts_of

    result = load_content(BUNDLED)
    assert result.content is not None
    talk = result.content.talks["school-visit"]
    notes = [(w, t) for w, t in texts_of(talk.steps, "steps") if w.endswith(".notes")]
    assert len(notes) == len(talk.steps)
    article = committed_runs()
    copied = [
        f"{w} [{c}]" for w, t in notes for c, v in t.values.items() if run_hashes(v) & article
    ]
    assert copied == []
    known = {
        number
        for e in result.content.exhibits
        for _, text in texts_of(e, e.id)
        for value in text.values.values()
        for number in re.findall(r"\d+", value)
    }
    added = {
        (w, c, n)
        for w, t in notes
        for c, v in t.values.items()
        for n in re.findall(r"\d+", v)
        if n not in known
    }
    assert added == set()


def test_talk_files_are_watched_and_listed_in_a_release(tmp_path: Path) -> None:
    from kiosk.runtime import manifest
    from kiosk.runtime.watch import snapshot

    root = site_with_talks(tmp_path, {"good.yaml": valid_talk()})
    before = snapshot(root)
    assert "talks/good.yaml" in before
    (root / "talks" / "good.yaml").write_text(to_yaml(valid_talk(duration="20 min")), "utf-8")
    assert snapshot(root) != before  # a reload follows, as for any edit
    assert "talks/good.yaml" in manifest.content_files(root)


# one rule for every view of a talk: the console, the audience window and the handout


def test_without_a_talk_every_exhibit_in_order_then_the_timeline_and_the_sources(
    tmp_path: Path,
) -> None:
    root = make_site(
        tmp_path / "site",
        {"alpha": valid_exhibit(), "beta": valid_exhibit(id="beta", order="20")},
    )
    content = load_content(root).content
    assert content is not None
    talk = default_talk(content)
    assert [(s.kind, s.exhibit) for s in talk.steps] == [
        ("exhibit", "alpha"),
        ("exhibit", "beta"),
        ("timeline", None),
        ("about", None),
    ]
    assert talk.duration_s is None and talk.end_time is None
    assert talk.title == content.site.title


def test_a_steps_notes_are_its_own_else_its_exhibit_pages_never_repeated_at_pictures(
    tmp_path: Path,
) -> None:
    root = make_site(tmp_path / "site", {"alpha": valid_exhibit(notes=tmap("Alpha notes"))})
    content = load_content(root).content
    assert content is not None
    own = Text({"uz": "Oʻz", "en": "Own"}, "uz")
    page = TalkStep("exhibit", "alpha", None, None, 1)
    picture = TalkStep("image", "alpha", 0, None, 2)
    timeline = TalkStep("timeline", None, None, None, 3)

    def notes(step: TalkStep, language: str) -> str | None:
        text = step_notes(content, step)
        return text.get(language) if text is not None else None

    assert notes(replace(page, notes=own), "en") == "Own"  # a step's own notes first
    assert notes(replace(page, notes=own), "az") == "Oʻz"  # in the default language else
    assert notes(page, "ru") == "Alpha notes [ru]"  # an exhibit step: its exhibit's notes
    assert notes(picture, "en") is None  # said at the page, not again at each picture
    assert notes(replace(picture, notes=own), "en") == "Own"
    assert notes(timeline, "en") is None  # notes are never required
