"""The shape of the package: no import cycles, small modules, short functions.

Read from the source with :mod:`ast`, so nothing is imported and the checks take
well under a second.  The allow-lists are explicit and short: a module may pass
400 lines only when it is a declarative table (data, no code), and a function
listed as long must still be long, so an entry goes as soon as it is not needed.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

#: modules allowed past MAX_MODULE_LINES: declarative tables only (checked: no function or class)
LONG_TABLES: dict[str, str] = {}
#: functions allowed past MAX_FUNCTION_LINES, each with why
LONG_FUNCTIONS: dict[str, str] = {}


@lru_cache(maxsize=None)
def _modules() -> dict[str, tuple[Path, ast.Module]]:
    """Dotted module name -> (file, parsed source), for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = (path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return found


def _imports(name: str, path: Path, tree: ast.Module) -> set[str]:
    """The package's modules ``name`` imports, anywhere in its body (lazy imports count too)."""
    modules = _modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets.add(module)
            targets.update(f"{module}.{alias.name}" for alias in node.names)  # "from kg.cli import parser"
    return {target for target in targets if target in modules and target != name}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(edges[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def test_the_cycle_finder_finds_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(edges) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_package_has_no_import_cycle():
    edges = {name: _imports(name, path, tree) for name, (path, tree) in _modules().items()}
    assert sum(len(targets) for targets in edges.values()) > 100  # the import graph was read at all
    assert _cycles(edges) == [], "modules that import each other, directly or round a loop"


def _stage(module: str) -> str:
    """The stage a module belongs to: its package under kg/ ("kg.store.layout" -> "store"), or itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_the_stages_import_each_other_one_way_only():
    """Packages by stage read as the pipeline: no stage imports a stage that imports it back."""
    edges: dict[str, set[str]] = {}
    for name, (path, tree) in _modules().items():
        stage = _stage(name)
        edges.setdefault(stage, set()).update(_stage(t) for t in _imports(name, path, tree) if _stage(t) != stage)
    assert {"inputs", "people", "extract", "rdf", "store", "building"} <= set(edges)
    assert _cycles(edges) == [], "stages that import each other, directly or round a loop"


def _relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_no_module_is_over_400_lines_but_declarative_tables():
    too_long = {}
    for path, tree in _modules().values():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES and _relative(path) not in LONG_TABLES:
            too_long[_relative(path)] = lines
    assert too_long == {}, f"split these by responsibility (at most {MAX_MODULE_LINES} lines)"


def test_the_long_tables_are_only_data():
    for relative in LONG_TABLES:
        tree = ast.parse((PACKAGE / relative).read_text(encoding="utf-8"))
        code = [node.name for node in ast.walk(tree)
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))]
        assert code == [], f"{relative} is allowed past {MAX_MODULE_LINES} lines as a table, but defines {code}"


def _function_lengths() -> dict[str, int]:
    lengths = {}
    for path, tree in _modules().values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                key = f"{_relative(path)}:{node.name}"
                lengths[key] = max(lengths.get(key, 0), node.end_lineno - node.lineno + 1)
    return lengths


def test_no_function_is_over_60_lines():
    lengths = _function_lengths()
    too_long = {name: n for name, n in lengths.items() if n > MAX_FUNCTION_LINES and name not in LONG_FUNCTIONS}
    assert too_long == {}, f"split these (at most {MAX_FUNCTION_LINES} lines each)"
    for name, why in LONG_FUNCTIONS.items():
        assert lengths.get(name, 0) > MAX_FUNCTION_LINES, f"{name} is short now: take it off LONG_FUNCTIONS ({why})"
