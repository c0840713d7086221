"""Baseline for bench/chat_ws.py: the smallest useful relay server, written with
the `websockets` library (install it with `.venv/bin/pip install websockets`).

    .venv/bin/python bench/ws_baseline.py PORT

Clients that connect to the same path form a pair (a "room"); every text message
a client sends is relayed unchanged to the other client(s) of its room. No
database, no channel layer, one process: the floor a relay over WebSockets in
Python can reach on this machine.
"""

import asyncio
import signal
import sys

from websockets.asyncio.server import serve
from websockets.exceptions import ConnectionClosed

rooms: dict[str, set] = {}


async def handler(ws):
    path = ws.request.path
    room = rooms.setdefault(path, set())
    room.add(ws)
    try:
        async for message in ws:
            for other in tuple(room):
                if other is not ws:
                    try:
                        await other.send(message)
                    except ConnectionClosed:
                        pass
    finally:
        room.discard(ws)
        if not room:
            rooms.pop(path, None)


async def main(port: int) -> None:
    stop = asyncio.get_running_loop().create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        asyncio.get_running_loop().add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    async with serve(handler, "127.0.0.1", port, compression=None, ping_interval=None, max_size=65536):
        print(f"ws_baseline listening on 127.0.0.1:{port}", flush=True)
        await stop


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8799))
