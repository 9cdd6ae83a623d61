#!/usr/bin/env python3
"""Races two nodes of CMS Partnerships on one database (driven by tools/two-node-race.sh).

Usage: two-node-race.py URL_A URL_B [PROPOSALS]

Three races, each request released at the same instant from its own thread, spread over both nodes:
  1. the same new partner proposed twice at once (once per node): one agreement, one partner;
  2. the draft task of each proposal completed four times at once (two callers per node): done once;
  3. "review now" ten times at once per agreement in force, half in lower case: one review runs.
Then it compares the register with what was asked and prints one line of figures:
server errors, redirected writes (a record changed that no request was about), lost (a success
answered but not in the register), doubled (an effect that happened twice). Exit status 1 unless all are 0.
"""
import base64
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

NODES = sys.argv[1:3]
PROPOSALS = int(sys.argv[3]) if len(sys.argv) > 3 else 20
OFFICER = ("oliver", "oliver")
ADMIN = ("admin", "admin")
RUN = str(int(time.time()) % 100000)

server_errors = []
answers = {}


def call(method, node, path, body=None, auth=OFFICER):
    """One request; returns (status, parsed body or text). Never raises for an HTTP status."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(node + path, data=data, method=method)
    request.add_header("Authorization", "Basic " + base64.b64encode(("%s:%s" % auth).encode()).decode())
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode(errors="replace")
    answers[status] = answers.get(status, 0) + 1
    if status >= 500:
        server_errors.append("%s %s%s -> %s %s" % (method, node, path, status, text[:200]))
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


def together(calls):
    """Runs the calls released at one instant; their answers in order."""
    gate = threading.Barrier(len(calls))

    def one(c):
        gate.wait()
        return call(*c)

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(one, calls))


def agreements():
    status, body = call("GET", NODES[0], "/api/agreements", auth=ADMIN)
    assert status == 200, body
    return {a["reference"]: a for a in body}


def history(reference):
    return call("GET", NODES[0], "/api/agreements/" + reference, auth=ADMIN)[1]["history"]


before = agreements()
touched = set()
lost = []
doubled = []

# 1. The same new partner proposed on both nodes at once.
print("race 1: %d new partners, each proposed on both nodes at once" % PROPOSALS)
references = []
for i in range(PROPOSALS):
    acronym = "RACE%s%02d" % (RUN, i)
    proposal = {"partnerChoice": "NEW", "partnerAcronym": acronym, "newPartnerName": "Race Trust " + acronym,
                "newPartnerCategory": "MEA", "instrumentType": "LETTER_OF_COOPERATION",
                "agreementTitle": "Letter of cooperation on data sharing", "proposedTermStart": time.strftime("%Y-%m-%d")}
    results = together([("POST", node, "/api/agreements", proposal) for node in NODES])
    won = [body["reference"] for status, body in results if status == 201]
    if len(won) > 1:
        doubled.append("%s: proposed %d times" % (acronym, len(won)))
    if not won:
        lost.append("%s: no proposal accepted (%s)" % (acronym, [s for s, _ in results]))
    references += won
    touched.update(won)
    status, partner = call("GET", NODES[1], "/api/partners/" + acronym, auth=ADMIN)
    if status != 200 or len(partner["agreements"]) != len(won):
        doubled.append("%s: %s agreements in the register for %d accepted" % (
            acronym, "no" if status != 200 else len(partner["agreements"]), len(won)))

# 2. Each draft task completed four times at once, two callers on each node.
print("race 2: the draft task of %d proposals completed 4 times at once (2 per node)" % len(references))
form = {"variables": {"draftAction": {"value": "SUBMITTED"}, "draftUrl": {"value": "https://docs.cms.int/drafts/race"},
                      "draftVersion": {"value": "v1"}, "termsSummary": {"value": "Cooperation on data sharing"}}}
completed = 0
# A loser that reads the task before the winner's commit and checks its grant after it is refused 403:
# the engine's per-task grant went with the task. Counted apart; it is not a lost completion.
gone_grant = 0
for reference in references:
    status, tasks = call("GET", NODES[0], "/engine-rest/task?processInstanceBusinessKey=%s&taskDefinitionKey=userTask_draftAgreement" % reference)
    if status != 200 or len(tasks) != 1:
        lost.append("%s: no draft task (%s)" % (reference, status))
        continue
    drafting = [h for h in history(reference) if h.get("toStatus") == "DRAFTING"]
    results = together([("POST", NODES[i % 2], "/engine-rest/task/%s/complete" % tasks[0]["id"], form) for i in range(4)])
    wins = sum(1 for status, _ in results if status == 204)
    completed += wins
    moves = [h for h in history(reference) if h.get("fromStatus") == "DRAFTING"]
    if wins > 1 or len(moves) > len(drafting):
        doubled.append("%s: draft completed %d times, %d moves out of DRAFTING" % (reference, wins, len(moves)))
    if wins == 0 or len(moves) < len(drafting):
        lost.append("%s: draft completed %d times, %d moves out of DRAFTING" % (reference, wins, len(moves)))
    for status, body in results:
        if status == 403 and wins == 1:
            gone_grant += 1
        elif status != 204 and status not in (404, 409):
            lost.append("%s: a loser got %s %s" % (reference, status, body))

# 3. "Review now" ten times at once per agreement in force, half of them in lower case.
in_force = sorted(r for r, a in before.items() if a["status"] == "IN_FORCE")[:max(1, PROPOSALS // 2)]
print("race 3: review now 10 times at once (5 per node, half in lower case) for %d agreements in force" % len(in_force))
reviews_started = 0
for reference in in_force:
    results = together([("POST", NODES[i % 2], "/api/agreements/%s/annual-review" % (
        reference if i < 5 else reference.lower()), None) for i in range(10)])
    wins = sum(1 for status, _ in results if status == 201)
    status, running = call("GET", NODES[1], "/engine-rest/process-instance?processDefinitionKey=agreement-annual-review"
                           "&variables=agreementReference_eq_%s" % reference, auth=ADMIN)
    if wins > 1 or len(running) > 1:
        doubled.append("%s: %d reviews started, %d running" % (reference, wins, len(running)))
    if len(running) < wins or (wins == 0 and not running):
        lost.append("%s: %d reviews started, %d running" % (reference, wins, len(running)))
    reviews_started += wins
    touched.add(reference)
    for status, body in results:
        if status != 201 and status != 409:
            lost.append("%s: a loser got %s %s" % (reference, status, body))

# Redirected writes: a record no request was about that changed, or a raced one that moved twice.
after = agreements()
redirected = ["%s: %s -> %s" % (r, before[r]["status"], after[r]["status"]) for r in before
              if r not in touched and (r not in after or after[r] != before[r])]
redirected += ["%s: appeared" % r for r in after if r not in before and r not in touched]

print("answers by status: %s" % dict(sorted(answers.items())))
print("proposals %d, drafts completed %d, reviews started %d; losers refused 403 (grant gone with the task) %d"
      % (len(references), completed, reviews_started, gone_grant))
for name, found in (("server error", server_errors), ("redirected write", redirected), ("lost", lost), ("doubled", doubled)):
    for line in found[:10]:
        print("  %s: %s" % (name, line))
print("server errors %d, redirected writes %d, lost %d, doubled %d"
      % (len(server_errors), len(redirected), len(lost), len(doubled)))
sys.exit(0 if not (server_errors or redirected or lost or doubled) else 1)
