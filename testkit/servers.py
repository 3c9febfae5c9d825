"""Start the action server and Rasa on 127.0.0.1 with free ports, for integration tests."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence

import requests

from testkit import ROOT  # noqa: E402  (the project root)
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, log: Optional[Path] = None,
             timeout: float = 240) -> None:
    """Wait until ``url`` answers 200; fail early, with the end of ``log``, if ``proc`` exits."""
    def tail() -> str:
        return log.read_text()[-3000:] if log and log.exists() else "(no log)"

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: process exited with {proc.returncode}:\n{tail()}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} did not come up in {timeout}s:\n{tail()}")


class Assistant:
    def __init__(self, rasa_url: str, action_url: str):
        self.rasa_url = rasa_url
        self.action_url = action_url

    def say(self, sender: str, text: str, timeout: float = 60) -> List[Dict]:
        resp = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=timeout,
        )
        assert resp.status_code == 200, (resp.status_code, resp.text[:500])
        return resp.json()

    def text(self, sender: str, text: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(sender, text))


def process_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment of a server started for a test or a benchmark: the test process's, with
    telemetry off and everything on 127.0.0.1, then ``extra``."""
    full_env = dict(os.environ)
    full_env.update({
        "RASA_TELEMETRY_ENABLED": "false",
        "SANIC_HOST": "127.0.0.1",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    })
    full_env.update(extra or {})
    return full_env


def write_endpoints(workdir: Path, action_port: int) -> Path:
    """endpoints.yml with the action server on ``action_port`` (as scripts/common.sh does)."""
    endpoints = workdir / "endpoints.yml"
    endpoints.write_text((ROOT / "endpoints.yml").read_text().replace(
        "http://127.0.0.1:5055/webhook", f"http://127.0.0.1:{action_port}/webhook"))
    return endpoints


def actions_command(port: int) -> List[str]:
    """The action server as scripts/common.sh starts it (rasa_sdk, without importing Rasa)."""
    return [str(BIN / "python"), "-m", "rasa_sdk", "-p", str(port), "--actions", "actions"]


def rasa_command(port: int, endpoints: Path, credentials: Path,
                 cors: Sequence[str] = ()) -> List[str]:
    """Rasa on 127.0.0.1:``port`` with the trained model and Rasa's HTTP API on (tests read
    trackers through it)."""
    command = [str(BIN / "python"), "-m", "components.rasa_cli", "run", "-i", "127.0.0.1",
               "-p", str(port),
               "-m", str(ROOT / "models" / "assistant.tar.gz"), "--enable-api",
               "--endpoints", str(endpoints), "--credentials", str(credentials)]
    return command + (["--cors", *cors] if cors else [])


def stop_all(procs: Iterable[subprocess.Popen]) -> None:
    """SIGTERM to every process, then SIGKILL to those still running after 20 s."""
    procs = list(procs)
    for proc in procs:
        proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def running_assistant(workdir: Path, env: Optional[Dict[str, str]] = None) -> Iterator[Assistant]:
    """Actions, Rasa and the web service on free ports of 127.0.0.1.

    The assistant it yields can stop and start each of them again (``assistant.stop("actions")``,
    ``assistant.start("rasa")``), on the same port and the same tracker database.

    The channels are those that ``env`` (over the test process's environment) enables, through
    ``components.credentials`` as in ``make run``: pass TEAMS_* or SLACK_* variables to turn
    Teams or Slack on.
    """
    from components import credentials as channel_credentials
    from components.settings import load_settings

    action_port, rasa_port, web_port = free_port(), free_port(), free_port()
    web_origin = f"http://127.0.0.1:{web_port}"
    endpoints = write_endpoints(workdir, action_port)
    full_env = process_env({"ASSISTANT_DATABASE_URL": f"sqlite:///{workdir / 'tracker.db'}",
                            **(env or {})})
    creds = channel_credentials.write(workdir / "credentials.yml", load_settings(full_env))
    web_env = dict(full_env, ASSISTANT_RASA_URL=f"http://127.0.0.1:{rasa_port}",
                   ASSISTANT_ACTION_URL=f"http://127.0.0.1:{action_port}")
    cors = [o.strip() for o in full_env.get("ASSISTANT_CORS_ORIGINS", web_origin).split(",")
            if o.strip()]
    commands = {
        "actions": (actions_command(action_port), full_env,
                    f"http://127.0.0.1:{action_port}/health"),
        "rasa": (rasa_command(rasa_port, endpoints, creds, cors), full_env,
                 f"http://127.0.0.1:{rasa_port}/status"),
        "web": ([str(BIN / "uvicorn"), "web.app:app", "--host", "127.0.0.1", "--port",
                 str(web_port), "--ws", "none"], web_env,
                f"http://127.0.0.1:{web_port}/readyz"),
    }
    procs: Dict[str, subprocess.Popen] = {}

    def start(name: str, wait: bool = True) -> None:
        """Start one of "actions", "rasa", "web" (again), appending to its log."""
        command, environment, ready_url = commands[name]
        log = workdir / f"{name}.log"
        procs[name] = subprocess.Popen(command, cwd=ROOT, env=environment,
                                       stdout=log.open("a"), stderr=subprocess.STDOUT)
        if wait:
            wait_for(ready_url, procs[name], log)

    def stop(name: str) -> None:
        """Stop one of the processes (SIGTERM, then SIGKILL after 20 s)."""
        proc = procs.pop(name, None)
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    try:
        for name in commands:
            start(name, wait=False)
        for name, (_, _, ready_url) in commands.items():
            wait_for(ready_url, procs[name], workdir / f"{name}.log")
        assistant = Assistant(f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}")
        assistant.web_url = f"http://127.0.0.1:{web_port}"
        assistant.workdir = workdir
        assistant.start, assistant.stop = start, stop
        assistant.procs = procs  # name -> process, e.g. for its memory (bench_latency.py)
        yield assistant
    finally:
        stop_all(procs.values())


async def socketio_exchange(rasa_url: str, messages, timeout: float = 60,
                            metadata: Optional[Dict] = None):
    """Send messages over socket.io as the web widget does (with the widget's ``metadata``,
    e.g. ``{"lang": "nn"}`` from its ``data-lang``); the bot's replies per message."""
    import asyncio

    import socketio

    client = socketio.AsyncClient(reconnection=False)
    replies: "asyncio.Queue[dict]" = asyncio.Queue()
    confirmed = asyncio.Event()
    client.on("bot_uttered", lambda data: replies.put_nowait(data))
    client.on("session_confirm", lambda *_: confirmed.set())
    session_id = uuid.uuid4().hex
    # long-polling: the websocket transport of this python-socketio wants a newer aiohttp than
    # Rasa pins (the browser tests cover websockets)
    await client.connect(rasa_url, socketio_path="/socket.io", transports=["polling"],
                         wait_timeout=20)
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), timeout)
        out = []
        for text in messages:
            uttered = {"message": text, "session_id": session_id}
            if metadata:
                uttered["metadata"] = metadata
            await client.emit("user_uttered", uttered)
            first = await asyncio.wait_for(replies.get(), timeout)
            got = [first]
            while True:  # the rest of this turn's messages
                try:
                    got.append(await asyncio.wait_for(replies.get(), 2))
                except asyncio.TimeoutError:
                    break
            out.append(got)
        return out
    finally:
        await client.disconnect()
