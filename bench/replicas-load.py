#!/usr/bin/env python3
"""Steady triage load through the load balancer for bench/replicas.sh.

Usage: replicas-load.py PORT USER:PASSWORD THREADS OUT_FILE
Each thread posts the same profile over its own keep-alive connection until SIGTERM, and
every request becomes a line "epoch_ms status" in OUT_FILE (status 0: no HTTP answer at all),
so the script counts requests and failures per phase afterwards.
"""
import base64
import http.client
import signal
import sys
import threading
import time

port, credentials, threads, out = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
AUTH = "Basic " + base64.b64encode(credentials.encode()).decode()
BODY = (b'{"citizenRef":"replica-load","age":40,"benefit":"CASH_BENEFIT",'
        b'"employmentPotential":"PRESENT","problems":["HOMELESSNESS"]}')
stop = threading.Event()
lines = []
lock = threading.Lock()


def client():
    connection = None
    while not stop.is_set():
        status = 0
        try:
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("POST", "/api/v1/triage", BODY,
                               {"Content-Type": "application/json", "Authorization": AUTH})
            response = connection.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except Exception:
            if connection is not None:
                connection.close()
            connection = None
        with lock:
            lines.append("%d %d" % (time.time() * 1000, status))


signal.signal(signal.SIGTERM, lambda *_: stop.set())
workers = [threading.Thread(target=client, daemon=True) for _ in range(threads)]
for worker in workers:
    worker.start()
while not stop.is_set():
    time.sleep(0.2)
for worker in workers:
    worker.join(timeout=15)
with open(out, "w") as file:
    file.write("\n".join(lines) + "\n")
