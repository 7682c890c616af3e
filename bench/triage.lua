-- wrk script: POST one triage request (a cross-sector case, the most rules fire) per call
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"citizenRef":"bench-1","age":34,"assessmentDate":"2024-03-01","benefit":"CASH_BENEFIT",'
  .. '"employmentPotential":"PRESENT","problems":["HOMELESSNESS","SEVERE_SUBSTANCE_ABUSE"],"departmentsInvolved":2}'
