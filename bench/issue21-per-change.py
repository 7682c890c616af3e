#!/usr/bin/env python3
"""Issue 21: what each correction of 7ce82da moves on its own, on the 2,500-citizen fixture.

For each version and change k, a temporary rules folder under /tmp holds the version as it was
before 7ce82da (7ce82da^) and a copy of it under a new id with only change k's rule blocks taken
from 7ce82da (whole rule blocks, texts included; new rules added, removed rules removed). Then
`diff OLD NEW --population fixtures/population-2500.jsonl --rules-dir DIR` counts who moves.
Why-not rules (whynot.drl) are left out: diff compares status, tier and flags only.

Run from the worktree root after `mvn -B -o -q package -DskipTests -pl service -am`:
    python3 bench/issue21-per-change.py [/tmp/issue21-per-change]
"""

import os
import re
import shutil
import subprocess
import sys

COMMIT = "7ce82da"
JAR = "service/target/triage-service.jar"
POPULATION = "fixtures/population-2500.jsonl"
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/issue21-per-change"

# change -> {file: [rule ids taken from 7ce82da]}, "-ID" removes the rule. Derived rules that a
# change's rules need (D-14, D-15, D-16) only insert facts and move nobody by themselves.
CHANGES = {
    "2021.03": {
        "1 old-age pensioners": {"tiers.drl": ["TO-03", "-T3-03"]},
        "2 15-17 limited support": {"derived.drl": ["D-09", "D-13", "D-10"], "tiers.drl": ["TY-02", "TY-04"]},
        "3 anchored youth out of scope": {"tiers.drl": ["TY-01"]},
        "4 committee at very limited potential": {"derived.drl": ["D-14", "D-16"], "flags.drl": ["F-03", "F-09"]},
        "5 sickness-benefit case stays": {"flags.drl": ["F-10"], "tiers.drl": ["T3-02", "T3-04"]},
        "1-8 together (check)": {
            "derived.drl": ["D-09", "D-13", "D-10", "D-14", "D-16"],
            "tiers.drl": ["TO-03", "-T3-03", "TY-01", "TY-02", "TY-04", "T3-02", "T3-04"],
            "flags.drl": ["F-03", "F-09", "F-10"]},
    },
    "2023.01": {
        "1 old-age pensioners": {"tiers.drl": ["TO-03", "-T3-03"]},
        "2 15-17 limited support": {"derived.drl": ["D-09", "D-13", "D-10"], "tiers.drl": ["TY-02", "TY-04"]},
        "3 anchored youth out of scope": {"tiers.drl": ["TY-01"]},
        "4 committee at very limited potential": {"derived.drl": ["D-14", "D-16"], "flags.drl": ["F-09"]},
        "5 sickness-benefit case stays": {"flags.drl": ["F-10"], "tiers.drl": ["T3-02", "T3-04"]},
        "6 complex through departments or measures": {"derived.drl": ["D-05"]},
        "7 joint plan target group": {"derived.drl": ["D-14", "D-15"], "flags.drl": ["F-04"]},
        "8 one coordination at a time": {"derived.drl": ["D-14", "D-15", "D-16"], "flags.drl": ["F-03", "F-08", "F-05"]},
        "4+8 (interaction)": {"derived.drl": ["D-14", "D-15", "D-16"], "flags.drl": ["F-09", "F-03", "F-08", "F-05"]},
        "6+7 (interaction)": {"derived.drl": ["D-05", "D-14", "D-15"], "flags.drl": ["F-04"]},
        "1-8 together (check)": {
            "derived.drl": ["D-05", "D-09", "D-13", "D-10", "D-14", "D-15", "D-16"],
            "tiers.drl": ["TO-03", "-T3-03", "TY-01", "TY-02", "TY-04", "T3-02", "T3-04"],
            "flags.drl": ["F-03", "F-04", "F-05", "F-08", "F-09", "F-10"]},
    },
}
DECLARES = ["MoreComplexYouth", "YouthEffortAge", "JointPlanAge", "YouthPlanDespiteVeryLimitedPotential"]


def git_show(rev, path):
    return subprocess.run(["git", "show", f"{rev}:{path}"], check=True, capture_output=True, text=True).stdout


def block(text, rule_id):
    match = re.search(r'^rule "' + re.escape(rule_id) + r' .*?^end\n', text, re.S | re.M)
    return match


def apply(old, new, ids):
    for rule_id in ids:
        if rule_id.startswith("-"):
            found = block(old, rule_id[1:])
            old = old[:found.start()] + old[found.end() + 1:]
            continue
        taken = block(new, rule_id).group(0)
        found = block(old, rule_id)
        old = old[:found.start()] + taken + old[found.end():] if found else old.rstrip("\n") + "\n\n" + taken
    return old


def prepare(version, number, name, edits):
    folder = os.path.join(OUT, f"{version}-{name.split()[0]}")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    subprocess.run(f"git archive {COMMIT}^ rules | tar x -C {folder} --strip-components=1", shell=True, check=True)
    for other in os.listdir(folder):
        if re.fullmatch(r"\d{4}\.\d{2}", other) and other != version:
            shutil.rmtree(os.path.join(folder, other))
    old_dir = os.path.join(folder, version)
    for drl in os.listdir(old_dir):
        if drl.endswith(".drl"):  # the old texts' \" is refused by today's text check; texts move nobody
            path = os.path.join(old_dir, drl)
            with open(path, encoding="utf-8") as f:
                text = f.read().replace('\\"', "")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    new_id = f"{version[:5]}{50 + number}"
    new_dir = os.path.join(folder, new_id)
    shutil.copytree(old_dir, new_dir)
    for drl, ids in edits.items():
        path = os.path.join(new_dir, drl)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = apply(text, git_show(COMMIT, f"rules/{version}/{drl}"), ids)
        if drl == "derived.drl":
            missing = [d for d in DECLARES if f"declare {d} end" not in text]
            text = text.replace("declare SocialAnchoredYouth end\n", "declare SocialAnchoredYouth end\n"
                                + "".join(f"declare {d} end\n" for d in missing))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    yaml = os.path.join(new_dir, "version.yaml")
    with open(yaml, encoding="utf-8") as f:
        text = f.read().replace(f'id: "{version}"', f'id: "{new_id}"')
    with open(yaml, "w", encoding="utf-8") as f:
        f.write(text)
    return folder, new_id


def diff(folder, old, new):
    run = subprocess.run(["java", "-jar", JAR, "diff", old, new, "--population", POPULATION, "--rules-dir", folder],
                         capture_output=True, text=True)
    with open(os.path.join(folder, "diff.txt"), "w", encoding="utf-8") as f:
        f.write(run.stdout + run.stderr)
    if run.returncode != 0:
        return "FAILED: " + (run.stdout + run.stderr).strip().splitlines()[-1], []
    summary = next(line for line in run.stdout.splitlines() if " change (" in line)
    moves = [line.strip() for line in run.stdout.splitlines() if re.match(r"^  \S.*: [\d,]+ profiles$", line)]
    return summary, moves


def main():
    os.makedirs(OUT, exist_ok=True)
    for version, changes in CHANGES.items():
        for number, (name, edits) in enumerate(changes.items(), start=1):
            folder, new_id = prepare(version, number, name, edits)
            summary, moves = diff(folder, version, new_id)
            print(f"{version} change {name}: {summary}")
            for move in moves:
                print(f"    {move}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
