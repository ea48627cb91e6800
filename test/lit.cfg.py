# lit configuration for cancelcheck's tests.
import os
import lit.formats

config.name = "cancelcheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test", ".yaml.test"]
config.excludes = ["Inputs", "unit", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cck_obj_root, "test")

config.environment["PATH"] = os.pathsep.join(
    [config.cck_bin_dir, config.llvm_bin_dir, config.environment.get("PATH", "/usr/bin:/bin")])
# Keep output stable: no colours, a fixed locale.
config.environment["LC_ALL"] = "C"
# The sanitized build: stop at the first error; the analyzer leaves its
# last translation unit to the exit on purpose.
config.environment["ASAN_OPTIONS"] = "detect_leaks=0:halt_on_error=1"
config.environment["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1"

cck = os.path.join(config.cck_bin_dir, "cancelcheck")
config.substitutions.append(("%cancelcheck-cc", cck + "-cc"))
config.substitutions.append(("%cancelcheck", cck))
config.substitutions.append(("%clangxx", os.path.join(os.path.dirname(config.clang), "clang++")))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%unit", config.cck_unit_dir))
config.substitutions.append(("%srcroot", config.cck_src_root))
config.substitutions.append(("%objroot", config.cck_obj_root))
# The version CMake gives the project (one place: project(... VERSION)).
config.substitutions.append(("%version", config.cck_version))
# The clang plugin: tests that load it need the "plugin" feature.
if getattr(config, "cck_plugin", ""):
    config.available_features.add("plugin")
    config.substitutions.append(("%plugin", config.cck_plugin))
config.substitutions.append(("%annotations", os.path.join(config.cck_src_root, "include")))
# The editor test drives Neovim headless: it needs the "nvim" feature, set
# only where `nvim --headless --clean -u NONE +q` works; else it is
# UNSUPPORTED and this note says why.
def _nvim_problem():
    import shutil, subprocess
    nvim = shutil.which("nvim", path=config.environment.get("PATH"))
    if not nvim:
        return "nvim not found on PATH (Debian package neovim)"
    try:
        p = subprocess.run([nvim, "--headless", "--clean", "-u", "NONE", "+q"],
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as e:
        return "nvim does not start: %s" % e
    if p.returncode:
        return "nvim exits %d: %s" % (p.returncode, p.stderr.decode(errors="replace").strip()[:200])
    return None
_why = _nvim_problem()
if _why:
    lit_config.note("the Neovim test is UNSUPPORTED: " + _why)
else:
    config.available_features.add("nvim")
