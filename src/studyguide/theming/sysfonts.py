"""Installed fonts: where each system keeps them, and which characters each face has.

A character the bundled fonts lack is looked for among installed fonts. Asking
fontconfig once per character cost a process per character (21 s for 3,000), so
instead every installed font file's character map is read once, with a small
reader of the OpenType ``cmap`` table (no reportlab parse of whole fonts), and
kept in a cache file keyed by path, size and modification time. Only faces with
TrueType outlines (``glyf``) are listed: reportlab cannot embed the others.
"""
from __future__ import annotations

import os
import shutil
import struct
import sys
from bisect import bisect_right
from pathlib import Path
from typing import Iterable, Optional

EXTENSIONS = (".ttf", ".ttc", ".otf", ".otc")
CACHE_VERSION = 1


def font_dirs(platform: str | None = None, env: dict | None = None, home: Path | None = None) -> list[Path]:
    """The folders fonts are installed in on this system (``STUDYGUIDE_FONT_PATH`` first)."""
    platform = platform or sys.platform
    env = os.environ if env is None else env
    home = home or Path.home()
    dirs = [Path(p) for p in env.get("STUDYGUIDE_FONT_PATH", "").split(os.pathsep) if p]
    if platform == "win32":
        windir = Path(env.get("WINDIR") or env.get("SystemRoot") or r"C:\Windows")
        local = Path(env["LOCALAPPDATA"]) if env.get("LOCALAPPDATA") else home / "AppData" / "Local"
        dirs += [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    elif platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                 Path("/Library/Fonts"), home / "Library" / "Fonts"]
    else:
        data = [Path(p) for p in env.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":") if p]
        user = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME") else home / ".local" / "share"
        dirs += [d / "fonts" for d in data] + [user / "fonts", home / ".fonts"]
    seen, unique = set(), []
    for d in dirs:
        if d not in seen:
            seen.add(d)
            unique.append(d)
    return unique


def _fontconfig_files() -> list[Path]:
    """Every font file fontconfig knows (it may list folders beyond the usual ones), in one call."""
    if not shutil.which("fc-list"):
        return []
    import subprocess  # (start-up time: a build whose characters the bundled fonts all have never asks)

    try:
        out = subprocess.run(["fc-list", "--format", "%{file}\\n"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line) for line in out.splitlines() if line.lower().endswith(EXTENSIONS)]


def font_files(dirs: Iterable[Path] | None = None, use_fontconfig: bool | None = None) -> list[Path]:
    """Installed font files: the font folders walked, plus fontconfig's list where it exists."""
    if dirs is None:
        dirs = font_dirs()
    if use_fontconfig is None:
        use_fontconfig = not os.environ.get("STUDYGUIDE_FONT_PATH")
    found = set(_fontconfig_files()) if use_fontconfig else set()
    for d in dirs:
        if d.is_dir():
            for root, _, files in os.walk(d):
                found.update(Path(root) / f for f in files if f.lower().endswith(EXTENSIONS))
    return sorted(found)


# -- the cmap reader: only what is needed to know which characters a face has --

def _tables(data: bytes, offset: int) -> dict[bytes, tuple[int, int]]:
    count = struct.unpack_from(">H", data, offset + 4)[0]
    tables = {}
    for i in range(count):
        tag, _, where, length = struct.unpack_from(">4sLLL", data, offset + 12 + 16 * i)
        tables[tag] = (where, length)
    return tables


def _ranges_format4(data: bytes, at: int) -> list[tuple[int, int]]:
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
    offsets_at = at + 16 + 6 * segs
    offsets = struct.unpack_from(f">{segs}H", data, offsets_at)
    found: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(zip(starts, ends)):
        if start == 0xFFFF or start > end:
            continue
        if offsets[i] == 0:  # glyph = code + delta: only the code that lands on glyph 0 is missing
            zero = (-deltas[i]) & 0xFFFF
            found += [(a, b) for a, b in ((start, min(end, zero - 1)), (max(start, zero + 1), end)) if a <= b] \
                if start <= zero <= end else [(start, end)]
        else:
            base = offsets_at + 2 * i + offsets[i]
            count = end - start + 1
            glyphs = struct.unpack_from(f">{count}H", data, base) if base + 2 * count <= len(data) else ()
            found += [(start + k, start + k) for k, g in enumerate(glyphs) if g]
    return _merge(found)


