"""Which scene graph a kiosk draws with: software where the machine has no GPU (Qt's
OpenGL would be Mesa's software rasterizer, slower and twice the memory), Qt's own
choice where it has one, and whatever a technician set."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui.app import software_reason
from tests.process import start


def _node(drm: Path, name: str, driver: str | None) -> None:
    """A DRM node as the kernel shows it: ``NAME/device/driver`` a link to the driver."""
    device = drm / name / "device"
    device.mkdir(parents=True)
    if driver is not None:
        (drm / "drivers" / driver).mkdir(parents=True, exist_ok=True)
        (device / "driver").symlink_to(drm / "drivers" / driver)


XCB = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}


def test_a_machine_without_a_render_node_draws_in_software(tmp_path: Path) -> None:
    _node(tmp_path, "card0", "simpledrm")  # a display, no GPU: no render node
    why = software_reason(XCB, drm=tmp_path, platform="linux")
    assert why is not None and why.startswith("no GPU") and str(tmp_path) in why
    missing = tmp_path / "none"  # no DRM at all (a container, a VM without a display)
    assert software_reason(XCB, drm=missing, platform="linux") is not None


def test_a_gpu_keeps_qt_s_own_choice(tmp_path: Path) -> None:
    _node(tmp_path, "card0", "i915")
    _node(tmp_path, "renderD128", "i915")
    assert software_reason(XCB, drm=tmp_path, platform="linux") is None


def test_a_render_node_that_draws_nothing_is_not_a_gpu(tmp_path: Path) -> None:
    _node(tmp_path, "renderD128", "vgem")
    assert software_reason(XCB, drm=tmp_path, platform="linux") is not None
    _node(tmp_path, "renderD129", "amdgpu")  # beside a real one, the real one draws
    assert software_reason(XCB, drm=tmp_path, platform="linux") is None


def test_a_render_node_without_a_named_driver_is_taken_for_a_gpu(tmp_path: Path) -> None:
    _node(tmp_path, "renderD128", None)
    assert software_reason(XCB, drm=tmp_path, platform="linux") is None


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
        ({"QT_QPA_PLATFORM": "offscreen:configfile=screens.json"}, "offscreen"),
        ({**XCB, "QT_QUICK_BACKEND": "software"}, "QT_QUICK_BACKEND=software"),
        ({**XCB, "LIBGL_ALWAYS_SOFTWARE": "1"}, "no GPU: LIBGL_ALWAYS_SOFTWARE is set"),
    ],
)
def test_software_asked_for_or_forced_on_a_gpu(
    tmp_path: Path, env: dict[str, str], expected: str
) -> None:
    _node(tmp_path, "renderD128", "i915")
    assert software_reason(env, drm=tmp_path, platform="linux") == expected


@pytest.mark.parametrize(
    "env", [{**XCB, "QSG_RHI_BACKEND": "opengl"}, {**XCB, "QT_QUICK_BACKEND": "rhi"}]
)
def test_a_technician_s_choice_is_kept_without_a_gpu(tmp_path: Path, env: dict[str, str]) -> None:
    assert software_reason(env, drm=tmp_path / "none", platform="linux") is None


def test_other_systems_keep_qt_s_own_choice(tmp_path: Path) -> None:
    assert software_reason(XCB, drm=tmp_path / "none", platform="darwin") is None
    assert software_reason(XCB, drm=tmp_path / "none", platform="win32") is None


def _thread_names(pid: int) -> list[str]:
    names = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            names.append((task / "comm").read_text(encoding="utf-8").strip())
        except OSError:  # a thread that ended meanwhile
            continue
    return names


def _has_gpu() -> bool:
    drm = Path("/sys/class/drm")
    return software_reason(dict(XCB), drm=drm) is None


@pytest.mark.parametrize("asked", ["own choice", "opengl"])
def test_a_real_kiosk_under_x_draws_as_chosen(
    tmp_path: Path, xvfb_display: str, asked: str
) -> None:
    """On this machine: with no GPU (CI's), the kiosk says it draws in software and no
    render thread exists; asked for OpenGL, Qt draws on its render thread (Mesa's
    rasterizer) and the kiosk says nothing of software."""
    args = ["--windowed", "--cache", str(tmp_path / "cache"), "--state-dir", str(tmp_path / "s")]
    env = {"QSG_RHI_BACKEND": "opengl"} if asked == "opengl" else {}
    exhibits = Path(__file__).resolve().parents[1] / "exhibits"
    kiosk = start(tmp_path, [*args, str(exhibits)], display=xvfb_display, env=env)
    try:
        threads = _thread_names(kiosk.process.pid)
        said = "Qt Quick draws in software: no GPU" in kiosk.text()
        software = asked == "own choice" and not _has_gpu()
        assert said is software, kiosk.text()
        assert ("QSGRenderThread" in threads) is not software, threads
        assert kiosk.process.poll() is None
    finally:
        kiosk.kill()
