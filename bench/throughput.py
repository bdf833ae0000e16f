"""Throughput of the whole extraction against spaCy's bare English tokenizer.

Why: the extractor is rule-based and is meant to cost a small multiple of tokenising the text (goal: at most 3x
``spacy.blank("en")``).  Two corpora are measured -- (a) the acled-dev notes (short ACLED-style notes, cycled to
``--docs`` documents; needs ``../shared``) and (b) the seed news article repeated ``--seed-copies`` times -- each in
two ways:

* cold: a separate process per side, including interpreter start-up, imports and model/gazetteer loading.  The
  conflictlens side runs ``conflictlens extract FILE.jsonl -o /dev/null`` (``--via pipeline`` runs
  ``Pipeline.default().run_many(iter_documents(...))`` in ``python -c`` instead); the tokenizer side runs
  ``python -c`` reading the same JSONL file.
* warm: in this process, steady-state documents per second after loading and a warm-up pass.

Each measurement is taken ``--repeat`` times (the cold runs interleaved, so that a busy moment of the machine hits
every side alike) and the best is kept: the noise of a shared machine only ever adds time.

When the default pipeline exposes its stages, the same is measured without the gazetteer stages (``places``,
``toponyms``).  Run ``python bench/throughput.py --help``.  This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ACLED_DEV = SHARED / "eval" / "acled-ukraine" / "dev.jsonl"
SEED = SHARED / "seed" / "kyiv-strikes.txt"
GEO_STAGES = ("places", "toponyms")
GOAL = 3.0
GAZETTEER_GOAL = 0.30  # what the gazetteer stages may add to the extraction time

TOKENIZER_SCRIPT = """
import json, sys, spacy
nlp = spacy.blank("en")
n = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        nlp.tokenizer(json.loads(line)["text"])
        n += 1
print(n)
"""

PIPELINE_SCRIPT = """
import sys
from conflictlens.ingest import iter_documents
from conflictlens.pipeline import Pipeline
pipeline = Pipeline.default()
skip = set(sys.argv[2].split(",")) if len(sys.argv) > 2 and sys.argv[2] else set()
if skip:
    pipeline = Pipeline(stages=[s for s in pipeline.stages if s.name not in skip], finish=pipeline._finish)
n = 0
for result in pipeline.run_many(iter_documents([sys.argv[1]])):
    result.model_dump_json()
    n += 1
print(n)
"""


def load_corpora(docs: int, seed_copies: int) -> dict[str, list[str]]:
    """The texts of each corpus; a corpus whose source file is missing is left out with a message."""
    corpora: dict[str, list[str]] = {}
    if ACLED_DEV.exists():
        notes = [json.loads(line)["notes"] for line in ACLED_DEV.read_text("utf-8").splitlines() if line.strip()]
        corpora["acled-dev notes"] = list(itertools.islice(itertools.cycle(notes), docs))
    else:
        print(f"skipping the acled-dev corpus: {ACLED_DEV} not found (is ../shared checked out?)", file=sys.stderr)
    if SEED.exists():
        corpora["seed article"] = [SEED.read_text("utf-8")] * seed_copies
    else:
        print(f"skipping the seed corpus: {SEED} not found (is ../shared checked out?)", file=sys.stderr)
    return {name: texts for name, texts in corpora.items() if texts}  # "--seed-copies 0": that corpus is not run


def write_jsonl(texts: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(texts):
            fh.write(json.dumps({"id": f"d{i}", "text": text, "published": "2024-01-02"}) + "\n")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def timed_process(cmd: list[str]) -> float:
    """Wall seconds of a subprocess; exits with its stderr if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=_env(), cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.strip()[-2000:]}")
    return elapsed


def conflictlens_cmd(path: Path, via: str, skip: tuple[str, ...] = (), jobs: int = 1) -> list[str]:
    if via == "cli" and not skip:
        exe = shutil.which("conflictlens", path=str(Path(sys.executable).parent)) or shutil.which("conflictlens")
        args = ["extract", str(path), "-o", os.devnull, "--jobs", str(jobs)]
        if exe:
            return [exe, *args]
        return [sys.executable, "-m", "conflictlens.cli", *args]
    return [sys.executable, "-c", PIPELINE_SCRIPT, str(path), ",".join(skip)]


