"""Load a content folder: all of it, checked, or nothing but the list of problems.

This is the only place a :class:`~kiosk.content.model.ContentSet` is made, and only
after every file passed every check, so the kiosk never shows half an edit. Every
problem in every file is collected in one pass, so a curator fixes a folder in one
round instead of one error per run. Pure Python: safe to run off the UI thread.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path, PurePosixPath

from kiosk.content.checks import Languages
from kiosk.content.exhibit_schema import ExhibitResult, read_exhibit
from kiosk.content.imagerecord import ImageChecks
from kiosk.content.model import ContentSet, LoadResult, Problem, Talk, Text
from kiosk.content.place_schema import PLACES_FILE, PlacesResult, check_refs, read_places
from kiosk.content.site_schema import declared_codes, read_site
from kiosk.content.talk_schema import TALK_SUFFIX, TALKS_FOLDER, TalkResult, read_talk
from kiosk.content.tree import is_ignored, outside, outside_message
from kiosk.content.yamlsafe import Node, read_yaml_file

SITE_FILE = "kiosk.yaml"
EXHIBIT_FILE = "exhibit.yaml"
_PERMISSION_HINT = "the kiosk's user must be allowed to read it and open the folders above it"


def exhibit_folders(root: Path) -> tuple[list[Path], list[Problem]]:
    """The exhibit folders, by name, and a problem for each entry the disk refused.

    Names starting with '_', and those the watcher ignores (``tree.is_ignored``:
    '.' and '~' first), are set aside without a look, and so is the ``talks`` folder
    (read by ``load_talks``). An exhibits folder that cannot
    be listed is one problem naming it; a folder inside that cannot be looked at is
    reported by the caller, which reads it next. A symbolic link to a folder is
    refused: the watcher does not follow it, so the kiosk would never see an edit in
    it (and one leading out of the exhibits folder would show what is not content).
    """
    try:
        children = sorted(root.iterdir())
    except OSError as error:
        return [], [_disk_problem(root, error, "cannot list this folder")]
    folders: list[Path] = []
    problems: list[Problem] = []
    for child in children:
        if child.name.startswith("_") or is_ignored(child.name) or child.name == TALKS_FOLDER:
            continue
        try:
            if stat.S_ISDIR(child.stat().st_mode):
                if child.is_symlink():
                    problems.append(_linked_folder(child, root))
                    continue
                folders.append(child)
        except FileNotFoundError:
            continue  # removed while listing, or a broken symbolic link: not a folder
        except OSError as error:
            problems.append(_disk_problem(child, error, "cannot look at this entry"))
    return folders, problems


def load_content(root: Path, images: ImageChecks | None = None) -> LoadResult:
    """Read ``root/kiosk.yaml`` and every ``root/<slug>/exhibit.yaml`` with its images.

    ``images`` says how images are checked: against which record of earlier passes,
    and whether decoded now; by default, all decoded, nothing remembered. Never
    raises for what is on the disk: an unreadable or looping path is a problem.
    """
    images = images or ImageChecks()
    site_path = root / SITE_FILE
    problem = _not_a_file(
        site_path, f"no {SITE_FILE} here; a content folder needs its site settings file"
    )
    problem = problem or _outside_problem(site_path, root)
    if problem is not None:
        return LoadResult(None, (problem,), ())
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
    folders, listing_problems = exhibit_folders(root)
    errors += listing_problems
    for folder in folders:
        path = folder / EXHIBIT_FILE
        problem = _not_a_file(
            path,
            f"folder has no {EXHIBIT_FILE}; add one, or "
            "rename the folder to start with '_' to set it aside",
            missing_at=folder,
        )
        problem = problem or _outside_problem(path, root)
        if problem is not None:
            errors.append(problem)
            continue
        parsed = read_yaml_file(path)
        digests[f"{folder.name}/{EXHIBIT_FILE}"] = hashlib.sha256(parsed.data).hexdigest()
        result = read_exhibit(parsed.root, path, site_result.languages, texts, images)
        errors += [*parsed.problems, *result.errors]
        warnings += result.warnings
        results.append(result)
    if not folders and not listing_problems:
        errors.append(Problem(root, 0, 0, "no exhibit folders found"))
    errors += _clashes(results, root)
    places = _places(root, site_result.languages, texts, digests, errors, warnings)
    refs = [(r.path, ref) for r in results for ref in r.place_refs]
    if places is not None or refs:
        ref_errors, ref_warnings = check_refs(refs, places, root / PLACES_FILE)
        errors += ref_errors
        warnings += ref_warnings
    galleries = {r.id: (len(r.exhibit.gallery) if r.exhibit else None) for r in results if r.id}
    place_ids = tuple(place.id for place in places.places) if places is not None else ()
    talks, talk_problems = load_talks(
        root, site_result.languages, galleries, texts, digests, place_ids
    )
    warnings += talk_problems

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
        talks=talks,
        places=places.places if places is not None else (),
    )
    return LoadResult(content, (), tuple(warnings), len(folders), codes)


def load_talks(
    root: Path,
    languages: Languages,
    galleries: dict[str, int | None],
    texts: dict[Text, Text],
    digests: dict[str, str],
    places: tuple[str, ...] = (),
) -> tuple[dict[str, Talk], list[Problem]]:
    """Every ``talks/*.yaml`` checked against the exhibits and the places' ids, and the
    problems found.

    Talks are optional extras: a talk with errors is left out and its errors come
    back with the warnings (still severity "error"), so the rest of the content
    loads. Every talk file's bytes count in the content version, broken or not.
    """
    folder = root / TALKS_FOLDER
    try:
        if not stat.S_ISDIR(folder.stat().st_mode):
            return {}, [Problem(folder, 0, 0, "is not a folder; talk files go in a 'talks' folder")]
        names = sorted(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return {}, []
    except OSError as error:
        return {}, [_disk_problem(folder, error, "cannot list this folder")]
    talks: dict[str, Talk] = {}
    problems: list[Problem] = []
    for path in names:
        if path.name.startswith("_") or is_ignored(path.name):
            continue
        if not path.name.endswith(TALK_SUFFIX):
            if path.name.endswith(".yml"):
                problems.append(
                    Problem(path, 0, 0, f"not read: talk files end in {TALK_SUFFIX}", "warning")
                )
            continue
        problem = _not_a_file(path, "")
        target = outside(path, root)
        if problem is None and target is not None:
            problem = Problem(path, 0, 0, outside_message(target))
        if problem is not None:
            problems.append(problem)  # unreadable or out of the tree: the talk left out
            continue
        parsed = read_yaml_file(path)
        digests[f"{TALKS_FOLDER}/{path.name}"] = hashlib.sha256(parsed.data).hexdigest()
        result: TalkResult = read_talk(parsed.root, path, languages, galleries, texts, places)
        problems += [*parsed.problems, *result.errors, *result.warnings]
        if result.talk is not None:
            talks[result.talk.id] = result.talk
    return talks, problems


def _places(
    root: Path,
    languages: Languages,
    texts: dict[Text, Text],
    digests: dict[str, str],
    errors: list[Problem],
    warnings: list[Problem],
) -> PlacesResult | None:
    """``places.yaml`` when there is one (a content folder with no map needs none)."""
    path = root / PLACES_FILE
    try:
        path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        errors.append(_disk_problem(path, error, "cannot be read"))
        return None
    problem = _not_a_file(path, f"no {PLACES_FILE}")
    if problem is not None:
        errors.append(problem)
        return None
    parsed = read_yaml_file(path)
    digests[PLACES_FILE] = hashlib.sha256(parsed.data).hexdigest()
    result = read_places(parsed.root, path, languages, texts)
    errors += [*parsed.problems, *result.errors]
    warnings += result.warnings
    return result


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


def _not_a_file(path: Path, missing: str, missing_at: Path | None = None) -> Problem | None:
    """None when ``path`` is a regular file; else a problem naming it (or, when it is
    simply missing, ``missing_at``). One ``stat``: on Python 3.11 ``Path.is_file``
    raises when a folder on the way cannot be searched."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return Problem(missing_at or path, 0, 0, missing)
    except OSError as error:
        return _disk_problem(path, error, "cannot be read")
    if not stat.S_ISREG(mode):
        return Problem(path, 0, 0, "is not a file; it must be a YAML text file")
    return None


def _linked_folder(folder: Path, root: Path) -> Problem:
    target = outside(folder, root)
    if target is not None:
        return Problem(folder, 0, 0, outside_message(target))
    message = (
        "is a symbolic link to a folder; the kiosk does not follow those "
        "(it would never see an edit inside), copy the folder instead"
    )
    return Problem(folder, 0, 0, message)


def _outside_problem(path: Path, root: Path) -> Problem | None:
    target = outside(path, root)
    return Problem(path, 0, 0, outside_message(target)) if target is not None else None


def _disk_problem(path: Path, error: OSError, what: str) -> Problem:
    reason = error.strerror or type(error).__name__
    hint = f"; {_PERMISSION_HINT}" if isinstance(error, PermissionError) else ""
    return Problem(path, 0, 0, f"{what}: {reason}{hint}")
