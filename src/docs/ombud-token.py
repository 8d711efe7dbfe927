#!/usr/bin/env python3
"""A person's token for Ombud's API, from the sign-in with PKCE (RFC 7636, RFC 8252).

Opens the portal's login in the browser (someone signed in already is not asked again), waits
for the code on a loopback port and swaps it for a token, which it prints. Standard library only.
Usage: python3 ombud-token.py [https://ombud.example.com]
"""
import base64
import hashlib
import http.server
import json
import secrets
import sys
import urllib.parse
import urllib.request
import webbrowser

OMBUD = (sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080").rstrip("/")
CLIENT = "ombud-cli"

verifier = secrets.token_urlsafe(48)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
state = secrets.token_urlsafe(16)
answer = {}


class Callback(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        answer.update(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.end_headers()
        self.wfile.write("Signed in to Ombud: you can close this tab.\n".encode())

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Callback)  # any free port
redirect = f"http://127.0.0.1:{server.server_port}/callback"
webbrowser.open(OMBUD + "/oauth2/authorize?" + urllib.parse.urlencode({
    "response_type": "code", "client_id": CLIENT, "redirect_uri": redirect,
    "code_challenge": challenge, "code_challenge_method": "S256", "state": state}))
server.handle_request()
if answer.get("state") != state or "code" not in answer:
    sys.exit("Sign-in failed: " + answer.get("error_description", answer.get("error", "no code")))

form = urllib.parse.urlencode({"grant_type": "authorization_code", "code": answer["code"],
                               "redirect_uri": redirect, "client_id": CLIENT,
                               "code_verifier": verifier}).encode()
with urllib.request.urlopen(OMBUD + "/oauth2/token", form) as response:
    print(json.load(response)["access_token"])
