"""The Teams app package: `manifest.json` and two icons in a zip, to sideload or upload.

`ticketflow teams-package --app-id … --out ticketflow-teams.zip` writes it. The zip is
reproducible (fixed timestamps, fixed order): the same options give the same bytes.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from ticketflow.teams_package.icons import color_icon, hex_color, outline_icon
from ticketflow.teams_package.manifest import (
    COLOR_ICON,
    MANIFEST_SCHEMA,
    MANIFEST_VERSION,
    OUTLINE_ICON,
    InvalidPackageOption,
    PackageOptions,
    manifest,
)

MANIFEST_FILE = "manifest.json"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry

__all__ = [
    "MANIFEST_FILE",
    "MANIFEST_SCHEMA",
    "MANIFEST_VERSION",
    "InvalidPackageOption",
    "PackageOptions",
    "build_package",
    "manifest",
    "write_package",
]


def build_package(options: PackageOptions) -> bytes:
    """The zip's bytes; Teams wants the three files at its root."""
    document = manifest(options)
    files = {
        MANIFEST_FILE: json.dumps(document, indent=2, ensure_ascii=False).encode() + b"\n",
        COLOR_ICON: color_icon(hex_color(options.accent_color)),
        OUTLINE_ICON: outline_icon(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            entry = zipfile.ZipInfo(name, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, content)
    return buffer.getvalue()


def write_package(options: PackageOptions, path: Path) -> Path:
    """Writes the package next to nothing else: a failed build leaves no half-written zip."""
    content = build_package(options)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(content)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return path