def steady_rate(run_one: Callable[[str], Any], texts: list[str], warmup: int = 20) -> float:
    """Documents per second of ``run_one`` over ``texts`` after a warm-up pass."""
    for text in texts[:warmup]:
        run_one(text)
    start = time.perf_counter()
    for text in texts:
        run_one(text)
    return len(texts) / (time.perf_counter() - start)


def build_pipelines() -> dict[str, Any]:
    """The default pipeline and, when its stages are exposed, one without the gazetteer stages."""
    sys.path.insert(0, str(ROOT / "src"))
    from conflictlens.pipeline import Pipeline

    full = Pipeline.default()
    pipelines: dict[str, Any] = {"full": full}
    stages = getattr(full, "stages", None)
    if stages and any(getattr(s, "name", None) in GEO_STAGES for s in stages):
        pipelines["no-geo"] = Pipeline(
            stages=[s for s in stages if s.name not in GEO_STAGES],
            finish=full._finish,
        )
    return pipelines


def compiled_in_use() -> list[str]:
    """The conflictlens modules this process runs compiled (Cython, see setup.py); empty if it runs pure Python."""
    from conflictlens._compiled import compiled_modules

    build_pipelines()  # imports every module of the pipeline
    return compiled_modules()


def best_cold_runs(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The fastest of ``repeat`` wall times of each command, the commands run in turn within each round."""
    best = {key: float("inf") for key in commands}
    for _ in range(repeat):
        for key, cmd in commands.items():
            best[key] = min(best[key], timed_process(cmd))
    return best


def measure(corpora: dict[str, list[str]], via: str, cold: bool, repeat: int = 1) -> list[dict[str, Any]]:
    import spacy

    from conflictlens.document import Document

    nlp = spacy.blank("en")
    pipelines = build_pipelines()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="conflictlens-bench-") as tmp:
        for name, texts in corpora.items():
            path = Path(tmp) / (name.replace(" ", "-") + ".jsonl")
            write_jsonl(texts, path)
            n = len(texts)
            row: dict[str, Any] = {"corpus": name, "docs": n, "chars_per_doc": sum(map(len, texts)) // n}
            if cold:
                commands = {
                    "tokenizer_s": [sys.executable, "-c", TOKENIZER_SCRIPT, str(path)],
                    "conflictlens_s": conflictlens_cmd(path, via),
                }
                if "no-geo" in pipelines:
                    commands["no_geo_s"] = conflictlens_cmd(path, "pipeline", GEO_STAGES)
                if via == "cli":  # the same command on every CPU (--jobs 0): wall time, not CPU time
                    commands["all_cpus_s"] = conflictlens_cmd(path, via, jobs=0)
                if compiled_in_use():  # the same command with the modules' Python sources (no Cython)
                    commands["pure_python_s"] = ["env", "CONFLICTLENS_PURE_PYTHON=1", *conflictlens_cmd(path, via)]
                row["cold"] = best_cold_runs(commands, repeat)
            warm: dict[str, float] = {"tokenizer_docs_s": max(steady_rate(nlp.tokenizer, texts) for _ in range(repeat))}
            for label, pipeline in pipelines.items():

                def run_one(text: str, pipeline: Any = pipeline) -> Any:
                    return pipeline.run(Document(id="b", text=text)).model_dump_json()

                warm[f"{label.replace('-', '_')}_docs_s"] = max(steady_rate(run_one, texts) for _ in range(repeat))
            row["warm"] = warm
            rows.append(row)
    return rows


def ratios(row: dict[str, Any]) -> dict[str, float]:
    """conflictlens time / bare tokenizer time, cold and warm, with and without the gazetteer stages."""
    out: dict[str, float] = {}
    cold, warm = row.get("cold"), row["warm"]
    if cold:
        out["cold"] = cold["conflictlens_s"] / cold["tokenizer_s"]
        if "no_geo_s" in cold:
            out["cold_no_geo"] = cold["no_geo_s"] / cold["tokenizer_s"]
        if "all_cpus_s" in cold:
            out["cold_all_cpus"] = cold["all_cpus_s"] / cold["tokenizer_s"]
        if "pure_python_s" in cold:
            out["cold_pure_python"] = cold["pure_python_s"] / cold["tokenizer_s"]
    out["warm"] = warm["tokenizer_docs_s"] / warm["full_docs_s"]
    if "no_geo_docs_s" in warm:
        out["warm_no_geo"] = warm["tokenizer_docs_s"] / warm["no_geo_docs_s"]
    return out


def gazetteer_shares(row: dict[str, Any]) -> dict[str, float]:
    """What the gazetteer stages add to the extraction time: (with - without) / without, cold and warm."""
    out: dict[str, float] = {}
    cold, warm = row.get("cold"), row["warm"]
    if cold and "no_geo_s" in cold:
        out["cold"] = cold["conflictlens_s"] / cold["no_geo_s"] - 1
    if "no_geo_docs_s" in warm:
        out["warm"] = warm["no_geo_docs_s"] / warm["full_docs_s"] - 1
    return out


def print_table(rows: list[dict[str, Any]]) -> None:
    header = f"{'corpus':<16} {'docs':>6} {'measure':<28} {'conflictlens':>13} {'no gazetteer':>13} {'tokenizer':>11}"
    print(header)
    print("-" * len(header))
    for row in rows:
        n, cold, warm = row["docs"], row.get("cold"), row["warm"]
        if cold:
            no_geo = f"{n / cold['no_geo_s']:>13.0f}" if "no_geo_s" in cold else f"{'-':>13}"
            print(
                f"{row['corpus']:<16} {n:>6} {'cold docs/s (incl. start-up)':<28} "
                f"{n / cold['conflictlens_s']:>13.0f} {no_geo} {n / cold['tokenizer_s']:>11.0f}"
            )
            print(
                f"{'':<16} {'':>6} {'cold seconds':<28} {cold['conflictlens_s']:>13.2f} "
                f"{cold.get('no_geo_s', float('nan')):>13.2f} {cold['tokenizer_s']:>11.2f}"
            )
        no_geo_warm = f"{warm['no_geo_docs_s']:>13.0f}" if "no_geo_docs_s" in warm else f"{'-':>13}"
        print(
            f"{row['corpus']:<16} {n:>6} {'warm docs/s (steady state)':<28} "
            f"{warm['full_docs_s']:>13.0f} {no_geo_warm} {warm['tokenizer_docs_s']:>11.0f}"
        )
        for key, value in row["ratios"].items():
            verdict = "ok" if value <= GOAL else f"over the goal of {GOAL:.1f}"
            print(f"{'':<23} ratio conflictlens / bare tokenizer ({key}): {value:.2f}  {verdict}")
        for key, value in row["gazetteer_shares"].items():
            verdict = "ok" if value <= GAZETTEER_GOAL else f"over the goal of {GAZETTEER_GOAL:.0%}"
            print(f"{'':<23} the gazetteer stages add ({key}): {value:.0%}  {verdict}")
        print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="acled-dev notes, cycled to this many documents")
    parser.add_argument("--seed-copies", type=int, default=300, help="copies of the seed article")
    parser.add_argument("--via", choices=("cli", "pipeline"), default="cli", help="how the cold conflictlens run works")
    parser.add_argument("--no-cold", action="store_true", help="skip the subprocess (start-up included) runs")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is kept")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    args = parser.parse_args(argv)
    corpora = load_corpora(args.docs, args.seed_copies)
    if not corpora:
        print("nothing to measure: ../shared is absent", file=sys.stderr)
        return 0
    rows = measure(corpora, args.via, cold=not args.no_cold, repeat=max(1, args.repeat))
    compiled = compiled_in_use()
    note = (
        f"{len(compiled)} modules run compiled (Cython, setup.py); 'pure_python' is the same run from their sources "
        "(CONFLICTLENS_PURE_PYTHON=1)"
        if compiled
        else "all modules run as pure Python (not compiled: see setup.py)"
    )
    for row in rows:
        row["ratios"] = ratios(row)
        row["gazetteer_shares"] = gazetteer_shares(row)
    if args.json:
        print(
            json.dumps(
                {
                    "python": sys.version.split()[0],
                    "compiled_modules": compiled,
                    "goal": GOAL,
                    "gazetteer_goal": GAZETTEER_GOAL,
                    "results": rows,
                },
                indent=2,
            )
        )
    else:
        print(note + "\n")
        print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
