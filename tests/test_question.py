import pytest

from assistant.question import analyze, is_follow_up, refers_to_quoted_noun, with_compound_referent
from assistant.scoring import stem_matches
from index.text import tokenize


@pytest.mark.parametrize(
    ("question", "language", "expects"),
    [
        pytest.param("Vilket parti föreslog en avhopparlinje?", "sv", "party", id="vilket-parti"),
        pytest.param("Vem skrev interpellationen om Trefas?", "sv", "author", id="vem-skrev"),
        pytest.param("Vem är stadsdelsdirektör i Älvsjö?", "sv", "person", id="vem-är"),
        pytest.param("Hur många skjutningar skedde 2020?", "sv", "number", id="hur-många"),
        pytest.param("Hur mycket kostar förslaget?", "sv", "amount", id="hur-mycket"),
        pytest.param("När startade Trefas?", "sv", "date", id="när"),
        pytest.param("Var ska trygghetsvandringar genomföras?", "sv", "place", id="var"),
        pytest.param("Och var blir det trygghetsvandringar?", "sv", "place", id="och-var"),
        pytest.param("Vad är situationell brottsprevention?", "sv", "other", id="vad-är"),
        pytest.param("How many shootings were there in 2020?", "en", "number", id="how-many"),
        pytest.param("Which party wants a defector hotline?", "en", "party", id="which-party"),
        pytest.param("Who wrote the interpellation about Trefas?", "en", "author", id="who-wrote"),
        pytest.param("Hur gamla måste de sökande vara?", "sv", "age", id="hur-gamla"),
        pytest.param("Which age group is the programme for?", "en", "age", id="age-group"),
        # People asked for by their role are a person question, not a list.
        pytest.param("Vilka ledamöter röstade emot förslaget?", "sv", "person", id="vilka-role-noun"),
        pytest.param("Which officials signed the reply?", "en", "person", id="which-role-noun"),
        # Letters of a Swedish name do not make the question Swedish.
        pytest.param("Who is the case officer in Hägersten-Älvsjö?", "en", "author", id="english-swedish-name"),
        pytest.param("Vem är Jönsson?", "sv", "person", id="swedish-with-name"),
    ],
)
def test_language_and_expected_answer(question: str, language: str, expects: str) -> None:
    analysed = analyze(question)
    assert (analysed.language, analysed.expects) == (language, expects)


def test_key_terms_are_names_and_numbers() -> None:
    assert analyze("Hur många skjutningar var det i Göteborg 2020?").key_terms == ("Göteborg", "2020")
    assert analyze("Vilket parti tillhör Jan Jönsson?").key_terms == ("Jan Jönsson",)
    assert analyze("Hur många skjutningar var det?").counted == "skjutningar"
    assert analyze("Hur många nya ordningsvakter anställs?").counted == "ordningsvakter"  # past a qualifier
    assert analyze("How many more guards?").counted == "guards"
    # English puts the counted noun last in a run of nouns: the run is what is counted.
    assert analyze("How many police officers work in Rinkeby?").counted == "police officers"
    assert analyze("How many field assistant activities per week are there?").counted == "field assistant activities"
    assert analyze("How many police were there?").counted == "police"
    assert analyze("Hur många av Sveriges skolenheter berördes?").counted == "skolenheter"
    assert analyze("Hur många antogs till forskarutbildningen 2016?").counted is None  # a verb, not a noun
    assert analyze("Vilka får ett mejl med en bekräftelse?").expects != "contact"
    assert analyze("Vilket telefonnummer har handläggaren?").expects == "contact"


def test_compound_list_nouns_and_definite_forms() -> None:
    from assistant.scoring import stem_matches
    from index.text import tokenize

    assert analyze("Vilka trygghetsinsatser har förvaltningen gjort?").shape == "list"
    assert stem_matches(tokenize("skolan")[0], set(tokenize("fristående förskolor och skolor")))
    assert not stem_matches(tokenize("skolan")[0], set(tokenize("gatan och gator")))


