# smtp_server.py: SMTP servers on 127.0.0.1 for tests/sh/test_send*.sh,
# run by /usr/bin/python3.  Writes its port to PORTFILE once listening and
# each delivered message to OUTDIR/N.eml (with OUTDIR/N.rcpt, the
# envelope), then serves until killed.
#
#   smtp_server.py good  PORTFILE OUTDIR CERT KEY USER PASS  STARTTLS+AUTH (aiosmtpd)
#   smtp_server.py plain PORTFILE OUTDIR                   no TLS, no AUTH (aiosmtpd)
#   smtp_server.py 421   PORTFILE OUTDIR                   "421 try later" at MAIL
#   smtp_server.py drop  PORTFILE OUTDIR                   closes mid-DATA
#   smtp_server.py stall PORTFILE OUTDIR                   stops answering after DATA
#   smtp_server.py notls PORTFILE OUTDIR                   offers no STARTTLS
import os
import socket
import ssl
import sys
import threading
import time

mode, portfile, outdir = sys.argv[1], sys.argv[2], sys.argv[3]
count = [0]
lock = threading.Lock()


def store(mail_from, rcpts, data):
    with lock:
        count[0] += 1
        n = count[0]
    base = os.path.join(outdir, "%d" % n)
    with open(base + ".tmp", "wb") as f:
        f.write(data)
    with open(base + ".rcpt", "w") as f:
        f.write(mail_from + "\n" + "\n".join(rcpts) + "\n")
    os.rename(base + ".tmp", base + ".eml")


def write_port(port):
    with open(portfile + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(portfile + ".tmp", portfile)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def run_aiosmtpd():
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            store(envelope.mail_from, envelope.rcpt_tos, envelope.original_content or envelope.content)
            return "250 OK"

    kw = {}
    if mode == "good":
        cert, key, user, pw = sys.argv[4:8]
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)

        def auth(mechanism, login, password):
            return login.decode() == user and password.decode() == pw
        kw = dict(tls_context=ctx, require_starttls=True, auth_callback=auth,
                  auth_required=True, auth_require_tls=True)
    port = free_port()
    c = Controller(Handler(), hostname="127.0.0.1", port=port, **kw)
    c.start()
    write_port(port)
    while True:
        time.sleep(3600)


def raw_client(conn):
    f = conn.makefile("rb")

    def say(s):
        conn.sendall(s.encode() + b"\r\n")
    say("220 localhost ESMTP test")
    mail_from, rcpts = "", []
    while True:
        line = f.readline()
        if not line:
            return
        cmd = line.decode("latin-1").strip()
        up = cmd.upper()
        if up.startswith("EHLO") or up.startswith("HELO"):
            conn.sendall(b"250-localhost\r\n250 8BITMIME\r\n")
        elif up.startswith("MAIL"):
            if mode == "421":
                say("421 4.3.2 Service not available, try later")
                return
            mail_from = cmd[10:]
            say("250 OK")
        elif up.startswith("RCPT"):
            rcpts.append(cmd[8:])
            say("250 OK")
        elif up == "DATA":
            say("354 go ahead")
            if mode == "stall":
                time.sleep(3600)
            data = b""
            while True:
                l = f.readline()
                if not l:
                    return
                data += l
                if mode == "drop" and len(data) > 200:
                    conn.shutdown(socket.SHUT_RDWR)
                    conn.close()
                    return
                if l == b".\r\n":
                    break
            store(mail_from, rcpts, data)
            say("250 OK")
        elif up == "QUIT":
            say("221 bye")
            return
        elif up == "STARTTLS":
            say("454 TLS not available")
        else:
            say("250 OK")


def run_raw():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    write_port(s.getsockname()[1])
    while True:
        conn, _ = s.accept()
        threading.Thread(target=serve_one, args=(conn,), daemon=True).start()


def serve_one(conn):
    try:
        raw_client(conn)
    except OSError:
        pass
    finally:
        conn.close()


if mode in ("good", "plain"):
    run_aiosmtpd()
else:
    run_raw()
