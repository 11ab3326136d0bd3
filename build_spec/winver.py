"""Windows version information for the executable (File > Properties > Details), as the text PyInstaller reads.

PyInstaller evaluates this text with its own VSVersionInfo classes, which only import on Windows; the text is
built here so that it can be tested anywhere.
"""

from __future__ import annotations

import re


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0); a pre-release or local suffix ('0.2.0rc1', '1.0+abc') counts as its release."""
    parts = [int(re.match(r"\d*", piece)[0] or 0) for piece in version.split("+")[0].split(".")[:4]]
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


def version_info(name: str, version: str, title: str, description: str) -> str:
    four = version_tuple(version)
    strings = {"CompanyName": title, "FileDescription": description, "FileVersion": version, "InternalName": name,
               "OriginalFilename": f"{name}.exe", "ProductName": title, "ProductVersion": version,
               "LegalCopyright": f"{title} authors"}
    table = ", ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (f"VSVersionInfo(ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004, "
            f"fileType=0x1, subtype=0x0, date=(0, 0)), kids=[StringFileInfo([StringTable('040904B0', [{table}])]), "
            "VarFileInfo([VarStruct('Translation', [1033, 1200])])])\n")