@pytest.mark.parametrize(
    ("question", "party"),
    [
        pytest.param("Vilken moderat kommenterar budgeten?", "M", id="noun"),
        pytest.param("Vilka kristdemokrater röstade nej?", "KD", id="plural-noun"),
        pytest.param("Vilka liberaler har skrivit under?", "L", id="liberal-noun"),
        pytest.param("Which Green Party politician spoke first?", "MP", id="party-and-person-word"),
        pytest.param("Which Sweden Democrat asked the question?", "SD", id="english-noun"),
        # An adjective of a party is no person.
        pytest.param("Vilka moderata reformer nämns?", None, id="adjective"),
        pytest.param("Vilken liberal politik förs?", None, id="liberal-adjective"),
    ],
)
def test_a_person_asked_for_by_their_party(question: str, party: str | None) -> None:
    analysed = analyze(question)
    assert analysed.member_of == party
    if party is not None:
        assert analysed.expects == "person" and party in analysed.parties


def test_a_budget_asks_for_an_amount() -> None:
    assert analyze("What is the budget of the new unit?").expects == "amount"
    assert analyze("Hur stor är budgeten för projektet?").expects == "amount"


def test_a_length_of_time_is_asked_for() -> None:
    assert analyze("Hur länge ska linjen vara öppen?").expects == "duration"
    assert analyze("How long has the project been running?").expects == "duration"
    assert analyze("Hur långt är det till Rinkeby?").expects != "duration"
    # ... only where it opens the question or a clause (SweQUAD-MC: a "när" question naming a
    # length of time inside it).
    assert analyze("När får man stanna trots kraven på hur lång tid man har bott här?").expects == "date"


def test_a_party_beside_a_name_is_a_name_of_its_own() -> None:
    assert analyze("Vad kallar Ojanne Moderaternas utspel?").key_terms == ("Ojanne", "Moderaternas")
    assert analyze("Vad säger Socialdemokraternas Jan Valeskog?").key_terms == ("Socialdemokraternas", "Jan Valeskog")
    assert analyze("Vad vill Feministiskt initiativ?").key_terms == ("Feministiskt initiativ",)


def test_an_english_month_is_part_of_a_date_not_a_name() -> None:
    assert analyze("Who approved the reply on 10 September 2024?").key_terms == ("10", "2024")


@pytest.mark.parametrize("question, expects", [
    ("Vems e-postadress är info@example.se?", "person"),
    ("Whose phone number is 08-123 45 67?", "person"),
    ("Vem har telefonnummer 08-123 45 67?", "person"),
    ("Vilket telefonnummer har handläggaren?", "contact"),
    ("What kind of phone line does the party want?", "other"),
    ("Vad ska telefonjouren heta?", "other"),
])
def test_whose_contact_detail_asks_for_a_person(question: str, expects: str) -> None:
    assert analyze(question).expects == expects


def test_a_count_of_the_answers_asked_for_is_no_topic_word() -> None:
    question = analyze("Vilka fyra partier står bakom skrivelsen?")
    assert question.expects == "party"
    assert "fyr" not in question.terms and "fyra" not in question.terms
    assert analyze("Which two parties made a reservation?").expects == "party"


@pytest.mark.parametrize("question, quote, expected", [
    ("Vem har tagit fram programmet?", "Under sommaren tog förvaltningen fram ett sommarlovsprogram.",
     "Vem har tagit fram sommarlovsprogram?"),
    ("Vad kostar satsningen?", "Vi gör en riktad trygghetssatsning mot unga.", "Vad kostar trygghetssatsning?"),
    ("Vem leder arbetet?", "Det förebyggande arbetet är viktigt.", None),  # no compound: as it is
    ("Vad kostar Trefas?", "Ett sommarlovsprogram och Trefasprojektet.", None),  # a name of its own
])
def test_a_definite_noun_ending_a_quoted_compound_is_that_compound(question: str, quote: str,
                                                                   expected: str | None) -> None:
    assert with_compound_referent(question, [quote]) == expected


