"""Probe: clients trickling request bodies must not starve the service.

The review that found it opened 210 connections, each sending a body one byte every 2.5 s:
every worker thread was held for 25 s, health included. This opens N such connections, then
times a normal health check and triage while they trickle, and reports how soon the service
cut each trickler off (triage.request-body-deadline, 5 s by default).
Usage, with the service running:
    python3 bench/slow-body-probe.py [port] [user:password] [connections] [seconds-between-bytes] [deadline]
Exits 1 if a normal request failed or waited longer than the deadline plus 3 s, or a trickler
was not cut off. While every worker thread holds a trickler, a normal request waits for one to
be cut off: at most about the deadline, which is why docs/operations.md asks for a proxy that
buffers bodies.
"""
import base64
import http.client
import json
import socket
import sys
import threading
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
credentials = sys.argv[2] if len(sys.argv) > 2 else "caseworker:" + "x" * 12
connections = int(sys.argv[3]) if len(sys.argv) > 3 else 210
gap = float(sys.argv[4]) if len(sys.argv) > 4 else 2.5
deadline = float(sys.argv[5]) if len(sys.argv) > 5 else 5.0
authorization = "Basic " + base64.b64encode(credentials.encode()).decode()
cut_after = []
lock = threading.Lock()


def trickle():
    started = time.monotonic()
    try:
        s = socket.create_connection(("localhost", port), timeout=120)
        s.sendall(("POST /api/v1/triage HTTP/1.1\r\nHost: localhost\r\nAuthorization: %s\r\n"
                   "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n" % authorization).encode())
        s.settimeout(gap)
        for _ in range(1000):
            s.sendall(b" ")
            try:
                s.recv(1)  # the server answered (the 408) or closed the connection: cut off
                break
            except socket.timeout:
                pass  # nothing yet: the wait was the gap, send the next byte
            if time.monotonic() - started > 100:
                break
        s.close()
    except OSError:
        pass
    with lock:
        cut_after.append(time.monotonic() - started)


def timed(method, path, body=None):
    started = time.monotonic()
    c = http.client.HTTPConnection("localhost", port, timeout=30)
    headers = {"Authorization": authorization, "Content-Type": "application/json"}
    c.request(method, path, body, headers)
    status = c.getresponse().status
    return status, time.monotonic() - started


threads = [threading.Thread(target=trickle, daemon=True) for _ in range(connections)]
for t in threads:
    t.start()
time.sleep(gap * 2)
results = {"health": timed("GET", "/actuator/health"),
           "triage": timed("POST", "/api/v1/triage",
                           json.dumps({"citizenRef": "probe", "age": 40, "benefit": "NONE"}))}
for t in threads:
    t.join(120)
ok = all(status == 200 and seconds < deadline + 3 for status, seconds in results.values())
print("%d trickling connections, a byte every %.1f s" % (connections, gap))
for name, (status, seconds) in results.items():
    print("%s while they trickled: %d in %.2f s" % (name, status, seconds))
print("tricklers cut off after: min %.1f s, max %.1f s (%d of %d)" % (
    min(cut_after), max(cut_after), len(cut_after), connections))
sys.exit(0 if ok and len(cut_after) == connections and max(cut_after) < 100 else 1)
