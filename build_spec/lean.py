"""What the bundle keeps of Qt: the rules the spec applies to PyInstaller's binaries and data, testable without a build.

PyInstaller's Qt hooks collect every plugin of every type a used module might load, and those plugins pull in
further Qt modules (the virtual keyboard plugin alone brings QtQuick and QtQml) and system libraries (the GTK
theme brings GTK). Excluding Python modules does not stop that; filtering the collected files does. The rules:

- Qt libraries and PySide6 modules: only those in QT_LIBRARIES / QT_MODULES.
- Plugins: only those named in PLUGINS (one list for Linux, Windows and macOS: a name that does not exist on a
  platform costs nothing there).
- Of Qt's own translations, only those of the languages the app speaks besides English (KEPT_TRANSLATIONS: the
  standard dialogs' buttons in Japanese); the app's own catalogue (resources/i18n/*.qm) is data the spec adds.
- ICU's data: only the root locale's, English, Japanese, and the converters and dictionary Japanese text needs
  (see "ICU's data" below: 32 MB down to 8).
- System libraries that only dropped files need are dropped with them (see :func:`prune`).
- Some libraries come from the user's system, never the bundle (FROM_THE_SYSTEM), because they must match the
  system's own configuration or services. CUPS: the printing plugin is kept and links to the system's libcups,
  which matches the system's print server (and spares 8 MB of GnuTLS and Kerberos); without CUPS, printing offers
  PDF only. Fontconfig and FreeType: a bundled fontconfig older or newer than the system's misreads its
  /etc/fonts and its font cache (AppImage's linuxdeployqt leaves both out for that reason); every Linux desktop
  has them. D-Bus (libdbus-1, which QtDBus links): the library speaks to the system's own bus daemon, every Linux
  desktop has it, and the bundled copy brought libsystemd, libgcrypt and compressors with it (3.4 MB).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# The PySide6 modules the app imports: the window (Core, Gui, Widgets), the timeline's SVG export (Svg) and
# printing (PrintSupport: QPrinter, fact sheets to PDF).
QT_MODULES = frozenset({"Core", "Gui", "Widgets", "Svg", "PrintSupport"})
# Qt libraries: those modules, plus what Qt needs under them: DBus (QtGui on Linux, for accessibility and the
# input methods), XcbQpa (the X11 platform plugin). Wayland desktops run the app through XWayland.
QT_LIBRARIES = QT_MODULES | {"DBus", "XcbQpa"}
PLUGINS = {
    "platforms": {"offscreen", "xcb", "windows", "cocoa", "minimal"},
    "xcbglintegrations": {"xcb-glx-integration", "xcb-egl-integration"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "platformthemes": {"xdgdesktopportal"},
    "imageformats": {"svg"},
    "iconengines": {"svgicon"},
    "styles": {"modernwindowsstyle", "windowsvistastyle", "macstyle"},
    "printsupport": {"cupsprintersupport", "windowsprintersupport", "cocoaprintersupport"},
}

KEPT_TRANSLATIONS = frozenset({"qtbase_ja.qm"})

_PLUGIN = re.compile(r"(?:^|/)plugins/(?P<kind>[\w-]+)/(?:lib)?(?P<name>[\w.-]+?)(?:\.so|\.dll|\.dylib)$")
_QT_LIB = re.compile(r"(?:^|/)(?:lib)?Qt6(?P<name>[A-Za-z]\w*?)(?:\.so(?:\.[\d.]+)?|\.dll)$")
_QT_FRAMEWORK = re.compile(r"(?:^|/)Qt(?P<name>[A-Za-z]\w*)\.framework(?:/|$)")
_BINDING = re.compile(r"^PySide6/Qt(?P<name>[A-Za-z]\w*)\.(?:abi3\.so|pyd|cpython-[\w-]+\.so|so)$")
_TRANSLATION = re.compile(r"(?:^|/)translations/[^/]+\.qm$")
KEPT_TRANSLATIONS = ("qtbase_ja.qm",)  # gui/i18n.py loads it with the Japanese interface (about 160 KB)
_PYSIDE_QML = re.compile(r"(?:^|/)(?:lib)?pyside6qml[\w.]*$")
FROM_THE_SYSTEM = ("libcups", "libfontconfig", "libfreetype", "libdbus-1")
# What Qt's xcb plugin needs beyond the libxcb every X desktop has: the bundle carries these (the build machine
# must have them: Debian's libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
# libxkbcommon-x11-0). Without libxcb-icccm4 and libxcb-keysyms1 a desktop lacking them cannot open the window.
XCB_CARRIED = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-image.so.0",
               "libxcb-render-util.so.0", "libxkbcommon-x11.so.0")
_FROM_THE_SYSTEM = re.compile(rf"(?:^|/)(?:{'|'.join(FROM_THE_SYSTEM)})\.so[.\d]*$")


_ALL_PLUGINS = frozenset(n for names in PLUGINS.values() for n in names)


def _plugin_name(name: str) -> str:
    # Qt plugin files are called libqxcb.so, qwindows.dll, libqcocoa.dylib, libcupsprintersupport.so...
    return name[1:] if name.startswith("q") and name[1:] in _ALL_PLUGINS else name


def rule(dest: str) -> bool | None:
    """True or False when a rule above keeps or drops the file PyInstaller would put at ``dest`` (a path inside the
    bundle); None for a file no rule is about (Python, its extensions, system libraries)."""
    dest = str(PurePosixPath(dest.replace("\\", "/")))
    if _TRANSLATION.search(dest) and ("PySide6/" in dest or dest.startswith("translations/")):
        return PurePosixPath(dest).name in KEPT_TRANSLATIONS
    m = _PLUGIN.search(dest)
    if m:
        return _plugin_name(m["name"]) in PLUGINS.get(m["kind"], ())
    m = _BINDING.match(dest)
    if m:
        return m["name"] in QT_MODULES
    m = _QT_LIB.search(dest) or _QT_FRAMEWORK.search(dest)
    if m:
        return m["name"] in QT_LIBRARIES
    if _PYSIDE_QML.search(dest) or _FROM_THE_SYSTEM.search(dest):
        return False
    return None


def keep(dest: str) -> bool:
    """Whether the bundle keeps the file at ``dest`` by the rules alone (files no rule is about are kept)."""
    return rule(dest) is not False


def prune(binaries: Iterable[tuple[str, str, str]], imports: Callable[[str], Iterable[str]],
          decide: Callable[[str], bool | None] = rule) -> tuple[list, list]:
    """Apply the rules to PyInstaller's binaries, then also drop each library that only dropped files need.

    ``imports(source_path)`` gives the names of the libraries a binary links to directly; they are matched by
    base name against the bundle's files. The kept files are those the rules keep, and whatever they need, walking
    never through a dropped file. A file no rule is about stays unless dropped files need it and nothing kept
    does: a library nothing links to at all may be loaded at run time by name (ctypes), so it stays. Returns
    (kept, dropped), each a list of PyInstaller's (dest, source, kind) entries.
    """
    binaries = list(binaries)
    name = {e[0]: PurePosixPath(e[0].replace("\\", "/")).name for e in binaries}
    sources: dict[str, list[str]] = {}  # base name -> the files to read its imports from (not symbolic links)
    for e in binaries:
        sources.setdefault(name[e[0]], []).extend([e[1]] if e[2] != "SYMLINK" else [])
    verdict = {name[e[0]]: decide(e[0]) for e in binaries}

    def closure(start: Iterable[str], through_dropped: bool) -> set[str]:
        seen: set[str] = set()
        todo = list(start)
        while todo:
            n = todo.pop()
            if n in seen or n not in sources or (verdict[n] is False and not through_dropped):
                continue
            seen.add(n)
            todo.extend(PurePosixPath(dep).name for src in sources[n] for dep in imports(src))
        return seen

    needed_by_dropped = closure([n for n, v in verdict.items() if v is False], through_dropped=True)
    roots = [n for n, v in verdict.items() if v or (v is None and n not in needed_by_dropped)]
    needed = closure(roots, through_dropped=False)
    kept = [e for e in binaries if name[e[0]] in needed]
    dropped = [e for e in binaries if name[e[0]] not in needed]
    return kept, dropped


# -- ICU's data --------------------------------------------------------------------------------------------------
# Qt's own libraries bring ICU, whose data library (libicudata, 32 MB) holds every locale's names of languages,
# regions, currencies, units and time zones, every converter and collation, and the dictionaries that break Thai,
# Lao, Khmer and Burmese text into words. Qt asks ICU only for collation, case mapping, normalisation (IDNA) and
# converters of legacy encodings; its locale data, text layout and line breaking are its own. The bundle's copy
# keeps the data of the root locale, English and Japanese (the interface's languages), the converters of Japanese
# and of the single-byte encodings, and the Chinese-Japanese dictionary; a locale or encoding left out falls back
# as ICU does for one it lacks (to the root locale; a converter that cannot be opened).
ICU_LOCALES = ("root", "en", "ja")
ICU_JAPANESE_CONVERTERS = ("ibm-943_", "ibm-942_", "ibm-33722_", "ibm-954_", "euc-jp-", "jisx-")
ICU_SMALL = 20_000  # bytes: a single-byte converter's table is 3-4 KB, a multibyte one 70-300 KB
_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(?:_[A-Za-z0-9]*)*$")  # "ja", "en_GB", "zh_Hant_TW", an alias "de_"


def keep_icu_item(name: str, size: int) -> bool:
    """Whether the bundle's ICU data keeps the item ``name`` ("icudt73l/coll/ja.res") of ``size`` bytes."""
    path = PurePosixPath(name)
    parts, stem, suffix = path.parts[1:], path.stem, path.suffix
    if parts and parts[0] == "translit":  # transliterators: Qt has none
        return False
    if suffix == ".dict":  # word-break dictionaries
        return stem == "cjdict"
    if suffix == ".cnv":
        return size <= ICU_SMALL or stem.startswith(ICU_JAPANESE_CONVERTERS)
    if suffix == ".res" and stem != "res_index" and (m := _LOCALE.match(stem)):
        return m["lang"] in ICU_LOCALES
    return True  # the root locale (root.res), pools, indexes, supplemental data, normalisation, collation base


