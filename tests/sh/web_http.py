#!/usr/bin/python3
"""web_http.py PORT: probe 'handoff serve' on 127.0.0.1:PORT over raw
sockets: traversal (raw and percent-encoded) answered 404, methods other
than GET 405, a 1 MB request line refused without harm, 200 concurrent
connections all answered, and the server still well afterwards.
Prints PASS/FAIL lines."""
import socket
import sys
import threading

PORT = int(sys.argv[1])
failed = False


def result(name, ok, detail=""):
    global failed
    print(("PASS " if ok else "FAIL ") + name)
    if not ok:
        failed = True
        print("  " + str(detail)[:600])


def raw(data, timeout=10):
    s = socket.create_connection(("127.0.0.1", PORT), timeout=timeout)
    try:
        s.sendall(data)
        out = b""
        while True:
            try:
                b = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not b:
                break
            out += b
        return out
    finally:
        s.close()


def status(resp):
    try:
        return int(resp.split(b" ", 2)[1])
    except Exception:
        return 0


def get(path):
    return raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")


def main():
    r = get(b"/")
    result("serve-index-200", status(r) == 200 and b"Handoffs" in r, r[:200])
    bad = [b"/../handoff.yml", b"/../../etc/passwd", b"/%2e%2e/handoff.yml",
           b"/%2E%2E/%2e%2e/etc/passwd", b"/nordlicht-energie/../../handoff.yml",
           b"/nordlicht-energie/%2e%2e%2f%2e%2e%2fhandoff.yml",
           b"/nordlicht-energie/..%2f..%2fetc%2fpasswd",
           b"/..%5c..%5chandoff.yml", b"/%252e%252e/handoff.yml",
           b"/deals/nordlicht-energie.md", b"/nordlicht-energie/.", b"/deals/",
           b"/nordlicht-energie/handoff.xml/..", b"/.handoff-state",
           b"/nordlicht-energie%00/index.html", b"//etc/passwd",
           b"/nordlicht-energie/../../../../../../etc/passwd"]
    for p in bad:
        r = get(p)
        result("serve-traversal-404 " + p.decode(), status(r) == 404 and
               b"root:" not in r and b"deal:" not in r, r[:120])
    r = get(b"/nordlicht-energie/handoff-package.pdf")
    result("serve-deal-file", status(r) == 200 and b"%PDF" in r, r[:120])
    for m in (b"POST", b"PUT", b"DELETE", b"HEAD", b"OPTIONS"):
        r = raw(m + b" / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                b"Connection: close\r\n\r\nabc")
        result("serve-method-405 " + m.decode(), status(r) == 405, r[:120])
    # 1 MB request line: refused (4xx or closed), the server lives on
    try:
        r = raw(b"GET /" + b"a" * (1 << 20) + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        r = b""
    result("serve-1mb-request-line", r == b"" or 400 <= status(r) < 500,
           r[:120])
    # 1 MB of headers too
    try:
        r = raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * (1 << 20) +
                b"\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        r = b""
    result("serve-1mb-header", r == b"" or 400 <= status(r) < 500, r[:120])
    # 200 at once: every one answered
    codes = []
    lock = threading.Lock()

    def one(i):
        try:
            c = status(get(b"/" if i % 2 else b"/nordlicht-energie/"))
        except Exception as e:
            c = repr(e)
        with lock:
            codes.append(c)
    ts = [threading.Thread(target=one, args=(i,)) for i in range(200)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(60)
    ok = [c for c in codes if c == 200]
    result("serve-200-concurrent", len(ok) == 200,
           "%d ok of %d: %s" % (len(ok), len(codes),
                                [c for c in codes if c != 200][:5]))
    r = get(b"/")
    result("serve-alive-after", status(r) == 200, r[:120])
    sys.exit(1 if failed else 0)


main()
