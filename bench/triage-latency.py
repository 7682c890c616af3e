"""Latency of one warm triage over HTTP on loopback, one client, keep-alive.

Usage: start the service (README, first command), then
    python3 bench/triage-latency.py [port] [user:password]
Prints the median, p99 and max of 5,000 requests after 3,000 warm-up requests.
"""
import base64
import sys
import http.client, json, time, statistics
bodies=[{"citizenRef":"c1","age":40,"benefit":"CASH_BENEFIT","employmentPotential":"PRESENT","problems":["HOMELESSNESS"]},
 {"citizenRef":"c2","age":16,"benefit":"NONE","problems":["ADHD"]},
 {"citizenRef":"c3","age":30,"benefit":"CASH_BENEFIT","problems":["SEVERE_SUBSTANCE_ABUSE"]},
 {"citizenRef":"c4","age":50,"benefit":"DISABILITY_PENSION"}]
port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
c=http.client.HTTPConnection("localhost",port)
h={"Content-Type":"application/json"}
if len(sys.argv) > 2:
    h["Authorization"] = "Basic " + base64.b64encode(sys.argv[2].encode()).decode()
def one(b):
    t=time.perf_counter(); c.request("POST","/api/v1/triage",json.dumps(b),h); r=c.getresponse(); r.read(); assert r.status==200, r.status; return (time.perf_counter()-t)*1000
for i in range(3000): one(bodies[i%4])
ts=sorted(one(bodies[i%4]) for i in range(5000))
print("n=%d median=%.3fms p99=%.3fms max=%.3fms"%(len(ts),statistics.median(ts),ts[int(len(ts)*.99)],ts[-1]))
