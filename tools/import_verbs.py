#!/usr/bin/env python3
"""Build dyad's event-pattern and CAMEO code-table data (Python 3 stdlib only).

Writes, under crates/dyad-dict/data/:
  cameo/codes.tsv       code, label, goldstein, quad, plover for every CAMEO code
  verbs/cameo.txt       patterns imported from PETRARCH2's CAMEO.2.0.txt
  verbs/irregular.tsv   irregular verb forms (form, lemma)
and then checks that every code in verbs/*.txt exists in cameo/codes.tsv.

Usage:
  python3 tools/import_verbs.py            # build everything, then check
  python3 tools/import_verbs.py --check    # only check verbs/*.txt against codes.tsv

Sources (see crates/dyad-dict/data/SOURCES.md):
  /work/shared/reference/petrarch2/dictionaries/CAMEO.2.0.txt   (MIT, Open Event Data Alliance)
  /work/shared/reference/cameo/CAMEO.eventcodes.txt             (GDELT lookup)
  /work/shared/reference/cameo/CAMEO.goldsteinscale.txt         (GDELT lookup)
  /work/shared/reference/cameo/cameo_codes.andybega-icews.utf8.csv (MIT; only for 1213)
  /work/shared/reference/plover/cameo_to_plover_2021.tsv        (CC BY-SA 4.0)
"""
import csv
import os
import re
import sys
from collections import OrderedDict

REF = os.environ.get("DYAD_REF", "/work/shared/reference")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "dyad-dict", "data")
SRC_VERBS = os.path.join(REF, "petrarch2", "dictionaries", "CAMEO.2.0.txt")
SRC_LABELS = os.path.join(REF, "cameo", "CAMEO.eventcodes.txt")
SRC_GOLD = os.path.join(REF, "cameo", "CAMEO.goldsteinscale.txt")
SRC_ICEWS = os.path.join(REF, "cameo", "cameo_codes.andybega-icews.utf8.csv")
SRC_PLOVER = os.path.join(REF, "plover", "cameo_to_plover_2021.tsv")

# ---------------------------------------------------------------- code table

# Repairs of GDELT label typos/mojibake (label text only; codes untouched).
LABEL_FIXES = {
    "044": 'Meet at a "third" location',
    "033": "Express intent to provide material aid, not specified below",
    "2041": "Use chemical, biological, or radiological weapons",
    # GDELT's lookup mislabels 101 and 105-108. The CAMEO 1.1b3 manual (andybega/icews) and
    # PETRARCH2's own patterns (CAMEO.2.0.txt: DEMAND * MEETING [106], * WITHDRAWAL [105]) use:
    "101": "Demand material cooperation, not specified below",
    "105": "Demand that target yields, not specified below",
    "106": "Demand meeting, negotiation",
    "107": "Demand settling of dispute",
    "108": "Demand mediation",
}


def quad_of(code):
    r = int(code[:2])
    if r <= 5:
        return "1"
    if r <= 8:
        return "2"
    if r <= 13:
        return "3"
    return "4"


