"""The packaging, without building: what the bundle keeps of Qt, the icons, the desktop file, version information.

Building and running the bundles is CI's `make dist` and build_spec/check-bundle (minutes, not seconds).
"""

import ast
import configparser
import importlib.util
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

BUILD_SPEC = ROOT / "build_spec"
ICONS = ROOT / "resources" / "icons"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BUILD_SPEC / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lean = _module("lean")


# -- what the bundle keeps ------------------------------------------------------------------------------------
@pytest.mark.parametrize("dest", [
    # Linux
    "PySide6/QtCore.abi3.so", "PySide6/QtWidgets.abi3.so", "PySide6/QtSvg.abi3.so", "PySide6/QtPrintSupport.abi3.so",
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6DBus.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/lib/libicudata.so.73", "libQt6Widgets.so.6",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/libpyside6.abi3.so.6.11", "shiboken6/libshiboken6.abi3.so.6.11", "libpython3.11.so.1.0",
    "libX11.so.6", "libxcb-icccm.so.4", "resources/forum-atlas.sqlite", "resources/i18n/forum_atlas_ja.qm",
    "PySide6/Qt/translations/qtbase_ja.qm",  # Qt's own Japanese, for the standard dialogs of the Japanese interface
    # Windows and macOS
    "PySide6/Qt6Core.dll", "PySide6/QtGui.pyd", "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/plugins/styles/qmodernwindowsstyle.dll", "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
])
def test_keeps(dest):
    assert lean.keep(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/QtNetwork.abi3.so", "PySide6/QtQml.abi3.so", "PySide6/QtOpenGL.abi3.so",
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6QuickControls2Basic.so.6",
    "PySide6/Qt/plugins/platforms/libqwayland.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
    "PySide6/Qt/translations/qtbase_en.qm", "PySide6/Qt/translations/qt_ja.qm",
    "PySide6/libpyside6qml.abi3.so.6.11", "libcups.so.2", "libfontconfig.so.1", "libfreetype.so.6", "libdbus-1.so.3",
    "PySide6/Qt6Network.dll", "PySide6/translations/qtbase_de.qm", "PySide6/plugins/platforms/qwindowsd.dll",
    "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
])
def test_drops(dest):
    assert not lean.keep(dest)


def test_every_platform_the_app_runs_on_keeps_its_platform_plugin():
    assert {"offscreen", "xcb", "windows", "cocoa"} <= lean.PLUGINS["platforms"]
    assert {"Core", "Gui", "Widgets", "Svg", "PrintSupport"} <= lean.QT_MODULES <= lean.QT_LIBRARIES


def _prune(graph: dict[str, list[str]], kinds: dict[str, str] | None = None):
    """prune() over a made-up bundle: ``graph`` maps each file to the files it links to."""
    kinds = kinds or {}
    binaries = [(dest, f"/src/{dest}", kinds.get(dest, "BINARY")) for dest in graph]
    kept, dropped = lean.prune(binaries, lambda src: graph.get(src.removeprefix("/src/"), []))
    return {e[0] for e in kept}, {e[0] for e in dropped}


def test_prune_drops_what_only_dropped_plugins_need():
    kept, dropped = _prune({
        "PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6", "libxcb-icccm.so.4"],
        "PySide6/Qt/lib/libQt6XcbQpa.so.6": ["libQt6Gui.so.6", "libX11.so.6"],
        "PySide6/Qt/lib/libQt6Gui.so.6": ["libQt6Core.so.6", "libX11.so.6"],
        "PySide6/Qt/lib/libQt6Core.so.6": ["libicuuc.so.73"],
        "PySide6/Qt/lib/libicuuc.so.73": [],
        "libxcb-icccm.so.4": [],
        "libX11.so.6": [],
        # the GTK theme plugin: dropped, with what only it needs; not what kept files need too
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libX11.so.6", "libQt6Gui.so.6"],
        "libgtk-3.so.0": ["libcairo.so.2", "libX11.so.6"],
        "libcairo.so.2": [],
        # a library nothing links to (loaded by ctypes) stays
        "libffi-loaded-by-ctypes.so": [],
    })
    assert "libcairo.so.2" in dropped and "libgtk-3.so.0" in dropped
    assert "PySide6/Qt/plugins/platformthemes/libqgtk3.so" in dropped
    assert {"libX11.so.6", "libxcb-icccm.so.4", "PySide6/Qt/lib/libicuuc.so.73", "libffi-loaded-by-ctypes.so"} <= kept


def test_prune_never_keeps_a_library_through_one_left_to_the_system():
    kept, dropped = _prune({
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so": ["libcups.so.2", "libQt6PrintSupport.so.6"],
        "PySide6/Qt/lib/libQt6PrintSupport.so.6": [],
        "libcups.so.2": ["libgnutls.so.30"],
        "libgnutls.so.30": [],
    })
    assert kept == {"PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
                    "PySide6/Qt/lib/libQt6PrintSupport.so.6"}
    assert dropped == {"libcups.so.2", "libgnutls.so.30"}


