from assistant import Assistant
from assistant.gate import GateInput
a = Assistant.open('/tmp/evald')
first = a.ask("Vad föreslår Moderaterna om hembesök?")
qa = a.understand("Och vad kostar det?", [first])
print("search:", qa.search, "| text:", qa.text, "| terms", qa.terms, "keys", qa.key_terms, "expects", qa.expects, "follow", )
chunks = a.retrieve(qa.search or qa.text, None)
ev = a.answerer.scorer.evidence(qa, chunks)
for e in ev[:5]:
    print(f"  {e.score:.3f} d={e.dense:.3f} lex={e.lexical:.2f} keys={e.key_share:.2f} typed={e.typed} ans={[c.value for c in e.answers][:3]} | {e.document.text[e.start:e.end][:120]}")
print(GateInput.of(qa, ev[0], ev))