def build_codes():
    labels = OrderedDict()
    with open(SRC_LABELS, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("CAMEOEVENTCODE"):
                continue
            c, lab = line.split("\t", 1)
            labels[c.strip()] = re.sub(r"\s+", " ", lab).strip()
    gold = {}
    with open(SRC_GOLD, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("CAMEOEVENTCODE"):
                continue
            c, g = line.split("\t")
            gold[c.strip()] = g.strip()
    assert set(gold) == set(labels), "GDELT label/goldstein code sets differ"
    extra = {}
    with open(SRC_ICEWS, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["code"] not in labels:
                extra[row["code"]] = (row["name"].strip(), "%.1f" % float(row["goldstein"]))
    plover = {}
    with open(SRC_PLOVER, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            c = row["cameo_code"].strip()
            if c and c not in plover:  # '08' is listed twice (CONCEDE, RETREAT): keep the first
                plover[c] = row["plover_event"].strip()
    codes = dict(labels)
    for c, (lab, g) in extra.items():
        codes[c] = lab
        gold[c] = g

    def sortkey(c):
        return (c[:2], c[:3], c)

    rows = []
    for c in sorted(codes, key=sortkey):
        lab = LABEL_FIXES.get(c, codes[c])
        if c[:2] in ("01", "02"):
            pl = "-"  # PLOVER drops CAMEO roots 01 and 02
        else:
            pl = plover.get(c) or plover.get(c[:3]) or plover.get(c[:2]) or "-"
        rows.append((c, lab, gold[c], quad_of(c), pl))
    out = os.path.join(DATA, "cameo", "codes.tsv")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# CAMEO event codes: code<TAB>label<TAB>goldstein<TAB>quad<TAB>plover\n")
        f.write("# Labels and Goldstein values: GDELT CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt\n")
        f.write("# (311 codes; this Goldstein table is the one dyad uses). Label repairs: 033 'matyerial',\n")
        f.write("# 044 mojibake quotes, 2041 'radiologicalweapons'. GDELT's labels of 101 and 105-108\n")
        f.write("# (Demand information / mediation / withdrawal / ceasefire / meeting) do not match the\n")
        f.write("# CAMEO 1.1b3 manual or PETRARCH2's use of those codes; the manual's labels are used.\n")
        f.write("# 1213 (Reject judicial cooperation, -4.0) is not in GDELT's files; it is taken from\n")
        f.write("# andybega/icews data-raw/cameo-codes.csv (MIT), cameo_codes.andybega-icews.utf8.csv.\n")
        f.write("# quad: 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal conflict\n")
        f.write("# (09-13), 4 material conflict (14-20).\n")
        f.write("# plover: PLOVER event type from CAMEO2PLOVER-2021 (openeventdata/PLOVER, CC BY-SA 4.0);\n")
        f.write("# a code without its own line takes its nearest listed parent's type; roots 01 and 02 are\n")
        f.write("# dropped by PLOVER (-). Root 08 is listed as both CONCEDE and RETREAT; the first is kept.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return {r[0] for r in rows}, len(rows)


def load_codes():
    codes = set()
    with open(os.path.join(DATA, "cameo", "codes.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.add(line.split("\t", 1)[0])
    return codes


# ---------------------------------------------------------------- irregular verbs

# Common irregular English verbs (lemma: forms). Written for dyad.
BUILTIN_IRREGULAR = """
be: am is are was were been being
have: has had having
do: does did done
go: goes went gone
make: made
take: took taken
meet: met
hold: held
send: sent
say: says said
tell: told
give: gave given
leave: left
lead: led
seek: sought
bring: brought
fight: fought
strike: struck stricken
shoot: shot
flee: fled
spend: spent
win: won winning
lose: lost
begin: began begun beginning
withdraw: withdrew withdrawn
come: came
see: saw seen
know: knew known
think: thought
get: got gotten getting
find: found
keep: kept
stand: stood
understand: understood
speak: spoke spoken
write: wrote written
break: broke broken
choose: chose chosen
drive: drove driven
fall: fell fallen
forget: forgot forgotten
forgive: forgave forgiven
freeze: froze frozen
grow: grew grown
hide: hid hidden
ride: rode ridden
rise: rose risen
arise: arose arisen
run: ran running
shake: shook shaken
steal: stole stolen
swear: swore sworn
tear: tore torn
throw: threw thrown
overthrow: overthrew overthrown
wear: wore worn
undertake: undertook undertaken
overtake: overtook overtaken
mistake: mistook mistaken
foresee: foresaw foreseen
oversee: oversaw overseen
undergo: underwent undergone
blow: blew blown
fly: flew flown
draw: drew drawn
show: showed shown
sell: sold
buy: bought
build: built
catch: caught
teach: taught
feel: felt
deal: dealt
mean: meant
lend: lent
bend: bent
sit: sat sitting
set: setting
put: putting
cut: cutting
let: letting
hit: hitting
quit: quitting
shut: shutting
split: splitting
spread: spread
upset: upsetting
bet: betting
bid: bidding bade
feed: fed
bleed: bled
breed: bred
lay: laid
pay: paid
mislay: mislaid
slay: slew slain
hang: hung
dig: dug digging
stick: stuck
sting: stung
swing: swung
string: strung
ring: rang rung
sing: sang sung
spring: sprang sprung
sink: sank sunk
drink: drank drunk
shrink: shrank shrunk
swim: swam swum
sweep: swept
weep: wept
sleep: slept
creep: crept
leap: leapt
light: lit
slide: slid
uphold: upheld
withhold: withheld
withstand: withstood
overcome: overcame
overrun: overran overrunning
override: overrode overridden
forbid: forbade forbidden forbidding
forsake: forsook forsaken
beat: beaten
bite: bitten
eat: ate eaten
lie: lain lying
die: dying
tie: tying
sew: sewn
sow: sown
strive: strove striven
tread: trod trodden
undo: undid undone
rebuild: rebuilt
retell: retold
reset: resetting
outbid: outbidding
broadcast: broadcast
forecast: forecast
offset: offsetting
""".strip()

# Brace forms in CAMEO.2.0.txt that must not become lemma entries (typos, or a
# homograph that is a more frequent verb/noun in its own right).
IRREGULAR_SKIP = {
    "drug", "lie", "lain", "bound", "wound", "pent", "ragged", "hove", "clove", "cleft",
    "overidding", "chosing", "assailling", "found", "lay", "left", "rose", "ground", "saw",
    "fell", "lit", "bit",
}


def is_regular(base, form):
    b, f = base, form
    cands = {b + "s", b + "es", b + "ed", b + "d", b + "ing"}
    if b.endswith("e"):
        cands.add(b[:-1] + "ing")
    if b.endswith("y"):
        cands |= {b[:-1] + "ies", b[:-1] + "ied"}
    return f in cands


# ---------------------------------------------------------------- verb dictionary

# Synsets with more than MAX_MULTI multi-word members are not expanded into one line per
# member (that gives ~240,000 lines); their multi-word members join the alternation by their
# last word, except for these generic nouns.
MAX_MULTI = 4
GENERIC_HEADS = {
    "system", "systems", "vehicle", "vehicles", "carrier", "batteries", "device", "devise",
    "club", "arrow", "house", "opinion", "cause", "center", "area", "offense", "offence",
    "camp", "services", "person", "agent", "stockpile", "warfare", "minister", "contingent",
    "force", "panther", "cougar", "typhoon", "falcon", "dragonfly", "orion", "4c", "nfh",
    "mangusta", "poseidon", "hornet", "predator", "knuckles", "weapons", "weapon", "helmets",
}

# Codes emitted by CAMEO.2.0.txt that are not in codes.tsv -> replacement.
UNKNOWN_CODE_MAP = {}


def norm_code(raw, known, unknown_log, line_no):
    """'[042:043]' -> ('042', reversed=False); '[:173]' -> ('173', True); '[---]' -> '---'."""
    raw = raw.strip().strip("[]").strip()
    if raw.startswith("---") or raw == "":
        return "---", False
    parts = raw.split(":")
    rev = False
    code = parts[0]
    if code == "" and len(parts) > 1:
        code = parts[1]
        rev = True
    code = re.sub(r"[^0-9]", "", code)
    if not code:
        return "---", False
    if code not in known:
        parent = code
        while parent and parent not in known:
            parent = parent[:-1] if len(parent) > 2 else ""
        if not parent:
            raise SystemExit("no parent for code %s (line %d)" % (code, line_no))
        unknown_log.setdefault(code, [parent, []])[1].append(line_no)
        code = parent
    return code, rev


def split_word(w):
    """A source word -> list of lower-case tokens ('CEASE_FIRE' -> ['cease', 'fire'])."""
    w = w.strip().lower().strip("_")
    return [t for t in w.split("_") if t]


def parse_cameo_verbs(known):
    with open(SRC_VERBS, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")

    synsets = {}
    cur = None
    start = None
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("####### VERB PATTERNS"):
            start = i + 1
            break
        if s.startswith("&"):
            cur = s.split()[0]
            synsets[cur] = []
        elif s.startswith("+") and cur:
            synsets[cur].append(split_word(s[1:].split("#")[0].strip()))
        elif not s:
            pass
    assert start is not None

    blocks = []  # each: dict(name, code, line, members=[(head, particles, code, line)], patterns=[...])
    report = {"skipped_lines": [], "undefined_synsets": {}, "reversed": 0, "pairs": 0}
    irregular = []  # (form, lemma, line)
    block = None
    for i in range(start, len(lines)):
        ln = i + 1
        raw = lines[i]
        s = raw.strip()
        if not s or s.startswith("#"):
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", s)
        if m:
            block = {"name": m.group(1), "code": m.group(2), "line": ln, "members": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            report["skipped_lines"].append(ln)
            continue
        if s.startswith("~"):
            report["skipped_lines"].append(ln)  # PETRARCH2 transformation rules: not patterns
            continue
        if s.startswith("-"):
            body = s[1:].split("#", 1)[0]
            mc = re.search(r"\[([^\]]*)\]", body)
            if not mc:
                report["skipped_lines"].append(ln)
                continue
            code_raw = mc.group(1)
            toks = re.sub(r"_?\*_?", " * ", body[: mc.start()])  # '*SCEPTICAL', 'SPY_*_DEAL'
            toks = toks.replace("(", " ").replace(")", " ")
            toks = toks.replace("{", " ").replace("}", " ").split()
            if "*" not in toks:
                report["skipped_lines"].append(ln)
                continue
            block["patterns"].append((toks, code_raw, ln))
            continue
        # member verb line
        body = s.split("#", 1)[0].strip()
        mc = re.search(r"\[([^\]]*)\]", body)
        code_raw = mc.group(1) if mc else None
        if mc:
            body = (body[: mc.start()] + body[mc.end():]).strip()
        forms = []
        mb = re.search(r"\{([^}]*)\}", body)
        if mb:
            forms = [x.strip("+") for x in re.split(r"[\s,]+", mb.group(1)) if x.strip("+")]
            body = (body[: mb.start()] + body[mb.end():]).strip()
        word = body.split()[0].lstrip("+") if body.split() else ""
        if not word:
            report["skipped_lines"].append(ln)
            continue
        toks = split_word(word)
        base = toks[0]
        for fm in forms:
            f0 = split_word(fm)[0]
            irregular.append((f0, base, ln))
        block["members"].append((toks, code_raw, ln))

    return synsets, blocks, irregular, report


def build_irregular(src_irregular):
    table = OrderedDict()
    origin = {}
    conflicts = []
    for line in BUILTIN_IRREGULAR.split("\n"):
        lemma, forms = line.split(":")
        for fm in forms.split():
            if fm not in table:
                table[fm] = lemma.strip()
                origin[fm] = "dyad"
    for form, base, ln in src_irregular:
        if base == "is":
            base = "be"
        if form == base or form in IRREGULAR_SKIP or is_regular(base, form):
            continue
        if form in table:
            if table[form] != base:
                conflicts.append((form, table[form], base, ln))
            continue
        table[form] = base
        origin[form] = "CAMEO.2.0.txt:%d" % ln
    return table, origin, conflicts


def lemma_of(word, irr):
    return irr.get(word, word)


def render_patterns(synsets, blocks, known, irr, report):
    """Yield (code, pattern, origin)."""
    unknown_log = {}
    out = []

    def expand(tokens):
        """tokens (source tokens, no '*') -> list of lists of dyad elements."""
        variants = [[]]
        for t in tokens:
            if t.startswith("&"):
                mem = synsets.get(t)
                if mem is None:
                    # undefined synset: use its name as a plain word
                    report["undefined_synsets"].setdefault(t, 0)
                    report["undefined_synsets"][t] += 1
                    alts = [[w] for w in split_word(t[1:])]
                    alts = [split_word(t[1:])]
                else:
                    singles = [m[0] for m in mem if len(m) == 1]
                    multis = [m for m in mem if len(m) > 1]
                    if len(multis) > MAX_MULTI:
                        # big synsets (&WEAPON, &AIRCRAFT, ...): a multi-word member joins the
                        # alternation by its last word (its head noun) unless that is generic
                        for m in multis:
                            if m[-1] not in GENERIC_HEADS:
                                singles.append(m[-1])
                        multis = []
                    alts = []
                    if singles:
                        alts.append(["|".join(OrderedDict.fromkeys(singles))])
                    alts.extend(multis)
                    if not alts:
                        alts = [split_word(t[1:])]
                variants = [v + a for v in variants for a in alts]
            elif t in ("$", "+", "^"):
                variants = [v + [t] for v in variants]
            else:
                w = split_word(t)
                if w:
                    variants = [v + w for v in variants]
        return variants

    for b in blocks:
        members = []
        for toks, code_raw, ln in b["members"]:
            head = lemma_of(toks[0], irr)
            members.append((head, toks[1:], code_raw, ln))
        # default pattern per member verb
        for head, parts, code_raw, ln in members:
            craw = code_raw if code_raw is not None else b["code"]
            code, rev = norm_code(craw, known, unknown_log, ln)
            if code == "---":
                continue  # a bare verb with no event needs no pattern
            pat = " ".join(["<%s>" % head] + parts)
            out.append((code, pat, "CAMEO.2.0.txt:%d" % ln))
        for toks, code_raw, ln in b["patterns"]:
            code, rev = norm_code(code_raw, known, unknown_log, ln)
            if ":" in code_raw and not code_raw.strip().startswith(":"):
                report["pairs"] += 1
            star = toks.index("*")
            pre, post = toks[:star], [t for t in toks[star + 1:] if t != "*"]
            if rev:
                # '[:code]': the event runs from the object side to the subject side.
                report["reversed"] += 1
                swap = {"$": "+", "+": "$"}
                pre = [swap.get(t, t) for t in pre]
                post = [swap.get(t, t) for t in post]
                if "+" not in pre:
                    pre = ["+"] + pre
            for pv in expand(pre):
                for ov in expand(post):
                    for head, parts, _c, _l in members:
                        pat = " ".join(pv + ["<%s>" % head] + parts + ov)
                        out.append((code, pat, "CAMEO.2.0.txt:%d" % ln))
    return out, unknown_log


def build_verbs(known):
    synsets, blocks, src_irr, report = parse_cameo_verbs(known)
    irr, irr_origin, conflicts = build_irregular(src_irr)
    pats, unknown_log = render_patterns(synsets, blocks, known, irr, report)
    seen = set()
    uniq = []
    for code, pat, origin in pats:
        key = (code, pat)
        if key in seen:
            continue
        # drop a pattern that is identical to an earlier one with another code? keep: both are
        # traceable; the coder takes the first. Only exact duplicates are removed.
        seen.add(key)
        uniq.append((code, pat, origin))

    out = os.path.join(DATA, "verbs", "cameo.txt")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Event patterns imported from PETRARCH2's CAMEO.2.0.txt (openeventdata/petrarch2 @\n")
        f.write("# 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT, (c) 2015 Open Event Data Alliance)\n")
        f.write("# by tools/import_verbs.py. Do not edit by hand: re-run the script.\n")
        f.write("# code<TAB>pattern<TAB>CAMEO.2.0.txt:LINE (line of the pattern or member verb).\n")
        f.write("# Conversion: '*' -> <verb> of every member verb of the block; (...) and {...} dropped,\n")
        f.write("# words kept in order; &SYNSET -> a|b|c for one-word members, one line per multi-word\n")
        f.write("# member (synsets with more than %d multi-word members: their last word joins a|b|c);" % MAX_MULTI)
        f.write("\n# [A:B] -> A; [:B] (event from object to subject) -> B with $/+ swapped and '+'\n")
        f.write("# put on the subject side; [---] -> ---; bare verbs of [---] blocks are not listed;\n")
        f.write("# PETRARCH2 transformation rules (~ lines) are skipped.\n")
        if unknown_log:
            f.write("# Codes in CAMEO.2.0.txt that are not in cameo/codes.tsv, mapped to their parent:\n")
            for c, (parent, lns) in sorted(unknown_log.items()):
                f.write("#   %s -> %s (CAMEO.2.0.txt lines %s)\n" % (c, parent, ", ".join(map(str, sorted(set(lns))))))
        if report["undefined_synsets"]:
            f.write("# Synsets used but not defined in the source, kept as a plain word: %s\n"
                    % ", ".join(sorted(report["undefined_synsets"])))
        for code, pat, origin in uniq:
            f.write("%s\t%s\t%s\n" % (code, pat, origin))

    out2 = os.path.join(DATA, "verbs", "irregular.tsv")
    with open(out2, "w", encoding="utf-8") as f:
        f.write("# Irregular verb forms: form<TAB>lemma. Forms a plain suffix rule handles (-s, -es, -ed,\n")
        f.write("# -d, -ing, e-drop + -ing, y -> -ies/-ied) are left out; doubled consonants are kept.\n")
        f.write("# Sources: dyad's own list of common irregular verbs, then the {...} form lists of\n")
        f.write("# PETRARCH2's CAMEO.2.0.txt (MIT); built by tools/import_verbs.py.\n")
        for form in sorted(irr):
            f.write("%s\t%s\n" % (form, irr[form]))
    return uniq, unknown_log, report, conflicts, len(irr), blocks


# ---------------------------------------------------------------- check

def check(known):
    bad = 0
    heads = 0
    for name in sorted(os.listdir(os.path.join(DATA, "verbs"))):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(DATA, "verbs", name)
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.startswith("#") or not line.strip():
                    continue
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 3:
                    print("%s:%d: expected 3 TAB-separated fields: %r" % (name, n, line))
                    bad += 1
                    continue
                code, pat, origin = fields
                if code != "---" and code not in known:
                    print("%s:%d: unknown code %s" % (name, n, code))
                    bad += 1
                nh = len(re.findall(r"<[^<>\s]+>", pat))
                if nh != 1:
                    print("%s:%d: pattern needs exactly one <head>: %s" % (name, n, pat))
                    bad += 1
                heads += 1
                if not origin:
                    print("%s:%d: empty origin" % (name, n))
                    bad += 1
    print("checked %d patterns, %d problems" % (heads, bad))
    return bad


def main():
    if "--check" in sys.argv:
        sys.exit(1 if check(load_codes()) else 0)
    known, ncodes = build_codes()
    print("codes.tsv: %d codes" % ncodes)
    pats, unknown_log, report, conflicts, nirr, blocks = build_verbs(known)
    print("cameo.txt: %d patterns from %d blocks" % (len(pats), len(blocks)))
    print("irregular.tsv: %d forms" % nirr)
    for c, (parent, lns) in sorted(unknown_log.items()):
        print("unknown code %s -> %s at lines %s" % (c, parent, sorted(set(lns))))
    print("reversed [:X] patterns: %d; paired [A:B] patterns: %d" % (report["reversed"], report["pairs"]))
    print("undefined synsets: %s" % report["undefined_synsets"])
    print("skipped lines: %d" % len(report["skipped_lines"]))
    for c in conflicts:
        print("irregular conflict: %s -> %s kept, %s (line %d) dropped" % c)
    sys.exit(1 if check(known) else 0)


if __name__ == "__main__":
    main()
