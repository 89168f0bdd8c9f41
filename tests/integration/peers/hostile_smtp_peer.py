#!/usr/bin/env python3
"""Hostile SMTP peers on loopback for tests/integration/tst_hostile_peers.

usage: hostile_smtp_peer.py MODE
Listens on 127.0.0.1 (port chosen by the kernel), prints the port on one line, serves connections
until the test ends it or MAX_LIFETIME seconds pass (it never outlives a test run).

modes:
  endless         EHLO gets '250-' continuation lines forever, as fast as the client reads them
  bigline         EHLO gets one 50 MB line
  drip            the banner arrives one byte every 0.2 s and never ends ('220-' continuation)
  controls        banner, EHLO and replies carry ESC, BEL, NUL, backspace, CR, C1 and an OSC 8 link
  starttls-close  STARTTLS is answered 220, then the connection closes in the middle of the handshake
"""
import socket
import sys
import threading
import time

MAX_LIFETIME = 120.0
HOSTILE = (b"\x1b]0;pwned\x07\x1b[2J\x00\x08\x08XX\r"
           b"\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\\xc2\x9b31m\xe2\x80\xae")


def lines(sock):
    buf = b""
    while True:
        data = sock.recv(4096)
        if not data:
            return
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield line.strip()


def serve(mode, conn):
    conn.settimeout(MAX_LIFETIME)
    try:
        if mode == "drip":
            conn.sendall(b"220-")
            while True:
                conn.sendall(b"x")
                time.sleep(0.2)
        if mode == "controls":
            conn.sendall(b"220 evil.mwb.test " + HOSTILE + b" ready\r\n")
        else:
            conn.sendall(b"220 hostile.mwb.test ESMTP\r\n")
        for line in lines(conn):
            verb = line.split(b" ")[0].upper()
            if verb == b"EHLO":
                if mode == "endless":
                    chunk = b"250-" + b"A" * 60 + b"\r\n"
                    block = chunk * 1000
                    while True:
                        conn.sendall(block)
                elif mode == "bigline":
                    conn.sendall(b"250 ")
                    mb = b"x" * (1024 * 1024)
                    for _ in range(50):
                        conn.sendall(mb)
                    conn.sendall(b"\r\n")
                elif mode == "controls":
                    conn.sendall(b"250-evil.mwb.test " + HOSTILE + b"\r\n250-SIZE 1000\x1b[5m\r\n250 X-" + HOSTILE + b"\r\n")
                else:
                    conn.sendall(b"250-hostile.mwb.test\r\n250-STARTTLS\r\n250 SIZE 1000\r\n")
            elif verb == b"STARTTLS":
                conn.sendall(b"220 2.0.0 go ahead\r\n")
                if mode == "starttls-close":
                    conn.settimeout(5)
                    try:
                        conn.recv(64)  # the ClientHello starts: close in the middle of the handshake
                    except OSError:
                        pass
                    conn.close()
                    return
            elif verb == b"QUIT":
                conn.sendall(b"221 2.0.0 bye " + (HOSTILE if mode == "controls" else b"") + b"\r\n")
                conn.close()
                return
            else:
                conn.sendall(b"250 2.0.0 ok\r\n")
    except OSError:
        pass
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    mode = sys.argv[1]
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    print(srv.getsockname()[1], flush=True)
    deadline = time.monotonic() + MAX_LIFETIME
    srv.settimeout(1.0)
    while time.monotonic() < deadline:
        try:
            conn, _ = srv.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve, args=(mode, conn), daemon=True).start()


if __name__ == "__main__":
    main()