def _ranges_format12(data: bytes, at: int) -> list[tuple[int, int]]:
    groups = struct.unpack_from(">L", data, at + 12)[0]
    out = []
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">LLL", data, at + 16 + 12 * i)
        if glyph == 0:
            start += 1  # the first character of the group maps to .notdef
        if start <= end:
            out.append((start, end))
    return _merge(out)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _face_ranges(data: bytes, offset: int) -> Optional[list[tuple[int, int]]]:
    """The characters of the face whose table directory is at ``offset``, or None when the face
    has no TrueType outlines or no Unicode character map."""
    tables = _tables(data, offset)
    if b"glyf" not in tables or b"cmap" not in tables:
        return None
    cmap, _ = tables[b"cmap"]
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    best: dict[int, int] = {}
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHL", data, cmap + 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, cmap + sub)[0]
        if (platform, encoding) in ((3, 10), (0, 4), (0, 6)) and fmt == 12:
            best.setdefault(12, cmap + sub)
        elif (platform, encoding) in ((3, 1), (0, 3), (0, 1), (0, 0)) and fmt == 4:
            best.setdefault(4, cmap + sub)
    if 12 in best:
        return _ranges_format12(data, best[12])
    if 4 in best:
        return _ranges_format4(data, best[4])
    return None


def read_faces(path: Path) -> list[tuple[int, list[tuple[int, int]]]]:
    """(face index, character ranges) of each TrueType face in a font file; [] when none can be used."""
    try:
        return faces_of(path.read_bytes())
    except OSError:
        return []


def faces_of(data: bytes) -> list[tuple[int, list[tuple[int, int]]]]:
    """(face index, character ranges) of each TrueType face in a font file's bytes."""
    try:
        if data[:4] == b"ttcf":
            count = struct.unpack_from(">L", data, 8)[0]
            offsets = struct.unpack_from(f">{min(count, 64)}L", data, 12)
        else:
            offsets = (0,)
        faces = []
        for index, offset in enumerate(offsets):
            ranges = _face_ranges(data, offset)
            if ranges:
                faces.append((index, ranges))
        return faces
    except (struct.error, ValueError, IndexError):
        return []  # damaged: as if it were not there


class Coverage:
    """Which characters a face has, as sorted ranges; ``ord(ch) in coverage`` is a binary search."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts = [a for a, _ in ranges]
        self.ends = [b for _, b in ranges]

    def __contains__(self, code: int) -> bool:
        i = bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]


def union(faces: Iterable[Coverage]) -> Coverage:
    """One coverage for many faces: a character outside it needs no face-by-face search."""
    ranges = [(a, b) for face in faces for a, b in zip(face.starts, face.ends)]
    return Coverage(_merge(ranges))


def cache_path(env: dict | None = None, platform: str | None = None, home: Path | None = None) -> Path:
    """Where the index of installed fonts is kept between runs (``STUDYGUIDE_CACHE`` wins)."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    home = home or Path.home()
    if env.get("STUDYGUIDE_CACHE"):
        return Path(env["STUDYGUIDE_CACHE"]) / "fonts.json"
    if platform == "win32":
        base = Path(env["LOCALAPPDATA"]) if env.get("LOCALAPPDATA") else home / "AppData" / "Local"
    elif platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        base = Path(env["XDG_CACHE_HOME"]) if env.get("XDG_CACHE_HOME") else home / ".cache"
    return base / "studyguide" / "fonts.json"


def index(files: list[Path], cache: Path | None) -> list[tuple[Path, int, Coverage]]:
    """(file, face index, coverage) of every usable installed face, read once and cached."""
    import json  # (start-up time: as subprocess above)

    stored: dict = {}
    if cache is not None:
        try:
            loaded = json.loads(cache.read_text(encoding="utf-8"))
            if loaded.get("version") == CACHE_VERSION:
                stored = loaded.get("files", {})
        except (OSError, ValueError, AttributeError):
            stored = {}
    fresh: dict = {}
    changed = False
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        key, stamp = str(path), [st.st_size, st.st_mtime_ns]
        entry = stored.get(key)
        if not entry or entry.get("stamp") != stamp:
            entry = {"stamp": stamp, "faces": read_faces(path)}
            changed = True
        fresh[key] = entry
    if cache is not None and (changed or set(fresh) != set(stored)):
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"version": CACHE_VERSION, "files": fresh}), encoding="utf-8")
            os.replace(tmp, cache)
        except OSError:
            pass  # a read-only home: the index is rebuilt next time, nothing else changes
    return [(Path(key), face, Coverage([tuple(r) for r in ranges]))
            for key, entry in fresh.items() for face, ranges in entry["faces"]]
