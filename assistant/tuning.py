"""Every tuned number of the extractive answerer, in one place, with where its value came from.

"Calibration" below means the data a value was chosen on; the README reports other data
(held-out). The gate's thresholds are chosen by ``python -m bench.calibrate`` on SweQUAD-MC's
training split (answerable: the questions over all passages; unanswerable: the same questions
with their gold passage and every passage holding the gold answer removed) and on
``tests/eval/calibration.jsonl``; they are reported on SweQUAD's dev split and on
``tests/eval/heldout.jsonl``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScoringWeights:
    """How a sentence's signals add up (``assistant.scoring``). Chosen by hand on the first
    seed questions (session 1, tests/eval/calibration.jsonl's predecessor); unchanged since."""

    dense: float = 0.40    # e5 similarity to the question, min-max scaled over the candidates
    lexical: float = 0.30  # idf-weighted share of the question's words in the sentence (+ doc header)
    prior: float = 0.15    # the passage's retrieval score relative to the best passage
    typed: float = 0.25    # the sentence holds an answer of the kind asked for (party, number, ...)
    keys: float = 0.05     # share of the question's names and numbers in the sentence
    pointed: float = 0.2   # the sentence answers a question of the document that matches the user's
    #                        (session 3, tests/eval/calibration.jsonl: see FactoidSettings.pointer_*)


@dataclass(frozen=True)
class GateThresholds:
    """The evidence gate (``assistant.gate``): below these, Källa declines.

    ``min_lexical``, ``min_lexical_with_names`` and ``min_lexical_typed`` were chosen by
    ``python -m bench.calibrate`` (session 3): the best balanced accuracy on SweQUAD-MC's
    training split (962 answerable, 962 unanswerable with the gold passage and every passage
    holding the answer removed) among thresholds answering >= 95% of the answerable
    calibration seed questions. The dense thresholds stayed where session 1 had put them (the
    grid kept them). Held-out figures (SweQUAD dev, tests/eval/heldout.jsonl): README."""

    min_dense: float = 0.80           # no sentence less similar than this is evidence
    min_dense_english: float = 0.78   # English questions over Swedish text score lower throughout (session 1, by hand)
    strong_dense: float = 0.92        # a sentence this similar is evidence by itself (was 0.87)
    min_lexical: float = 0.55         # ... else a top sentence must cover this share of the words (was 0.38)
    min_lexical_with_names: float = 0.50  # ... or this, when it holds all the question's names (was 0.30)
    min_lexical_typed: float = 0.30   # ... or this, when the best sentence holds an answer of the kind asked for
    # The similarity floor for a sentence that holds the kind of answer asked for and
    # covers this share of the question's words (session 9). ``bench.calibrate --confirmed``:
    # every value in 0.74-0.80 / 0.7-1.0 leaves SweQUAD-train (962 unanswerable) and the
    # calibration seeds exactly as they are, so the data sets no bound; the middle of that
    # range was taken by hand (held-out seed set: answered 0.944 -> 0.972, declined unchanged).
    # Session 13 applies the same pair to English sentences (every glossed word covered), by hand
    # from a heldout19 miss, so that set's later figures are optimistic; no seed set lost a question.
    # Session 15 applies it to English questions (lists and open ones too) whose names are all
    # found, by hand from a heldout25 miss (its later figure optimistic); no seed set lost a question.
    # Session 22 applies it to English questions that name nothing, every word found, by hand
    # from a heldout42 miss (its later figure optimistic); no seed set lost a question, and
    # heldout24 gained one.
    min_dense_confirmed: float = 0.76
    min_lexical_confirmed: float = 0.9
    # "how many X": the noun after the number this close to X as e5 word vectors, when their
    # stems differ. Across languages (session 1: translations 0.89-0.94): 0.88. Within Swedish,
    # session 5 measured unrelated nouns up to 0.917 ("ordningsvakter" / "förvaltningens",
    # 0.906 to "SSPF-koordinatorer", which answered "how many new guards" with two coordinators)
    # and a synonym at 0.942 ("personer" / "individer"), so 0.93 (by hand, 20 word pairs).
    min_counted_similarity: float = 0.88
    min_counted_similarity_same_language: float = 0.93

    def min_dense_for(self, language: str) -> float:
        return self.min_dense_english if language == "en" else self.min_dense


@dataclass(frozen=True)
class ListSettings:
    """List and summary answers (``assistant.listing``). ``relative_floor``, ``mmr_lambda`` and
    ``dense_margin`` were chosen by ``python -m bench.tune_lists`` (grid, mean points covered
    by the 6 list questions of tests/eval/calibration.jsonl: 0.319 -> 0.528; ties broken
    toward fewer, closer points); the rest by hand in session 3. Held-out figures: README."""

    max_items: int = 8              # at most this many points (the issue asks "about 8")
    passages: int = 12              # passages whose sentences may become points
    passages_per_party: int = 3     # "what do the parties propose": the best passages of each party too
    proposals_per_party: int = 2    # ... and at least this many of each party's proposals in the answer
    #                                 (session 14, by hand: one point per party of six said too little)
    embedded: int = 48              # sentences embedded per list question (the most promising)
    relative_floor: float = 0.4     # a point scores at least this share of its speaker's best point
    dense_margin: float = 0.08      # ... and is at most this much less similar to the question
    # A point from another document than the one holding most of the score of the
    # ``max_items`` best points must score this share of the best point (session 10). Grid 0-1
    # (``python -m bench.tune_lists --other-document``) on the 73 list questions of
    # calibration.jsonl and heldout-heldout9 (read in earlier sessions, so used as calibration
    # here), with the session's final code: points covered 0.779 -> 0.782 from 0.8 up, citation
    # precision 0.970 -> 0.986 at 0.9, 0.992 at 1.0; 0.9 by hand, so that another paper's
    # nearly as good point stays. Held out (heldout10-14, 31 lists, never used to choose a
    # list number): covered 0.795 unchanged, precision 0.944 -> 0.990.
    other_document_floor: float = 0.9
    floor_margin: float = 0.04      # a speaker's best point may be this much under the gate's floor
    mmr_lambda: float = 0.7         # relevance vs. novelty in maximal marginal relevance
    party_balance: float = 0.1      # "what do the parties want": penalty per point already taken from a party
    # e5 cosine above which two points say the same. 0.93 by hand until session 10, when two
    # different sentences about one project measured 0.937 ("Nära kopplat till arbetet med
    # *Trefas* …" / "Sedan hösten 2019 har staden … gått in i ett gemensamt projekt *Trefas* …").
    # ``python -m bench.tune_lists --duplicates`` on the 73 calibration lists: points covered
    # 0.765 at 0.93, 0.782 from 0.96 to 0.99 (flat); 0.96, the least change that reaches it.
    # Held out (31 lists): 0.789 -> 0.795.
    duplicate_similarity: float = 0.96
    # "Vad föreslår Andréa Hedin?": what a named speaker says that puts nothing forward (no
    # "vill"/"ska"/"bör", no heading of proposals above it) counts this share of its score
    # (session 11). ``python -m bench.tune_lists --unproposed``: the 73 calibration lists are
    # flat over 0.2-1.0 (0.782; none asks a named person's proposals), so 0.5 by hand; held
    # out (heldout10-15, 38 lists): covered 0.770 at 1.0 (off) -> 0.785 from 0.65 down.
    unproposed_share: float = 0.5
    whole_item_chars: int = 500     # a point in a bulleted item cites the whole item up to this long
    #                                 (session 5, by hand: the seeds' bullets are 60-420 characters)
    summary_own: int = 3            # a document summary opens with up to this many sentences of the
    #                                 document's own summary section (session 6, by hand)
    heading_rank: int = 3           # a heading among this many best sentences lends its section's
    #                                 sentences its score (session 6, by hand: "Vår kritik mot …" ranked 1st)
    section_reach: int = 4000       # ... read over at most this many characters (session 6, by hand: a
    #                                 bound; 2 x max_items sentences usually end the section first)
    min_words: int = 5              # shorter sentences are headings or fragments, not points
    min_sentence_words: int = 3     # ... unless they end like a sentence ("Fältassistenternas uppsökande
    #                                 arbete fortsätter."; session 5, by hand from a held-out list miss)
    intro_tail_words: int = 3       # a sentence's line closing with a sentence this short that ends
    #                                 like an introduction ("Exempelvis:") brings the items after it
    #                                 (session 8, by hand from a held-out list miss)


@dataclass(frozen=True)
class FactoidSettings:
    """One-fact answers (``assistant.answering``). Set by hand on the seed questions of
    sessions 1-2 (tests/eval/calibration.jsonl); unchanged in session 3."""

    near_best: float = 0.8            # a sentence holding the asked-for kind replaces the best one
    #                                   when it scores at least this share of it
    continuation_credit: float = 0.8  # "typed" credit of a sentence whose list item goes on to the answer
    continuation_reach: int = 600     # characters a quote may grow to reach the answer in its item
    open_continuation: int = 400      # ... and for open questions, while the next sentence shares words
    conflict_min_lexical: float = 0.4  # another document's value counts as a conflict only when its
    conflict_dense_slack: float = 0.02  # sentence covers this share and is this close to the gate's floor
    common_word_share: float = 0.002  # a stem in more than this share of passages is an ordinary word
    pointer_coverage: float = 0.5     # a question of the document covering this share of the user's
    #                                   words points at the answer after it (session 3, calibration set)
    pointer_reach: int = 2500         # ... which runs at most this many characters, to the next question
    name_word_share: float = 0.5      # "Vem …?": a sentence with a name replaces a better one without
    #                                   only when it covers this share of that one's question words
    #                                   other than names (session 7, by hand, from two held-out misses,
    #                                   so those sets' later figures are optimistic: "Vem ska kunna
    #                                   ringa dit?" must not take a line naming somebody else, a
    #                                   signature row under "godkänts digitalt" must still answer)
    label_line_words: int = 4         # a whole line this short without a sentence end is a label or
    #                                   a value, read with the short lines above it (session 5, by hand)
    heading_block: int = 600          # characters at a document's start that hold its heading block
    #                                   (the same opening index.metadata reads dates and kinds from)
    event_sentences: int = 5          # "Varför <verb in the past> …?": one of this many best sentences
    #                                   must tell of that event (session 9, by hand: the gate's own
    #                                   top-five word cover); session 13 reads "Vem grundade …?" and
    #                                   "Vilken stad har infört …?" in the same five
    topic_sentences: int = 10         # an open question's topic words (not its names, nor the kind
    #                                   of paper) must be in one of this many best statements, and
    #                                   the first that has them answers when the best has none
    #                                   (session 12, by hand: twice the gate's top five, as a name
    #                                   the question gives lifts every sentence holding it);
    #                                   session 22: "Vem startade …?" looks this far for a sentence
    #                                   that names the doer, once the act is told in the first five
    #                                   (by hand, from a heldout43 follow-up: its later figure optimistic)
    topic_share: float = 0.5          # ... and that first statement must cover this share of those
    #                                   words, idf-weighted (session 12, by hand on SweQUAD-MC's
    #                                   trace: one common verb, "ta", replaced a right answer)
    member_topic_share: float = 0.5   # "Vilken vänsterpartist …?": the person is named in a paper
    #                                   whose top sentence covers this share of the best cover of
    #                                   the question's topic (session 13, by hand on six seed
    #                                   questions read from heldout18/19 and the tests; not calibrated)
    subject_cover_share: float = 0.5  # "How much does X cost?": a figure's sentence lacking the
    #                                   question's rarest held word is declined only when it covers
    #                                   less than this share of the best top sentence's cover
    #                                   (session 13, by hand: heldout18 ru10 and the seed sets; not
    #                                   calibrated)


@dataclass(frozen=True)
class AnswerSettings:
    weights: ScoringWeights = ScoringWeights()
    gate: GateThresholds = GateThresholds()
    lists: ListSettings = ListSettings()
    facts: FactoidSettings = FactoidSettings()
    max_chunks: int = 8       # passages whose sentences are scored
    max_embedded: int = 12    # sentences embedded per factoid question (latency; session 1), when
    #                           their vectors were not stored at index time (stored ones are all compared:
    #                           session 7, calibration seeds 0.889 -> 0.901, SweQUAD span hits 710 -> 712)
    who_passages: int = 20    # who-is: passages retrieved for the name alone (session 3, by hand)
    cover_compared: int = 10  # top sentences whose documents' word cover a draft reports, for a
    #                           conversation's documents to be compared with (session 8, by hand)
    compounds_per_word: int = 8  # an English question's glossed word brings the corpus's this many
    #                              most frequent compounds into its query (session 8, by hand)
    person_reach: int = 20    # a question naming a person: passages searched for what that person
    #                           says, which then come first (session 7, by hand from a held-out miss: a
    #                           statement's second passage, without the name, ranked 9th; = who_passages)
