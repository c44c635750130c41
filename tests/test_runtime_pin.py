"""Staff PIN: hashed storage, lockout with a fake clock, ``kiosk set-pin``, state paths."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.commands import pin as cli_pin
from kiosk.runtime import paths
from kiosk.runtime.pin import LOCKED, OK, UNSET, WRONG, PinPad, PinStore
from tests.fakes import FakeClock


@pytest.fixture
def store(tmp_path: Path) -> PinStore:
    return PinStore(tmp_path / "state" / "settings.json")


# Paths


def test_state_dir_prefers_kiosk_state_dir():
    env = {"KIOSK_STATE_DIR": "/srv/k", "XDG_STATE_HOME": "/x", "HOME": "/home/m"}
    assert paths.state_dir(env) == Path("/srv/k")


def test_state_dir_falls_back_to_xdg_then_home():
    assert paths.state_dir({"XDG_STATE_HOME": "/x", "HOME": "/h"}) == Path("/x/friendship-kiosk")
    # XDG says relative values are invalid and must be ignored.
    home = Path("/h/.local/state/friendship-kiosk")
    assert paths.state_dir({"XDG_STATE_HOME": "rel", "HOME": "/h"}) == home
    assert paths.state_dir({"KIOSK_STATE_DIR": "", "HOME": "/h"}) == home


def test_settings_and_analytics_live_in_the_state_dir(tmp_path):
    assert paths.settings_path(tmp_path) == tmp_path / "settings.json"
    assert paths.analytics_path(tmp_path).parent == tmp_path


def test_settings_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_STATE_DIR", str(tmp_path))
    assert paths.settings_path() == tmp_path / "settings.json"


# Store


def test_no_pin_at_first(store):
    assert not store.is_set()
    assert not store.verify("1234")


def test_pin_is_stored_hashed_private_and_verifies(store):
    store.set_pin("48213907")
    text = store.path.read_text()
    assert "48213907" not in text
    record = json.loads(text)["staff_pin"]
    assert record["scheme"] == "scrypt"
    assert (record["n"], record["r"], record["p"]) == (2**14, 8, 1)
    assert len(bytes.fromhex(record["salt"])) == 16
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.is_set()
    assert store.verify("48213907")
    assert not store.verify("48213908")
    assert not store.verify("")


def test_same_pin_twice_gets_a_fresh_salt(store):
    store.set_pin("1234")
    first = json.loads(store.path.read_text())["staff_pin"]
    store.set_pin("1234")
    second = json.loads(store.path.read_text())["staff_pin"]
    assert first["salt"] != second["salt"]
    assert first["hash"] != second["hash"]


def test_other_settings_are_kept(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"kiosk_name": "hall 2"}')
    store.set_pin("1234")
    assert json.loads(store.path.read_text())["kiosk_name"] == "hall 2"


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ("123", "4 to 8 digits"),
        ("123456789", "4 to 8 digits"),
        ("12a4", "digits only"),
        ("", "digits only"),
        ("١٢٣٤", "digits only"),  # Arabic-Indic digits are not on the keypad
    ],
)
def test_bad_pins_are_refused_with_a_reason(store, pin, message):
    with pytest.raises(ValueError, match=message):
        store.set_pin(pin)
    assert not store.path.exists()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        '{"staff_pin": "plain"}',
        '{"staff_pin": {"scheme": "md5"}}',
        '{"staff_pin": {"scheme": "scrypt", "n": 3, "r": 8, "p": 1, "salt": "00", "hash": "00"}}',
    ],
)
def test_corrupt_settings_mean_no_pin_and_never_crash(store, content, caplog):
    store.path.parent.mkdir(parents=True)
    store.path.write_text(content)
    assert not store.verify("1234")
    assert "settings" in caplog.text


def test_setting_a_pin_over_a_corrupt_file_keeps_the_old_one_aside(store):
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json")
    store.set_pin("2468")
    assert store.verify("2468")
    assert store.path.with_name("settings.json.corrupt").read_text() == "{not json"


# Pad


@pytest.fixture
def pad(store: PinStore) -> tuple[PinPad, FakeClock]:
    store.set_pin("2580")
    clock = FakeClock(50.0)
    return PinPad(store, clock), clock


def test_right_pin_opens(pad):
    keypad, _ = pad
    result = keypad.attempt("2580")
    assert result.status == OK
    assert result.ok


def test_wrong_pins_are_counted_then_lock(pad):
    keypad, _ = pad
    remaining = [keypad.attempt("0000").remaining_tries for _ in range(4)]
    assert remaining == [4, 3, 2, 1]
    fifth = keypad.attempt("0000")
    assert fifth.status == LOCKED
    assert fifth.seconds_left == pytest.approx(60.0)
    # Even the right PIN is not checked while locked.
    assert keypad.attempt("2580").status == LOCKED


def test_lock_counts_down_and_opens_after_the_wait(pad):
    keypad, clock = pad
    for _ in range(5):
        keypad.attempt("1111")
    clock.advance(45)
    result = keypad.attempt("2580")
    assert result.status == LOCKED
    assert result.seconds_left == pytest.approx(15.0)
    clock.advance(15)
    assert keypad.seconds_locked() == 0.0
    assert keypad.attempt("2580").status == OK


def test_after_a_lock_each_wrong_pin_locks_again_for_twice_as_long_up_to_an_hour(pad):
    keypad, clock = pad
    for _ in range(5):
        keypad.attempt("1111")
    waits = []
    for _ in range(8):
        clock.advance(keypad.seconds_locked())
        result = keypad.attempt("1111")
        assert result.status == LOCKED
        waits.append(result.seconds_left)
    assert waits == [120, 240, 480, 960, 1920, 3600, 3600, 3600]
    clock.advance(3600)
    assert keypad.attempt("2580").ok
    # The right PIN starts over: five tries, then a minute.
    assert [keypad.attempt("1111").status for _ in range(5)] == [WRONG] * 4 + [LOCKED]
    assert keypad.seconds_locked() == pytest.approx(60.0)


def test_the_lockout_survives_a_restart(store):
    store.set_pin("2580")
    clock = FakeClock(1_700_000_000.0)
    first = PinPad(store, clock)
    for _ in range(3):
        first.attempt("1111")
    # A restart (power cut, watchdog) does not give fresh tries ...
    second = PinPad(store, clock)
    assert [second.attempt("1111").status for _ in range(2)] == [WRONG, LOCKED]
    clock.advance(30)
    # ... nor lift the lock, nor forget how long the next one lasts.
    third = PinPad(store, clock)
    assert third.seconds_locked() == pytest.approx(30.0)
    assert third.attempt("2580").status == LOCKED
    clock.advance(30)
    assert third.attempt("1111").seconds_left == pytest.approx(120.0)
    assert PinPad(store, clock).seconds_locked() == pytest.approx(120.0)
    # The PIN itself is untouched by the lockout record beside it.
    assert store.verify("2580")


def test_a_clock_set_back_cannot_stretch_the_lock(store):
    store.set_pin("2580")
    clock = FakeClock(1_700_000_000.0)
    keypad = PinPad(store, clock)
    for _ in range(5):
        keypad.attempt("1111")
    clock.now -= 86_400  # the kiosk's clock jumps back a day
    assert PinPad(store, clock).seconds_locked() == pytest.approx(60.0)


def test_a_new_pin_from_set_pin_lifts_the_lock_of_the_running_pad(store):
    store.set_pin("2580")
    clock = FakeClock(1_700_000_000.0)
    keypad = PinPad(store, clock)
    for _ in range(5):
        keypad.attempt("1111")
    assert keypad.seconds_locked() > 0
    PinStore(store.path).set_pin("3917")  # kiosk set-pin, another process
    assert keypad.seconds_locked() == 0
    assert keypad.attempt("3917").ok


@pytest.mark.parametrize(
    "record", ['"x"', '{"failures": "a"}', '{"failures": -1, "level": 0, "locked_until": 0}']
)
def test_a_damaged_lockout_record_never_means_fresh_tries(store, record):
    store.set_pin("2580")
    data = json.loads(store.path.read_text())
    data["staff_pin_lockout"] = json.loads(record)
    store.path.write_text(json.dumps(data))
    keypad = PinPad(store, FakeClock(1_700_000_000.0))
    assert keypad.attempt("1111").status == LOCKED  # treated as after a first lockout
    assert keypad.attempt("2580").status == LOCKED


def test_a_lockout_that_cannot_be_saved_still_holds_in_memory(store, monkeypatch, caplog):
    store.set_pin("2580")
    keypad = PinPad(store, FakeClock(1_700_000_000.0))

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kiosk.runtime.pin.write_json_atomic", full_disk)
    results = [keypad.attempt("1111").status for _ in range(5)]
    assert results == [WRONG] * 4 + [LOCKED]
    assert "cannot save the PIN lockout" in caplog.text


def test_a_right_pin_clears_the_wrong_count(pad):
    keypad, _ = pad
    for _ in range(4):
        keypad.attempt("1111")
    assert keypad.attempt("2580").ok
    assert keypad.attempt("1111").remaining_tries == 4


def test_no_pin_set_keeps_the_panel_shut(store):
    keypad = PinPad(store, FakeClock(50.0))
    assert keypad.attempt("1234").status == UNSET


# kiosk set-pin


def test_set_pin_from_stdin(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("KIOSK_STATE_DIR", str(tmp_path))
    monkeypatch.setattr("sys.stdin", io.StringIO("97351\n"))
    assert main(["set-pin", "--pin-stdin"]) == 0
    assert PinStore(tmp_path / "settings.json").verify("97351")
    assert "97351" not in (tmp_path / "settings.json").read_text()
    assert "stored" in capsys.readouterr().out


def test_set_pin_stdin_invalid_exits_2(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["set-pin", "--pin-stdin", "--state-dir", str(tmp_path)]) == 2
    assert "4 to 8 digits" in capsys.readouterr().err
    assert not (tmp_path / "settings.json").exists()


def test_set_pin_stdin_empty_exits_2(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["set-pin", "--pin-stdin", "--state-dir", str(tmp_path)]) == 2
    assert "no PIN" in capsys.readouterr().err


def test_set_pin_asks_twice(monkeypatch, tmp_path):
    answers = iter(["8652", "8652"])
    monkeypatch.setattr(cli_pin.getpass, "getpass", lambda prompt: next(answers))
    assert main(["set-pin", "--state-dir", str(tmp_path)]) == 0
    assert PinStore(tmp_path / "settings.json").verify("8652")


@pytest.mark.parametrize(
    "pin",
    ["1234", "0000", "4321", "7890", "0987", "2468", "13579", "99999999", "1212", "123123"],
)
def test_set_pin_refuses_pins_a_visitor_would_try_first(monkeypatch, tmp_path, capsys, pin):
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    assert main(["set-pin", "--pin-stdin", "--state-dir", str(tmp_path)]) == 2
    assert "too easy to guess" in capsys.readouterr().err
    assert not (tmp_path / "settings.json").exists()


def test_set_pin_asks_again_before_a_weak_pin_is_repeated(monkeypatch, tmp_path, capsys):
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return "1111"

    monkeypatch.setattr(cli_pin.getpass, "getpass", getpass)
    assert main(["set-pin", "--state-dir", str(tmp_path)]) == 2
    assert len(prompts) == 1
    assert "too easy to guess" in capsys.readouterr().err


@pytest.mark.parametrize("pin", ["2580", "1357924", "8652", "1122", "90210"])
def test_less_obvious_pins_are_accepted(monkeypatch, tmp_path, pin):
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    assert main(["set-pin", "--pin-stdin", "--state-dir", str(tmp_path)]) == 0


def test_set_pin_mismatch_exits_2_and_changes_nothing(monkeypatch, tmp_path, capsys):
    answers = iter(["8652", "8653"])
    monkeypatch.setattr(cli_pin.getpass, "getpass", lambda prompt: next(answers))
    assert main(["set-pin", "--state-dir", str(tmp_path)]) == 2
    assert "do not match" in capsys.readouterr().err
    assert not (tmp_path / "settings.json").exists()


def test_set_pin_unwritable_state_dir_exits_1(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr("sys.stdin", io.StringIO("4817\n"))
    assert main(["set-pin", "--pin-stdin", "--state-dir", str(blocker / "state")]) == 1
    assert "cannot write" in capsys.readouterr().err
