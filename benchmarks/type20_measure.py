"""type20's measurement (issue 11): every gold span of the four sets opened in round twenty (never seen by BASE's
CRF and stage) found with a wrong type, with the type before the precision stage, after it and at the end, the
stage's three most probable classes, and the same string elsewhere. Writes /tmp/type20/measure.json.

Run: ``PYTHONPATH=src python3 benchmarks/type20_measure.py``.
"""

import json
from collections import Counter

import makna.privacy._pipeline as P
from makna.privacy.detect import detect
from makna.privacy.evaluate import load_gold
from makna.privacy.precision import document_features, load_stage

FOUR = ("tune22", "seal21", "spent31", "spent32")
stage = load_stage()
orig = P.apply_stage
calls = []


def wrap(scan, language, found):
    out = orig(scan, language, found)
    calls.append((scan, language, list(found), list(out)))
    return out


P.apply_stage = wrap
rows = []
for split in FOUR:
    for doc in load_gold(f"tests/privacy/corpus/{split}"):
        calls.clear()
        final = detect(doc.text, language=doc.language)
        assert len(calls) == 1, len(calls)  # one chunk
        scan, lang, pre, post = calls[0]
        feats = document_features(scan, lang, pre)
        for s, e, kind in doc.pii:

            def ov(ds, s=s, e=e):
                return [d for d in ds if d.start < e and s < d.end]

            f = ov(final)
            if not f or any(d.type == kind for d in f):
                continue
            p0 = ov(pre)
            p1 = ov(post)
            probs = {}
            for d in p0:
                i = pre.index(d)
                if feats[i]:
                    pr = stage.probabilities(feats[i])
                    probs = {k: round(v, 2) for k, v in sorted(pr.items(), key=lambda kv: -kv[1])[:3]}
            # same string elsewhere in final output, typed
            txt = doc.text[s:e]
            others = Counter(d.type for d in final if d.text == txt and not (d.start < e and s < d.end))
            gold_others = Counter(k for a, b, k in doc.pii if doc.text[a:b] == txt and a != s)
            pre_t = "/".join(f"{d.type}@{d.detector}" for d in p0) or "-"
            post_t = "/".join(d.type for d in p1) or "-"
            fin_t = "/".join(f"{d.type}@{d.detector}" for d in f)
            if p0 and all(d.type != kind for d in p0):
                cls = (
                    "rule-wrong,stage-kept"
                    if all(d.type != kind for d in p1) and p1
                    else ("rule-wrong,stage-fixed,later-undid" if p1 else "dropped")
                )
            elif p0 and p1 and all(d.type != kind for d in p1):
                cls = "stage-retyped-wrong"
            elif p0:
                cls = "later-pass-retyped"
            else:
                cls = "not-in-stage-input"
            line = scan[max(0, s - 60) : s].split("\n")[-1]
            rows.append(
                dict(
                    split=split,
                    doc=doc.id,
                    lang=doc.language,
                    gold=kind,
                    text=txt,
                    cls=cls,
                    pre=pre_t,
                    post=post_t,
                    final=fin_t,
                    probs=probs,
                    others=dict(others),
                    gold_others=dict(gold_others),
                    left=line,
                    right=scan[e : e + 30].split("\n")[0],
                )
            )
json.dump(rows, open("/tmp/type20/measure.json", "w"), indent=1, ensure_ascii=False)
print(len(rows))
print(Counter(r["cls"] for r in rows))
print(Counter((r["gold"], r["final"].split("@")[0]) for r in rows))
