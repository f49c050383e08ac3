"""Stand-in SMS gateway and civil registry for trying a Production start on one machine.

Speaks the two HTTP contracts README "Deploy" (step 4) describes:
  POST /sms                   {"to", "body", "reference", "sender"} -> 202; a repeated reference is
                              reported as a duplicate and not "sent" again
  GET  /persons/<national id> {"nationalId", "fullNameAr", "fullNameEn", "mobileNumber", "status"} or 404
Each message and look-up is printed as one line on standard output. Test-only: no TLS, no
authentication check beyond printing whether a bearer key arrived.

usage: python3 stand-in-gateways.py SMS_PORT REGISTRY_PORT
"""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PERSONS = {
    "1000000008": {"nationalId": "1000000008", "fullNameAr": "محمد القحطاني", "fullNameEn": "Mohammed Alqahtani",
                   "mobileNumber": "0500000001", "status": "ACTIVE"},
}
seen_references = set()
lock = threading.Lock()


class Sms(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with lock:
            duplicate = body["reference"] in seen_references
            seen_references.add(body["reference"])
        keyed = self.headers.get("Authorization", "").startswith("Bearer ")
        print(f"SMS keyed={keyed} duplicate={duplicate} {json.dumps(body, ensure_ascii=False)}", flush=True)
        self.send_response(202)
        self.end_headers()

    def log_message(self, *args):
        pass


class Registry(BaseHTTPRequestHandler):
    def do_GET(self):
        national_id = self.path.rsplit("/", 1)[-1]
        keyed = self.headers.get("Authorization", "").startswith("Bearer ")
        print(f"REGISTRY keyed={keyed} {self.path}", flush=True)
        person = PERSONS.get(national_id)
        if person is None:
            self.send_response(404)
            self.end_headers()
            return
        data = json.dumps(person).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    threading.Thread(target=ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sms).serve_forever, daemon=True).start()
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), Registry).serve_forever()
