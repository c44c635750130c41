"""``kiosk service-unit``: print a systemd unit that keeps this kiosk running.

The unit is a starting point a technician reads before installing, so it carries
its own install steps as comments. Under ``cage`` (a Wayland kiosk compositor)
systemd logs the kiosk user in on tty1, and the kiosk, a child of cage, talks to
systemd itself (readiness and watchdog), hence ``NotifyAccess=all``; started
directly, the kiosk is the main process and ``NotifyAccess=main`` suffices.

The service is sandboxed to what a kiosk needs (``systemd-analyze security`` rates
it under 4.0; ``tests/test_service_sandbox.py`` runs it): the file system read-only
but for the state and cache folders and ``/run/user`` (cage's Wayland socket, the
sound server's), no network (only ``AF_UNIX``, and ``AF_NETLINK`` for cage's input
devices), no privileges, a system-call filter. Two protections are left out on
purpose: ``PrivateDevices`` (cage needs the GPU, input and the terminal; espeak-ng
the sound card) and ``MemoryDenyWriteExecute``: measured under the kernel's own
equivalent (``PR_SET_MDWE``), the kiosk drew with Qt's software scene graph, but a
real window through Mesa's OpenGL (llvmpipe compiles its shaders to machine code)
crashed before its first frame.
"""

from __future__ import annotations

import argparse
import getpass
import os
import pwd
import re
import shutil
import sys
from pathlib import Path

UNIT_NAME = "friendship-kiosk.service"
# systemd's strict rule for User= names (and Debian adduser's default): a letter or
# '_' first, then letters, digits, '_' and '-', at most 32 characters. It also rules
# out numeric ids, so "0" cannot stand in for root.
_USER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,31}")
_TTY = re.compile(r"tty[0-9]{1,2}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=None, help="account the kiosk runs as (default: you)")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="working directory (default: the current one)"
    )
    parser.add_argument(
        "--exhibits",
        type=Path,
        default=None,
        help="the exhibits folder to show (default: WORKDIR/exhibits)",
    )
    parser.add_argument(
        "--compositor",
        choices=("cage", "none"),
        default="cage",
        help="run under the cage Wayland kiosk compositor (default) or start the kiosk directly",
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the Python that has the kiosk installed (default: the one running this command)",
    )
    parser.add_argument("--tty", default="tty1", help="virtual terminal for cage (default: tty1)")


def _quote(argument: str) -> str:
    """Quote one ExecStart argument the way systemd reads it."""
    if argument and not any(c in argument for c in " \t\"'\\$%;"):
        return argument
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    escaped = escaped.replace("$", "$$")
    return f'"{escaped}"'


def _home(user: str) -> Path:
    """The account's home, as systemd will set ``$HOME``; ``/home/USER`` for an account
    not created yet (the install steps say to create it)."""
    try:
        return Path(pwd.getpwnam(user).pw_dir)
    except KeyError:
        return Path("/home") / user


def writable_folders(user: str) -> tuple[Path, Path]:
    """The kiosk's state and cache folders for ``user`` (``kiosk.runtime.paths`` and
    ``kiosk.content.places`` with that user's ``$HOME``)."""
    home = _home(user)
    return home / ".local" / "state" / "friendship-kiosk", home / ".cache" / "friendship-kiosk"


def _sandbox(user: str, under_cage: bool) -> list[str]:
    state, cache = writable_folders(user)
    families = "AF_UNIX AF_NETLINK" if under_cage else "AF_UNIX"
    folders = " ".join(_quote(str(p)) for p in (state, cache))
    # the sound server's cookie and runtime link, for espeak-ng (ignored when absent)
    pulse = _quote("-" + str(_home(user) / ".config" / "pulse"))
    return [
        "# Sandbox: what a kiosk needs and nothing more ('systemd-analyze security",
        f"# {UNIT_NAME}' rates it). Read-only everywhere but the state and cache",
        "# folders (made before the sandbox is set up) and /run/user (Wayland, sound).",
        f"ExecStartPre=+/usr/bin/install -d -o {user} -m 0700 {folders}",
        f"ReadWritePaths={folders} /run/user {pulse}",
        "ProtectSystem=strict",
        "ProtectHome=read-only",
        "PrivateTmp=yes",
        "UMask=0077",
        "NoNewPrivileges=yes",
        "CapabilityBoundingSet=",
        "RestrictSUIDSGID=yes",
        "ProtectKernelTunables=yes",
        "ProtectKernelModules=yes",
        "ProtectKernelLogs=yes",
        "ProtectControlGroups=yes",
        "ProtectClock=yes",
        "ProtectHostname=yes",
        "ProtectProc=invisible",
        "# No network: the kiosk never uses one; cage reads its input devices' events",
        "# over netlink (udev).",
        "PrivateNetwork=yes",
        "IPAddressDeny=any",
        f"RestrictAddressFamilies={families}",
        "RestrictNamespaces=yes",
        "RestrictRealtime=yes",
        "LockPersonality=yes",
        "RemoveIPC=yes",
        "SystemCallArchitectures=native",
        "SystemCallFilter=@system-service",
        "# a call outside the set fails (EPERM) rather than killing the kiosk mid-visit",
        "SystemCallErrorNumber=EPERM",
        "# Not set, measured: MemoryDenyWriteExecute (Mesa's OpenGL compiles shaders",
        "# at run time and crashed under it); PrivateDevices (the GPU, input, the",
        "# terminal and the sound card are devices).",
    ]


