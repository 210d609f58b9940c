import sys
from assistant import Assistant
from assistant.gate import GateInput
a = Assistant.open('/tmp/evald')
for q in sys.argv[1:]:
    qa = a.understand(q)
    print("Q:", q, "| shape", qa.shape, "expects", qa.expects, "keys", qa.key_terms, "terms", qa.terms, "lang", qa.language, "parties", qa.parties)
    chunks = a.retrieve(qa.search or q, None)
    scorer = a.answerer.scorer
    ev = scorer.evidence(qa, chunks)
    for e in ev[:5]:
        print(f"  {e.score:.3f} d={e.dense:.3f} lex={e.lexical:.2f} keys={e.key_share:.2f} ck={e.chunk_has_keys} typed={e.typed} ans={[c.value for c in e.answers][:3]} | {e.document.text[e.start:e.end][:110]}")
    if ev:
        print("  gate:", GateInput.of(qa, ev[0], ev))
