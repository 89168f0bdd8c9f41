#!/usr/bin/env python3
"""Checks .github/workflows/ci.yml against what the project needs (issue #32).

The Windows job cannot run on this machine, so this is what can be verified here: the file is a
GitHub Actions workflow (it parses, has jobs with runs-on and steps, every action is pinned), the
Linux job runs exactly the README test command, and the Windows job has every step the issue asks
for (MSVC, Qt with every add-on module CMakeLists.txt asks for, vcpkg with the native dependencies
of vcpkg.json, Ninja, build, ctest offscreen without the network tests, windeployqt with the TLS
and SQLite plugins checked, NSIS package uploaded as an artifact).

usage: check_workflow.py <source dir> [<workflow file>]
Exit status 0 when every check holds; otherwise the failed checks are printed and it exits 1.
"""
import json
import re
import sys
from pathlib import Path

import yaml

# Qt components that come with install-qt-action's base MSVC kit (qtbase, qtsvg, qttools,
# qttranslations); every other component must be named in the action's `modules`.
QT_BASE_KIT = {
    "Core": "qtbase", "Gui": "qtbase", "Widgets": "qtbase", "Network": "qtbase", "Sql": "qtbase",
    "Concurrent": "qtbase", "Test": "qtbase", "PrintSupport": "qtbase", "OpenGL": "qtbase",
    "OpenGLWidgets": "qtbase", "Xml": "qtbase", "DBus": "qtbase",
    "Svg": "qtsvg", "SvgWidgets": "qtsvg", "LinguistTools": "qttools", "UiTools": "qttools",
}
QT_ADDON_MODULE = {"Charts": "qtcharts", "NetworkAuth": "qtnetworkauth", "WebSockets": "qtwebsockets",
                   "Multimedia": "qtmultimedia", "SerialPort": "qtserialport", "HttpServer": "qthttpserver",
                   "Core5Compat": "qt5compat", "ImageFormats": "qtimageformats"}
# find_package / pkg-config names in CMakeLists.txt -> the vcpkg port that provides them.
NATIVE_PORTS = {"LibArchive": "libarchive", "libpcre2-16": "pcre2", "libpcre2-8": "pcre2"}


class Checker:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, condition, what):
        if condition:
            self.passed += 1
        else:
            self.failures.append(what)
        return condition


def step_text(step):
    """Everything a step says, for substring checks: its run script, its action and its inputs."""
    parts = [str(step.get("run", "")), str(step.get("uses", ""))]
    for key in ("with", "env"):
        if isinstance(step.get(key), dict):
            parts += [f"{k}={v}" for k, v in step[key].items()]
    return "\n".join(parts)


def find_step(steps, predicate):
    return next((s for s in steps if predicate(s)), None)


def uses(step, action):
    return str(step.get("uses", "")).split("@")[0] == action


def version_tuple(text):
    return tuple(int(x) for x in re.findall(r"\d+", str(text))[:2])


