#!/usr/bin/env python3
"""The crash check's client (driven by tools/crash-check.sh).

  crash-check.py load URL N PID STATE   sends N proposals, 4 at a time; kills PID with SIGKILL once a
                                        third of them are answered; writes what it knows to STATE
  crash-check.py check URL STATE        after the restart: sends again every proposal that got no
                                        answer (as a user would), waits for the e-mail jobs, counts

Figures printed: accepted before the crash, unanswered (in flight or not sent), lost (answered 201
but not in the register, or not in it after the retry), doubled (two agreements for one proposal, or
one e-mail sent twice), consistency findings about them (a register row without its process).
"""
import base64
import json
import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

OFFICER = ("oliver", "oliver")
MANAGER = ("marc", "marc")
ADMIN = ("admin", "admin")


def call(method, url, body=None, auth=OFFICER, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(("%s:%s" % auth).encode()).decode())
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
        return None, str(e)


def proposal(acronym):
    return {"partnerChoice": "NEW", "partnerAcronym": acronym, "newPartnerName": "Crash Trust " + acronym,
            "newPartnerCategory": "MEA", "instrumentType": "LETTER_OF_COOPERATION",
            "agreementTitle": "Letter of cooperation on data sharing", "proposedTermStart": time.strftime("%Y-%m-%d")}


def load(url, n, pid, state_file):
    run = str(int(time.time()) % 100000)
    acronyms = ["CRASH%s%03d" % (run, i) for i in range(n)]
    outcome = {}
    lock = threading.Lock()
    answered = [0]
    killed = [False]
    kill_at = max(1, n // 3)

    def one(acronym):
        status, body = call("POST", url + "/api/agreements", proposal(acronym))
        with lock:
            outcome[acronym] = {"status": status, "reference": body.get("reference") if status == 201 else None}
            if status is not None:
                answered[0] += 1
            if answered[0] >= kill_at and not killed[0]:
                killed[0] = True
                os.kill(pid, signal.SIGKILL)
                print("kill -9 the node after %d answered proposals, %d more in flight or to come" % (kill_at, n - kill_at))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(one, acronyms))
    json.dump({"acronyms": acronyms, "outcome": outcome}, open(state_file, "w"))


def agreements_of(url, acronym):
    status, partner = call("GET", url + "/api/partners/" + acronym, auth=ADMIN)
    return [] if status == 404 else partner["agreements"]


def check(url, state_file):
    state = json.load(open(state_file))
    outcome = state["outcome"]
    accepted = {a: o["reference"] for a, o in outcome.items() if o["status"] == 201}
    unanswered = [a for a in state["acronyms"] if outcome.get(a, {}).get("status") is None]
    refused = {a: o["status"] for a, o in outcome.items() if o["status"] not in (None, 201)}
    lost, doubled = [], []
    for acronym, reference in accepted.items():
        found = [a["reference"] for a in agreements_of(url, acronym)]
        if reference not in found:
            lost.append("%s: answered 201 %s, not in the register after the restart" % (acronym, reference))
        if len(found) > 1:
            doubled.append("%s: %s" % (acronym, found))
    committed_in_flight = sum(1 for a in unanswered if agreements_of(url, a))
    # What a user does when the page did not answer: send it again. A proposal the dead node committed
    # is refused (409 or 400: already proposed); any other is accepted now.
    retried = {}
    for acronym in unanswered:
        retried[acronym] = call("POST", url + "/api/agreements", proposal(acronym))[0]
    for acronym in unanswered:
        found = agreements_of(url, acronym)
        if len(found) == 0:
            lost.append("%s: not in the register after the retry (%s)" % (acronym, retried[acronym]))
        if len(found) > 1:
            doubled.append("%s: %s" % (acronym, [a["reference"] for a in found]))

    # The e-mail jobs the dead node had locked run once their lock expires (60 s); wait for all jobs.
    started, waited = time.time(), None
    while time.time() - started < 180:
        status, count = call("GET", url + "/engine-rest/job/count?executable=true&withRetriesLeft=true", auth=ADMIN)
        if status == 200 and count["count"] == 0:
            waited = time.time() - started
            break
        time.sleep(3)
    mails = {}
    references = {a["reference"] for acronym in state["acronyms"] for a in agreements_of(url, acronym)}
    for reference in references:
        status, sent = call("GET", url + "/api/notifications?reference=%s&limit=1000" % reference, auth=MANAGER)
        for n in sent if status == 200 else []:
            key = (n["template"], n["subjectReference"], n["recipientEmail"])
            mails[key] = mails.get(key, 0) + (1 if n["status"] in ("SENT", "RENDERED") else 0)
    doubled += ["e-mail %s sent %d times" % (k, c) for k, c in mails.items() if c > 1]
    status, consistency = call("GET", url + "/api/consistency", auth=MANAGER)
    findings = [f for f in consistency["now"]["findings"] if f["reference"] in references] if status == 200 else ["unavailable"]

    print("proposals %d: accepted before the crash %d, refused %d, unanswered %d (of which the dead node had committed %d)"
          % (len(state["acronyms"]), len(accepted), len(refused), len(unanswered), committed_in_flight))
    print("after the restart: retried %d (%s), e-mails %d (%s), pending jobs done %s"
          % (len(unanswered), summary(retried.values()), len(mails), summary(["sent" if c else "not sent" for c in mails.values()]),
             "after %.0f s" % waited if waited is not None else "NOT within 180 s"))
    for line in (lost + doubled)[:10]:
        print("  " + line)
    for f in findings[:10]:
        print("  consistency: %s" % f)
    print("lost %d, doubled %d, inconsistent %d" % (len(lost), len(doubled), len(findings)))
    sys.exit(0 if not (lost or doubled or findings or refused) and waited is not None else 1)


def summary(values):
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return ", ".join("%s: %d" % (k, c) for k, c in sorted(counts.items(), key=str)) or "none"


if __name__ == "__main__":
    if sys.argv[1] == "load":
        load(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    else:
        check(sys.argv[2], sys.argv[3])
