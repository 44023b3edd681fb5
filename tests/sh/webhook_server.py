# webhook_server.py: an HTTP server on 127.0.0.1 standing in for the Slack
# and Teams webhooks in tests/sh/test_send_chat.sh (run by /usr/bin/python3).
#   webhook_server.py PORTFILE OUTDIR
# POST /slack       -> 200 "ok" (Slack's answer)
# POST /slack-bad   -> 400 "invalid_payload"
# POST /teams       -> 202 (Workflows' answer)
# POST /busy        -> 503
# Each accepted body goes to OUTDIR/N.json.
import http.server, os, sys, threading

portfile, outdir = sys.argv[1], sys.argv[2]
lock = threading.Lock()
n = [0]


class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        codes = {"/slack": (200, b"ok"), "/slack-bad": (400, b"invalid_payload"),
                 "/teams": (202, b""), "/busy": (503, b"busy")}
        code, ans = codes.get(self.path, (404, b"no_service"))
        if code < 300:
            with lock:
                n[0] += 1
                k = n[0]
            with open(os.path.join(outdir, "%d.tmp" % k), "wb") as f:
                f.write(self.path.encode() + b"\n" + body)
            os.rename(os.path.join(outdir, "%d.tmp" % k), os.path.join(outdir, "%d.json" % k))
        self.send_response(code)
        self.send_header("Content-Length", str(len(ans)))
        self.end_headers()
        self.wfile.write(ans)


s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
with open(portfile + ".tmp", "w") as f:
    f.write(str(s.server_address[1]))
os.rename(portfile + ".tmp", portfile)
s.serve_forever()
