"""The worker processes behind the endpoint, asked from the HTTP process's event loop.

Each worker answers one request at a time. The pool holds the time limit: a worker that
has not answered in time is ended, and so is one that died (its connection closed) or
asked to be replaced; in each case a new worker takes its place, and it is given
requests only once it has opened the store and said it is ready. The client of the
request that went wrong gets a plain 5xx.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import pickle
import socket
import struct
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

from itukg.serve.worker import Head, Limits, Request, error, main

START_TIMEOUT = 120.0  # seconds a new worker may take to open the store
QUEUE_WAIT = 30.0  # seconds a request may wait for a worker, past the time limit


class WorkerLost(Exception):
    """A worker died or ran past the time limit while its answer was being sent."""


async def _read_message(reader: asyncio.StreamReader) -> bytes:
    (size,) = struct.unpack("!i", await reader.readexactly(4))
    if size == -1:
        (size,) = struct.unpack("!Q", await reader.readexactly(8))
    return await reader.readexactly(size)


def _message(data: bytes) -> bytes:
    return struct.pack("!i", len(data)) + data


class Worker:
    """One worker process and the two ends of its connection."""

    def __init__(self, process: Any, reader: asyncio.StreamReader, writer: Any) -> None:
        self.process = process
        self.reader = reader
        self.writer = writer

    async def send(self, request: Request) -> None:
        self.writer.write(_message(pickle.dumps(request)))
        await self.writer.drain()

    async def receive(self) -> bytes:
        return await _read_message(self.reader)

    def end(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.writer.close()


@dataclass
class Reply:
    """What a worker answered: the head, and the rest of a large body."""

    head: Head
    chunks: AsyncIterator[bytes] | None = None


class Pool:
    """Worker processes, each given one request at a time, replaced when in doubt."""

    def __init__(
        self, root: Path, count: int, timeout: float, limits: Limits, log: Callable | None = None
    ) -> None:
        self.root = str(root)
        self.count = count
        self.timeout = timeout
        self.limits = limits
        self.log = log
        self.context = multiprocessing.get_context("spawn")
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers: set[Worker] = set()
        self.tasks: set[asyncio.Task] = set()
        self.closed = False

    async def start(self) -> None:
        """Start every worker and wait until each has opened the store."""
        started = await asyncio.gather(*(self._start() for _ in range(self.count)))
        for worker in started:
            self.idle.put_nowait(worker)

    async def _start(self) -> Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=main, args=(self.root, child, self.limits), daemon=True
        )
        await asyncio.to_thread(process.start)
        child.close()
        sock = socket.socket(fileno=os.dup(parent.fileno()))
        parent.close()
        reader, writer = await asyncio.open_connection(sock=sock)
        worker = Worker(process, reader, writer)
        self.workers.add(worker)
        try:
            async with asyncio.timeout(START_TIMEOUT):
                first = await worker.receive()
        except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
            first = b"Fthe worker did not start"
        if first != b"R":
            self._forget(worker)
            raise RuntimeError(first[1:].decode("utf-8", "replace"))
        return worker

    def _forget(self, worker: Worker) -> None:
        worker.end()
        self.workers.discard(worker)
        task = asyncio.get_running_loop().create_task(asyncio.to_thread(worker.process.join, 5))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def replace(self, worker: Worker) -> None:
        """End a worker and start another in its place (in the background)."""
        self._forget(worker)
        if not self.closed:
            task = asyncio.get_running_loop().create_task(self._restart())
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _restart(self) -> None:
        delay = 0.5
        while not self.closed:
            try:
                self.idle.put_nowait(await self._start())
                return
            except (RuntimeError, OSError) as err:
                if self.log:
                    self.log(f"itukg: a new query worker could not start: {err}; trying again")
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30)

    def release(self, worker: Worker) -> None:
        if worker in self.workers and not self.closed:
            self.idle.put_nowait(worker)

    async def ask(self, request: Request) -> Reply:
        """Send a request to the next idle worker; the head of its answer, or an error."""
        try:
            async with asyncio.timeout(self.timeout + QUEUE_WAIT):
                worker = await self.idle.get()
                while not worker.process.is_alive() or worker.reader.at_eof():
                    self.replace(worker)  # died while idle: never given a request
                    worker = await self.idle.get()
        except TimeoutError:
            return Reply(error(HTTPStatus.SERVICE_UNAVAILABLE, "every worker is busy; try again"))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        try:
            async with asyncio.timeout_at(deadline):
                await worker.send(request)
                message = await worker.receive()
        except TimeoutError:
            self.replace(worker)
            return Reply(
                error(
                    HTTPStatus.SERVICE_UNAVAILABLE,
                    f"the query ran past the time limit of {self.timeout:g} s and was stopped",
                )
            )
        except (asyncio.IncompleteReadError, ConnectionError):
            self.replace(worker)
            return Reply(self._died())
        except asyncio.CancelledError:
            self.replace(worker)
            raise
        head: Head = pickle.loads(message[1:])
        if head.body is not None:
            if head.retire:
                self.replace(worker)
            else:
                self.release(worker)
            return Reply(head)
        return Reply(head, self._relay(worker, deadline + self.timeout, head.retire))

    def _died(self) -> Head:
        memory = self.limits.memory_mib
        return error(
            HTTPStatus.INTERNAL_SERVER_ERROR,
            "the query worker stopped while answering (the query may overflow the engine's "
            "stack"
            + (f" or need more than the worker's {memory} MiB" if memory else "")
            + "); it has been replaced",
        )

    async def _relay(self, worker: Worker, deadline: float, retire: bool) -> AsyncIterator[bytes]:
        """The chunks of a large body; the worker goes back to the pool once all came."""
        done = False
        try:
            async with asyncio.timeout_at(deadline):
                while True:
                    message = await worker.receive()
                    if message == b"E":
                        done = True
                        break
                    yield message[1:]
        except (TimeoutError, asyncio.IncompleteReadError, ConnectionError) as err:
            raise WorkerLost(str(err) or type(err).__name__) from None
        finally:
            if done and not retire:
                self.release(worker)
            else:
                self.replace(worker)

    async def close(self) -> None:
        self.closed = True
        for worker in list(self.workers):
            worker.end()
        for worker in list(self.workers):
            await asyncio.to_thread(worker.process.join, 5)
        self.workers.clear()
