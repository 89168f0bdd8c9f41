#!/usr/bin/env python3
"""A scripted DNS server on loopback (UDP and TCP on the same port) for tst_hostile_peers.

usage: hostile_dns_peer.py MODE [ADDRESS [PORT]]
Listens on ADDRESS (127.0.0.1) and PORT (a free one) for UDP and TCP, prints the port on one line,
then one line per query it answers ("udp ADDRESS:PORT NAME TYPE" or "tcp …", the address and port
it was received on), until the test ends it or MAX_LIFETIME seconds pass.
Zone: NAME MX 10 mx1.NAME, NAME A 192.0.2.10, mx1.NAME A 192.0.2.25, NAME TXT "v=spf1 ...",
_dmarc.NAME TXT "v=DMARC1; p=reject"; everything else NOERROR without records.

modes:
  normal          plain answers over UDP
  tc-tcp-ok       every UDP answer has TC set and no records; TCP gives the full answer
  tc-tcp-fail     every UDP answer has TC set; a TCP connection is closed without an answer
  controls        answers carry ESC, BEL, NUL, backspace and an RLO in the SPF text and the MX name
  silent          nothing is ever answered (UDP read and dropped, TCP accepted and held)
"""
import socket
import struct
import sys
import threading
import time

MAX_LIFETIME = 120.0
HOSTILE = b"\x1b]0;pwned\x07\x1b[2J\x00\x08\xe2\x80\xae"


def parse_question(msg):
    qid, flags, qd = struct.unpack(">HHH", msg[:6])
    pos = 12
    labels = []
    while msg[pos] != 0:
        n = msg[pos]
        labels.append(msg[pos + 1:pos + 1 + n])
        pos += 1 + n
    qtype, qclass = struct.unpack(">HH", msg[pos + 1:pos + 5])
    return qid, labels, qtype, msg[12:pos + 5]


def encode_name(labels):
    return b"".join(bytes([len(l)]) + l for l in labels) + b"\x00"


def records(mode, labels, qtype):
    name = b".".join(labels).lower()
    out = []
    if len(labels) < 2:
        return out
    base = labels[-2:] if labels[0].lower() in (b"_dmarc", b"mx1") or b"\x1b" in labels[0] else labels
    if qtype == 15 and name == b".".join(base).lower():  # MX
        mx_labels = ([b"mx\x1b[2J\x07"] if mode == "controls" else [b"mx1"]) + list(base)
        out.append((15, struct.pack(">H", 10) + encode_name(mx_labels)))
    elif qtype == 1:  # A
        if labels[0].lower() == b"mx1" or b"\x1b" in labels[0]:
            out.append((1, socket.inet_aton("192.0.2.25")))
        elif name == b".".join(base).lower():
            out.append((1, socket.inet_aton("192.0.2.10")))
    elif qtype == 16:  # TXT
        if labels[0].lower() == b"_dmarc":
            text = b"v=DMARC1; p=reject"
        else:
            text = b"v=spf1 ip4:192.0.2.0/24 " + (HOSTILE if mode == "controls" else b"include:spf.example.test") + b" -all"
        out.append((16, bytes([len(text)]) + text))
    return out


def answer(mode, msg, over_tcp):
    qid, labels, qtype, question = parse_question(msg)
    truncate = mode.startswith("tc-") and not over_tcp
    recs = [] if truncate else records(mode, labels, qtype)
    flags = 0x8180 | (0x0200 if truncate else 0)
    head = struct.pack(">HHHHHH", qid, flags, 1, len(recs), 0, 0)
    body = b""
    for rtype, rdata in recs:
        body += b"\xc0\x0c" + struct.pack(">HHIH", rtype, 1, 300, len(rdata)) + rdata
    return head + question + body


def note(transport, sock, msg):
    try:
        _, labels, qtype, _ = parse_question(msg)
        host, port = sock.getsockname()[:2]
        name = b".".join(labels).decode("ascii", "replace")
        print("%s %s:%d %s %d" % (transport, host, port, name, qtype), flush=True)
    except Exception:
        pass


def serve_udp(mode, sock):
    while True:
        try:
            msg, peer = sock.recvfrom(4096)
            if mode == "silent":
                continue
            note("udp", sock, msg)
            sock.sendto(answer(mode, msg, False), peer)
        except Exception:
            continue


def serve_tcp_conn(mode, conn):
    try:
        conn.settimeout(10)
        host, port = conn.getsockname()[:2]
        print("tcp %s:%d connection" % (host, port), flush=True)
        if mode == "tc-tcp-fail":
            conn.close()
            return
        if mode == "silent":
            time.sleep(MAX_LIFETIME)
            return
        buf = b""
        while True:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
            while len(buf) >= 2 and len(buf) >= 2 + struct.unpack(">H", buf[:2])[0]:
                n = struct.unpack(">H", buf[:2])[0]
                note("tcp", conn, buf[2:2 + n])
                reply = answer(mode, buf[2:2 + n], True)
                buf = buf[2 + n:]
                conn.sendall(struct.pack(">H", len(reply)) + reply)
    except OSError:
        pass
    finally:
        conn.close()


def main():
    mode = sys.argv[1]
    address = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
    wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    for _ in range(50):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind((address, wanted))
        port = udp.getsockname()[1]
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            tcp.bind((address, port))
            break
        except OSError:
            udp.close()
            tcp.close()
    tcp.listen(8)
    print(port, flush=True)
    threading.Thread(target=serve_udp, args=(mode, udp), daemon=True).start()
    tcp.settimeout(1.0)
    deadline = time.monotonic() + MAX_LIFETIME
    while time.monotonic() < deadline:
        try:
            conn, _ = tcp.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve_tcp_conn, args=(mode, conn), daemon=True).start()


if __name__ == "__main__":
    main()
