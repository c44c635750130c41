"""``kiosk service-unit``: print a systemd unit that keeps this kiosk running.

The unit is a starting point a technician reads before installing, so it carries
its own install steps as comments. Under ``cage`` (a Wayland kiosk compositor)
systemd logs the kiosk user in on tty1, and the kiosk, a child of cage, talks to
systemd itself (readiness and watchdog), hence ``NotifyAccess=all``.
"""

from __future__ import annotations

import argparse
import getpass
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
        "NotifyAccess=all",
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
    return 0
