"""The dashboard in a browser: `briefing serve` answers HTTP and drives the app over its
websocket, on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_BRIEFING

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path):
    port = free_port()
    env = {**os.environ, "BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", str(SEED_BRIEFING), "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise AssertionError("briefing serve never listened")
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


async def _page_and_screen(base: str) -> tuple[str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(base + "/") as response:
            assert response.status == 200
            page = await response.text()
        seen = ""
        async with session.ws_connect(base + "/ws?width=100&height=30") as websocket:
            await websocket.send_json(["resize", {"width": 100, "height": 30}])
            deadline = time.monotonic() + 40
            while "Bottom line" not in seen and time.monotonic() < deadline:
                try:
                    message = await websocket.receive(timeout=5)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data.decode("utf-8", "replace")
                elif message.type == aiohttp.WSMsgType.TEXT:
                    seen += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    break
            await websocket.send_json(["stdin", "q"])
    return page, seen


def test_the_page_and_its_websocket_show_the_briefing(server: str):
    page, screen = asyncio.run(_page_and_screen(server))
    assert "/ws" in page and "briefing" in page
    assert "Bottom line" in screen and "Pakistan" in screen


def test_serve_listens_on_this_machine_only_by_default():
    from tui.cli.main import parse_args

    args = parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
