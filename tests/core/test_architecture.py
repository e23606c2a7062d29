"""The apps' import graph: `core` is the kernel (it imports no other app), `pagecache` and
`adminkit` are rooms above it only, and no app-level cycle; no private Django import and no admin
class built with `type()` in production code.

Read from the source with `ast`, so that an import inside a function counts as well.
"""

import ast
import itertools
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
KERNEL = "core"
# Each room of the machinery and the project apps it may import.
ROOMS = {"core": set(), "pagecache": {"core"}, "adminkit": {"core", "pagecache"}}
SKIPPED = {"tests", "var", "node_modules", "static", "staticfiles", "locale"}


def project_apps() -> list[str]:
    return sorted(
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT.resolve()
    )


def import_graph() -> dict[str, dict[str, set[str]]]:
    """{app: {imported app: {files importing it}}}, migrations left out (they are frozen)."""
    names = set(project_apps())
    graph: dict[str, dict[str, set[str]]] = {name: {} for name in names}
    for name in names:
        for path in (ROOT / name).rglob("*.py"):
            if "migrations" in path.relative_to(ROOT / name).parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in names and top != name:
                        graph[name].setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return graph


def find_cycle(graph: dict[str, dict[str, set[str]]]) -> list[str] | None:
    """One cycle of the graph as [a, b, ..., a], or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_graph_sees_the_project_apps():
    names = project_apps()
    assert {"core", "pagecache", "adminkit", "website", "partnerships", "search"} <= set(names)
    assert "django" not in names
    graph = import_graph()
    assert "core" in graph["website"]  # a known edge: the reader does read imports


def test_core_imports_no_domain_app():
    assert import_graph()[KERNEL] == {}


def test_each_room_imports_only_the_rooms_below_it():
    graph = import_graph()
    for room, allowed in ROOMS.items():
        extra = {app: sorted(files) for app, files in graph[room].items() if app not in allowed}
        assert extra == {}, f"{room} imports {extra}"


def production_modules():
    """The project's Python files, tests, migrations and hidden folders (.venv) left out."""
    folders = [
        folder
        for folder in ROOT.iterdir()
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in SKIPPED
    ]
    for path in sorted(p for folder in folders for p in folder.rglob("*.py")):
        if "migrations" not in path.relative_to(ROOT).parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_no_private_django_import():
    """Django's private names (`_get_foreign_key`…) change without notice between versions."""
    found = [
        f"{path.relative_to(ROOT)}: from {node.module} import {alias.name}"
        for path, tree in production_modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "django"
        for alias in node.names
        if alias.name.startswith("_") and alias.name != "_"
    ]
    assert found == []


def test_no_admin_class_is_built_with_type():
    """An admin is written out as a class (`type(name, bases, namespace)` nowhere near
    `register`): what the back-office runs is what the code reads."""
    found = []
    for path, tree in production_modules():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "register"):
                continue
            for inner in ast.walk(node):
                built = isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "type"
                if built and len(inner.args) == 3:
                    found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert found == []


def test_the_cycle_finder_finds_a_cycle():
    graph = {"a": {"b": {"a.py"}}, "b": {"c": {"b.py"}}, "c": {"a": {"c.py"}}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b": {"a.py"}}, "b": {}}) is None


def test_partnerships_and_search_do_not_import_each_other():
    graph = import_graph()
    assert "search" not in graph["partnerships"]
    assert "partnerships" in graph["search"]


def test_no_app_level_import_cycle():
    """An app reaches the models of an app above it through a relation or `apps.get_model`."""
    graph = import_graph()
    cycle = find_cycle(graph)
    assert cycle is None, (
        " -> ".join(cycle)
        + "\n"
        + "\n".join(f"{a} -> {b}: {sorted(graph[a][b])}" for a, b in itertools.pairwise(cycle))
    )