def icu_items(package: bytes) -> list[tuple[str, bytes]]:
    """The items of an ICU common data package ("CmnD"): [(name, data)], in the package's (sorted) order."""
    header = int.from_bytes(package[0:2], "little")
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD" or package[4 + 4] != 0:  # little-endian only
        raise ValueError("not a little-endian ICU common data package")
    toc = package[header:]
    count = int.from_bytes(toc[0:4], "little")
    entries = [(int.from_bytes(toc[4 + 8 * i:8 + 8 * i], "little"), int.from_bytes(toc[8 + 8 * i:12 + 8 * i], "little"))
               for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(toc)]
    return [(toc[name:toc.index(b"\0", name)].decode("ascii"), toc[offset:end])
            for (name, offset), end in zip(entries, ends, strict=True)]


def icu_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package of ``items`` behind ``header`` (the original's): table of contents, names,
    then each item aligned to 16 bytes, as ICU's pkgdata writes it."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    offset = toc_size + len(names)
    offset += -offset % 16
    start = len(header) + offset  # the data must be 16-aligned in the file as well as in the table
    pad = -start % 16
    offset += pad
    name_at, table, blobs = toc_size, [], []
    for name, data in items:
        table.append(name_at.to_bytes(4, "little") + offset.to_bytes(4, "little"))
        name_at += len(name) + 1
        blob = data + b"\xaa" * (-len(data) % 16)  # pkgdata's padding byte
        blobs.append(blob)
        offset += len(blob)
    head = len(items).to_bytes(4, "little") + b"".join(table) + names
    head += b"\xaa" * (toc_size + len(names) + (-(toc_size + len(names)) % 16) + pad - len(head))
    return header + head + b"".join(blobs)


def lean_icu_library(library: str, workdir: Path) -> Path | None:
    """A copy of ICU's data library ``library`` (libicudata.so.NN) holding only what ``keep_icu_item`` keeps, built
    in ``workdir`` with the C compiler; None, and the full library stays, where readelf or a compiler is missing."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if not (cc and shutil.which("readelf")):
        return None
    symbols = subprocess.run(["readelf", "-Ws", "--dyn-syms", library], capture_output=True, text=True,
                             check=True).stdout
    m = re.search(r":\s*([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+DEFAULT\s+\d+\s+(icudt\d+_dat)\b", symbols)
    if not m:
        return None
    address, size, symbol = int(m[1], 16), int(m[2], 0), m[3]
    data = Path(library).read_bytes()[address:address + size]  # the symbol's address is its offset in the file
    try:
        items = icu_items(data)
    except (ValueError, IndexError):
        return None
    header = data[:int.from_bytes(data[0:2], "little")]
    workdir.mkdir(parents=True, exist_ok=True)
    package = workdir / f"{symbol[:-4]}l.dat"
    package.write_bytes(icu_package(header, [(n, d) for n, d in items if keep_icu_item(n, len(d))]))
    source = workdir / "icudata.S"
    source.write_text(f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n{symbol}:\n'
                      f'.incbin "{package}"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",@progbits\n')
    target = workdir / Path(library).name
    subprocess.run([cc, "-shared", "-nostdlib", f"-Wl,-soname,{Path(library).name}", "-o", str(target), str(source)],
                   check=True)
    return target