def render_unit(
    *,
    user: str,
    workdir: Path,
    exhibits: Path,
    compositor: str = "cage",
    python: str = sys.executable,
    tty: str = "tty1",
) -> str:
    kiosk_command = [python, "-m", "kiosk", str(exhibits)]
    under_cage = compositor == "cage"
    if under_cage:
        cage = shutil.which("cage") or "/usr/bin/cage"
        command = [cage, "--", *kiosk_command]
    else:
        command = kiosk_command
    exec_start = " ".join(_quote(part) for part in command)

    lines = [
        f"# {UNIT_NAME}: the Friendship Museum kiosk, written by 'kiosk service-unit'.",
        "#",
        "# Install (as root):",
        f"#   kiosk service-unit --user {user} --workdir {_quote(str(workdir))} \\",
        f"#       --exhibits {_quote(str(exhibits))} --compositor {compositor} \\",
        f"#       > /etc/systemd/system/{UNIT_NAME}",
        f"#   sudo -u {user} {_quote(python)} -m kiosk set-pin      # the staff panel PIN",
        "#   systemctl daemon-reload",
        f"#   systemctl enable --now {UNIT_NAME}",
        "# Check:",
        f"#   systemctl status {UNIT_NAME}",
        "#   journalctl -u friendship-kiosk -f",
        f"#   ~{user}/.local/state/friendship-kiosk/kiosk.log (rotated, 5 x 1 MB)",
    ]
    if under_cage:
        lines += [
            "# Needs: apt install cage; the user in the 'video', 'input' and 'render' groups.",
            f"# The kiosk takes over {tty}: its login prompt (getty) is stopped.",
        ]
    lines += ["", "[Unit]", "Description=Friendship Museum kiosk"]
    if under_cage:
        lines += [
            "After=systemd-user-sessions.service plymouth-quit-wait.service",
            "Wants=dbus.socket systemd-logind.service",
            "After=dbus.socket systemd-logind.service",
            f"Conflicts=getty@{tty}.service",
            f"After=getty@{tty}.service",
            "ConditionPathExists=/dev/tty0",
        ]
    else:
        lines += ["After=graphical.target"]
    lines += [
        "",
        "[Service]",
        "# The kiosk says READY=1 once content is on screen and pings the watchdog",
        "# from its UI loop: a hung UI is restarted.",
        "Type=notify",
        # under cage the kiosk is cage's child; started directly it is the main process
        "NotifyAccess=all" if under_cage else "NotifyAccess=main",
        f"User={user}",
        f"WorkingDirectory={workdir}",
    ]
    if under_cage:
        lines += [
            "Environment=QT_QPA_PLATFORM=wayland",
            "# A logind session on the virtual terminal gives cage the screen and input.",
            "PAMName=login",
            f"TTYPath=/dev/{tty}",
            "TTYReset=yes",
            "TTYVHangup=yes",
            "TTYVTDisallocate=yes",
            "StandardInput=tty-fail",
            "StandardOutput=journal",
            "StandardError=journal",
            f"UtmpIdentifier={tty}",
            "UtmpMode=user",
        ]
    else:
        lines += [
            "# Started without a compositor: give it a display, for example",
            "# Environment=QT_QPA_PLATFORM=eglfs  (or DISPLAY=:0 / WAYLAND_DISPLAY=wayland-0)",
        ]
    lines += _sandbox(user, under_cage)
    lines += [
        f"ExecStart={exec_start}",
        "Restart=always",
        "RestartSec=2",
        "WatchdogSec=30",
        "",
        "[Install]",
        "WantedBy=graphical.target",
        "",
    ]
    return "\n".join(lines)


def unit_problem(user: str, tty: str, paths: tuple[Path, ...]) -> str | None:
    """Why these values would give a unit that is unsafe or that systemd cannot read."""
    if user == "root":
        return (
            "refusing to run the kiosk as root (a visitor-facing program needs no "
            "privileges); create an account for it, for example "
            "'adduser --disabled-password kiosk', and pass --user kiosk"
        )
    if not _USER.fullmatch(user):
        return (
            f"{user!r} is not a valid user name for systemd: use a letter or '_' first, "
            "then letters, digits, '_' or '-' (no spaces), at most 32 characters"
        )
    if not _TTY.fullmatch(tty):
        return f"{tty!r} is not a virtual terminal name such as tty1"
    for path in paths:
        if any(ord(c) < 32 or ord(c) == 127 for c in str(path)):
            return f"the path {str(path)!r} holds a control character a unit file cannot carry"
    return None


def run(args: argparse.Namespace) -> int:
    workdir = (args.workdir or Path.cwd()).resolve()
    exhibits = (args.exhibits or workdir / "exhibits").resolve()
    user = args.user if args.user is not None else getpass.getuser()
    problem = unit_problem(user, args.tty, (workdir, exhibits, Path(args.python)))
    if problem:
        sys.stderr.write(f"kiosk service-unit: {problem}\n")
        return 2
    sys.stdout.write(
        render_unit(
            user=user,
            workdir=workdir,
            exhibits=exhibits,
            compositor=args.compositor,
            python=args.python,
            tty=args.tty,
        )
    )
    for warning in missing_programs(args.compositor, args.python):
        sys.stderr.write(f"kiosk service-unit: warning: {warning}\n")
    return 0


def missing_programs(compositor: str, python: str) -> list[str]:
    """What the unit points at that is not installed here (the unit is still printed:
    it may be written for another machine)."""
    found = []
    if compositor == "cage" and shutil.which("cage") is None:
        found.append(
            "cage is not installed; the unit runs /usr/bin/cage: install it "
            "(apt install cage) or pass --compositor none"
        )
    if not (os.path.isfile(python) and os.access(python, os.X_OK)):
        found.append(
            f"the Python {python} is not installed here; pass --python with the one "
            "that has the kiosk installed"
        )
    return found
