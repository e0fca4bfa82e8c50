"""The package's shape, read from its own source with ``ast``: data flows one way through the stages.

Every ``import`` and ``from … import`` anywhere in a module counts — at the top or inside a function. No module
may import one of a later stage, nor a module whose package belongs to a later stage (importing ``a.b.c`` runs
``a/b/__init__.py``), not even for type annotations only (under ``if TYPE_CHECKING:``). The imports that run
must form no cycle; an annotation-only import may point back within a stage (a section's calculator names the
type of the Prepared value that is made from it).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "snareport"

# The stages, in the order data flows through them. A module belongs to the stage of the longest prefix
# listed; it may import its own stage and earlier ones, never a later one.
STAGES: list[tuple[str, tuple[str, ...]]] = [
    # plain values every stage shares: errors, the parsed configuration, the models, the Dataset type,
    # the content models, number formatting, and the one function that writes a file atomically
    ("foundation", ("snareport.errors", "snareport.config", "snareport.models", "snareport.dataset",
                    "snareport.scope", "snareport.content", "snareport.formatting", "snareport.naming",
                    "snareport.resources", "snareport.atomic", "snareport.collector",
                    # the Report's figures as tidy tables and a spreadsheet (Report.tables(), build --tables),
                    # and as the short HTML summary a notebook shows (Report._repr_html_)
                    "snareport.tables", "snareport.notebook")),
    # files → a validated Dataset (the only reader of input files); the police.uk import makes such a folder
    ("loading", ("snareport.loading", "snareport.opendata")),
    # Dataset × Scope → section models
    ("calculators", ("snareport.calculators",)),
    # Report → Report with small counts withheld, and the step that assembles calculators + disclosure
    ("disclosure", ("snareport.disclosure", "snareport.build")),
    # Report × Theme → blocks: what is on the pages, as frozen data (no reportlab, no matplotlib)
    ("layout", ("snareport.layout", "snareport.theme")),
    # blocks → tagged PDF bytes: flowables, charts (matplotlib drawn onto reportlab), page templates, tagging
    ("render", ("snareport.render", "snareport.charts")),
    # everything together: the command line, the batch of variants, the package's public names
    ("writer/cli", ("snareport.variants", "snareport.cli", "snareport.__main__", "snareport",
                    # the analyst's tools: run record, batch progress, report diff, new dataset folders
                    "snareport.runlog", "snareport.progress", "snareport.diff", "snareport.scaffold")),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def known(name: str) -> str | None:
    """The snareport module ``name`` refers to (an imported attribute resolves to its module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking_only(tree: ast.Module) -> set[int]:
    """ids of the import nodes under ``if TYPE_CHECKING:``."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out |= {id(n) for child in node.body for n in ast.walk(child)}
    return out


def imports_of(module: str, annotations: bool = True) -> set[str]:
    path = MODULES[module]
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set() if annotations else _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join(package + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        found.update(filter(None, (known(n) for n in names if n.startswith("snareport"))))
    found.discard(module)
    return found


def with_packages(modules: set[str]) -> set[str]:
    """The modules and every package above them (bar ``snareport`` itself) whose ``__init__`` they run."""
    out = set()
    for target in modules:
        while target and target != "snareport":
            out.add(target)
            target = target.rpartition(".")[0]
    return out


GRAPH = {m: imports_of(m) for m in MODULES}
RUNTIME_GRAPH = {m: imports_of(m, annotations=False) for m in MODULES}


def stage_of(module: str) -> int:
    best, rank = -1, None
    for index, (_, prefixes) in enumerate(STAGES):
        for prefix in prefixes:
            inside = module.startswith(prefix + ".") and prefix != "snareport"  # the root package: itself only
            if (module == prefix or inside) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank is not None, f"{module} belongs to no stage: add it to STAGES in {Path(__file__).name}"
    return rank


def test_the_graph_is_read_from_the_code():
    assert len(MODULES) > 50
    assert "snareport.calculators.common" in GRAPH["snareport.calculators.knives"]
    assert "snareport.models" in GRAPH["snareport.models.knives"] or "snareport.models.common" in GRAPH[
        "snareport.models.knives"]


def test_every_module_has_a_stage():
    for module in MODULES:
        stage_of(module)


def test_no_import_runs_back_up_the_pipeline():
    backwards = [f"{m} ({STAGES[stage_of(m)][0]}) imports {t} ({STAGES[stage_of(t)][0]})"
                 for m, targets in GRAPH.items() for t in sorted(with_packages(targets))
                 if stage_of(t) > stage_of(m)]
    assert not backwards, "\n".join(backwards)


def test_no_import_cycles():
    cycles = strongly_connected(RUNTIME_GRAPH)
    assert not cycles, "\n".join(" ⇄ ".join(sorted(c)) for c in cycles)


def test_the_cycle_finder_finds_cycles():
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert strongly_connected({"a": {"b"}, "b": set()}) == []


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Groups of two or more modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


DRAWING_LIBRARIES = {"reportlab", "pikepdf", "svglib", "matplotlib"}


def drawing_imports(module: str) -> set[str]:
    """The drawing libraries (reportlab, pikepdf, svglib, matplotlib) a module imports anywhere in its code."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.add((node.module or "").split(".")[0])
    return found & DRAWING_LIBRARIES


def test_only_render_draws():
    """reportlab, pikepdf, svglib and matplotlib are imported by render (and the charts it draws) only."""
    outside = sorted(f"{m} imports {', '.join(sorted(drawing_imports(m)))}" for m in MODULES
                     if drawing_imports(m) and STAGES[stage_of(m)][0] != "render")
    assert not outside, "\n".join(outside)


def test_layout_is_data_only():
    """Layout makes blocks: no module of it imports a drawing library or the chart drawing code."""
    layout = [m for m in MODULES if m == "snareport.layout" or m.startswith("snareport.layout.")]
    assert len(layout) > 20
    drawing = sorted(m for m in layout if drawing_imports(m)
                     or any(t.startswith(("snareport.charts", "snareport.render")) for t in GRAPH[m]))
    assert not drawing, drawing


def test_the_drawing_import_finder_reads_the_code():
    assert drawing_imports("snareport.render.tagging.finalise") == {"pikepdf"}
    assert "reportlab" in drawing_imports("snareport.render.pages")
    assert "matplotlib" in drawing_imports("snareport.charts.vector_recorder")


def test_no_pickle_in_the_package():
    users = [m for m, p in MODULES.items()
             if any(isinstance(n, (ast.Import, ast.ImportFrom)) and
                    any(a.name.split(".")[0] in {"pickle", "cloudpickle", "dill", "shelve", "joblib"} for a in n.names)
                    or isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] in
                    {"pickle", "cloudpickle", "dill", "shelve", "joblib"}
                    for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))))]
    assert not users


