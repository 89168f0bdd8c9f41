#!/usr/bin/python3
"""Real peers for the mail transport security tests (issue #30), loopback only.

  https IP CERT KEY POLICYFILE [CONTENT-TYPE]
                                  an HTTPS server on IP:443 serving /.well-known/mta-sts.txt
                                  (as text/plain unless CONTENT-TYPE says otherwise)
  smtp IP:PORT CERT KEY LOGFILE [tls12]
                                  aiosmtpd with STARTTLS, X-ANONYMOUSTLS advertised, and AUTH
                                  XOAUTH2 (the token is checked, never logged: LOGFILE gets the
                                  outcome only)

Prints "ready" once listening; runs until killed (the test stops it).
"""
import base64
import http.server
import ssl
import sys
import time


def https(ip, cert, key, policy, content_type="text/plain"):
    body = open(policy, "rb").read()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/.well-known/mta-sts.txt":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((ip, 443), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    print("ready", flush=True)
    server.serve_forever()


def smtp(listen, cert, key, logfile, max_tls=""):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP, AuthResult

    ip, port = listen.rsplit(":", 1)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ident = "Python SMTP"
    if max_tls == "tls12":
        # Like an Exchange 2019 CU14 server: TLS 1.2 only for SMTP, its build in the banner.
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2
        ident = "Microsoft ESMTP MAIL Service ready at Mon, 7 Dec 2026 10:00:00 +0000 Version: 15.2.1544.4"

    class Handler:
        async def handle_EHLO(self, server, session, envelope, hostname, responses):
            session.host_name = hostname
            return responses[:-1] + ["250-X-ANONYMOUSTLS", responses[-1]]

        async def auth_XOAUTH2(self, server, args):
            # SASL XOAUTH2 (Microsoft/Google): base64("user=U\x01auth=Bearer TOKEN\x01\x01").
            raw = base64.b64decode(args[1]) if len(args) > 1 else b""
            parts = raw.split(b"\x01")
            ok = len(parts) >= 3 and parts[0].startswith(b"user=") and parts[1] == b"auth=Bearer good-token"
            with open(logfile, "a") as log:
                log.write("xoauth2 %s\n" % ("accepted" if ok else "rejected"))
            return AuthResult(success=ok, handled=False)

    class ExchangeLikeSmtp(SMTP):
        pass

    # Exchange's X-ANONYMOUSTLS: the STARTTLS exchange under another verb (a dash, so setattr).
    async def anonymous_tls(self, arg):
        with open(logfile, "a") as log:
            log.write("x-anonymoustls\n")
        await SMTP.smtp_STARTTLS(self, arg)

    setattr(ExchangeLikeSmtp, "smtp_X-ANONYMOUSTLS", anonymous_tls)

    class Ctl(Controller):
        def factory(self):
            return ExchangeLikeSmtp(self.handler, tls_context=ctx, require_starttls=False, auth_require_tls=True,
                        authenticator=lambda *a: AuthResult(success=False), hostname="mx.mwb.test",
                                    ident=ident)

    controller = Ctl(Handler(), hostname=ip, port=int(port), ready_timeout=10)
    controller.start()
    print("ready", flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    if sys.argv[1] == "https":
        https(*sys.argv[2:7])
    elif sys.argv[1] == "smtp":
        smtp(*sys.argv[2:7])
    else:
        sys.exit("unknown role")
