"""A recording org.freedesktop.Notifications server for the end-to-end tests.

Run as `python notification_server.py LOG [--no-actions]` on a session bus: it owns the
service name, answers GetCapabilities, GetServerInformation, Notify and CloseNotification,
writes one JSON line per call to LOG (flushed at once, so a test can wait on the file), and
reads commands on stdin: `invoke ID KEY` emits ActionInvoked, `close ID REASON` emits
NotificationClosed. It prints "ready" once the name is owned.
"""

from __future__ import annotations

import json
import queue
import sys
import threading
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import Proxy, open_dbus_connection

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"


def main() -> int:
    log_path = sys.argv[1]
    actions = "--no-actions" not in sys.argv
    capabilities = ["body", "icon-static", "persistence"] + (["actions"] if actions else [])
    connection = open_dbus_connection(bus="SESSION")
    if Proxy(message_bus, connection).RequestName(NAME, 4)[0] != 1:  # DO_NOT_QUEUE
        print("name taken", flush=True)
        return 1
    emitter = DBusAddress(PATH, interface=NAME)
    commands: queue.Queue[str] = queue.Queue()

    def read_commands() -> None:
        for line in sys.stdin:
            commands.put(line)

    threading.Thread(target=read_commands, daemon=True).start()
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
    print("ready", flush=True)
    next_id = 0

    def record(entry: dict[str, Any]) -> None:
        log.write(json.dumps(entry) + "\n")
        log.flush()

    while True:
        while not commands.empty():
            word, number, arg = commands.get().split()
            if word == "invoke":
                connection.send(new_signal(emitter, "ActionInvoked", "us", (int(number), arg)))
            elif word == "close":
                signal = new_signal(emitter, "NotificationClosed", "uu", (int(number), int(arg)))
                connection.send(signal)
        try:
            message = connection.receive(timeout=0.1)
        except TimeoutError:
            continue
        if message.header.message_type != MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "GetCapabilities":
            reply = new_method_return(message, "as", (capabilities,))
        elif member == "GetServerInformation":
            reply = new_method_return(message, "ssss", ("recorder", "daybook-tests", "1", "1.2"))
        elif member == "Notify":
            app, replaces, icon, summary, body, acts, hints, timeout = message.body
            notification: int = replaces or next_id + 1
            next_id = max(next_id, notification)
            record(
                {
                    "call": "Notify",
                    "id": notification,
                    "app": app,
                    "icon": icon,
                    "summary": summary,
                    "body": body,
                    "actions": list(acts),
                    "hints": {k: v[1] for k, v in hints.items()},
                    "timeout": timeout,
                }
            )
            reply = new_method_return(message, "u", (notification,))
        elif member == "CloseNotification":
            record({"call": "CloseNotification", "id": message.body[0]})
            reply = new_method_return(message)
            connection.send(new_signal(emitter, "NotificationClosed", "uu", (message.body[0], 3)))
        else:
            continue
        connection.send(reply)


if __name__ == "__main__":
    sys.exit(main())
