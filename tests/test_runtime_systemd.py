"""sd_notify against a real AF_UNIX datagram socket, and ``kiosk service-unit``."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.runtime import systemd


@pytest.fixture
def notify_socket(tmp_path, monkeypatch):
    path = tmp_path / "notify"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(str(path))
    server.settimeout(2)
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    yield server
    server.close()


def test_ready_and_watchdog_reach_the_socket(notify_socket):
    assert systemd.ready()
    assert notify_socket.recv(256) == b"READY=1"
    assert systemd.watchdog()
    assert notify_socket.recv(256) == b"WATCHDOG=1"
    assert systemd.status("showing 5 exhibits")
    assert notify_socket.recv(256) == b"STATUS=showing 5 exhibits"
    assert systemd.ready("up")
    assert notify_socket.recv(256) == b"READY=1\nSTATUS=up"


def test_abstract_socket_names(monkeypatch):
    name = f"kiosk-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind("\0" + name)
        server.settimeout(2)
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert systemd.watchdog()
        assert server.recv(256) == b"WATCHDOG=1"


def test_no_socket_variable_is_a_no_op(monkeypatch):
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    monkeypatch.setattr(systemd, "_unsent_ready", None)
    assert systemd.ready() is False
    assert not systemd.ready_unsent()  # no manager listens: nothing to send again
    assert systemd.watchdog() is False


def test_a_dead_socket_is_logged_not_raised(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(systemd, "_reported_failure", False)
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "gone"))
    assert systemd.watchdog() is False
    assert systemd.watchdog() is False
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1  # the watchdog pings often: said once
    assert "sd_notify" in warnings[0].getMessage()


@pytest.mark.parametrize(
    ("value", "expected"),
    [("30000000", 15.0), ("1000000", 0.5), ("", None), ("0", None), ("junk", None)],
)
def test_watchdog_interval_is_half_the_timeout(value, expected):
    assert systemd.watchdog_interval_s({"WATCHDOG_USEC": value}) == expected


def test_watchdog_interval_without_a_watchdog():
    assert systemd.watchdog_interval_s({}) is None


# kiosk service-unit


def unit_lines(capsys, *args: str) -> list[str]:
    assert main(["service-unit", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_unit_under_cage(capsys, tmp_path):
    lines = unit_lines(
        capsys, "--user", "museum", "--workdir", str(tmp_path), "--exhibits", str(tmp_path / "ex")
    )
    assert "Type=notify" in lines
    assert "NotifyAccess=all" in lines
    assert "User=museum" in lines
    assert f"WorkingDirectory={tmp_path}" in lines
    assert "Restart=always" in lines
    assert "RestartSec=2" in lines
    assert "WatchdogSec=30" in lines
    assert "Environment=QT_QPA_PLATFORM=wayland" in lines
    exec_start = next(line for line in lines if line.startswith("ExecStart="))
    assert exec_start.endswith(f" -- {sys.executable} -m kiosk {tmp_path / 'ex'}")
    assert exec_start.split("=", 1)[1].split()[0].endswith("cage")
    assert any(line.startswith("# ") and "systemctl enable" in line for line in lines)
    assert "[Install]" in lines
    assert "WantedBy=graphical.target" in lines


def test_unit_without_compositor(capsys, tmp_path):
    lines = unit_lines(capsys, "--user", "m", "--workdir", str(tmp_path), "--compositor", "none")
    assert f"ExecStart={sys.executable} -m kiosk {tmp_path / 'exhibits'}" in lines
    assert "Environment=QT_QPA_PLATFORM=wayland" not in lines
    assert "Type=notify" in lines


def test_unit_quotes_paths_with_spaces(capsys, tmp_path):
    exhibits = tmp_path / "Museum Content"
    lines = unit_lines(capsys, "--user", "m", "--exhibits", str(exhibits), "--compositor", "none")
    assert f'"{exhibits}"' in next(line for line in lines if line.startswith("ExecStart="))


def test_unit_defaults_to_the_current_user_and_folder(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("getpass.getuser", lambda: "curator")
    lines = unit_lines(capsys)
    assert "User=curator" in lines
    assert f"WorkingDirectory={Path(tmp_path).resolve()}" in lines


def refusal(capsys, *args: str) -> str:
    assert main(["service-unit", *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # no half-written unit to redirect into /etc/systemd/system
    return err


def test_unit_refuses_root_named_or_by_default(capsys, monkeypatch):
    assert "refusing to run the kiosk as root" in refusal(capsys, "--user", "root")
    monkeypatch.setattr("getpass.getuser", lambda: "root")  # run by root without --user
    assert "pass --user kiosk" in refusal(capsys)


@pytest.mark.parametrize("user", ["museum kiosk", "0", "-kiosk", "kiosk\nUser=root", ""])
def test_unit_refuses_user_names_systemd_cannot_read(capsys, user):
    assert f"{user!r} is not a valid user name for systemd" in refusal(capsys, f"--user={user}")


def test_unit_refuses_a_tty_or_path_that_breaks_the_file(capsys, tmp_path):
    assert "not a virtual terminal" in refusal(capsys, "--user", "m", "--tty", "tty1 x")
    bad = tmp_path / "line\nbreak"
    assert "control character" in refusal(capsys, "--user", "m", "--workdir", str(bad))


def fill(path: Path) -> int:
    """Datagrams of our own into the socket at ``path`` until its queue is full."""
    sent = 0
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as filler:
        filler.setblocking(False)
        filler.connect(str(path))
        while True:
            try:
                filler.send(b"FILLER=1")
            except BlockingIOError:
                return sent
            sent += 1


def test_a_full_queue_drops_a_ping_at_once_and_ready_goes_with_the_next_ping(
    notify_socket, tmp_path, monkeypatch
):
    monkeypatch.setattr(systemd, "WAIT_S", 0.2)
    monkeypatch.setattr(systemd, "_unsent_ready", None)
    queued = fill(tmp_path / "notify")
    assert queued > 0
    assert not systemd.watchdog()  # no room, no wait: the UI thread goes on
    assert not systemd.ready("showing content")  # waited WAIT_S for room, then gave up
    for _ in range(queued):
        assert notify_socket.recv(256) == b"FILLER=1"
    assert systemd.watchdog()  # room again: the READY=1 not sent goes first
    assert notify_socket.recv(256) == b"READY=1\nSTATUS=showing content"
    assert notify_socket.recv(256) == b"WATCHDOG=1"
    assert systemd.watchdog()  # and only once
    assert notify_socket.recv(256) == b"WATCHDOG=1"


def test_a_ready_that_found_no_room_is_sent_again_by_itself(notify_socket, tmp_path, monkeypatch):
    # a unit without a watchdog: no ping carries it, the controller's timer asks
    monkeypatch.setattr(systemd, "WAIT_S", 0.2)
    monkeypatch.setattr(systemd, "_unsent_ready", None)
    queued = fill(tmp_path / "notify")
    assert not systemd.ready("showing content")
    assert systemd.ready_unsent()
    assert not systemd.send_unsent_ready()  # still no room: no wait, still unsent
    assert systemd.ready_unsent()
    for _ in range(queued):
        assert notify_socket.recv(256) == b"FILLER=1"
    assert systemd.send_unsent_ready()
    assert notify_socket.recv(256) == b"READY=1\nSTATUS=showing content"
    assert not systemd.ready_unsent()
    assert systemd.send_unsent_ready()  # nothing left: nothing sent
    notify_socket.settimeout(0.2)
    with pytest.raises(TimeoutError):
        notify_socket.recv(256)


def test_ready_waits_for_room_when_the_manager_reads_soon(notify_socket, tmp_path, monkeypatch):
    import threading

    monkeypatch.setattr(systemd, "WAIT_S", 5.0)
    monkeypatch.setattr(systemd, "_unsent_ready", None)
    queued = fill(tmp_path / "notify")
    reader = threading.Timer(0.2, lambda: notify_socket.recv(256))
    reader.start()
    try:
        assert systemd.ready()  # a datagram read after 0.2 s made room
    finally:
        reader.join()
    received = [notify_socket.recv(256) for _ in range(queued)]
    assert received[-1] == b"READY=1"


def test_stopping_is_not_held_up_by_a_full_queue(notify_socket, tmp_path, monkeypatch):
    import time

    monkeypatch.setattr(systemd, "WAIT_S", 30.0)  # READY=1's wait: not STOPPING=1's
    fill(tmp_path / "notify")
    asked = time.monotonic()
    assert not systemd.stopping()
    assert time.monotonic() - asked < 10
