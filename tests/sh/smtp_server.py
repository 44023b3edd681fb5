# smtp_server.py: SMTP servers on 127.0.0.1 for tests/sh/test_send*.sh,
# run by /usr/bin/python3.  Writes its port to PORTFILE once listening and
# each delivered message to OUTDIR/N.eml (with OUTDIR/N.rcpt, the
# envelope), then serves until killed.
#
#   smtp_server.py good  PORTFILE OUTDIR CERT KEY USER PASS [MECHS]  STARTTLS+AUTH (aiosmtpd)
#   smtp_server.py smtps PORTFILE OUTDIR CERT KEY USER PASS [MECHS]  TLS from the start+AUTH
#       MECHS: the AUTH mechanisms offered, comma-separated (default
#       LOGIN,PLAIN); XOAUTH2 accepts 'user=USER\x01auth=Bearer PASS\x01\x01'.
#       Each successful AUTH appends 'MECH LOGIN SECRET' to OUTDIR/auth.log,
#       each failed PLAIN or LOGIN 'FAILED-MECH LOGIN -'.
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


def log_auth(mech, login, secret):
    with lock:
        with open(os.path.join(outdir, "auth.log"), "a") as f:
            f.write("%s %s %s\n" % (mech, login, secret))


def run_aiosmtpd():
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword, MISSING

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            store(envelope.mail_from, envelope.rcpt_tos, envelope.original_content or envelope.content)
            return "250 OK"

        # XOAUTH2 (Google's SASL mechanism), offered only when listed.
        async def auth_XOAUTH2(self, server, args):
            if len(args) == 2:
                import base64
                blob = base64.b64decode(args[1])
            else:
                blob = await server.challenge_auth("")
                if blob is MISSING:
                    return AuthResult(success=False)
            want = ("user=%s\x01auth=Bearer %s\x01\x01" % (user, pw)).encode()
            if blob != want:
                # As Gmail does: a 334 with a JSON error, the client's empty
                # answer, then 535.
                err = await server.challenge_auth('{"status":"401","schemes":"bearer"}')
                return AuthResult(success=False, handled=False,
                                  message="535 5.7.8 Username and Password not accepted")
            log_auth("XOAUTH2", user, pw)
            return AuthResult(success=True, auth_data=LoginPassword(user.encode(), pw.encode()))

    kw = {}
    user = pw = None
    if mode in ("good", "smtps"):
        cert, key, user, pw = sys.argv[4:8]
        mechs = (sys.argv[8] if len(sys.argv) > 8 else "LOGIN,PLAIN").split(",")
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == pw
            log_auth(mechanism if ok else "FAILED-" + mechanism, user, pw if ok else "-")
            return AuthResult(success=ok, handled=False)
        kw = dict(authenticator=authenticator, auth_required=True,
                  auth_exclude_mechanism=[m for m in ("LOGIN", "PLAIN", "XOAUTH2") if m not in mechs])
        if mode == "good":
            kw.update(tls_context=ctx, require_starttls=True, auth_require_tls=True)
        else:
            # TLS from the first byte: aiosmtpd's STARTTLS state does not
            # know, so AUTH need not wait for it.
            kw.update(ssl_context=ctx, auth_require_tls=False)
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


if mode in ("good", "smtps", "plain"):
    run_aiosmtpd()
else:
    run_raw()
