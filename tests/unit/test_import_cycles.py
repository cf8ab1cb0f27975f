"""No two modules of the project import each other, directly or round a longer circle."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import grimp

PACKAGES = ("domain", "db", "bot", "knowledge", "notify", "ticketflow")


def circles(imports: Mapping[str, set[str]]) -> Iterator[list[str]]:
    """Every strongly connected group of more than one module (Tarjan, iteratively)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in sorted(imports):
        if root in order:
            continue
        work = [(root, iter(sorted(imports[root])))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports[target]))))
                elif target in on_stack:
                    low[module] = min(low[module], order[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == order[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    yield sorted(group)


def project_imports() -> dict[str, set[str]]:
    graph = grimp.build_graph(*PACKAGES)
    modules = set(graph.modules)
    return {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}


def test_the_finder_sees_a_circle_of_three_and_ignores_a_chain() -> None:
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert list(circles(imports)) == [["a", "b", "c"]]
    assert list(circles({"a": {"b"}, "b": set()})) == []


def test_no_module_of_the_project_imports_itself_round_a_circle() -> None:
    assert list(circles(project_imports())) == []
