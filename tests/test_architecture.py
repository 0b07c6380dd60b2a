"""The shape of the package, read from its import statements: arrows point one way, front-ends use the
services, and the domain knows neither Qt nor SQL."""

from __future__ import annotations

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(DESKTOP.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in DESKTOP.rglob("*.py")}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for child in ast.walk(node))
    return skipped


def imports_of(name: str) -> set[str]:
    """Every module this one imports, at the top or inside a function (type-checking imports aside)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_nodes(tree)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        targets = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else [])) if node.level else (node.module or "")
            # `from package import name`: the submodule when `name` is one, else the package itself.
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in MODULES else module
                       for alias in node.names]
        for target in targets:
            while target and target not in MODULES and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in MODULES and target != name:
                found.add(target)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}


def _cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for name in sorted(GRAPH):
        if name not in index:
            visit(name)
    return groups


def test_the_graph_is_read_from_real_imports():
    assert "desktop.services.workspace" in GRAPH["desktop.cli.common"]
    assert "desktop.domain.model" in GRAPH["desktop.storage.report_repository"]


def test_no_import_cycles_in_desktop():
    assert _cycles() == []


def test_front_ends_reach_storage_only_through_the_services():
    front_ends = [n for n in GRAPH if n.startswith(("desktop.ui", "desktop.cli"))]
    assert front_ends
    offenders = {n: sorted(d for d in GRAPH[n] if d.startswith("desktop.storage")) for n in front_ends}
    assert {n: d for n, d in offenders.items() if d} == {}


# What only the services may use: the front-ends ask a service (checking, report_files, spreadsheets,
# report_import …) instead of running a use case's parts themselves.
FRONT_ENDS_NEVER_IMPORT = {
    "desktop.ui": ("desktop.storage", "desktop.validation", "desktop.exchange"),
    "desktop.cli": ("desktop.storage", "desktop.validation", "desktop.exchange", "desktop.excel",
                    "desktop.report_import"),
}
LOWER_LAYERS = ("desktop.domain", "desktop.validation", "desktop.reports", "desktop.excel", "desktop.report_import",
                "desktop.exchange", "desktop.storage")


def test_front_ends_reach_use_cases_only_through_the_services():
    offenders = {}
    for front_end, forbidden in FRONT_ENDS_NEVER_IMPORT.items():
        for name in (n for n in GRAPH if n.startswith(front_end)):
            reached = sorted(d for d in GRAPH[name] if d.startswith(forbidden))
            if reached:
                offenders[name] = reached
    assert offenders == {}


def test_arrows_point_only_downward():
    """Nothing below the services imports them or a front-end; the services import no front-end."""
    offenders = {}
    for name, imported in GRAPH.items():
        if name.startswith(LOWER_LAYERS):
            upward = ("desktop.services", "desktop.ui", "desktop.cli")
        elif name.startswith("desktop.services"):
            upward = ("desktop.ui", "desktop.cli")
        else:
            continue
        reached = sorted(d for d in imported if d.startswith(upward))
        if reached:
            offenders[name] = reached
    assert offenders == {}


def _reaches_past_the_workspace(node: ast.AST) -> bool:
    """`workspace.database` or `x.workspace.database`: the storage handle behind the workspace."""
    if not (isinstance(node, ast.Attribute) and node.attr == "database"):
        return False
    owner = node.value
    return (isinstance(owner, ast.Name) and owner.id == "workspace") or (
        isinstance(owner, ast.Attribute) and owner.attr == "workspace")


def test_front_ends_do_not_reach_past_the_workspace():
    offenders = []
    for name in (n for n in MODULES if n.startswith(("desktop.ui", "desktop.cli"))):
        tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
        offenders += [f"{name}:{node.lineno}" for node in ast.walk(tree) if _reaches_past_the_workspace(node)]
    assert offenders == []


def test_the_rules_above_can_fail():
    bad = ast.parse("def f(window):\n    return window.workspace.database.reports()")
    assert any(_reaches_past_the_workspace(node) for node in ast.walk(bad))


def _external_imports(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_domain_knows_no_qt_and_no_sql():
    for name in (n for n in MODULES if n.startswith("desktop.domain")):
        assert not _external_imports(name) & {"PySide6", "sqlalchemy", "alembic", "sqlite3"}, name
        assert not {d for d in GRAPH[name] if not d.startswith("desktop.domain")}, name
