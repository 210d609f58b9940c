"""Källa: answers about Swedish political and municipal documents, with exact citations.

    from assistant import Assistant
    answer = Assistant.open().ask("Vem skrev interpellationen om Trefas?")
"""

from assistant.core import Assistant
from assistant.errors import DocumentNotFoundError, IndexMismatchError, KallaError, QuestionError
from assistant.settings import Settings
from assistant.types import Answer, AnswerItem, Citation, Filters, PageView, Passage

__all__ = [
    "Answer",
    "AnswerItem",
    "Assistant",
    "Citation",
    "DocumentNotFoundError",
    "Filters",
    "IndexMismatchError",
    "KallaError",
    "PageView",
    "Passage",
    "QuestionError",
    "Settings",
]
