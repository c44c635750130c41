"""Load a content folder: all of it, checked, or nothing but the list of problems.

This is the only place a :class:`~kiosk.content.model.ContentSet` is made, and only
after every file passed every check, so the kiosk never shows half an edit. Every
problem in every file is collected in one pass, so a curator fixes a folder in one
round instead of one error per run. Pure Python: safe to run off the UI thread.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath

from kiosk.content.exhibit_schema import ExhibitResult, read_exhibit
from kiosk.content.model import ContentSet, LoadResult, Problem, Text
from kiosk.content.site_schema import declared_codes, read_site
from kiosk.content.yamlsafe import Node, read_yaml_file

SITE_FILE = "kiosk.yaml"
EXHIBIT_FILE = "exhibit.yaml"


def exhibit_folders(root: Path) -> list[Path]:
    """The exhibit folders, by name; names starting with '.' or '_' are set aside."""
    try:
        children = sorted(root.iterdir())
    except OSError:
        return []
    return [p for p in children if p.is_dir() and not p.name.startswith((".", "_"))]


def load_content(root: Path) -> LoadResult:
    """Read ``root/kiosk.yaml`` and every ``root/<slug>/exhibit.yaml`` with its images."""
    site_path = root / SITE_FILE
    if not site_path.is_file():
        message = f"no {SITE_FILE} here; a content folder needs its site settings file"
        return LoadResult(None, (Problem(site_path, 0, 0, message),), ())
    errors: list[Problem] = []
    warnings: list[Problem] = []
    digests: dict[str, str] = {}  # relative name -> sha256 of the bytes

    texts: dict[Text, Text] = {}  # one object per distinct text, across all files

    parsed = read_yaml_file(site_path)
    digests[SITE_FILE] = hashlib.sha256(parsed.data).hexdigest()
    site_result = read_site(parsed.root, site_path, texts)
    errors += [*parsed.problems, *site_result.errors]
    warnings += site_result.warnings
    codes = site_result.languages.codes or declared_codes(parsed.root)

    results: list[ExhibitResult] = []
    folders = exhibit_folders(root)
    for folder in folders:
        path = folder / EXHIBIT_FILE
        if not path.is_file():
            errors.append(
                Problem(
                    folder,
                    0,
                    0,
                    f"folder has no {EXHIBIT_FILE}; add one, or "
                    "rename the folder to start with '_' to set it aside",
                )
            )
            continue
        parsed = read_yaml_file(path)
        digests[f"{folder.name}/{EXHIBIT_FILE}"] = hashlib.sha256(parsed.data).hexdigest()
        result = read_exhibit(parsed.root, path, site_result.languages, texts)
        errors += [*parsed.problems, *result.errors]
        warnings += result.warnings
        results.append(result)
    if not folders:
        errors.append(Problem(root, 0, 0, "no exhibit folders found"))
    errors += _clashes(results, root)

    if errors or site_result.site is None:
        return LoadResult(None, tuple(errors), tuple(warnings), len(folders), codes)
    exhibits = [r.exhibit for r in results if r.exhibit is not None]
    for exhibit in exhibits:
        for image in exhibit.images():
            digests[f"{exhibit.folder.name}/{PurePosixPath(image.rel)}"] = image.sha256
    content = ContentSet(
        root=root,
        site=site_result.site,
        exhibits=tuple(sorted(exhibits, key=lambda e: e.order)),
        version=_version(digests),
        warnings=tuple(warnings),
    )
    return LoadResult(content, (), tuple(warnings), len(folders), codes)


def _clashes(results: list[ExhibitResult], root: Path) -> list[Problem]:
    """Ids and orders must be unique; each repeat names the file that had it first."""
    problems: list[Problem] = []
    first: dict[tuple[str, object], Path] = {}  # ("id", "alpha") or ("order", 20)
    for r in results:
        claims: list[tuple[tuple[str, object], Node, str]] = []
        if r.id and r.id_node is not None:
            claims.append((("id", r.id), r.id_node, f"exhibit id '{r.id}'"))
        if r.order is not None and r.order_node is not None:
            claims.append((("order", r.order), r.order_node, f"order {r.order}"))
        for key, node, what in claims:
            if key in first:
                other = _shown(first[key], root)
                message = f"{what} is already used by {other}"
                problems.append(Problem(r.path, node.line, node.column, message))
            else:
                first[key] = r.path
    return problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _version(digests: dict[str, str]) -> str:
    """One hash over every input file's relative name and content hash.

    Hashing the per-file hashes (already computed for the rendition cache keys)
    instead of the bytes again keeps the cost to one read per file; any change to a
    name or a byte still changes the version.
    """
    version = hashlib.sha256()
    for name in sorted(digests):
        version.update(name.encode("utf-8", "surrogateescape"))
        version.update(b"\0" + digests[name].encode("ascii") + b"\n")
    return version.hexdigest()
