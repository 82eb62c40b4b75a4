"""Where per-story work runs: in this process, in local worker processes, or on a Dask cluster.

Stories are independent, so the work on each (analysis and page rendering) is
a pure function of its folder. An executor runs such a function over a list of
items and yields ``(position, result)`` pairs as they finish; callers put the
results back in input order, so the output never depends on which worker
finished first, nor on which executor ran the work.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any, Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class Executor(Protocol):
    def run(self, function: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        """Yield ``(position, function(items[position]))`` for every item, in any order."""
        ...


@dataclass(slots=True)
class InProcess:
    """One item after the other in this process: no start-up cost, the choice for one story."""

    def run(self, function: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        for position, item in enumerate(items):
            yield position, function(item)


def process_context() -> BaseContext:
    """A start method that is safe in a process with threads (``mkdocs serve`` has some).

    ``forkserver`` forks workers from a small server process that has already
    imported the pipeline, so each worker starts fast without inheriting the
    build's threads and locks; where it does not exist, ``spawn`` is the safe choice.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["digest.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


@dataclass(slots=True)
class Processes:
    """Local worker processes, one per CPU by default."""

    workers: int

    def run(self, function: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        if self.workers <= 1 or len(items) <= 1:
            yield from InProcess().run(function, items)
            return
        with ProcessPoolExecutor(
            max_workers=min(self.workers, len(items)), mp_context=process_context()
        ) as pool:
            futures = {pool.submit(function, item): position for position, item in enumerate(items)}
            for future in as_completed(futures):
                # Dropped as soon as it is handed over, so finished results do not pile up here.
                yield futures.pop(future), future.result()


MISSING_DASK = (
    "digest: the dask executor needs Dask's distributed scheduler; "
    "install it with: pip install 'parallax-digest[dask]'"
)


@dataclass(slots=True)
class Dask:
    """A Dask cluster: the scheduler at ``address``, or a local cluster started for the run.

    The digest package must be importable on every worker (same version), since
    the work function is sent by reference.
    """

    address: str | None = None
    workers: int = 2

    def run(self, function: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[int, Any]]:
        try:
            from distributed import Client, LocalCluster
            from distributed import as_completed as dask_completed
        except ImportError as error:
            raise RuntimeError(MISSING_DASK) from error
        if not items:
            return
        cluster = None
        if self.address is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True)
        client = Client(self.address if cluster is None else cluster)
        try:
            futures = client.map(function, list(items), pure=False)
            positions = {future.key: position for position, future in enumerate(futures)}
            for future in dask_completed(futures):
                yield positions[future.key], future.result()
                future.release()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def in_order(executor: Executor, function: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
    """Every result, in input order."""
    results: dict[int, Any] = dict(executor.run(function, items))
    return [results[position] for position in range(len(items))]