def test_the_package_lists_its_public_names_before_they_are_loaded():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", "import snareport; print(' '.join(dir(snareport)))"],
                         capture_output=True, text=True, check=True).stdout.split()
    assert {"load_dataset", "build_report", "render_pdf", "build_variants", "Report", "DataError"} <= set(out)


def _calls(tree: ast.AST, names: set[str]) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and
            (getattr(n.func, "id", None) in names or getattr(n.func, "attr", None) in names)]


SECTION_CALCULATORS = sorted(m for m in MODULES if m.startswith("snareport.calculators.") and
                             re.search(r"^def calculate\(", MODULES[m].read_text(encoding="utf-8"), re.M))


def test_a_drawing_process_never_loads_the_table_libraries():
    """A drawing worker imports the drawing modules and its theme while the build loads the data on the other
    core: pandas and pyarrow there would only take CPU from the build (~0.35 s), so nothing it runs needs them
    (the theme reads its YAML through loading.yaml_text, which leaves the rest of loading alone)."""
    import subprocess
    import sys

    script = ("import sys\n"
              "from snareport.render import load_drawing\n"
              "load_drawing('kent_medway')\n"
              "from snareport.loading.yaml_text import load_yaml\n"
              "print(sorted(m for m in ('pandas', 'pyarrow', 'snareport.loading.loader') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_calculators_build_each_section_model_in_one_constructor_call():
    """A section's model is made by one call of its class, handed straight back (``return XSection(…)``): never
    made empty and filled in, never copied with changes; the models are frozen, so filling one in would fail."""
    assert len(SECTION_CALCULATORS) >= 8
    made_elsewhere = []
    for module in SECTION_CALCULATORS:
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        returned = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Return)}
        classes = {n.name for n in ast.walk(tree) if isinstance(n, ast.alias) and n.name.endswith("Section")}
        assert classes, f"{module} imports no section model"
        made_elsewhere += [f"{module}:{c.lineno}" for c in _calls(tree, classes) if id(c) not in returned]
        made_elsewhere += [f"{module}:{c.lineno} copies a model" for c in
                           _calls(tree, {"model_copy", "model_construct", "__setattr__"})]
    assert not made_elsewhere, made_elsewhere


