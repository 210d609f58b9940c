from assistant import Assistant, Settings
from assistant.reranking import QuestionTerms, RerankWeights, SentenceMatch
from assistant.retrieval import HybridRetriever
from index import Index

QUESTION = "När öppnade trygghetskontoret vid Stureplan?"
# Both documents hold every word of the question; only one holds them in one sentence, in order.
TOGETHER = ("Stadsdelen har många verksamheter. I mars 2021 öppnade trygghetskontoret vid Stureplan. "
            "Där arbetar fältassistenter.")
SCATTERED = ("Trygghetskontoret har flera uppgifter och stora lokaler. Vid Stureplan är det ofta trångt. "
             "Förskolan öppnade i mars.")


def flat_idf(term: str) -> float:
    return 1.0


def test_best_sentence_scores_words_in_one_sentence_and_in_order() -> None:
    terms = QuestionTerms.of(QUESTION, flat_idf)
    assert terms.best_sentence(TOGETHER, 0, len(TOGETHER)) == SentenceMatch(coverage=1.0, context=1.0, pairs=1.0)
    scattered = terms.best_sentence(SCATTERED, 0, len(SCATTERED))
    assert scattered.coverage < 0.5 and scattered.pairs < 0.5
    assert scattered.context > scattered.coverage  # the sentence before it counts in "context"


def test_best_sentence_looks_only_inside_the_span() -> None:
    terms = QuestionTerms.of(QUESTION, flat_idf)
    first = TOGETHER.index(".") + 1
    assert terms.best_sentence(TOGETHER, 0, first).coverage == 0.0


def test_rare_words_weigh_more() -> None:
    terms = QuestionTerms.of("trygghetskontor stadsdel", lambda t: 5.0 if t.startswith("trygghet") else 1.0)
    text = "Ett trygghetskontor. En stadsdel."
    assert terms.best_sentence(text, 0, len(text)).coverage == 5.0 / 6.0


def test_rerank_lifts_the_chunk_whose_sentence_matches(fake_index: Index, tmp_path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "together.txt").write_text(TOGETHER, encoding="utf-8")
    (tmp_path / "docs" / "scattered.txt").write_text(SCATTERED, encoding="utf-8")
    fake_index.add([tmp_path / "docs"])
    plain = HybridRetriever(fake_index, fusion="weighted", rerank=None).retrieve(QUESTION, 2)
    reranked = HybridRetriever(fake_index, fusion="weighted", rerank=RerankWeights()).retrieve(QUESTION, 2)
    assert [c.chunk.doc_id for c in reranked] == ["together", "scattered"]
    by_id = {c.chunk.doc_id: c.score for c in plain}
    lifts = {c.chunk.doc_id: c.score - by_id[c.chunk.doc_id] for c in reranked}
    assert lifts["together"] > lifts["scattered"] > 0


def test_the_rerank_is_on_by_default_and_kalla_rerank_turns_it_off(fake_index: Index, monkeypatch, tmp_path) -> None:
    assert Assistant(fake_index, Settings(data_dir=tmp_path)).retriever.rerank == RerankWeights()
    monkeypatch.setenv("KALLA_RERANK", "false")
    assert Assistant(fake_index, Settings(data_dir=tmp_path)).retriever.rerank is None


def test_covered_takes_the_answerers_looser_match() -> None:
    terms = QuestionTerms(["trygghetskontor", "stureplan"], flat_idf)
    assert terms.covered({"trygghetskontoret"}) == 0.0
    assert terms.covered({"trygghetskontoret"}, lambda term, tokens: any(term in t for t in tokens)) == 0.5


def test_stem_matching_agrees_with_the_plain_definition() -> None:
    """The fast word match (set and string operations) decides exactly as "the same stem, the
    definite -an, a question word's definite neuter -t/-et or a supine -t for a past -d
    dropped, the "e" of -el/-en/-er dropped, the term inside a token, a four-letter term that
    ends a token of 7+ letters (a compound's head), or a token of 5+ letters inside the term
    that is its end (a compound's head) or at least half of it" does."""
    from assistant.scoring import stem_matches

    def plain(term: str, tokens: set[str]) -> bool:
        return (term in tokens or (len(term) >= 6 and term.endswith("an") and term[:-2] in tokens)
                or (len(term) >= 5 and term.endswith("t") and term[:-1] in tokens)
                or (len(term) >= 6 and term.endswith("et") and term[:-2] in tokens)
                or (len(term) >= 6 and term[-1] in "td" and term[:-1] + {"t": "d", "d": "t"}[term[-1]] in tokens)
                or (len(term) >= 4 and term[-1] in "lnr" and term[-2] not in "aeiouyåäö"
                    and term[:-1] + "e" + term[-1] in tokens)
                or (len(term) >= 6 and term[-2:] in ("el", "en", "er") and term[:-2] + term[-1] in tokens)
                or (len(term) == 4 and any(len(t) >= 7 and t.endswith(term) for t in tokens))
                or (len(term) >= 5 and any(term in t or (len(t) >= 5 and t in term and (
                    term.endswith(t) or 2 * len(t) >= len(term))) for t in tokens)))

    tokens = {"trygghetskontor", "stureplan", "skol", "polis", "ordningsvakt", "rekryter", "foto", "kort",
              "genomförd", "våldet", "extramedel"}
    for term in ["trygghetskontor", "kontor", "trygghet", "skolan", "skol", "polisen", "polisstation",
                 "vakt", "ordningsvakter", "rekrytering", "gäng", "stureplanen", "fotot", "kortet",
                 "genomfört", "våld", "polisstationer", "skolpolis", "rekryteringsförsök", "medl", "medel",
                 "stur"]:
        assert stem_matches(term, tokens) == plain(term, tokens), term
    tokens.add("gängen")  # a set that grew is read as it is now
    assert stem_matches("gängen", tokens) and stem_matches("gängens", tokens)


def test_a_swedish_synonym_covers_the_question_word_with_that_words_weight() -> None:
    from assistant.question import analyze
    from assistant.scoring import stem_matches
    from assistant.synonyms import with_synonyms
    from index.text import tokenize

    terms = analyze("Vilken utmärkelse fick metoden?").terms
    assert terms == with_synonyms(tuple(tokenize("utmärkelse metoden")), frozenset())
    idf = {"utmärk": 5.0, "pris": 1.0, "metod": 1.0}.get
    covered = QuestionTerms(terms, lambda t: idf(t, 0.5))
    # "pris" stands in for "utmärkelse" at the weight of the rare word asked with (5 of 6).
    assert covered.covered(set(tokenize("Metoden fick ett pris")), stem_matches) == 1.0
    assert abs(covered.covered(set(tokenize("ett pris")), stem_matches) - 5 / 6) < 1e-9
    assert covered.covered(set(tokenize("en metod")), stem_matches) < 0.2
    # A name or a word that says what kind of answer is wanted keeps its own form.
    assert "förslag" in analyze("Vilka förslag har Moderaterna?").terms
