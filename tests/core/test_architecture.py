"""The apps' import graph: `core` is the kernel (it imports no domain app) and no app-level cycle.

Read from the source with `ast`, so that an import inside a function counts as well.
"""

import ast
import itertools
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
KERNEL = "core"


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
    assert {"core", "website", "dataset", "partnerships", "search"} <= set(names)
    assert "django" not in names
    graph = import_graph()
    assert "core" in graph["website"]  # a known edge: the reader does read imports


def test_core_imports_no_domain_app():
    assert import_graph()[KERNEL] == {}


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
