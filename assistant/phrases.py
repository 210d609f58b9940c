"""User-facing sentences of the extractive answerer, in Swedish and English."""

from __future__ import annotations

PHRASES = {
    "sv": {
        "no_support": "Jag hittar inget stöd för det i dokumenten.",
        "curated_party": "Partiet anges inte i texten; det är kuraterad metadata: {reason}",
        "conflict": "Dokumenten anger olika uppgifter:",
        "according_to": "enligt {title}",
        "model_down": "Språkmodellen svarade inte ({error}); svaret nedan är utdrag ur dokumenten.",
        "unsupported": "Utan stöd i dokumenten: {sentences}",
        "model_uncited": "(Språkmodellens svar hade inga giltiga källhänvisningar och visas inte.)",
        "list_intro": "Dokumenten tar upp följande:",
        "no_party": "Utan partibeteckning",
        "page": "s. {page}",
        "sources": "Källor",
        "ocr": "OCR-läst, kontrollera mot sidan",
    },
    "en": {
        "no_support": "I can't find support for that in the documents.",
        "curated_party": "The text does not name the party; this is curated metadata: {reason}",
        "conflict": "The documents disagree:",
        "according_to": "according to {title}",
        "model_down": "The language model did not answer ({error}); the answer below is quoted from the documents.",
        "unsupported": "Not supported by the documents: {sentences}",
        "model_uncited": "(The language model's reply cited no valid passage and is not shown.)",
        "list_intro": "The documents make these points:",
        "no_party": "No party",
        "page": "p. {page}",
        "sources": "Sources",
        "ocr": "read by OCR, check it on the page",
    },
}


def phrase(language: str, key: str, **values: str) -> str:
    table = PHRASES.get(language, PHRASES["sv"])
    return table[key].format(**values)
