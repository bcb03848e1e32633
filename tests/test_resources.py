"""Every resource the app refers to exists and goes into the bundle; resource_path works from
source and inside a (simulated) PyInstaller bundle; the icon files and the .desktop entry."""

from __future__ import annotations

import ast
import configparser
import shutil
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from workbook import resources
from workbook.resources import resource_path, resources_root

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbook"
SPEC = ROOT / "build.spec"
ICON_DIR = ROOT / "resources" / "icon"
DESKTOP_FILE = ROOT / "resources" / "linux" / "social-media-value-workbook.desktop"


# ---------------------------------------------------------------- what the code refers to


@dataclass(frozen=True)
class Reference:
    parts: tuple[str, ...]
    """The literal leading arguments; fewer than the call has when the rest vary at run time."""
    where: str
    complete: bool
    """True when every argument was known: the reference names one file."""


def _module_constants(tree: ast.Module) -> dict[str, str]:
    constants = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            constants[node.targets[0].id] = node.value.value
    return constants


def _is_resource_call(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
    return name == "resource_path"


def _literal(node: ast.AST, constants: dict[str, str], params: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return params.get(node.id, constants.get(node.id))
    return None


def _leading_parts(
    call: ast.Call, constants: dict[str, str], params: dict[str, str]
) -> tuple[tuple[str, ...], bool]:
    parts: list[str] = []
    for arg in call.args:
        value = _literal(arg, constants, params)
        if value is None:
            return tuple(parts), False
        parts.append(value)
    return tuple(parts), True


def _wrappers(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    """Functions of a module that pass one of their own parameters to resource_path."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            params = {arg.arg for arg in node.args.args}
            for call in filter(_is_resource_call, ast.walk(node)):
                if any(isinstance(a, ast.Name) and a.id in params for a in call.args):
                    found[node.name] = node
    return found


def app_resource_references() -> list[Reference]:
    """Every resource_path(...) call in the app, also through small wrapper functions of a
    module (``_bundled("DejaVuSans.ttf")`` -> ``resource_path("fonts", file_name)``)."""
    refs: list[Reference] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "resources.py" and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        constants = _module_constants(tree)
        where_base = path.relative_to(ROOT).as_posix()
        for call in filter(_is_resource_call, ast.walk(tree)):
            parts, complete = _leading_parts(call, constants, {})
            refs.append(Reference(parts, f"{where_base}:{call.lineno}", complete))
        for name, wrapper in _wrappers(tree).items():
            param_names = [arg.arg for arg in wrapper.args.args]
            for call in ast.walk(tree):
                if not (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id == name
                ):
                    continue
                params = {}
                for param, arg in zip(param_names, call.args, strict=False):
                    value = _literal(arg, constants, {})
                    if value is not None:
                        params[param] = value
                for inner in filter(_is_resource_call, ast.walk(wrapper)):
                    parts, complete = _leading_parts(inner, constants, params)
                    refs.append(Reference(parts, f"{where_base}:{call.lineno}", complete))
    return refs


REFERENCES = app_resource_references()


def test_the_scan_finds_the_resources_we_know_the_app_uses():
    """Guards the scanner itself: if it stopped seeing calls, the tests below would pass empty."""
    named = {ref.parts for ref in REFERENCES}
    assert ("examples",) in named
    assert ("fonts", "DejaVuSans.ttf") in named


@pytest.mark.parametrize("ref", REFERENCES, ids=lambda ref: "/".join(ref.parts) or "(root)")
def test_every_resource_the_app_refers_to_exists(ref: Reference):
    target = ROOT.joinpath("resources", *ref.parts)
    assert target.exists(), (
        f"{ref.where} refers to resources/{'/'.join(ref.parts)}, which is not in the repository"
    )
    if not ref.complete:
        assert target.is_dir(), f"{ref.where} builds a path under {target}, not a folder"


# ---------------------------------------------------------------- what the spec bundles


@dataclass
class FakeBuild:
    """Stands in for PyInstaller's spec API, recording what the spec asks for."""

    analysis: dict = field(default_factory=dict)
    exe: dict = field(default_factory=dict)
    collect: dict = field(default_factory=dict)


def _expand_datas(datas: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(source, destination folder) pairs -> (destination file, source file, 'DATA'),
    as PyInstaller's Analysis turns them into its table of contents."""
    toc = []
    for source, dest in datas:
        src = Path(source)
        files = sorted(p for p in src.rglob("*") if p.is_file()) if src.is_dir() else [src]
        for file in files:
            rel = file.relative_to(src) if src.is_dir() else Path(file.name)
            toc.append(((Path(dest) / rel).as_posix(), str(file), "DATA"))
    return toc


def read_spec(
    workpath: Path, platform: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None
) -> dict:
    """Run build.spec with a fake PyInstaller API; returns its globals and the recorded calls."""
    build = FakeBuild()

    class Analysis:
        def __init__(self, scripts, **kwargs):
            build.analysis = {"scripts": scripts, **kwargs}
            self.datas = _expand_datas(kwargs["datas"])
            # A few entries as PyInstaller's Qt hooks add them, to see the filters at work.
            self.datas.append(("PySide6/Qt/translations/qtbase_de.qm", "/x/qtbase_de.qm", "DATA"))
            self.binaries = [
                ("PySide6/Qt/plugins/imageformats/libqpdf.so", "/x/libqpdf.so", "BINARY"),
                ("PySide6/Qt/plugins/imageformats/libqsvg.so", "/x/libqsvg.so", "BINARY"),
            ]
            self.pure, self.scripts = [], []

    def record(target: dict):
        def call(*args, **kwargs):
            target.update(kwargs, args=args)
            return object()

        return call

    if monkeypatch is not None and platform is not None:
        monkeypatch.setattr(sys, "platform", platform)
    namespace = {
        "SPECPATH": str(ROOT),
        "workpath": str(workpath),
        "__name__": "__main__",
        "Analysis": Analysis,
        "PYZ": lambda *a, **k: object(),
        "EXE": record(build.exe),
        "COLLECT": record(build.collect),
        "BUNDLE": lambda *a, **k: object(),
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    namespace["_build"] = build
    return namespace


@pytest.fixture(scope="module")
def spec(tmp_path_factory) -> dict:
    return read_spec(tmp_path_factory.mktemp("build"))


def test_spec_takes_name_and_version_from_pyproject(spec):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert spec["APP_ID"] == project["name"]
    assert spec["VERSION"] == project["version"]
    assert spec["_build"].exe["name"] == project["name"]
    assert spec["_build"].collect["name"] == project["name"]


def test_spec_builds_one_windowed_folder(spec):
    build = spec["_build"]
    assert build.exe["console"] is False
    assert build.exe["exclude_binaries"] is True, "one-folder builds keep binaries out of the exe"
    assert build.collect, "a COLLECT step makes the one-folder layout"
    launcher = Path(build.analysis["scripts"][0])
    assert "gui_main()" in launcher.read_text(encoding="utf-8")


@pytest.mark.parametrize("ref", REFERENCES, ids=lambda ref: "/".join(ref.parts) or "(root)")
def test_every_resource_the_app_refers_to_is_in_the_spec_data(spec, ref: Reference):
    a = spec["a"]
    wanted = "/".join(("resources", *ref.parts))
    bundled = {dest for dest, _src, _kind in a.datas}
    if ref.complete and ROOT.joinpath(wanted).is_file():
        assert wanted in bundled, f"{ref.where}: {wanted} is not in build.spec's datas"
    else:
        assert any(dest.startswith(wanted + "/") for dest in bundled), (
            f"{ref.where}: nothing under {wanted}/ is in build.spec's datas"
        )


def test_spec_bundles_every_file_in_resources(spec):
    on_disk = {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    bundled = {dest for dest, _src, _kind in spec["a"].datas}
    assert on_disk <= bundled, f"left out: {sorted(on_disk - bundled)}"


def test_spec_leaves_out_qt_translations_and_unused_plugins(spec):
    a = spec["a"]
    assert not any("translations" in dest for dest, _src, _kind in a.datas)
    plugins = {dest for dest, _src, _kind in a.binaries}
    assert plugins == {"PySide6/Qt/plugins/imageformats/libqsvg.so"}


def test_spec_never_excludes_a_qt_module_the_app_imports(spec):
    excluded = set(spec["EXCLUDES"])
    for module in spec["qt_modules_used"](PACKAGE):
        assert f"PySide6.{module}" not in excluded
    assert "PySide6.QtWebEngineWidgets" in excluded
    assert "tkinter" in excluded


def test_spec_lists_every_module_of_the_package_as_hidden_import(spec):
    hidden = set(spec["HIDDEN_IMPORTS"])
    assert "workbook.gui.selftest" in hidden
    assert "workbook.resources" in hidden
    assert "workbook" in hidden


@pytest.mark.parametrize(
    ("platform", "icon"),
    [
        ("win32", "workbook.ico"),
        ("darwin", "workbook.icns"),
        ("linux", "workbook.png"),
    ],
)
def test_spec_picks_the_icon_for_the_platform(monkeypatch, tmp_path, platform, icon):
    spec = read_spec(tmp_path, platform, monkeypatch)
    assert Path(spec["_build"].exe["icon"]) == ICON_DIR / icon
    assert (ICON_DIR / icon).is_file()


# ---------------------------------------------------------------- resource_path at run time


@pytest.fixture
def fresh_root(monkeypatch):
    """resources_root() caches its answer; each test here starts without the cache."""
    resources_root.cache_clear()
    yield
    resources_root.cache_clear()


def test_resource_path_finds_the_repository_resources_from_source(fresh_root, monkeypatch):
    """An editable install (as the tests run) maps workbook_resources to resources/."""
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert resources_root() == ROOT / "resources"
    assert resource_path("fonts", "DejaVuSans.ttf") == ROOT / "resources/fonts/DejaVuSans.ttf"


def test_resource_path_in_a_checkout_that_was_not_installed(fresh_root, monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(resources, "RESOURCE_PACKAGE", "workbook_resources_not_installed")
    assert resources_root() == ROOT / "resources"


def test_resource_path_from_an_installed_wheel(fresh_root, monkeypatch, tmp_path):
    """A wheel puts the resources in site-packages as a package of their own, with no
    resources/ folder beside the app's package."""
    site = tmp_path / "site-packages"
    installed = site / "wb_test_resources"
    shutil.copytree(ROOT / "resources", installed)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(resources, "RESOURCE_PACKAGE", "wb_test_resources")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", site / "workbook")
    assert resources_root() == installed
    for ref in REFERENCES:
        assert resource_path(*ref.parts).exists(), f"{ref.where}: missing from the install"


def test_resource_path_inside_a_frozen_bundle(fresh_root, monkeypatch, tmp_path, spec):
    """Lay out a bundle folder exactly as the spec's datas say, and point sys._MEIPASS at it."""
    bundle = tmp_path / "_internal"
    for dest, source, _kind in spec["a"].datas:
        if dest.startswith("resources/"):
            target = bundle / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resources_root() == bundle / "resources"
    for ref in REFERENCES:
        found = resource_path(*ref.parts)
        assert found.is_relative_to(bundle), f"{ref.where} found {found} outside the bundle"
        assert found.exists(), f"{ref.where}: {found} is missing from the bundle"


def test_resource_path_explains_a_missing_resources_folder(fresh_root, monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(resources, "RESOURCE_PACKAGE", "workbook_resources_not_installed")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path / "site-packages" / "workbook")
    with pytest.raises(FileNotFoundError, match="Reinstall the app"):
        resources_root()


# ---------------------------------------------------------------- what the wheel carries


def _setuptools_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]


def test_wheel_lists_every_package_of_the_app():
    """The packages are listed by hand (see pyproject.toml): a new sub-package must be added."""
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in PACKAGE.rglob("__init__.py")
    }
    listed = set(_setuptools_config()["packages"])
    assert on_disk | {resources.RESOURCE_PACKAGE} == listed, (
        "pyproject.toml [tool.setuptools] packages must list exactly: "
        f"{sorted(on_disk | {resources.RESOURCE_PACKAGE})}"
    )


def test_wheel_carries_every_file_in_resources():
    config = _setuptools_config()
    assert config["package-dir"] == {resources.RESOURCE_PACKAGE: "resources"}
    patterns = config["package-data"][resources.RESOURCE_PACKAGE]
    resources_dir = ROOT / "resources"
    carried = {
        path for pattern in patterns for path in resources_dir.glob(pattern) if path.is_file()
    }
    on_disk = {path for path in resources_dir.rglob("*") if path.is_file()}
    assert on_disk - {resources_dir / "__init__.py"} <= carried
    # A regular package, so importlib.resources gives a plain folder, not a namespace.
    assert (resources_dir / "__init__.py").is_file()


# ---------------------------------------------------------------- icon and .desktop entry


def test_icon_files_hold_the_sizes_each_platform_needs():
    from PIL import Image

    with Image.open(ICON_DIR / "workbook.png") as png:
        assert png.size == (512, 512) and png.mode == "RGBA"
    with Image.open(ICON_DIR / "workbook-256.png") as png:
        assert png.size == (256, 256)
    with Image.open(ICON_DIR / "workbook.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(ICON_DIR / "workbook.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]


def test_icon_corners_are_transparent_and_centre_is_drawn():
    """A rasterising mishap (blank or opaque square) shows here."""
    from PIL import Image

    with Image.open(ICON_DIR / "workbook.png") as png:
        assert png.getpixel((2, 2))[3] == 0
        assert png.getpixel((256, 256))[3] == 255


def test_desktop_entry_names_the_executable_and_icon(spec):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in .desktop files
    parser.read(DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == spec["DISPLAY_NAME"]
    assert entry["Exec"].split()[0] == spec["APP_ID"]
    assert entry["Icon"] == spec["APP_ID"]
    assert entry["Terminal"] == "false"