@pytest.mark.parametrize("question, shape, expects", [
    ("Vem är Linda Palos chef?", "factoid", "person"),       # someone else, by a relation to her
    ("Who is Lisa Palm's deputy?", "factoid", "person"),
    ("Vem är Linda Palo?", "who", "person"),
    ("Vad heter hennes parti?", "factoid", "party"),
    ("Which Green Party politician spoke first?", "factoid", "person"),
])
def test_a_name_in_the_genitive_is_not_who_is_asked_about(question: str, shape: str, expects: str) -> None:
    analysed = analyze(question)
    assert (analysed.shape, analysed.expects) == (shape, expects)


@pytest.mark.parametrize("question, expects", [
    ("I vilket polishus ska gruppen sitta?", "place"),
    ("På vilken skola började projektet?", "place"),
    ("På vilket sätt fortbildas personalen?", "other"),
    ("I vilket syfte inrättades fonden?", "other"),
    ("I vilket kapitel finns redovisningen?", "other"),
    ("På vilket material används färgen?", "other"),
    ("Vad heter projektet?", "other"),
    ("Vad heter den nya metoden?", "other"),
    ("Vad heter ordföranden?", "person"),
    ("Vad heter polischefen i Rinkeby?", "person"),
])
def test_what_kind_of_answer_a_preposition_or_a_name_question_asks(question: str, expects: str) -> None:
    assert analyze(question).expects == expects


def test_a_definite_noun_whose_indefinite_form_was_just_quoted_refers_back() -> None:
    quote = "Det här är en metod som är beprövad och långsiktig."
    assert refers_to_quoted_noun("Var har metoden införts?", [quote])
    assert not refers_to_quoted_noun("Var har projektet startat?", [quote])
    assert not refers_to_quoted_noun("Var har metoden Sluta skjut införts?", [quote])  # names its own


@pytest.mark.parametrize("question, parties", [
    ("Vad vill M?", ("M",)),
    ("Vad tycker SD om ordningsvakter?", ("SD",)),
    ("What does the KD propose?", ("KD",)),
    ("Vad står SSPF för?", ()),
    ("Vad vill M-styret?", ()),  # a compound, not the party standing alone
])
def test_a_partys_letters_standing_alone_in_a_question_name_it(question: str, parties: tuple) -> None:
    assert analyze(question).parties == parties


def test_what_a_thing_includes_is_a_list() -> None:
    assert analyze("Vilka aktiviteter ingår i programmet?").shape == "list"
    assert analyze("Vilka moment omfattar utbildningen?").shape == "list"


@pytest.mark.parametrize("word, text", [
    ("extramedlen", "extramedel från stadsledningskontoret"),  # the "e" of -el drops when inflected
    ("reglerna", "enligt en regel"),
    ("exempel", "flera exemplen"),
])
def test_a_noun_whose_e_drops_when_inflected_matches_its_base_form(word: str, text: str) -> None:
    assert stem_matches(tokenize(word)[0], set(tokenize(text)))


@pytest.mark.parametrize("question, follows", [
    ("Hur mycket pengar?", True),
    ("Hur många?", True),
    ("When?", True),
    ("Vem är handläggare?", False),  # complete, however short
    ("Vad är SSPF?", False),
])
def test_a_question_word_with_at_most_one_more_word_leans_on_the_one_before(question: str, follows: bool) -> None:
    assert is_follow_up(analyze(question)) == follows


def test_where_from_is_a_question_word() -> None:
    assert not any(t.startswith("varifrån") for t in analyze("Varifrån kommer pengarna?").terms)


def test_a_short_word_matches_as_a_compounds_head() -> None:
    assert stem_matches(tokenize("fonder")[0], set(tokenize("trygghetsfonden ska förlängas")))
    assert not stem_matches(tokenize("fonder")[0], set(tokenize("fondbolaget")))  # a head, not a first part
