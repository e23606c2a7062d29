#!/usr/bin/env python3
"""A minimal SMTP server for CI: stores each message received as a file in a folder.

python3 .ci/smtp_sink.py PORT FOLDER
"""

import socketserver
import sys
import uuid
from pathlib import Path


class Handler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 sink ESMTP")
        recipients: list[str] = []
        while line := self.rfile.readline():
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in {"HELO", "EHLO"}:
                self.reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    data.append(chunk)
                header = "".join(f"X-Sink-To: {r}\r\n" for r in recipients).encode()
                name = f"{uuid.uuid4().hex}.eml"
                (FOLDER / name).write_bytes(header + b"".join(data))
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("250 OK")


if __name__ == "__main__":
    port, FOLDER = int(sys.argv[1]), Path(sys.argv[2])
    FOLDER.mkdir(parents=True, exist_ok=True)
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", port), Handler) as server:
        server.serve_forever()