# Writing a file anywhere but through snareport.atomic (the one writer: a temporary file, then a rename).
WRITES = {("os", "replace"), ("os", "rename"), ("os", "open"), ("os", "link"), ("shutil", "copy"),
          ("shutil", "copy2"), ("shutil", "copyfile"), ("shutil", "copytree"), ("shutil", "move"),
          ("tempfile", "mkstemp"), ("tempfile", "mkdtemp"), ("tempfile", "NamedTemporaryFile")}
# resources._extracted: a bundled folder inside a zip archive is copied once to a private temporary folder
# removed at exit (an installed wheel on disk, or a checkout, never gets there)
WRITERS_ALLOWED = {"snareport.atomic", "snareport.resources"}


def file_writes(module: str) -> list[str]:
    """Calls in a module that write a file: ``os.replace``/``shutil.copy``/``tempfile.mkstemp``…,
    ``Path.write_bytes``/``write_text``, ``open`` in a writing mode (other than the null device)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    def writes(call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Attribute):
            return func.attr in ("write_bytes", "write_text") or (
                isinstance(func.value, ast.Name) and (func.value.id, func.attr) in WRITES)
        modes = [*call.args[1:2], *(k.value for k in call.keywords if k.arg == "mode")]
        return isinstance(func, ast.Name) and func.id == "open" and "os.devnull" not in ast.unparse(call) and any(
            isinstance(m, ast.Constant) and isinstance(m.value, str) and bool(set(m.value) & set("wax+"))
            for m in modes)

    found = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and writes(n)]
    return [f"{module}:{c.lineno} {ast.unparse(c)[:70]}" for c in found]


def test_only_the_atomic_writer_writes_files():
    writers = [w for m in MODULES if m not in WRITERS_ALLOWED for w in file_writes(m)]
    assert not writers, "\n".join(writers)


def test_the_write_finder_reads_the_code():
    assert any("os.replace" in w for w in file_writes("snareport.atomic"))
    assert any("write_bytes" in w for w in file_writes("snareport.resources"))


def test_each_data_section_keeps_one_name_through_every_stage():
    """calculators/X.py → models/X.py → Report.X → the registry's section X, laid out by layout/X.py."""
    from snareport.layout.sections import CHAPTERS
    from snareport.models.report import Report

    layout_of = {s.key: s.layout.__module__ for c in CHAPTERS for s in c.sections}
    names = [m.rpartition(".")[2] for m in SECTION_CALCULATORS]
    assert len(names) >= 8
    for name in names:
        assert f"snareport.models.{name}" in MODULES, name
        assert name in Report.model_fields, name
        assert layout_of.get(name) == f"snareport.layout.{name}", (name, layout_of.get(name))
