"""Probe: many concurrent 64 KiB bodies of bad problems must each get a small 400, never a 500.

The review that found it sent {"problems":[1,1,...]} with 32,000 items: each answer was 10 MB
and 48 at once exhausted the heap. Usage, with the service running:
    python3 bench/big-error-probe.py [port] [user:password] [requests] [concurrency]
Prints the count of each status, the largest answer in bytes, and whether health still answers.
Exits 1 on any 5xx or connection error.
"""
import base64
import collections
import concurrent.futures
import http.client
import json
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
credentials = sys.argv[2] if len(sys.argv) > 2 else "caseworker:" + "x" * 12
requests = int(sys.argv[3]) if len(sys.argv) > 3 else 480
concurrency = int(sys.argv[4]) if len(sys.argv) > 4 else 48
headers = {"Content-Type": "application/json",
           "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode()}
body = '{"citizenRef":"probe","age":40,"benefit":"NONE","problems":[' + ",".join(["1"] * 32000) + "]}"


def one(_):
    connection = http.client.HTTPConnection("localhost", port, timeout=60)
    try:
        connection.request("POST", "/api/v1/triage", body, headers)
        response = connection.getresponse()
        return response.status, len(response.read())
    except OSError as error:
        return "error " + type(error).__name__, 0
    finally:
        connection.close()


statuses = collections.Counter()
largest = 0
with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
    for status, size in pool.map(one, range(requests)):
        statuses[status] += 1
        largest = max(largest, size)
health = http.client.HTTPConnection("localhost", port, timeout=10)
health.request("GET", "/actuator/health")
healthy = health.getresponse().status
print("body %d bytes, %d requests, %d at once" % (len(body), requests, concurrency))
print("statuses:", json.dumps({str(k): v for k, v in sorted(statuses.items(), key=str)}))
print("largest answer: %d bytes; health afterwards: %d" % (largest, healthy))
failed = sum(v for k, v in statuses.items() if not isinstance(k, int) or k >= 500)
print("5xx or errors: %d" % failed)
sys.exit(1 if failed or healthy != 200 else 0)