def test_prune_reads_a_library_through_its_real_file_not_its_symbolic_link():
    kept, _ = _prune({
        "libQt6Core.so.6": [],  # the top-level symbolic link PyInstaller adds
        "PySide6/Qt/lib/libQt6Core.so.6": ["libicuuc.so.73"],
        "PySide6/Qt/lib/libicuuc.so.73": [],
        "PySide6/Qt/lib/libQt6Quick.so.6": ["libQt6Core.so.6", "libicuuc.so.73"],
    }, kinds={"libQt6Core.so.6": "SYMLINK"})
    assert "PySide6/Qt/lib/libicuuc.so.73" in kept


# -- the icon -------------------------------------------------------------------------------------------------
def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_icons_have_the_size_in_their_name():
    sizes = []
    for png in ICONS.glob("forum-atlas-*.png"):
        side = int(png.stem.rsplit("-", 1)[1])
        assert _png_size(png.read_bytes()) == (side, side), png.name
        sizes.append(side)
    assert sorted(sizes) == [16, 24, 32, 48, 64, 128, 256, 512]


def test_ico_holds_one_png_per_size():
    data = (ICONS / "forum-atlas.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sides = []
    for i in range(count):
        w, h, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i:22 + 16 * i])
        side = w or 256
        assert _png_size(data[offset:offset + length]) == (side, side)
        assert (planes, bits) == (1, 32)
        sides.append(side)
    assert {16, 32, 48, 256} <= set(sides)


def test_icns_is_well_formed():
    data = (ICONS / "forum-atlas.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, kinds = 8, {}
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        kinds[kind] = _png_size(data[pos + 8:pos + length])
        pos += length
    assert pos == len(data)
    assert kinds[b"icp4"] == (16, 16) and kinds[b"ic07"] == (128, 128) and kinds[b"ic10"] == (1024, 1024)


def test_icon_containers_round_trip():
    make_icons = _module("make_icons")
    fake = {16: b"\x89PNG\r\n\x1a\n" + b"\0" * 8 + struct.pack(">II", 16, 16),
            256: b"\x89PNG\r\n\x1a\n" + b"\0" * 8 + struct.pack(">II", 256, 256)}
    ico = make_icons.ico(fake)
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 2)
    assert ico[6 + 16] == 0  # 256 px is written as 0
    icns = make_icons.icns({size: fake[16] for size in {s for _, s in make_icons.ICNS_TYPES}})
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_svg_sources_are_there():
    for name in ("forum-atlas.svg", "forum-atlas-small.svg"):
        text = (ICONS / name).read_text(encoding="utf-8")
        assert text.lstrip().startswith("<svg") and text.rstrip().endswith("</svg>")


# -- the desktop file, version information, the spec -----------------------------------------------------------
def test_desktop_file():
    path = BUILD_SPEC / "forum-atlas.desktop"
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    e = entry["Desktop Entry"]
    assert (e["Type"], e["Name"], e["Exec"], e["Icon"], e["StartupWMClass"]) == (
        "Application", "Forum Atlas", "forum-atlas", "forum-atlas", "forum-atlas")
    assert e["Terminal"] == "false"
    validate = shutil.which("desktop-file-validate")
    if validate:
        done = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_the_window_class_matches_the_desktop_file():
    assert 'setDesktopFileName("forum-atlas")' in (ROOT / "gui" / "app.py").read_text(encoding="utf-8")


def test_windows_version_information():
    winver = _module("winver")
    assert winver.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert winver.version_tuple("2.3.0rc1+local") == (2, 3, 0, 0)
    text = winver.version_info("forum-atlas", "0.1.0", "Forum Atlas", "A reference browser")
    call = ast.parse(text, mode="eval").body  # PyInstaller evaluates it with its own classes
    assert call.func.id == "VSVersionInfo"
    strings = {c.args[0].value: c.args[1].value for c in ast.walk(call)
               if isinstance(c, ast.Call) and getattr(c.func, "id", "") == "StringStruct"}
    assert strings["ProductVersion"] == "0.1.0" and strings["OriginalFilename"] == "forum-atlas.exe"


def test_spec_is_python_and_reads_name_and_version_from_the_project():
    text = (BUILD_SPEC / "forum-atlas.spec").read_text(encoding="utf-8")
    compile(text, "forum-atlas.spec", "exec")
    assert 'copy_metadata(NAME)' in text and "pyproject.toml" in text