def main():
    source = Path(sys.argv[1])
    workflow_path = Path(sys.argv[2]) if len(sys.argv) > 2 else source / ".github/workflows/ci.yml"
    c = Checker()

    try:
        workflow = yaml.safe_load(workflow_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        print(f"check_workflow: {workflow_path} does not parse: {e}")
        return 1
    if not c.check(isinstance(workflow, dict), "the workflow is a mapping"):
        print("\n".join(c.failures))
        return 1

    # --- a GitHub Actions workflow at all ---------------------------------------------------------
    # YAML 1.1 reads a bare `on` as true: accept either spelling of the key.
    triggers = workflow.get("on", workflow.get(True))
    c.check(triggers is not None, "has triggers (`on:`)")
    if isinstance(triggers, dict):
        c.check("push" in triggers or "pull_request" in triggers, "runs on push or pull_request")
    jobs = workflow.get("jobs") or {}
    c.check(isinstance(jobs, dict) and jobs, "has jobs")
    for name, job in jobs.items():
        c.check(isinstance(job, dict) and "runs-on" in job, f"job {name} has runs-on")
        steps = job.get("steps") or []
        c.check(isinstance(steps, list) and steps, f"job {name} has steps")
        for i, step in enumerate(steps):
            c.check(isinstance(step, dict) and (("run" in step) != ("uses" in step)),
                    f"job {name} step {i} has exactly one of run/uses")
            if isinstance(step, dict) and "uses" in step:
                c.check(re.search(r"@(v\d+|[0-9a-f]{40})$", str(step["uses"])) is not None,
                        f"job {name}: action {step['uses']} is pinned to a version (@vN or a commit)")
            if isinstance(step, dict):
                c.check(bool(step.get("name")), f"job {name} step {i} has a name")

    # --- Linux: exactly the README test command ---------------------------------------------------
    readme = (source / "README.md").read_text(encoding="utf-8")
    c.check(re.search(r"^scripts/test\.sh$", readme, re.M) is not None, "README.md names scripts/test.sh as the test command")
    linux = jobs.get("linux") or {}
    c.check("ubuntu" in str(linux.get("runs-on", "")), "linux job runs on an Ubuntu runner")
    c.check(str(linux.get("container", "")).startswith("debian:12"),
            "linux job runs in debian:12, the platform scripts/install-deps.sh installs for")
    linux_steps = linux.get("steps") or []
    c.check(find_step(linux_steps, lambda s: str(s.get("run", "")).strip() == "scripts/test.sh") is not None,
            "linux job runs exactly `scripts/test.sh`")
    c.check(find_step(linux_steps, lambda s: uses(s, "actions/checkout")) is not None, "linux job checks out")

    # --- Windows ----------------------------------------------------------------------------------
    windows = jobs.get("windows") or {}
    c.check(windows.get("runs-on") == "windows-latest", "windows job runs on windows-latest")
    steps = windows.get("steps") or []
    job_env = windows.get("env") or {}

    def expand(text):
        """${{ env.X }} of the job's env, so checks see the values."""
        return re.sub(r"\$\{\{\s*env\.(\w+)\s*\}\}", lambda m: str(job_env.get(m.group(1), m.group(0))), str(text))

    c.check(find_step(steps, lambda s: uses(s, "actions/checkout")) is not None, "windows job checks out")
    msvc = find_step(steps, lambda s: uses(s, "ilammy/msvc-dev-cmd") or "VsDevShell" in str(s.get("run", ""))
                     or "vcvars64" in str(s.get("run", "")))
    c.check(msvc is not None, "windows job sets up MSVC (ilammy/msvc-dev-cmd or the VS dev shell)")

    qt = find_step(steps, lambda s: uses(s, "jurplel/install-qt-action"))
    if c.check(qt is not None, "windows job installs Qt with jurplel/install-qt-action"):
        qt_with = {k: expand(v) for k, v in (qt.get("with") or {}).items()}
        c.check(version_tuple(qt_with.get("version", "")) >= (6, 5), f"Qt version {qt_with.get('version')} is 6.5 or later")
        c.check("msvc" in qt_with.get("arch", ""), "Qt kit is an MSVC one")
        modules = set(str(qt_with.get("modules", "")).split())
        cmake_lists = (source / "CMakeLists.txt").read_text(encoding="utf-8")
        m = re.search(r"find_package\(Qt6\s[^)]*COMPONENTS([^)]*)\)", cmake_lists)
        components = m.group(1).split() if m else []
        c.check(bool(components), "CMakeLists.txt's find_package(Qt6 … COMPONENTS …) found")
        for comp in components:
            if comp in QT_BASE_KIT:
                continue
            module = QT_ADDON_MODULE.get(comp)
            c.check(module is not None and module in modules,
                    f"Qt component {comp} (CMakeLists.txt) is installed: add its module "
                    f"({module or 'unknown to check_workflow.py'}) to install-qt-action's modules")
        if m:
            # Every add-on component the workflow installs is one the build asks for.
            wanted = {QT_ADDON_MODULE[x] for x in components if x in QT_ADDON_MODULE}
            c.check(modules <= wanted, f"install-qt-action modules {sorted(modules - wanted)} are used by the build")

    # vcpkg: a manifest with the native dependencies, used through the toolchain file.
    vcpkg_path = source / "vcpkg.json"
    if c.check(vcpkg_path.exists(), "vcpkg.json exists at the top level"):
        manifest = json.loads(vcpkg_path.read_text(encoding="utf-8"))
        deps = {d if isinstance(d, str) else d.get("name") for d in manifest.get("dependencies", [])}
        c.check(re.fullmatch(r"[0-9a-f]{40}", manifest.get("builtin-baseline", "")) is not None,
                "vcpkg.json has a builtin-baseline commit (40 hex digits)")
        c.check(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", manifest.get("name", "")) is not None,
                "vcpkg.json's name is lower-case with dashes, as vcpkg demands")
        cmake_lists = (source / "CMakeLists.txt").read_text(encoding="utf-8")
        for needle, port in NATIVE_PORTS.items():
            if needle in cmake_lists:
                c.check(port in deps, f"vcpkg.json lists {port} (CMakeLists.txt uses {needle})")
        if "pkg_check_modules" in cmake_lists:
            c.check("pkgconf" in deps, "vcpkg.json brings pkgconf (CMakeLists.txt finds PCRE2 with pkg-config)")

    configure = find_step(steps, lambda s: "cmake -S" in str(s.get("run", "")))
    if c.check(configure is not None, "windows job configures with cmake -S"):
        text = step_text(configure)
        c.check("-G Ninja" in text, "configure uses Ninja")
        c.check("scripts/buildsystems/vcpkg.cmake" in text and "CMAKE_TOOLCHAIN_FILE" in text,
                "configure uses the vcpkg toolchain file")
        c.check("X_VCPKG_APPLOCAL_DEPS_INSTALL=ON" in text, "the install tree gets the vcpkg DLLs")
        c.check("CMAKE_BUILD_TYPE=Release" in text, "configure builds Release")
    c.check(find_step(steps, lambda s: "cmake --build" in str(s.get("run", ""))) is not None, "windows job builds")

    test = find_step(steps, lambda s: "ctest" in str(s.get("run", "")))
    if c.check(test is not None, "windows job runs ctest"):
        run = str(test.get("run", ""))
        env = test.get("env") or {}
        c.check(env.get("QT_QPA_PLATFORM") == "offscreen" or "QT_QPA_PLATFORM" in run and "offscreen" in run,
                "ctest runs with QT_QPA_PLATFORM=offscreen")
        m = re.search(r"-LE\s+\"?([^\"\s]+)", run)
        c.check(m is not None and "network" in m.group(1).split("|"), "ctest excludes the label network (-LE)")
        # Every test excluded by name still exists: a renamed test would run, and fail, on Windows.
        test_sources = "\n".join(p.read_text(encoding="utf-8") for p in (source / "tests").rglob("CMakeLists.txt"))
        for name in re.findall(r"-E\s+\"\^?([A-Za-z0-9_|]+)\$?\"", run):
            for single in name.split("|"):
                c.check(re.search(rf"NAME\s+{re.escape(single)}\b", test_sources) is not None,
                        f"excluded test {single} exists in tests/")
        # Every excluded label is one some test carries.
        if m:
            for label in m.group(1).split("|"):
                c.check(re.search(rf"LABELS[^)]*\b{re.escape(label)}\b", test_sources) is not None,
                        f"excluded label {label} is used in tests/")

    deploy = find_step(steps, lambda s: "cmake --install" in str(s.get("run", "")))
    installer_cmake = (source / "installer/CMakeLists.txt").read_text(encoding="utf-8")
    c.check("windeployqt" in installer_cmake, "installer/CMakeLists.txt runs windeployqt at install time")
    if c.check(deploy is not None, "windows job installs (windeployqt runs inside the install)"):
        run = str(deploy.get("run", ""))
        for plugin in ("tls/qschannelbackend.dll", "sqldrivers/qsqlite.dll", "platforms/qwindows.dll"):
            c.check(plugin in run, f"the deploy step checks {plugin} is in the installed tree")
        c.check("mwb.exe --version" in run, "the deploy step runs the installed mwb.exe")
    c.check("qschannelbackend" in installer_cmake and "qsqlite" in installer_cmake,
            "installer/CMakeLists.txt installs the TLS backend and the SQLite driver")

    package = find_step(steps, lambda s: "cpack" in str(s.get("run", "")))
    if c.check(package is not None, "windows job packages with cpack"):
        c.check("NSIS" in str(package.get("run", "")) or "WIX" in str(package.get("run", "")),
                "cpack makes an NSIS (or WiX) installer")
    upload = find_step(steps, lambda s: uses(s, "actions/upload-artifact"))
    if c.check(upload is not None, "windows job uploads an artifact"):
        path = expand((upload.get("with") or {}).get("path", ""))
        c.check(re.search(r"\.exe\b", path) is not None, "the uploaded artifact holds the installer (.exe)")
        c.check((upload.get("with") or {}).get("if-no-files-found") == "error",
                "a missing installer fails the upload instead of passing silently")

    order = [configure, find_step(steps, lambda s: "cmake --build" in str(s.get("run", ""))), test, deploy, package]
    if all(s is not None for s in order):
        idx = [steps.index(s) for s in order]
        c.check(idx == sorted(idx), "windows steps run in the order configure, build, test, deploy, package")

    for failure in c.failures:
        print(f"check_workflow: FAILED: {failure}")
    print(f"check_workflow: {c.passed} checks passed, {len(c.failures)} failed ({workflow_path})")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