def test_the_xcb_libraries_a_desktop_may_lack_are_kept_and_checked():
    """The bundle carries them (CI's build fails without them; check-bundle looks for them in the bundle)."""
    assert all(lean.keep(name) for name in lean.XCB_CARRIED)
    spec = (BUILD_SPEC / "forum-atlas.spec").read_text(encoding="utf-8")
    assert "lean.XCB_CARRIED" in spec and 'os.environ.get("CI")' in spec
    assert "lean.XCB_CARRIED" in (BUILD_SPEC / "check-bundle").read_text(encoding="utf-8")


# -- ICU's data ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "size", "kept"), [
    ("icudt73l/root.res", 50_000, True), ("icudt73l/en_GB.res", 9_000, True), ("icudt73l/ja.res", 90_000, True),
    ("icudt73l/fr.res", 90_000, False), ("icudt73l/zh_Hant_TW.res", 2_000, False), ("icudt73l/res_index.res", 9, True),
    ("icudt73l/pool.res", 160_000, True), ("icudt73l/supplementalData.res", 240_000, True),
    ("icudt73l/coll/ja.res", 60_000, True), ("icudt73l/coll/zh.res", 713_000, False),
    ("icudt73l/coll/de_.res", 100, False), ("icudt73l/coll/ucadata.icu", 570_000, True),
    ("icudt73l/lang/en.res", 30_000, True), ("icudt73l/zone/ko.res", 30_000, False),
    ("icudt73l/ibm-943_P15A-2003.cnv", 91_000, True), ("icudt73l/ibm-33722_P12A_P12A-2009_U2.cnv", 100_000, True),
    ("icudt73l/jisx-212.cnv", 71_000, True), ("icudt73l/ibm-1252_P100-2000.cnv", 3_200, True),
    ("icudt73l/gb18030.cnv", 233_000, False), ("icudt73l/brkitr/cjdict.dict", 2_000_000, True),
    ("icudt73l/brkitr/thaidict.dict", 126_000, False), ("icudt73l/brkitr/line.brk", 60_000, True),
    ("icudt73l/translit/root.res", 1_000_000, False), ("icudt73l/nfkc.nrm", 60_000, True),
    ("icudt73l/uts46.nrm", 60_000, True),
])
def test_icu_data_keeps_root_english_japanese_and_what_japanese_text_needs(name, size, kept):
    assert lean.keep_icu_item(name, size) is kept


def test_an_icu_package_is_read_and_written_back_item_for_item():
    header = bytes([32, 0, 0xDA, 0x27]) + bytes([20, 0, 0, 0, 0, 2, 1, 0]) + b"CmnD" + bytes(16)
    items = [("icudt73l/a.res", b"x" * 5), ("icudt73l/coll/b.res", b"y" * 40), ("icudt73l/c.cnv", b"z")]
    package = lean.icu_package(header, items)
    back = lean.icu_items(package)  # each item padded to 16 bytes, as in ICU's own packages
    assert [(n, d[:len(data)]) for (n, d), (_, data) in zip(back, items, strict=True)] == items
    assert all(len(d) % 16 == 0 and set(d[len(data):]) <= {0xAA} for (_, d), (_, data) in zip(back, items, strict=True))
    assert lean.icu_package(header, back) == package
    toc = package[len(header):]
    assert all((len(header) + int.from_bytes(toc[8 + 8 * i:12 + 8 * i], "little")) % 16 == 0 for i in range(3))
    with pytest.raises(ValueError):
        lean.icu_items(b"\0" * 64)


ICU_PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder
print(QCollator(QLocale("ja_JP")).compare("\u3042", "\u304b"), QStringDecoder("Shift_JIS").isValid(),
      QStringDecoder("EUC-JP").isValid(), QStringDecoder("windows-1252").isValid(), QStringDecoder("Big5").isValid())
"""


@pytest.mark.skipif(not (shutil.which("cc") or shutil.which("gcc")) or not shutil.which("readelf"),
                    reason="needs a C compiler and readelf, as make dist does")
def test_the_lean_icu_library_serves_japanese_to_qt(tmp_path):
    import PySide6

    full = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"), None)
    if full is None:
        pytest.skip("this PySide6 carries no ICU")
    lean_lib = lean.lean_icu_library(str(full), tmp_path)
    assert lean_lib is not None and lean_lib.stat().st_size < full.stat().st_size / 3
    # The same soname, preloaded: Qt's ICU reads its data from the lean copy.
    env = {**os.environ, "LD_PRELOAD": str(lean_lib)}
    out = subprocess.run([sys.executable, "-c", ICU_PROBE], capture_output=True, text=True, env=env, check=True)
    maps_probe = "import PySide6.QtCore; print(open('/proc/self/maps').read())"
    maps = subprocess.run([sys.executable, "-c", maps_probe], capture_output=True, text=True, env=env).stdout
    assert str(lean_lib) in maps
    assert out.stdout.split() == ["-1", "True", "True", "True", "False"]  # Big5 is left out
